//! Who may read and who may write. With a read token set, every request but the health check
//! carries it — as a browser sends it after asking (HTTP Basic, the token as the password) or
//! as a program does (`Authorization: Bearer`); the write token reads too. Uploads and
//! removals carry the write token. Tokens are compared in time that does not depend on where
//! they differ.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;

use super::error::ApiError;
use super::AppState;
use crate::message;

/// What a browser is told when it must ask for the read token.
const CHALLENGE: &str = "Basic realm=\"trichdan\", charset=\"UTF-8\"";

/// Lets a request through when no read token is set, when it asks for the health check, or
/// when it carries the read or the write token; else 401 with the browser's challenge.
pub async fn guard_reads(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(read) = state.read_token.as_deref() else {
        return next.run(req).await;
    };
    let sent = credential(req.headers());
    let allowed = [Some(read), state.token.as_deref()]
        .into_iter()
        .flatten()
        .any(|t| {
            sent.as_deref()
                .is_some_and(|s| same(s.as_bytes(), t.as_bytes()))
        });
    if allowed || req.uri().path() == "/api/health" {
        return next.run(req).await;
    }
    let mut res = ApiError::new(
        StatusCode::UNAUTHORIZED,
        "read_token_required",
        message::api::READ_TOKEN,
    )
    .into_response();
    res.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static(CHALLENGE),
    );
    res
}

/// The token a request carries: a bearer token, or a Basic password (any user name).
fn credential(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    if let Some(token) = value.strip_prefix("Bearer ") {
        return Some(token.to_string());
    }
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let pair = String::from_utf8(decoded).ok()?;
    Some(
        pair.split_once(':')
            .map_or(pair.clone(), |(_, p)| p.to_string()),
    )
}

/// Checks the bearer token of a write.
pub fn authorize_write(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &state.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes_disabled",
            message::api::WRITES_DISABLED,
        ));
    };
    let sent = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !sent.is_some_and(|s| same(s.as_bytes(), token.as_bytes())) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            message::api::UNAUTHORIZED,
        ));
    }
    Ok(())
}

/// Compares in time that depends on the lengths only, not on where the bytes differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
