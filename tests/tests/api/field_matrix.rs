//! The access matrix generated from the schema: every path of fields from a
//! query root to a case-data type (a person's record, assessment, project,
//! referral or discharge) is sent by every caller who must not see the
//! person's case, and no answer may hold one of its objects. A field added
//! later that hands out case data without asking the policy makes this fail,
//! with no change to the test. The same paths sent by a member of the
//! responsible team must reach every case-data field at least once, so the
//! test cannot pass by reaching nothing.

use std::collections::{BTreeMap, BTreeSet};

use async_graphql::parser::types::{BaseType, Type, TypeKind, TypeSystemDefinition};
use ponte_tests::serde_json::json;
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

use crate::need_to_know::{ids_in, Case};

on_both_databases!(no_field_path_hands_a_persons_case_to_those_who_must_not_see_it);

/// The types that carry a person's case data.
const CASE_TYPES: [&str; 7] = [
    "Person",
    "Assessment",
    "IndividualProject",
    "Referral",
    "Discharge",
    "Document",
    "DiaryEntry",
];

/// Page size asked of every list on a path: the scenario's lists are
/// shorter, and small pages keep each query's cost low.
const PAGE: i32 = 5;
/// Object fields followed from the root; deeper paths repeat shorter ones.
const MAX_HOPS: usize = 6;

#[derive(Debug, Clone)]
struct Field {
    name: String,
    target: String,
    args: Vec<(String, String, bool)>, // name, type name, required (non-null without default)
}

struct Schema {
    objects: BTreeMap<String, Vec<Field>>,
}

fn named(ty: &Type) -> String {
    match &ty.base {
        BaseType::Named(name) => name.to_string(),
        BaseType::List(inner) => named(inner),
    }
}

impl Schema {
    fn parse(sdl: &str) -> Schema {
        let document = async_graphql::parser::parse_schema(sdl).expect("the SDL parses");
        let mut objects = BTreeMap::new();
        for definition in document.definitions {
            let TypeSystemDefinition::Type(ty) = definition else {
                continue;
            };
            let ty = ty.node;
            let TypeKind::Object(object) = ty.kind else {
                continue;
            };
            let fields = object
                .fields
                .into_iter()
                .map(|f| {
                    let f = f.node;
                    Field {
                        name: f.name.node.to_string(),
                        target: named(&f.ty.node),
                        args: f
                            .arguments
                            .into_iter()
                            .map(|a| {
                                let a = a.node;
                                let required = !a.ty.node.nullable && a.default_value.is_none();
                                (a.name.node.to_string(), named(&a.ty.node), required)
                            })
                            .collect(),
                    }
                })
                .collect();
            objects.insert(ty.name.node.to_string(), fields);
        }
        Schema { objects }
    }

    fn is_object(&self, name: &str) -> bool {
        self.objects.contains_key(name)
    }

    /// The object types from which a case-data type can be reached.
    fn leading_to_case_data(&self) -> BTreeSet<String> {
        let mut reach: BTreeSet<String> = CASE_TYPES.iter().map(|t| t.to_string()).collect();
        loop {
            let before = reach.len();
            for (name, fields) in &self.objects {
                if fields.iter().any(|f| reach.contains(&f.target)) {
                    reach.insert(name.clone());
                }
            }
            if reach.len() == before {
                return reach;
            }
        }
    }
}

/// One path: the root field, then the fields followed, ending at a case type.
#[derive(Debug, Clone)]
struct Path {
    steps: Vec<(String, Field)>, // (owner type, field)
}

impl Path {
    /// The field that hands out the case object: for a connection's
    /// `nodes`, the field that returned the connection.
    fn last_edge(&self) -> String {
        let mut steps = self.steps.iter().rev();
        let mut step = steps.next().expect("a path has a step");
        while step.0.ends_with("Connection") {
            match steps.next() {
                Some(earlier) => step = earlier,
                None => break,
            }
        }
        format!("{}.{}", step.0, step.1.name)
    }

    fn describe(&self) -> String {
        self.steps
            .iter()
            .map(|(owner, f)| format!("{owner}.{}", f.name))
            .collect::<Vec<_>>()
            .join(" → ")
    }
}

fn paths(schema: &Schema) -> Vec<Path> {
    let useful = schema.leading_to_case_data();
    let mut found = Vec::new();
    let mut stack = vec![(
        "QueryRoot".to_owned(),
        Vec::new(),
        vec!["QueryRoot".to_owned()],
    )];
    while let Some((owner, steps, seen)) = stack.pop() {
        let steps: Vec<(String, Field)> = steps;
        let seen: Vec<String> = seen;
        if steps.len() >= MAX_HOPS {
            continue;
        }
        for field in &schema.objects[&owner] {
            if !schema.is_object(&field.target) || !useful.contains(&field.target) {
                continue;
            }
            // Connections are followed through their nodes only.
            if owner.ends_with("Connection") && field.name != "nodes" {
                continue;
            }
            let mut next = steps.clone();
            next.push((owner.clone(), field.clone()));
            let is_case = CASE_TYPES.contains(&field.target.as_str());
            if is_case {
                found.push(Path {
                    steps: next.clone(),
                });
            }
            // A type already on the path ends it: its own fields were tried
            // from its first appearance.
            if seen.contains(&field.target) {
                continue;
            }
            let mut seen_next = seen.clone();
            seen_next.push(field.target.clone());
            stack.push((field.target.clone(), next, seen_next));
        }
    }
    found
}

/// The values the scenario gives to arguments that have no default.
fn argument(case: &Case, field: &Field, arg: &str, ty: &str) -> Option<String> {
    let quoted = |s: &str| format!("\"{s}\"");
    Some(match (arg, ty) {
        ("id", "ID") => match field.target.as_str() {
            "Person" => quoted(&case.person),
            "Assessment" => quoted(&case.assessment),
            "IndividualProject" => quoted(&case.project),
            "Discharge" => quoted(&case.discharge),
            "Team" => quoted(&case.pua),
            "NetworkAgreement" => quoted(&case.agreement),
            "Meeting" => quoted(&case.meeting),
            _ => return None,
        },
        ("fiscalCode", "String") => quoted(&case.fiscal_code),
        ("instrument", "Instrument") => "BARTHEL".to_owned(),
        // The agenda reads at most 62 days: the weeks of the case's discharge and review.
        ("from", "Date") if field.name == "agenda" => quoted("2026-11-20"),
        ("to", "Date") if field.name == "agenda" => quoted("2027-01-19"),
        ("scope", "AgendaScope") => "MY_TEAMS".to_owned(),
        ("from", "Date") => quoted("2026-01-01"),
        ("to", "Date") => quoted("2026-12-31"),
        _ => return None,
    })
}

fn query_of(case: &Case, path: &Path) -> String {
    let mut open = String::new();
    for (owner, field) in &path.steps {
        let mut args = Vec::new();
        for (name, ty, required) in &field.args {
            if name == "first" && field.name == "timeline" {
                // The timeline merges every record of the case: a short
                // page would hold only the newest kinds of them.
                args.push("first: 50".to_owned());
            } else if name == "first" {
                args.push(format!("first: {PAGE}"));
            } else if *required {
                let value = argument(case, field, name, ty).unwrap_or_else(|| {
                    panic!(
                        "the generated access matrix needs a value for {owner}.{}({name}: {ty}): \
                         add it to `argument` in tests/tests/api/field_matrix.rs",
                        field.name
                    )
                });
                args.push(format!("{name}: {value}"));
            }
        }
        let args = if args.is_empty() {
            String::new()
        } else {
            format!("({})", args.join(", "))
        };
        open.push_str(&format!("{}{args} {{ ", field.name));
    }
    let close = "} ".repeat(path.steps.len());
    format!("{{ {open}id {close}}}")
}

async fn no_field_path_hands_a_persons_case_to_those_who_must_not_see_it(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let schema = Schema::parse(&ponte_server::graphql::sdl());
    let paths = paths(&schema);
    let case_ids = case.case_ids();
    let anonymous = app.client();
    // Who may see which of the case's objects: the ward its own discharges.
    let only_discharge: BTreeSet<String> =
        BTreeSet::from([case.discharge.clone(), case.discharged.clone()]);
    let nothing = BTreeSet::new();
    // A colleague responsible for the person: everything but the
    // confidential diary entry and the document attached to it.
    let but_confidential: BTreeSet<String> = case_ids
        .iter()
        .filter(|id| **id != case.confidential_entry && **id != case.confidential_document)
        .cloned()
        .collect();
    let outsiders: [(&str, &Client, &BTreeSet<String>); 9] = [
        (
            "a colleague, on the confidential entry",
            &case.colleague,
            &but_confidential,
        ),
        ("anonymous", &anonymous, &nothing),
        ("auditor", &case.auditor, &nothing),
        ("reporter", &case.reporter, &nothing),
        ("admin", &case.admin, &nothing),
        ("another team's operator", &case.other, &nothing),
        ("a former member", &case.former, &nothing),
        ("a former case manager", &case.former_manager, &nothing),
        ("the reporting ward", &case.ward, &only_discharge),
    ];

    let mut leaks = Vec::new();
    let mut reached_by_member: BTreeSet<String> = BTreeSet::new();
    let mut edges: BTreeSet<String> = BTreeSet::new();
    for path in &paths {
        let query = query_of(&case, path);
        edges.insert(path.last_edge());
        let answer = case.member.gql(&query, json!({})).await;
        assert_eq!(answer.status, 200, "{query}: {}", answer.body);
        let mut seen = BTreeSet::new();
        ids_in(&answer.body, &mut seen);
        if seen.iter().any(|id| case_ids.contains(id)) {
            reached_by_member.insert(path.last_edge());
        }
        for (who, client, allowed) in &outsiders {
            let answer = client.gql(&query, json!({})).await;
            let mut seen = BTreeSet::new();
            ids_in(&answer.body, &mut seen);
            let leaked: Vec<&String> = seen
                .iter()
                .filter(|id| case_ids.contains(*id) && !allowed.contains(*id))
                .collect();
            if !leaked.is_empty() {
                leaks.push(format!("{who} via {}: {}", path.describe(), answer.body));
            }
        }
    }
    println!(
        "field matrix: {} paths to {} case-data fields, {} callers each",
        paths.len(),
        edges.len(),
        outsiders.len() + 1
    );
    assert!(leaks.is_empty(), "case data leaked:\n{}", leaks.join("\n"));
    let unreached: Vec<&String> = edges.difference(&reached_by_member).collect();
    assert!(
        unreached.is_empty(),
        "the scenario never reaches these case-data fields as a member, so the matrix \
         does not test them: extend `Case::open` in need_to_know.rs: {unreached:?}"
    );
    // The fields the issue named, at least, are among those tried.
    for edge in [
        "DischargePlan.assessment",
        "Assessment.person",
        "Discharge.person",
        "Discharge.project",
        "Referral.person",
        "IndividualProject.person",
        "Team.referrals",
        "Person.diary",
        "TimelineItem.diaryEntry",
        "IndividualProject.diary",
        "DiaryEntry.documents",
        "Person.documents",
    ] {
        assert!(edges.contains(edge), "{edge} is not on any path: {edges:?}");
    }
}
