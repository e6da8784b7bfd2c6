//! Landed migrations must stay as they landed, and they call the shared
//! builders in `table_helpers.rs`: that file is frozen with them. A new or
//! different builder goes in a new file (`table_helpers_v2.rs`).

const TABLE_HELPERS: &str = include_str!("../src/table_helpers.rs");
const PINNED: u64 = 0x76aae44f640c14b4;

/// FNV-1a: enough to notice any edit, and no dependency.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[test]
fn the_helpers_landed_migrations_use_are_unchanged() {
    assert_eq!(
        fingerprint(TABLE_HELPERS),
        PINNED,
        "migration/src/table_helpers.rs changed: landed migrations use it, so it is frozen. \
         Put the new builder in table_helpers_v2.rs and use it from new migrations only."
    );
}

#[test]
fn the_fingerprint_notices_a_one_character_edit() {
    assert_ne!(fingerprint("fk(name)"), fingerprint("fk(nome)"));
}
