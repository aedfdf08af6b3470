//! The page: `web/` embedded in the binary (it works with no internet), `index.html` for
//! every page path (the page routes itself: `/`, `/van-ban/…`, `/so-hieu/…`, `/den-han`,
//! `/kiem-tra`, `/them-van-ban`; any other path answers 404, the page saying so), assets
//! under `/static/`.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::AppState;

/// `index.html` with the page's words (from [`crate::message`]) put in.
static INDEX: LazyLock<String> = LazyLock::new(|| {
    include_str!("../../web/index.html").replace(
        "{{WORDS}}",
        &crate::message::page_words()
            .to_string()
            .replace("</", "<\\/"),
    )
});

/// The assets: name, content type, bytes.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../web/style.css"),
    ),
    (
        "cytoscape.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/vendor/cytoscape.min.js"),
    ),
    (
        "dagre.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/vendor/dagre.min.js"),
    ),
    (
        "cytoscape-dagre.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../web/vendor/cytoscape-dagre.js"),
    ),
];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/static/{name}", get(asset))
        .fallback(get(index))
}

/// The paths the page has a view for.
fn is_page(path: &str) -> bool {
    matches!(path, "/" | "/den-han" | "/kiem-tra" | "/them-van-ban")
        || ["/van-ban/", "/so-hieu/"]
            .iter()
            .any(|p| path.strip_prefix(p).is_some_and(|rest| !rest.is_empty()))
}

async fn index(uri: Uri) -> Response {
    let status = if is_page(uri.path()) {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX.as_str(),
    )
        .into_response()
}

async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, kind, bytes)) => (
            [
                (header::CONTENT_TYPE, *kind),
                (header::CACHE_CONTROL, "max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, crate::message::api::NO_ASSET).into_response(),
    }
}
