//! The HTTP server: the JSON API under `/api` and the page staff open, both over one
//! [`Engine`]. [`app`] builds the router (tests call it without a socket); [`serve`] binds it,
//! building the index first when there is none (answering 503 meanwhile), and stops on Ctrl-C.

mod access;
mod api;
mod error;
mod openapi;
mod page;
mod shed;
pub mod watch;

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};

use crate::engine::Engine;
use crate::Error;

pub use error::ApiError;
pub use shed::{Limits, MAX_IN_FLIGHT, MAX_UPLOADS};

/// The largest request body: an upload of the largest file the reader accepts, plus the
/// multipart framing.
pub const MAX_BODY_BYTES: usize = crate::ingest::MAX_FILE_BYTES as usize + (1 << 20);
/// How long a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long an upload may take: a scan is read by OCR, a few seconds a page, and an upload
/// cut short would still be added (its reading cannot be stopped) while the client is told
/// it failed.
pub const UPLOAD_TIMEOUT: Duration = Duration::from_secs(20 * 60);

/// What every handler shares: the engine (none while the index is being built) and the token
/// that allows writes (none: the server only reads).
#[derive(Clone)]
pub struct AppState {
    slot: Arc<RwLock<Option<Arc<Engine>>>>,
    /// Set when the build the server waits for failed: it will not become ready.
    failed: Arc<std::sync::atomic::AtomicBool>,
    token: Option<String>,
    /// Asked of every request when set (see [`access`]).
    read_token: Option<String>,
    /// How many requests and uploads are taken at once (see [`shed`]).
    limits: Limits,
}

impl AppState {
    /// A state serving `engine`; an empty token is no token (writes stay refused).
    pub fn new(engine: Engine, token: Option<String>) -> AppState {
        let state = AppState::building(token);
        state.ready(engine);
        state
    }

    /// A state whose engine is still being built ([`AppState::ready`] sets it).
    pub fn building(token: Option<String>) -> AppState {
        AppState {
            slot: Arc::new(RwLock::new(None)),
            failed: Arc::default(),
            token: token.filter(|t| !t.is_empty()),
            read_token: None,
            limits: Limits::default(),
        }
    }

    /// The state taking at most `limits` at once.
    pub fn with_limits(mut self, limits: Limits) -> AppState {
        self.limits = limits;
        self
    }

    /// The state asking `read_token` of every request but the health check (an empty token
    /// is no token).
    pub fn with_read_token(mut self, read_token: Option<String>) -> AppState {
        self.read_token = read_token.filter(|t| !t.is_empty());
        self
    }

    /// The engine is ready: answer with it from now on.
    pub fn ready(&self, engine: Engine) {
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(engine));
    }

    /// The build the server waited for failed: answer so, instead of "building", from now on.
    pub fn failed(&self) {
        self.failed
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    fn engine(&self) -> Result<Arc<Engine>, ApiError> {
        let engine = self.slot.read().unwrap_or_else(|e| e.into_inner()).clone();
        engine.ok_or_else(|| {
            if self.failed.load(std::sync::atomic::Ordering::Relaxed) {
                ApiError::new(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    "build_failed",
                    crate::message::api::BUILD_FAILED,
                )
            } else {
                Error::Building.into()
            }
        })
    }
}

/// The router: `/api/…` endpoints, `/api/openapi.json`, and the page for every other GET.
pub fn app(state: AppState) -> Router {
    let (api, openapi) = openapi::routes().split_for_parts();
    let openapi_json = serde_json::to_string(&openapi).expect("the OpenAPI description");
    Router::new()
        .merge(api)
        .route(
            "/api/openapi.json",
            axum::routing::get(move || async move {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    openapi_json,
                )
            }),
        )
        .route("/api", axum::routing::any(api::no_endpoint))
        .route("/api/{*rest}", axum::routing::any(api::no_endpoint))
        .merge(page::routes())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            access::guard_reads,
        ))
        .with_state(state.clone())
        // axum's own limit, which its extractors (multipart) answer with 413
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(deadline))
        .layer(axum::middleware::from_fn_with_state(state, shed::shed))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(tracing::Level::INFO))
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
}

/// Answers 408 past [`REQUEST_TIMEOUT`], or [`UPLOAD_TIMEOUT`] for an upload.
async fn deadline(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let upload = req.method() == axum::http::Method::POST && req.uri().path() == "/api/documents";
    let limit = if upload {
        UPLOAD_TIMEOUT
    } else {
        REQUEST_TIMEOUT
    };
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => ApiError::new(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            "timeout",
            crate::message::api::TIMEOUT,
        )
        .into_response(),
    }
}

/// Serves `state` on `addr` until Ctrl-C; `ready` runs once listening (to build the index).
pub async fn serve(addr: SocketAddr, state: AppState) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
