//! The JSON endpoints under `/api`: each parses and bounds its parameters, calls the engine on
//! a blocking thread and answers its view, or an [`ApiError`].

use std::time::Instant;

use axum::extract::rejection::PathRejection;
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::json;

use super::access::authorize_write;
use super::error::{explained, ApiError, ErrorBody};
use super::AppState;
use crate::cite::Relation;
use crate::date::Date;
use crate::engine::{DocumentView, Engine, IdentifierView, Overview, Stats, MAX_DEPTH, MAX_NODES};
use crate::followup::{agenda::Agenda, sheet, FollowUp};
use crate::format::Format;
use crate::graph::{Chain, Direction};
use crate::index::{SearchRequest, SearchResult, Sort, MAX_LIMIT};
use crate::lint::{Check, ReportPage};
use crate::{message, Error};
use axum::http::header;

/// Query parameters, decoded; a value that is not UTF-8 is refused.
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(raw: Option<String>) -> Result<Params, ApiError> {
        let raw = raw.unwrap_or_default();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if pairs
            .iter()
            .any(|(k, v)| k.contains('\u{FFFD}') || v.contains('\u{FFFD}'))
        {
            return Err(ApiError::bad_parameter(message::api::PARAM_NOT_UTF8));
        }
        Ok(Params(pairs))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.get(name)
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| ApiError::bad_parameter(message::api::missing(name)))
    }

    /// A whole number in `0..=max`, or `default` when absent.
    fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(default);
        };
        match v.trim().parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(ApiError::bad_parameter(message::api::bad_number(
                name, v, max,
            ))),
        }
    }
}

/// A path segment as sent, percent-decoded; one that is not UTF-8 is refused.
fn segment(value: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    let Path(value) = value.map_err(|_| ApiError::bad_parameter(message::api::PATH_NOT_UTF8))?;
    if value.trim().is_empty() {
        return Err(ApiError::bad_parameter(message::api::ID_MISSING));
    }
    Ok(value)
}

/// Runs an engine call on a blocking thread (tantivy reads are blocking).
async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Engine) -> Result<T, Error> + Send + 'static,
) -> Result<T, ApiError> {
    let engine = state.engine()?;
    tokio::task::spawn_blocking(move || f(&engine).map_err(|e| explained(&engine, e)))
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                message::api::INTERNAL,
            )
        })?
}

/// A search answer: the result and the time it took.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchAnswer {
    #[serde(flatten)]
    pub result: SearchResult,
    pub took_ms: f64,
}

/// Search the archive.
#[utoipa::path(get, path = "/api/search",
    params(
        ("q" = String, Query, description = "Từ khóa, số ký hiệu, bộ lọc (see the README)"),
        ("limit" = Option<usize>, Query, description = "hits per page, 1..=100"),
        ("offset" = Option<usize>, Query, description = "hits to skip; offset + limit ≤ 10,000"),
        ("sort" = Option<Sort>, Query, description = "relevance (default), newest or oldest"),
    ),
    responses(
        (status = 200, body = SearchAnswer),
        (status = 400, body = ErrorBody, description = "bad query or parameter"),
        (status = 503, body = ErrorBody, description = "the index is being built"),
    ))]
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchAnswer>, ApiError> {
    let p = Params::parse(raw)?;
    let request = SearchRequest {
        query: p.get("q").unwrap_or_default().to_string(),
        limit: p.number("limit", 10, MAX_LIMIT)?,
        offset: p.number("offset", 0, usize::MAX)?,
        sort: p.get("sort").unwrap_or_default().parse()?,
    };
    let started = Instant::now();
    let result = blocking(&state, move |e| e.search(&request)).await?;
    Ok(Json(SearchAnswer {
        result,
        took_ms: started.elapsed().as_secs_f64() * 1e3,
    }))
}

/// A document: fields, text, citations with the node each links to, relation groups.
#[utoipa::path(get, path = "/api/documents/{id}",
    params(("id" = String, Path, description = "the corpus id (file name without extension)")),
    responses(
        (status = 200, body = DocumentView),
        (status = 404, body = ErrorBody, description = "no such document"),
    ))]
pub async fn document(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<DocumentView>, ApiError> {
    let id = segment(id)?;
    Ok(Json(blocking(&state, move |e| e.document(&id)).await?))
}

/// An identifier's page; several documents with it answer 300 with the candidates.
#[utoipa::path(get, path = "/api/ids/{identifier}",
    params(
        ("identifier" = String, Path, description = "21-KL/TW (URL-encoded), 107-KH/TU@Quảng Nam, or a corpus id"),
        ("depth" = Option<usize>, Query, description = "implementers down to this depth, ≤ 10"),
    ),
    responses(
        (status = 200, body = IdentifierView),
        (status = 300, body = ErrorBody, description = "several documents: `candidates`"),
        (status = 404, body = ErrorBody, description = "unknown: `suggestions`"),
    ))]
pub async fn identifier(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<IdentifierView>, ApiError> {
    let id = segment(id)?;
    let depth = Params::parse(raw)?.number("depth", crate::graph::SHOWN_DEPTH, MAX_DEPTH)?;
    Ok(Json(
        blocking(&state, move |e| e.identifier(&id, depth)).await?,
    ))
}

/// A directive's follow-up: the units asked and the plan each issued, tasks, deadlines.
#[utoipa::path(get, path = "/api/follow-up/{identifier}",
    params(
        ("identifier" = String, Path, description = "the directive: 31-CTr/TW (URL-encoded), a scoped node or a corpus id"),
        ("as_of" = Option<String>, Query, description = "the day deadlines are judged on, YYYY-MM-DD (today by default)"),
        ("format" = Option<String>, Query, description = "json (default), csv or xlsx"),
    ),
    responses(
        (status = 200, body = FollowUp, description = "JSON; with format=csv or xlsx the table as a file"),
        (status = 300, body = ErrorBody, description = "several documents: `candidates`"),
        (status = 400, body = ErrorBody, description = "a bad day or format"),
        (status = 404, body = ErrorBody, description = "unknown: `suggestions`"),
    ))]
pub async fn follow_up(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let id = segment(id)?;
    let params = Params::parse(raw)?;
    let as_of = day(&params, "as_of")?.unwrap_or_else(Date::today);
    let format = params.get("format").unwrap_or("json").to_string();
    if !matches!(format.as_str(), "json" | "csv" | "xlsx") {
        return Err(ApiError::bad_parameter(message::follow::BAD_FORMAT));
    }
    let f = blocking(&state, move |e| e.follow_up(&id, as_of)).await?;
    let file = |ext: &str| {
        format!(
            "attachment; filename=\"theo-doi-{}.{ext}\"",
            safe_name(&f.node)
        )
    };
    Ok(match format.as_str() {
        "csv" => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (header::CONTENT_DISPOSITION, file("csv")),
            ],
            // a byte-order mark: Excel opens UTF-8 CSV as such only with one
            format!("\u{feff}{}", sheet::csv(&f)),
        )
            .into_response(),
        "xlsx" => {
            let bytes = sheet::xlsx(&f).map_err(|_| {
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    message::api::INTERNAL,
                )
            })?;
            let kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            (
                [
                    (header::CONTENT_TYPE, kind.to_string()),
                    (header::CONTENT_DISPOSITION, file("xlsx")),
                ],
                bytes,
            )
                .into_response()
        }
        _ => Json(f).into_response(),
    })
}

/// What falls due in a period across the archive, by unit.
#[utoipa::path(get, path = "/api/due",
    params(
        ("from" = Option<String>, Query, description = "first day, YYYY-MM-DD (today by default)"),
        ("to" = Option<String>, Query, description = "last day, YYYY-MM-DD (30 days on by default; at most 3 years after `from`)"),
    ),
    responses((status = 200, body = Agenda), (status = 400, body = ErrorBody)))]
pub async fn due(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Agenda>, ApiError> {
    let params = Params::parse(raw)?;
    let from = day(&params, "from")?.unwrap_or_else(Date::today);
    let to = day(&params, "to")?.unwrap_or_else(|| Date::from_days(from.days() + 30));
    if to < from || to.days() - from.days() > 3 * 366 {
        return Err(ApiError::bad_parameter(message::follow::BAD_PERIOD));
    }
    Ok(Json(
        blocking(&state, move |e| Ok(e.agenda(from, to))).await?,
    ))
}

/// The data-quality report over the archive (made once per commit).
#[utoipa::path(get, path = "/api/lint",
    params(
        ("check" = Option<String>, Query, description = "only this check: qd_qdi, doubled_suffix, kind_disagrees, date_disagrees, issuer_disagrees, no_own_number, legacy_encoding, unread"),
        ("limit" = Option<usize>, Query, description = "findings per page, 0..=1,000 (200 by default; 0 for the counts alone)"),
        ("offset" = Option<usize>, Query, description = "findings to skip"),
    ),
    responses((status = 200, body = ReportPage), (status = 400, body = ErrorBody),
              (status = 503, body = ErrorBody, description = "the index is being built")))]
pub async fn lint(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ReportPage>, ApiError> {
    let params = Params::parse(raw)?;
    let check = match params.get("check").map(str::trim).filter(|v| !v.is_empty()) {
        Some(name) => Some(
            Check::parse(name)
                .ok_or_else(|| ApiError::bad_parameter(message::lint::unknown_check(name)))?,
        ),
        None => None,
    };
    let limit = params.number("limit", 200, MAX_LINT_LIMIT)?;
    let offset = params.number("offset", 0, usize::MAX)?;
    let report = blocking(&state, |e| e.lint()).await?;
    Ok(Json(report.page(check, offset, limit)))
}

/// Most findings one `/api/lint` answer lists.
const MAX_LINT_LIMIT: usize = 1_000;

/// A day parameter, `YYYY-MM-DD`.
fn day(params: &Params, name: &str) -> Result<Option<Date>, ApiError> {
    match params.get(name).map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse()
            .map(Some)
            .map_err(|_| ApiError::bad_parameter(message::follow::BAD_DATE)),
    }
}

/// An identifier as a file name: letters and digits kept, the rest `-`.
fn safe_name(node: &str) -> String {
    node.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Nodes and edges around a node, for drawing.
#[utoipa::path(get, path = "/api/graph",
    params(
        ("node" = String, Query, description = "an identifier, scoped node or corpus id"),
        ("depth" = Option<usize>, Query, description = "steps, ≤ 10 (default 2)"),
        ("direction" = Option<String>, Query, description = "up, down (the implements chain) or both (any relation; default)"),
        ("cap" = Option<usize>, Query, description = "most nodes, ≤ 500 (default 200)"),
    ),
    responses(
        (status = 200, body = Chain),
        (status = 300, body = ErrorBody), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody),
    ))]
pub async fn graph(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Chain>, ApiError> {
    let p = Params::parse(raw)?;
    let node = p.required("node")?.to_string();
    let depth = p.number("depth", 2, MAX_DEPTH)?;
    let cap = p.number("cap", 200, MAX_NODES)?;
    let direction = match p.get("direction").unwrap_or("both") {
        "up" => Some(Direction::Up),
        "down" => Some(Direction::Down),
        "both" => None,
        other => return Err(ApiError::bad_parameter(message::api::bad_direction(other))),
    };
    let chain = blocking(&state, move |e| match direction {
        Some(dir) => e.chain_graph(&node, Relation::Implements, dir, depth, cap),
        None => e.neighbourhood(&node, depth, cap),
    })
    .await?;
    Ok(Json(chain))
}

/// Counts of what the archive holds.
/// What the archive holds: counts per kind, year, level, place and issuer, the documents
/// with the most implementers, the newest documents (the page's landing view).
#[utoipa::path(get, path = "/api/overview",
    responses(
        (status = 200, body = Overview),
        (status = 503, body = ErrorBody, description = "the index is being built"),
    ))]
pub async fn overview(State(state): State<AppState>) -> Result<Json<Overview>, ApiError> {
    let o = blocking(&state, |e| e.overview()).await?;
    Ok(Json(Overview::clone(&o)))
}

#[utoipa::path(get, path = "/api/stats", responses((status = 200, body = Stats)))]
pub async fn stats(State(state): State<AppState>) -> Result<Json<Stats>, ApiError> {
    Ok(Json(blocking(&state, |e| Ok(e.stats())).await?))
}

/// Whether the server answers (`ok`) or is still building its index (`building`), and
/// whether it takes writes (a token is configured).
#[utoipa::path(get, path = "/api/health", responses((status = 200, description = "{status, documents, writes}")))]
pub async fn health(State(state): State<AppState>) -> Json<serde_json::Value> {
    let writes = state.token.is_some();
    Json(match state.engine() {
        Ok(e) => {
            // a read-only index folder takes no writes, whatever token is set
            let writes = writes && !e.index().is_read_only();
            json!({"status": "ok", "documents": e.index().num_docs(), "writes": writes})
        }
        Err(e) if e.code == "build_failed" => json!({"status": "failed", "writes": writes}),
        Err(_) => json!({"status": "building", "writes": writes}),
    })
}

/// Upload a document (multipart field `file`); searchable once this answers.
#[utoipa::path(post, path = "/api/documents",
    responses(
        (status = 201, description = "{ids}: the documents the file held"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody),
    ),
    security(("bearer" = [])))]
pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, ApiError> {
    authorize_write(&state, &headers)?;
    let mut multipart =
        multipart.map_err(|_| ApiError::bad_parameter(message::api::NOT_MULTIPART))?;
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(e.status(), "bad_upload", message::api::UPLOAD_TOO_LARGE)
        } else {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_upload",
                message::api::UPLOAD_BROKEN,
            )
        }
    };
    while let Some(field) = multipart.next_field().await.map_err(too_large)? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field
            .file_name()
            .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_string())
            .filter(|n| !n.is_empty() && !n.starts_with('.'))
            .ok_or_else(|| ApiError::bad_parameter(message::api::UPLOAD_NO_NAME))?;
        if Format::of(std::path::Path::new(&name)).is_none() {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_format",
                message::api::UNSUPPORTED_FORMAT,
            ));
        }
        let bytes = field.bytes().await.map_err(too_large)?;
        let id = crate::ingest::doc_id(std::path::Path::new(&name));
        let ids = blocking(&state, move |e| e.add_bytes(&name, &id, &bytes)).await?;
        return Ok((StatusCode::CREATED, Json(json!({ "ids": ids }))).into_response());
    }
    Err(ApiError::bad_parameter(message::api::NO_FILE))
}

/// Remove a document.
#[utoipa::path(delete, path = "/api/documents/{id}",
    params(("id" = String, Path, description = "the corpus id")),
    responses(
        (status = 200, description = "{removed}"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
    ),
    security(("bearer" = [])))]
pub async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    authorize_write(&state, &headers)?;
    let id = segment(id)?;
    let r = blocking(&state, move |e| e.remove(&[id])).await?;
    if let Some(id) = r.missing.first() {
        return Err(Error::NoDocument { id: id.clone() }.into());
    }
    Ok(Json(json!({ "removed": r.removed })))
}

/// An `/api` path that is not an endpoint.
pub async fn no_endpoint() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no_endpoint",
        message::api::NO_ENDPOINT,
    )
}
