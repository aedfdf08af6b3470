//! The API's errors: one JSON shape, `{"error": {"code", "message"}}`, and one HTTP status per
//! library error, so nothing a client sends becomes a 500.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::json;

use crate::engine::Engine;
use crate::Error;

/// An error as the API answers it.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Extra fields of the body (an ambiguous identifier's candidates, suggestions).
    pub extra: Option<serde_json::Value>,
}

/// The error body, for the OpenAPI description.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong: a stable code for programs and a Vietnamese message for people.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            extra: None,
        }
    }

    /// A request parameter that cannot be used.
    pub fn bad_parameter(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_parameter", message)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let message = match &e {
            // the server's own files: no paths to the client
            Error::Io { .. }
            | Error::Storage(_)
            | Error::Corrupt { .. }
            | Error::BadExport { .. } => crate::message::api::STORAGE.to_string(),
            Error::ReadOnly { .. } => crate::message::api::READ_ONLY.to_string(),
            Error::DiskFull { .. } => crate::message::api::DISK_FULL.to_string(),
            // the near spellings go in `suggestions`, said once (the page links them)
            Error::NotFound { query, .. } => crate::message::not_found(query, &[]),
            e => e.to_string(),
        };
        let (status, code) = match &e {
            Error::Query(_) | Error::Identifier { .. } => (StatusCode::BAD_REQUEST, "bad_query"),
            Error::NotFound { .. } => (StatusCode::NOT_FOUND, "unknown_identifier"),
            Error::NoDocument { .. } => (StatusCode::NOT_FOUND, "unknown_document"),
            Error::Ambiguous { .. } => (StatusCode::MULTIPLE_CHOICES, "ambiguous"),
            Error::Building | Error::NoIndex { .. } | Error::Outdated { .. } => {
                (StatusCode::SERVICE_UNAVAILABLE, "building")
            }
            Error::Locked { .. } => (StatusCode::CONFLICT, "locked"),
            Error::ReadOnly { .. } => (StatusCode::CONFLICT, "read_only"),
            Error::DiskFull { .. } => (StatusCode::INSUFFICIENT_STORAGE, "disk_full"),
            Error::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            Error::Classified { .. } => (StatusCode::FORBIDDEN, "classified"),
            Error::Decode { .. }
            | Error::NotText { .. }
            | Error::Format { .. }
            | Error::Unreadable { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "unreadable_file"),
            Error::Io { .. }
            | Error::Storage(_)
            | Error::Corrupt { .. }
            | Error::BadExport { .. } => (StatusCode::INTERNAL_SERVER_ERROR, "storage"),
        };
        let extra = match e {
            Error::Ambiguous { nodes, .. } => {
                let named: Vec<_> = nodes.iter().map(|n| json!({ "node": n })).collect();
                Some(json!({ "candidates": named }))
            }
            Error::NotFound { suggestions, .. } => Some(json!({ "suggestions": suggestions })),
            _ => None,
        };
        ApiError {
            status,
            code,
            message,
            extra,
        }
    }
}

/// The error as the API answers it, an ambiguous identifier's candidates described as
/// lookups describe them (kind, date, issuer, who cites each).
pub fn explained(engine: &Engine, e: Error) -> ApiError {
    let described = match &e {
        Error::Ambiguous { query, .. } => Some(engine.lookup(query).candidates),
        _ => None,
    };
    let mut answer = ApiError::from(e);
    if let Some(candidates) = described.filter(|c| !c.is_empty()) {
        answer.extra = Some(json!({ "candidates": candidates }));
    }
    answer
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({"error": {"code": self.code, "message": self.message}});
        if let (Some(serde_json::Value::Object(extra)), Some(obj)) =
            (self.extra, body.as_object_mut())
        {
            obj.extend(extra);
        }
        (self.status, Json(body)).into_response()
    }
}
