//! The OpenAPI document is a contract with every client: this test keeps it byte-for-byte
//! equal to the committed `openapi.json` beside this file, so that a change to it is
//! always deliberate (regenerate with `GONGBANG_UPDATE_OPENAPI=1 cargo test -p api --test
//! openapi_snapshot` and review the diff).

use std::path::Path;

use utoipa::OpenApi;

#[test]
fn openapi_document_matches_the_committed_snapshot() {
    let served = serde_json::to_string_pretty(&api::routes::openapi::ApiDoc::openapi())
        .expect("the document serialises");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/openapi.json");
    if std::env::var_os("GONGBANG_UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, format!("{served}\n")).expect("the snapshot is written");
    }
    let committed = std::fs::read_to_string(&path).expect("tests/openapi.json exists");
    assert!(
        committed.trim_end() == served,
        "the OpenAPI document changed; regenerate tests/openapi.json if that is intended"
    );
}
