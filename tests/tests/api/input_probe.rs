//! Every mutation and every query with arguments, on the demo data, with one
//! odd value at a time in each input field: the largest and smallest Int, impossible dates, amounts that
//! are no amounts, ids that are no ids, empty and oversized text. Whatever
//! the answer (a refusal is expected), it must be a coded error or data: never
//! an internal error, an uncoded one or a dropped connection.

use ponte_server::seed::{seed_demo, DEMO_PASSWORD};
use ponte_tests::serde_json::{json, Map, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

on_both_databases!(no_odd_input_value_gets_an_internal_error);

const INTROSPECTION: &str =
    "{ __schema { mutationType { fields { name args { name type { ...T } } } }
  queryType { fields { name args { name type { ...T } } type { ...T } } }
  types { name kind enumValues { name } inputFields { name type { ...T } } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

struct Schema {
    types: Map<String, Value>,
}

impl Schema {
    /// The named type under NON_NULL wrappers (a LIST stays a LIST).
    fn unwrap(t: &Value) -> &Value {
        if t["kind"] == "NON_NULL" {
            Schema::unwrap(&t["ofType"])
        } else {
            t
        }
    }

    /// The type as written in a variable definition: `[Date!]!`.
    fn written(t: &Value) -> String {
        match t["kind"].as_str().unwrap_or("") {
            "NON_NULL" => format!("{}!", Schema::written(&t["ofType"])),
            "LIST" => format!("[{}]", Schema::written(&t["ofType"])),
            _ => t["name"].as_str().unwrap_or("").to_owned(),
        }
    }

    /// The innermost named type, through lists and non-nulls.
    fn named(t: &Value) -> &Value {
        if t["ofType"].is_object() {
            Schema::named(&t["ofType"])
        } else {
            t
        }
    }

    fn input_fields(&self, name: &str) -> &[Value] {
        self.types[name]["inputFields"]
            .as_array()
            .map_or(&[], Vec::as_slice)
    }

    /// A plausible value for a field, from the demo's own records where an id is wanted.
    fn good(&self, field: &str, t: &Value, ids: &Ids) -> Value {
        let t = Schema::unwrap(t);
        let name = t["name"].as_str().unwrap_or("");
        match t["kind"].as_str().unwrap_or("") {
            "LIST" => json!([self.good(field, &t["ofType"], ids)]),
            "ENUM" => self.types[name]["enumValues"][0]["name"].clone(),
            "INPUT_OBJECT" => Value::Object(
                self.input_fields(name)
                    .iter()
                    .map(|f| {
                        let key = f["name"].as_str().unwrap_or("").to_owned();
                        let value = self.good(&key, &f["type"], ids);
                        (key, value)
                    })
                    .collect(),
            ),
            _ => match name {
                "ID" => ids.for_field(field),
                "String" if field.to_lowercase().contains("email") => json!("probe@ponte.test"),
                "String" if field.to_lowercase().contains("password") => {
                    json!("password-abbastanza-lunga")
                }
                "String" if field.to_lowercase().contains("fiscal") => Value::Null,
                "String" => json!("testo di prova"),
                "Int" => json!(1),
                "Boolean" => json!(true),
                "Date" => json!("2026-11-20"),
                "DateTime" => json!("2026-11-20T10:00:00Z"),
                "Decimal" => json!("12.50"),
                _ => Value::Null,
            },
        }
    }

    /// Every scalar position in an input type: its path and scalar name.
    fn leaves(&self, t: &Value, path: Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
        let t = Schema::unwrap(t);
        let name = t["name"].as_str().unwrap_or("");
        match t["kind"].as_str().unwrap_or("") {
            "INPUT_OBJECT" => {
                for f in self.input_fields(name) {
                    let mut inner = path.clone();
                    inner.push(f["name"].as_str().unwrap_or("").to_owned());
                    self.leaves(&f["type"], inner, out);
                }
            }
            "LIST" => {
                let mut inner = path;
                inner.push("0".into());
                self.leaves(&t["ofType"], inner, out);
            }
            "SCALAR" => out.push((path, name.to_owned())),
            _ => {}
        }
    }
}

/// Ids of the demo's records, by the kind of thing a field names.
struct Ids(Vec<(&'static str, String)>);

impl Ids {
    fn for_field(&self, field: &str) -> Value {
        let key = field.to_lowercase();
        let kind = [
            ("casemanager", "user"),
            ("participant", "user"),
            ("member", "user"),
            ("provider", "organization"),
            ("hospital", "organization"),
            ("original", "assessment"),
            ("basedon", "assessment"),
        ]
        .iter()
        .find(|(alias, _)| key.contains(alias))
        .map(|(_, kind)| *kind);
        let found = self.0.iter().find(|(k, _)| match kind {
            Some(kind) => *k == kind,
            None => key.contains(k),
        });
        found.map_or(json!("0190f0a0-0000-7000-8000-000000000000"), |(_, id)| {
            json!(id)
        })
    }
}

fn odd_values(scalar: &str) -> Vec<Value> {
    match scalar {
        "ID" => vec![json!("non-un-id"), json!("")],
        "String" => vec![json!(""), json!("x".repeat(20_000)), json!("\u{0}")],
        "Int" => vec![json!(i32::MAX), json!(i32::MIN), json!(0)],
        "Date" => vec![
            json!("2026-02-30"),
            json!("9999-12-31"),
            json!("0001-01-01"),
        ],
        "DateTime" => vec![json!("ieri")],
        "Decimal" => vec![
            json!("1e400"),
            json!("-1"),
            json!("99999999999999999999.99"),
            json!(12),
        ],
        _ => vec![],
    }
}

fn set(value: &mut Value, path: &[String], new: Value) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut at = value;
    for step in parents {
        at = match step.parse::<usize>() {
            Ok(i) => match at.get_mut(i) {
                Some(next) => next,
                None => return false,
            },
            Err(_) => match at.get_mut(step) {
                Some(next) if !next.is_null() => next,
                _ => return false,
            },
        };
    }
    match last.parse::<usize>() {
        Ok(i) => at.get_mut(i).map(|slot| *slot = new).is_some(),
        Err(_) => at
            .as_object_mut()
            .map(|o| o.insert(last.clone(), new))
            .is_some(),
    }
}

async fn ids_of(client: &Client, query: &str, list: &str) -> Vec<String> {
    let answer = client.gql(query, json!({})).await;
    answer.ok()[list]["nodes"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .filter_map(|n| n["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

async fn no_odd_input_value_gets_an_internal_error(db: TestDb) {
    let app = TestApp::spawn_with(db, |c| c.graphiql = true).await;
    seed_demo(&app.db, &app.config).await.unwrap();
    let admin = app.client();
    admin.login_ok("admin@ponte.demo", DEMO_PASSWORD).await;
    let social_worker = app.client();
    social_worker
        .login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;

    let introspection = admin.gql(INTROSPECTION, json!({})).await;
    let schema = introspection.ok()["__schema"].clone();
    let types: Map<String, Value> = schema["types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_owned(), t.clone()))
        .collect();
    let schema_types = Schema { types };

    let me = admin.me().await["id"].as_str().unwrap().to_owned();
    let mut ids = Vec::new();
    for (kind, client, query, list) in [
        (
            "person",
            &social_worker,
            "{ persons(first: 1) { nodes { id } } }",
            "persons",
        ),
        (
            "project",
            &social_worker,
            "{ projects(first: 1) { nodes { id } } }",
            "projects",
        ),
        (
            "discharge",
            &social_worker,
            "{ discharges(first: 1) { nodes { id } } }",
            "discharges",
        ),
        (
            "team",
            &admin,
            "{ teams(first: 1) { nodes { id } } }",
            "teams",
        ),
        (
            "organization",
            &admin,
            "{ organizations(first: 1) { nodes { id } } }",
            "organizations",
        ),
        (
            "user",
            &admin,
            "{ users(first: 5) { nodes { id } } }",
            "users",
        ),
    ] {
        let found = ids_of(client, query, list).await;
        // Never the admin itself: a probe may not demote the prober.
        if let Some(id) = found.into_iter().find(|id| *id != me) {
            ids.push((kind, id));
        }
    }
    let ids = Ids(ids);

    let skip = ["login", "logout", "changePassword"];
    let mut sent = 0;
    for (root, fields) in [
        ("mutation", &schema["mutationType"]),
        ("query", &schema["queryType"]),
    ] {
        for field in fields["fields"].as_array().unwrap() {
            let name = field["name"].as_str().unwrap();
            let args = field["args"].as_array().cloned().unwrap_or_default();
            if args.is_empty() || skip.contains(&name) {
                continue;
            }
            let declared: Vec<String> = args
                .iter()
                .map(|a| {
                    format!(
                        "${}: {}",
                        a["name"].as_str().unwrap(),
                        Schema::written(&a["type"])
                    )
                })
                .collect();
            let passed: Vec<String> = args
                .iter()
                .map(|a| format!("{0}: ${0}", a["name"].as_str().unwrap()))
                .collect();
            let returns = Schema::named(&field["type"]);
            let selection = if matches!(returns["kind"].as_str(), Some("SCALAR" | "ENUM")) {
                ""
            } else {
                " { __typename }"
            };
            let query = format!(
                "{root}({}) {{ {name}({}){selection} }}",
                declared.join(", "),
                passed.join(", ")
            );
            let client = if ["User", "Organization", "Team", "users", "organizations"]
                .iter()
                .any(|admin_word| name.contains(admin_word))
            {
                &admin
            } else {
                &social_worker
            };
            let good = |ids: &Ids| -> Map<String, Value> {
                args.iter()
                    .map(|a| {
                        let arg = a["name"].as_str().unwrap();
                        (arg.to_owned(), schema_types.good(arg, &a["type"], ids))
                    })
                    .collect()
            };
            for arg in &args {
                let arg_name = arg["name"].as_str().unwrap();
                let mut leaves = Vec::new();
                schema_types.leaves(&arg["type"], vec![arg_name.to_owned()], &mut leaves);
                for (path, scalar) in leaves {
                    for odd in odd_values(&scalar) {
                        let mut variables = Value::Object(good(&ids));
                        if !set(&mut variables, &path, odd.clone()) {
                            continue;
                        }
                        let answer = client.gql(&query, variables).await;
                        sent += 1;
                        assert_eq!(
                            answer.status, 200,
                            "{name} {path:?} = {odd}: {}",
                            answer.body
                        );
                        for error in answer.errors().as_array().into_iter().flatten() {
                            let code = error["extensions"]["code"].as_str();
                            assert!(
                                code.is_some() && code != Some("INTERNAL"),
                                "{name} {path:?} = {odd}: {error}"
                            );
                            // A refused value says which field, for the SPA to show it there.
                            if code == Some("VALIDATION") {
                                assert!(
                                    error["extensions"]["field"].is_string(),
                                    "{name} {path:?} = {odd}: {error}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(sent > 500, "the probe sent only {sent} requests");
}
