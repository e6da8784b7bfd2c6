use ponte_server::domain::fiscal_code::check_character;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{fiscal_code_of, person_input, Desk, CREATE_PERSON};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

on_both_databases!(
    creating_a_person_opens_the_first_referral_to_the_team,
    the_codice_fiscale_is_checked_and_must_agree_with_birth_date_and_sex,
    a_person_without_codice_fiscale_carries_the_reason,
    a_second_person_with_the_same_codice_fiscale_is_a_conflict_revealing_nothing,
    search_ignores_accents_and_case_and_matches_name_prefixes_or_the_exact_code,
    search_pages_have_edges,
    a_name_search_takes_underscore_and_percent_literally,
    the_search_follows_a_rename_and_short_or_odd_words_find_the_same,
    a_name_search_ignores_apostrophes_and_how_a_name_in_parts_is_spaced,
    names_stored_before_apostrophes_were_ignored_are_written_again,
    a_stale_version_is_a_conflict_and_the_earlier_write_is_intact,
    two_simultaneous_updates_with_one_version_have_one_winner,
    reference_persons_and_privacy_consents_are_kept_with_the_person,
    a_reference_person_or_a_consent_moves_the_record_on,
    listing_persons_with_nested_fields_runs_a_bounded_number_of_statements,
    the_total_is_counted_only_when_asked_and_the_next_page_is_known_either_way,
);

const UPDATE: &str = "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id version givenName phone } }";

async fn creating_a_person_opens_the_first_referral_to_the_team(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let mut input = person_input(&desk.team_id, "Bianchi", "Lucia", (1940, 3, 15), "F");
    input["fiscalCode"] = json!(fiscal_code_of(&input).to_lowercase());
    input["referralReason"] = json!("Richiesta di assistenza domiciliare");
    input["urgency"] = json!("PRIORITY");
    let created = desk
        .operator
        .gql(CREATE_PERSON, json!({ "input": input }))
        .await;
    let person = created.ok()["createPerson"].clone();
    assert_eq!(
        person["fiscalCode"],
        fiscal_code_of(&input).to_uppercase(),
        "stored upper case"
    );
    assert!(person["age"].as_i64().unwrap() >= 85);
    assert_eq!(person["referrals"][0]["status"], "OPEN");
    assert_eq!(person["referrals"][0]["team"]["id"], desk.team_id);

    let read = desk
        .operator
        .gql(
            "query($id: ID!) { person(id: $id) { familyName teams { id } referrals { reason urgency source } } }",
            json!({ "id": person["id"] }),
        )
        .await;
    let read = read.ok()["person"].clone();
    assert_eq!(read["teams"][0]["id"], desk.team_id);
    assert_eq!(
        read["referrals"][0]["reason"],
        "Richiesta di assistenza domiciliare"
    );
    assert_eq!(read["referrals"][0]["urgency"], "PRIORITY");
    assert_eq!(read["referrals"][0]["source"], "SERVICE");

    // A team the creator is not in cannot be given.
    let elsewhere = app
        .team(&desk.admin, "UVM Breno", "UVM", &desk.organization_id)
        .await;
    let refused = desk
        .operator
        .gql(
            CREATE_PERSON,
            json!({ "input": person_input(&elsewhere, "Verdi", "Anna", (1950, 1, 1), "F") }),
        )
        .await;
    refused.expect_code("FORBIDDEN");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM persons").await,
        1,
        "nothing written"
    );
}

async fn expect_field(client: &Client, input: Value, field: &str) {
    let response = client.gql(CREATE_PERSON, json!({ "input": input })).await;
    response.expect_code("VALIDATION");
    assert_eq!(response.field(), Some(field), "{}", response.body);
    assert!(!response.message().is_empty());
}

async fn the_codice_fiscale_is_checked_and_must_agree_with_birth_date_and_sex(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let base = person_input(&desk.team_id, "Rossi", "Mario", (1980, 1, 1), "M");
    assert_eq!(
        fiscal_code_of(&base),
        "RSSMRA80A01B149F".replace('F', &check_character("RSSMRA80A01B149").to_string())
    );

    let with_code = |code: &str| {
        let mut input = base.clone();
        input["fiscalCode"] = json!(code);
        input
    };
    let good = fiscal_code_of(&base);
    // Omocodia: the last digit of the place code replaced by its letter (9 → V).
    let omocode_first15 = format!("{}V", &good[..14]);
    let omocode = format!("{omocode_first15}{}", check_character(&omocode_first15));
    let wrong_check = format!(
        "{}{}",
        &good[..15],
        if good.ends_with('A') { 'B' } else { 'A' }
    );
    let impossible_month = format!("{}Z{}", &good[..8], &good[9..]);
    let impossible_day_first15 = format!("{}32{}", &good[..9], &good[11..15]);
    let impossible_day = format!(
        "{impossible_day_first15}{}",
        check_character(&impossible_day_first15)
    );

    expect_field(&desk.operator, with_code(&wrong_check), "fiscalCode").await;
    expect_field(&desk.operator, with_code(&impossible_month), "fiscalCode").await;
    expect_field(&desk.operator, with_code(&impossible_day), "fiscalCode").await;
    expect_field(&desk.operator, with_code("RSSMRA80A01"), "fiscalCode").await;
    let mut wrong_date = base.clone();
    wrong_date["birthDate"] = json!("1980-01-02");
    expect_field(&desk.operator, wrong_date, "birthDate").await;
    let mut wrong_sex = base.clone();
    wrong_sex["sex"] = json!("F");
    expect_field(&desk.operator, wrong_sex, "sex").await;
    let mut future = base.clone();
    future["birthDate"] = json!("2999-01-01");
    future["fiscalCode"] = Value::Null;
    future["fiscalCodeMissingReason"] = json!("NOT_ASSIGNED");
    expect_field(&desk.operator, future, "birthDate").await;
    let bad_date = desk
        .operator
        .gql(
            CREATE_PERSON,
            json!({ "input": { "birthDate": "1980-02-31" } }),
        )
        .await;
    assert!(bad_date.code().is_some(), "{}", bad_date.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, 0);

    let created = desk
        .operator
        .gql(
            CREATE_PERSON,
            json!({ "input": with_code(&omocode.to_lowercase()) }),
        )
        .await;
    assert_eq!(created.ok()["createPerson"]["fiscalCode"], omocode);
}

async fn a_person_without_codice_fiscale_carries_the_reason(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let mut input = person_input(&desk.team_id, "Popescu", "Ion", (1975, 7, 7), "M");
    input["fiscalCode"] = Value::Null;
    expect_field(&desk.operator, input.clone(), "fiscalCode").await;
    input["fiscalCodeMissingReason"] = json!("ENI");
    expect_field(&desk.operator, input.clone(), "alternativeCode").await;
    input["alternativeCode"] = json!("eni0300011234567");
    let created = desk
        .operator
        .gql(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { fiscalCode fiscalCodeMissingReason alternativeCode } }",
            json!({ "input": input }),
        )
        .await;
    let person = &created.ok()["createPerson"];
    assert!(person["fiscalCode"].is_null());
    assert_eq!(person["fiscalCodeMissingReason"], "ENI");
    assert_eq!(person["alternativeCode"], "ENI0300011234567");
}

async fn a_second_person_with_the_same_codice_fiscale_is_a_conflict_revealing_nothing(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let input = person_input(&desk.team_id, "Ferrari", "Giulia", (1960, 5, 20), "F");
    app.person(&desk.operator, input.clone()).await;

    let other_team = app
        .team(
            &desk.admin,
            "Servizio Darfo",
            "SERVIZIO",
            &desk.organization_id,
        )
        .await;
    let (stranger, stranger_id) = app.operator("estraneo@comune.test").await;
    app.add_member(&desk.admin, &other_team, &stranger_id, "MEMBER")
        .await;
    let mut again = input.clone();
    again["teamId"] = json!(other_team);
    again["givenName"] = json!("Giulia");
    let response = stranger.gql(CREATE_PERSON, json!({ "input": again })).await;
    response.expect_code("CONFLICT");
    let text = response.body.to_string();
    for secret in ["Ferrari", "Giulia", &desk.team_id] {
        assert!(!text.contains(secret), "{secret} revealed: {text}");
    }
    assert!(response.data().is_null() || response.data()["createPerson"].is_null());
}

async fn names(client: &Client, search: &str) -> Vec<String> {
    let response = client
        .gql(
            "query($s: String) { persons(search: $s, first: 50) { nodes { familyName givenName } } }",
            json!({ "s": search }),
        )
        .await;
    response.ok()["persons"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            format!(
                "{} {}",
                n["familyName"].as_str().unwrap(),
                n["givenName"].as_str().unwrap()
            )
        })
        .collect()
}

async fn search_ignores_accents_and_case_and_matches_name_prefixes_or_the_exact_code(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let nicolo = person_input(&desk.team_id, "Zanetti", "Nicolò", (1990, 4, 4), "M");
    app.person(&desk.operator, nicolo.clone()).await;
    app.person(
        &desk.operator,
        person_input(&desk.team_id, "D'Angelo", "Maria Grazia", (1955, 9, 9), "F"),
    )
    .await;
    app.person(
        &desk.operator,
        person_input(&desk.team_id, "Rossi", "Mario", (1980, 1, 1), "M"),
    )
    .await;
    app.person(
        &desk.operator,
        person_input(&desk.team_id, "Rossini", "Elena", (1982, 2, 2), "F"),
    )
    .await;

    assert_eq!(
        names(&desk.operator, "nicolo").await,
        vec!["Zanetti Nicolò"]
    );
    assert_eq!(
        names(&desk.operator, "NICOLÒ zan").await,
        vec!["Zanetti Nicolò"]
    );
    assert_eq!(
        names(&desk.operator, "ross").await,
        vec!["Rossi Mario", "Rossini Elena"]
    );
    assert_eq!(names(&desk.operator, "rossi m").await, vec!["Rossi Mario"]);
    assert_eq!(
        names(&desk.operator, "grazia").await,
        vec!["D'Angelo Maria Grazia"]
    );
    assert!(
        names(&desk.operator, "ossi").await.is_empty(),
        "prefixes, not substrings"
    );
    assert!(
        names(&desk.operator, "%").await.is_empty(),
        "wildcards are literal"
    );
    let code = fiscal_code_of(&nicolo);
    assert_eq!(
        names(&desk.operator, &code.to_lowercase()).await,
        vec!["Zanetti Nicolò"]
    );
    assert_eq!(names(&desk.operator, "").await.len(), 4);
}

async fn a_name_search_takes_underscore_and_percent_literally(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    app.person(
        &desk.operator,
        person_input(&desk.team_id, "Rossi", "Mario", (1980, 1, 1), "M"),
    )
    .await;
    assert_eq!(names(&desk.operator, "ross").await, vec!["Rossi Mario"]);
    for wildcard in ["ross_", "r%i", "_ossi", "%", "_", "ross\\"] {
        assert!(
            names(&desk.operator, wildcard).await.is_empty(),
            "{wildcard} is not a wildcard"
        );
    }
}

/// SQLite answers words of two letters or more from its full-text table,
/// kept by triggers, and shorter or odd words by a scan: the same names
/// either way, on both databases, also after a rename.
async fn the_search_follows_a_rename_and_short_or_odd_words_find_the_same(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let id = desk.person("Rossi", "Mario", (1980, 1, 1), "M").await;
    app.person(
        &desk.operator,
        person_input(&desk.team_id, "Dell'Orto", "Anna", (1950, 5, 5), "F"),
    )
    .await;
    assert_eq!(names(&desk.operator, "r").await, vec!["Rossi Mario"]);
    assert_eq!(names(&desk.operator, "ro").await, vec!["Rossi Mario"]);
    assert_eq!(names(&desk.operator, "m ro").await, vec!["Rossi Mario"]);
    assert_eq!(names(&desk.operator, "ro m_").await, Vec::<String>::new());
    assert_eq!(
        names(&desk.operator, "dell'o an").await,
        vec!["Dell'Orto Anna"]
    );
    assert!(
        names(&desk.operator, "rto").await.is_empty(),
        "prefixes of words"
    );

    let renamed = desk
        .operator
        .gql(
            UPDATE,
            json!({ "input": { "personId": id, "expectedVersion": 1, "familyName": "Bianchi" } }),
        )
        .await;
    renamed.ok();
    assert!(names(&desk.operator, "rossi").await.is_empty());
    assert_eq!(
        names(&desk.operator, "bianchi mar").await,
        vec!["Bianchi Mario"]
    );
    assert_eq!(names(&desk.operator, "bi").await, vec!["Bianchi Mario"]);
}

async fn search_pages_have_edges(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    for (i, family) in ["Alberti", "Benedetti", "Colombo", "Donati", "Esposito"]
        .iter()
        .enumerate()
    {
        app.person(
            &desk.operator,
            person_input(&desk.team_id, family, "Paolo", (1950 + i as i32, 1, 1), "M"),
        )
        .await;
    }
    let page = |after: Value| {
        let client = desk.operator.clone();
        async move {
            client
                .gql(
                    "query($after: String) { persons(first: 2, after: $after) { totalCount edges { cursor node { familyName } } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
                    json!({ "after": after }),
                )
                .await
                .ok()["persons"]
                .clone()
        }
    };
    let first = page(Value::Null).await;
    assert_eq!(first["totalCount"], 5);
    assert_eq!(first["edges"][0]["node"]["familyName"], "Alberti");
    assert_eq!(first["pageInfo"]["hasPreviousPage"], false);
    assert_eq!(first["pageInfo"]["hasNextPage"], true);
    let second = page(first["pageInfo"]["endCursor"].clone()).await;
    assert_eq!(second["edges"][0]["node"]["familyName"], "Colombo");
    let last = page(second["pageInfo"]["endCursor"].clone()).await;
    assert_eq!(last["edges"].as_array().unwrap().len(), 1);
    assert_eq!(last["edges"][0]["node"]["familyName"], "Esposito");
    assert_eq!(last["pageInfo"]["hasNextPage"], false);
    let beyond = page(last["pageInfo"]["endCursor"].clone()).await;
    assert!(beyond["edges"].as_array().unwrap().is_empty());
    assert_eq!(beyond["pageInfo"]["hasNextPage"], false);
    let bad = desk
        .operator
        .gql("{ persons(after: \"nonsense\") { totalCount } }", json!({}))
        .await;
    bad.expect_code("VALIDATION");
    assert_eq!(bad.field(), Some("after"));
}

async fn a_stale_version_is_a_conflict_and_the_earlier_write_is_intact(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let id = desk.person("Greco", "Sara", (1970, 8, 8), "F").await;
    let first = desk
        .operator
        .gql(
            UPDATE,
            json!({ "input": { "personId": id, "expectedVersion": 1, "phone": "0364 111111" } }),
        )
        .await;
    assert_eq!(first.ok()["updatePerson"]["version"], 2);
    let stale = desk
        .operator
        .gql(
            UPDATE,
            json!({ "input": { "personId": id, "expectedVersion": 1, "phone": "0364 999999" } }),
        )
        .await;
    stale.expect_code("CONFLICT");
    let read = desk
        .operator
        .gql(
            "query($id: ID!) { person(id: $id) { phone version } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(read.ok()["person"]["phone"], "0364 111111");
    assert_eq!(read.ok()["person"]["version"], 2);
    // A change that breaks a rule writes nothing either.
    let invalid = desk
        .operator
        .gql(
            UPDATE,
            json!({ "input": { "personId": id, "expectedVersion": 2, "sex": "M", "phone": "1" } }),
        )
        .await;
    invalid.expect_code("VALIDATION");
    assert_eq!(invalid.field(), Some("sex"));
    let read = desk
        .operator
        .gql(
            "query($id: ID!) { person(id: $id) { phone version } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(read.ok()["person"]["phone"], "0364 111111");
}

async fn two_simultaneous_updates_with_one_version_have_one_winner(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let id = desk.person("Moretti", "Luca", (1965, 6, 6), "M").await;
    let send = |phone: &'static str| {
        let client = desk.operator.clone();
        let id = id.clone();
        async move {
            client
                .gql(
                    UPDATE,
                    json!({ "input": { "personId": id, "expectedVersion": 1, "phone": phone } }),
                )
                .await
        }
    };
    let (a, b) = tokio::join!(send("111"), send("222"));
    let codes = [a.code(), b.code()];
    let winners: Vec<&str> = [&a, &b]
        .iter()
        .filter(|r| r.code().is_none())
        .map(|r| r.data()["updatePerson"]["phone"].as_str().unwrap())
        .collect();
    assert_eq!(winners.len(), 1, "exactly one wins: {codes:?}");
    assert!(codes.contains(&Some("CONFLICT")), "{codes:?}");
    let read = desk
        .operator
        .gql(
            "query($id: ID!) { person(id: $id) { phone version } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(read.ok()["person"]["phone"], winners[0]);
    assert_eq!(read.ok()["person"]["version"], 2);
}

async fn reference_persons_and_privacy_consents_are_kept_with_the_person(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let id = desk.person("Costa", "Pietro", (1938, 2, 2), "M").await;
    desk.operator
        .gql(
            "mutation($input: AddReferencePersonInput!) { addReferencePerson(input: $input) { id } }",
            json!({ "input": { "personId": id, "kind": "AMMINISTRATORE_DI_SOSTEGNO", "fullName": "Avv. Laura Costa", "relationship": "figlia", "phone": "333 1234567" } }),
        )
        .await
        .ok();
    let bad_email = desk
        .operator
        .gql(
            "mutation($input: AddReferencePersonInput!) { addReferencePerson(input: $input) { id } }",
            json!({ "input": { "personId": id, "kind": "CAREGIVER", "fullName": "Mario", "email": "non-una-email" } }),
        )
        .await;
    bad_email.expect_code("VALIDATION");
    assert_eq!(bad_email.field(), Some("email"));
    desk.operator
        .gql(
            "mutation($input: RecordPrivacyConsentInput!) { recordPrivacyConsent(input: $input) { id } }",
            json!({ "input": { "personId": id, "kind": "DATA_SHARING", "granted": true, "givenOn": "2026-11-02" } }),
        )
        .await
        .ok();
    let read = desk
        .operator
        .gql(
            "query($id: ID!) { person(id: $id) { referencePersons { kind fullName relationship } privacyConsents { kind granted givenOn recordedBy { id } } } }",
            json!({ "id": id }),
        )
        .await;
    let person = &read.ok()["person"];
    assert_eq!(
        person["referencePersons"][0]["kind"],
        "AMMINISTRATORE_DI_SOSTEGNO"
    );
    assert_eq!(person["referencePersons"].as_array().unwrap().len(), 1);
    assert_eq!(person["privacyConsents"][0]["givenOn"], "2026-11-02");
    assert_eq!(
        person["privacyConsents"][0]["recordedBy"]["id"],
        desk.operator_id
    );
}

/// The record a client reads includes its reference persons and consents:
/// adding one moves the version on, and an edit decided on the record
/// before it is stale instead of missing it.
async fn a_reference_person_or_a_consent_moves_the_record_on(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let id = desk.person("Costa", "Pietro", (1938, 2, 2), "M").await;
    let added = desk
        .operator
        .gql(
            "mutation($input: AddReferencePersonInput!) { addReferencePerson(input: $input) { version } }",
            json!({ "input": { "personId": id, "kind": "CAREGIVER", "fullName": "Laura Costa" } }),
        )
        .await;
    assert_eq!(added.ok()["addReferencePerson"]["version"], 2);
    let consented = desk
        .operator
        .gql(
            "mutation($input: RecordPrivacyConsentInput!) { recordPrivacyConsent(input: $input) { version } }",
            json!({ "input": { "personId": id, "kind": "DATA_SHARING", "granted": true, "givenOn": "2026-11-02" } }),
        )
        .await;
    assert_eq!(consented.ok()["recordPrivacyConsent"]["version"], 3);
    let late = desk
        .operator
        .gql(
            UPDATE,
            json!({ "input": { "personId": id, "expectedVersion": 1, "phone": "0364 000000" } }),
        )
        .await;
    late.expect_code("CONFLICT");
}

async fn listing_persons_with_nested_fields_runs_a_bounded_number_of_statements(db: TestDb) {
    let app = TestApp::spawn_counting(db).await;
    let desk = Desk::open(&app, "PUA").await;
    for i in 0..100u32 {
        let mut input = person_input(
            &desk.team_id,
            "Serafini",
            "Carlo",
            (1930 + (i / 12) as i32, i % 12 + 1, i % 28 + 1),
            "M",
        );
        input["givenName"] = json!(format!("Carlo {}", i));
        input["fiscalCode"] = Value::Null;
        input["fiscalCodeMissingReason"] = json!("NOT_ASSIGNED");
        app.person(&desk.operator, input).await;
    }
    let query = "query($n: Int) { persons(first: $n) { totalCount nodes { familyName age referencePersons { fullName } privacyConsents { kind } teams { name organization { name } } referrals { status createdBy { displayName } team { name members { user { displayName organization { name } } } } } } } }";
    let mut counts = Vec::new();
    for n in [10, 100] {
        let before = app.statements();
        let response = desk.operator.gql(query, json!({ "n": n })).await;
        assert_eq!(
            response.ok()["persons"]["nodes"].as_array().unwrap().len(),
            n as usize
        );
        counts.push(app.statements() - before);
    }
    println!("SQL statements for 10 and 100 persons with nested fields: {counts:?}");
    // One query per row for any nested field would add at least 90 statements
    // between the two pages. On a loaded machine a DataLoader batch window can
    // close while a debug build is still registering sibling keys, splitting
    // a batch in two: that costs a few statements, never one per row.
    assert!(
        counts[1] < counts[0] + 30,
        "the statement count grows with the page size: {counts:?}"
    );
}

/// Counting the whole list is a second query: run only for `totalCount`.
/// Without it the page reads one row more to know whether another follows.
async fn the_total_is_counted_only_when_asked_and_the_next_page_is_known_either_way(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    for i in 0..3u32 {
        let mut input = person_input(&desk.team_id, "Serafini", "Carlo", (1940, 1, i + 1), "M");
        input["givenName"] = json!(format!("Carlo {}", i));
        input["fiscalCode"] = Value::Null;
        input["fiscalCodeMissingReason"] = json!("NOT_ASSIGNED");
        app.person(&desk.operator, input).await;
    }
    let bare = "query($n: Int, $after: String) { persons(first: $n, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }";
    let counted = "query($n: Int, $after: String) { persons(first: $n, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }";
    for query in [bare, counted] {
        let first = desk.operator.gql(query, json!({ "n": 2 })).await;
        let first = &first.ok()["persons"];
        assert_eq!(first["pageInfo"]["hasNextPage"], true, "{query}");
        let rest = desk
            .operator
            .gql(
                query,
                json!({ "n": 2, "after": first["pageInfo"]["endCursor"] }),
            )
            .await;
        let rest = &rest.ok()["persons"];
        assert_eq!(rest["nodes"].as_array().unwrap().len(), 1);
        assert_eq!(rest["pageInfo"]["hasNextPage"], false, "{query}");
        let exact = desk.operator.gql(query, json!({ "n": 3 })).await;
        assert_eq!(
            exact.ok()["persons"]["pageInfo"]["hasNextPage"],
            false,
            "{query}"
        );
    }
    let total = desk.operator.gql(counted, json!({ "n": 1 })).await;
    assert_eq!(total.ok()["persons"]["totalCount"], 3);
    // The fewest statements over a few runs: the outbox worker's polling can
    // only add to a count, never take from it.
    let mut fewest = [u64::MAX; 2];
    for _ in 0..5 {
        for (i, query) in [bare, counted].into_iter().enumerate() {
            let before = app.statements();
            desk.operator.gql(query, json!({ "n": 2 })).await.ok();
            fewest[i] = fewest[i].min(app.statements() - before);
        }
    }
    assert!(
        fewest[0] < fewest[1],
        "no COUNT without totalCount: {fewest:?}"
    );
}

/// Issue 16: "dalessio", "d’alessio" (the curly apostrophe of phones and word
/// processors), "d'alessio" and "d alessio" all find D'Alessio, and "deluca"
/// finds De Luca, on both databases and through SQLite's full-text table.
async fn a_name_search_ignores_apostrophes_and_how_a_name_in_parts_is_spaced(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    for (family, given, born) in [
        ("D'Alessio", "Maria", (1950, 3, 3)),
        ("De Luca", "Gianni", (1948, 4, 4)),
        ("Dell’Orto", "Anna", (1952, 5, 5)),
        ("Alessi", "Marco", (1960, 6, 6)),
    ] {
        let sex = if given.ends_with('a') { "F" } else { "M" };
        app.person(
            &desk.operator,
            person_input(&desk.team_id, family, given, born, sex),
        )
        .await;
    }
    for typed in [
        "dalessio",
        "d’alessio",
        "d'alessio",
        "d alessio",
        "D’ALESSIO m",
        "d alessio maria",
    ] {
        assert_eq!(
            names(&desk.operator, typed).await,
            vec!["D'Alessio Maria"],
            "{typed}"
        );
    }
    for typed in ["deluca", "de luca", "de lu", "delu gia"] {
        assert_eq!(
            names(&desk.operator, typed).await,
            vec!["De Luca Gianni"],
            "{typed}"
        );
    }
    for typed in ["dell'orto", "dellorto", "dell orto an", "dell’o"] {
        assert_eq!(
            names(&desk.operator, typed).await,
            vec!["Dell’Orto Anna"],
            "{typed}"
        );
    }
    // The part after the apostrophe is a word of the name too.
    assert_eq!(
        names(&desk.operator, "aless").await,
        vec!["Alessi Marco", "D'Alessio Maria"]
    );
}

/// The records stored before (apostrophes kept, parts not stored) are
/// written again by the migration, so they are found the new way.
async fn names_stored_before_apostrophes_were_ignored_are_written_again(db: TestDb) {
    use migration::MigratorTrait;
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    app.person(
        &desk.operator,
        person_input(&desk.team_id, "D'Alessio", "Maria", (1950, 3, 3), "F"),
    )
    .await;
    app.execute("UPDATE persons SET search_name = ' d''alessio maria'")
        .await;
    assert!(names(&desk.operator, "dalessio").await.is_empty());
    app.execute(
        "DELETE FROM seaql_migrations WHERE version = 'm20261127_000011_search_name_apostrophes'",
    )
    .await;
    migration::Migrator::up(&app.db, None).await.unwrap();
    assert_eq!(
        names(&desk.operator, "d alessio").await,
        vec!["D'Alessio Maria"]
    );
    assert_eq!(
        app.rows("SELECT search_name FROM persons").await,
        vec![json!({ "search_name": " dalessio maria d alessio" })]
    );
}
