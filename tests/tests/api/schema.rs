/// `schema.graphql` is the contract the SPA is generated from: it must be
/// exactly what the server prints.
#[test]
fn schema_graphql_matches_the_server() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema.graphql");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let current = ponte_server::graphql::sdl();
    assert!(
        committed == current,
        "schema.graphql is stale: run `cargo run -q -p ponte-server -- export-schema > schema.graphql`"
    );
}
