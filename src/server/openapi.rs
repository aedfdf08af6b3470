//! The OpenAPI 3 description, generated from the handlers' annotations (utoipa), served as
//! JSON only (the bundled UIs would load from CDNs).

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, AppState};

#[derive(OpenApi)]
#[openapi(
    info(title = "trichdan", description = "Tìm kiếm và tra cứu văn bản Đảng, Mặt trận Tổ quốc"),
    modifiers(&Bearer)
)]
struct Doc;

/// The bearer scheme the write endpoints require.
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every endpoint with its description.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(Doc::openapi())
        .routes(routes!(api::search))
        .routes(routes!(api::document, api::remove))
        .routes(routes!(api::identifier))
        .routes(routes!(api::follow_up))
        .routes(routes!(api::due))
        .routes(routes!(api::lint))
        .routes(routes!(api::graph))
        .routes(routes!(api::overview))
        .routes(routes!(api::stats))
        .routes(routes!(api::health))
        .routes(routes!(api::upload))
}
