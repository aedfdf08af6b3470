//! How much the server takes at once. A request beyond [`MAX_IN_FLIGHT`] being answered, or an
//! upload beyond [`MAX_UPLOADS`] being received, is answered 503 with `Retry-After` at once
//! instead of queued, so slow clients (a slow upload, many heavy searches) cannot hold the
//! others waiting; the health check is always answered.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use super::error::ApiError;
use super::AppState;
use crate::message;

/// Requests answered at once. Reads take a few milliseconds each on two cores; 64 at once
/// is already seconds of work queued.
pub const MAX_IN_FLIGHT: usize = 64;
/// Uploads received at once: each may take minutes to send and to read (OCR), and they are
/// written one after another anyway.
pub const MAX_UPLOADS: usize = 4;
/// What a client shed is told to wait, in seconds.
const RETRY_AFTER_SECONDS: u32 = 2;

/// The permits requests and uploads take.
#[derive(Clone)]
pub struct Limits {
    requests: Arc<Semaphore>,
    uploads: Arc<Semaphore>,
}

impl Limits {
    pub fn new(requests: usize, uploads: usize) -> Limits {
        Limits {
            requests: Arc::new(Semaphore::new(requests)),
            uploads: Arc::new(Semaphore::new(uploads)),
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::new(MAX_IN_FLIGHT, MAX_UPLOADS)
    }
}

/// Answers a request while permits last, else 503 with `Retry-After`.
pub async fn shed(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.uri().path() == "/api/health" {
        return next.run(req).await;
    }
    let limits = &state.limits;
    let Ok(_request) = limits.requests.clone().try_acquire_owned() else {
        return busy();
    };
    let upload = req.method() == Method::POST && req.uri().path() == "/api/documents";
    let _upload = match upload {
        true => match limits.uploads.clone().try_acquire_owned() {
            Ok(permit) => Some(permit),
            Err(_) => return busy(),
        },
        false => None,
    };
    next.run(req).await
}

fn busy() -> Response {
    let mut res =
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "busy", message::api::BUSY).into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    res
}
