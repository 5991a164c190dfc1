//! `GET /api/v1/openapi.json` against the real server on port 0: an OpenAPI 3.1 document that lists every
//! route of the `/api/v1` router with its method. The routes are read from the router's source (every
//! `.route("/api/v1…", get(…).post(…))` line), so a route added without documentation fails this test.

use crate::common::*;

/// `(path, method)` of every `/api/v1` route declared in the router's source files.
fn declared_routes() -> Vec<(String, String)> {
    let sources = [
        include_str!("../../src/api.rs"),
        include_str!("../../src/auth/routes.rs"),
        include_str!("../../src/programme/api.rs"),
    ];
    let mut routes = Vec::new();
    for source in sources {
        for line in source.lines() {
            let Some(rest) = line.trim().strip_prefix(".route(\"/api/v1") else {
                continue;
            };
            let path = format!(
                "/api/v1{}",
                &rest[..rest.find('"').expect("a closing quote")]
            );
            for method in ["get", "post", "put", "patch", "delete"] {
                if line.contains(&format!("{method}(")) {
                    routes.push((path.clone(), method.to_owned()));
                }
            }
        }
    }
    routes
}

#[tokio::test]
async fn every_api_v1_route_is_in_the_openapi_document() {
    let app = spawn_app().await;
    let response = reqwest::get(format!("{}/api/v1/openapi.json", app.base))
        .await
        .expect("GET");
    assert_eq!(response.status(), 200);
    let document: serde_json::Value = response.json().await.expect("JSON");
    assert!(
        document["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        document["openapi"]
    );
    let routes = declared_routes();
    assert!(routes.len() >= 9, "the source scan found {routes:?}");
    let missing: Vec<_> = routes
        .iter()
        .filter(|(path, method)| document["paths"][path][method].is_null())
        .collect();
    assert!(
        missing.is_empty(),
        "routes missing from /api/v1/openapi.json: {missing:?}"
    );
    // And nothing documented that the router does not serve.
    for (path, item) in document["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            assert!(
                routes.contains(&(path.clone(), method.clone())),
                "{method} {path} is documented but not routed"
            );
        }
    }
}
