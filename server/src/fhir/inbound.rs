//! The Bundle a hospital's system sends to report a protected discharge
//! (`POST /fhir/r4/Bundle`, issue 18.2), read into Ponte's report: pure
//! functions, no database. What each element gives is the README's mapping
//! table ("Interoperability"):
//!
//! - `Bundle.identifier` (system and value): the message, sent once or many
//!   times (`services::discharges::report_discharge_once`);
//! - `Bundle.type` `transaction` (every entry with its `request`) or
//!   `message` (a `MessageHeader` first);
//! - one `Patient`: the codice fiscale (`identifier` of system
//!   http://hl7.it/sid/codiceFiscale), `name[0]` (`family`, `given`),
//!   `birthDate` (a whole date), `gender` (`male` or `female`);
//! - one `Encounter`, the admission still going on: `period.start` the day
//!   of admission, `period.end` the expected discharge day,
//!   `location[0].location.display` the ward;
//! - one `ServiceRequest`, `status` `active`: the receiving team in
//!   `performer` (an identifier of system `urn:ponte:fhir:team` holding the
//!   team's id), the needs in `reasonCode` (codings of
//!   `urn:ponte:fhir:discharge-need`, or `text`), the notes in `note[].text`.
//!
//! Every refusal is an [`Issue`] in Italian with the FHIRPath of the element
//! at fault; all the faults found are told at once.

use chrono::NaiveDate;
use serde_json::Value;
use uuid::Uuid;

use crate::domain::fiscal_code::FiscalCode;
use crate::domain::vocabulary::{DischargeNeed, Sex};
use crate::fhir::outcome::Issue;
use crate::fhir::systems::{CODICE_FISCALE, DISCHARGE_NEED, TEAM};
use crate::services::discharges::{MessageId, NewDischarge, Patient};
use crate::services::persons::PersonDraft;

/// A Bundle read: the message, the report it makes (the patient an
/// identity to match or create; the hospital the account's own, set by the
/// service, so nil here) and where each of its fields came from.
#[derive(Debug, Clone)]
pub struct InboundDischarge {
    pub message: MessageId,
    pub report: NewDischarge,
    pub paths: Paths,
}

/// The FHIRPath of the element each field of the report was read from, to
/// name it when Ponte's own checks refuse the field.
#[derive(Debug, Clone, Default)]
pub struct Paths {
    patient: String,
    fiscal_code: String,
    name: String,
    birth_date: String,
    gender: String,
    ward: String,
    admitted_on: String,
    expected_on: String,
    team: String,
    needs: String,
    notes: String,
}

impl Paths {
    /// The element a field of `report_discharge`'s errors was read from
    /// (`teamId`, `admittedOn`…); `None` for a field not in the Bundle.
    pub fn of_field(&self, field: &str) -> Option<&str> {
        let path = match field {
            "fiscalCode" => &self.fiscal_code,
            "givenName" | "familyName" => &self.name,
            "birthDate" => &self.birth_date,
            "sex" => &self.gender,
            "ward" => &self.ward,
            "admittedOn" => &self.admitted_on,
            "expectedDischargeOn" => &self.expected_on,
            "teamId" => &self.team,
            "needs" => &self.needs,
            "notes" => &self.notes,
            "personId" | "patient" => &self.patient,
            _ => return None,
        };
        Some(path.as_str())
    }
}

/// The faults found so far.
#[derive(Default)]
struct Faults(Vec<Issue>);

impl Faults {
    fn required(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Issue::error("required", message).at(path));
    }

    fn invalid(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Issue::error("invalid", message).at(path));
    }

    fn code(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Issue::error("code-invalid", message).at(path));
    }

    /// A non-empty string at `value[key]`, or a fault at `path.key`.
    fn text(&mut self, value: &Value, key: &str, path: &str, missing: &str) -> Option<String> {
        match value.get(key) {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            None | Some(Value::Null) => {
                self.required(format!("{path}.{key}"), missing);
                None
            }
            Some(_) => {
                self.invalid(format!("{path}.{key}"), missing);
                None
            }
        }
    }
}

/// Reads a Bundle into a discharge report, or says everything wrong with it.
pub fn read_bundle(bundle: &Value) -> Result<InboundDischarge, Vec<Issue>> {
    let mut faults = Faults::default();
    if !bundle.is_object() {
        faults.invalid(
            "Bundle",
            "Il corpo della richiesta deve essere una risorsa FHIR in JSON",
        );
        return Err(faults.0);
    }
    if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        faults.invalid(
            "resourceType",
            "La risorsa inviata deve essere un Bundle (resourceType \"Bundle\")",
        );
        return Err(faults.0);
    }
    let kind = bundle.get("type").and_then(Value::as_str);
    if !matches!(kind, Some("transaction" | "message")) {
        faults.code(
            "Bundle.type",
            "Il Bundle deve essere di tipo \"transaction\" o \"message\"",
        );
    }
    let message = read_identifier(bundle, &mut faults);
    let Some(entries) = bundle.get("entry").and_then(Value::as_array) else {
        faults.required("Bundle.entry", "Il Bundle non contiene risorse (entry)");
        return Err(faults.0);
    };

    let mut found: [Vec<usize>; 3] = Default::default();
    const WANTED: [&str; 3] = ["Patient", "Encounter", "ServiceRequest"];
    for (i, entry) in entries.iter().enumerate() {
        let path = format!("Bundle.entry[{i}]");
        let resource_type = entry
            .get("resource")
            .and_then(|r| r.get("resourceType"))
            .and_then(Value::as_str);
        let Some(resource_type) = resource_type else {
            faults.required(
                format!("{path}.resource"),
                "Ogni entry deve contenere una risorsa con il suo resourceType",
            );
            continue;
        };
        if kind == Some("transaction") && !entry.get("request").is_some_and(Value::is_object) {
            faults.required(
                format!("{path}.request"),
                "In un Bundle transaction ogni entry deve avere la sua request",
            );
        }
        if kind == Some("message") && i == 0 && resource_type != "MessageHeader" {
            faults.required(
                format!("{path}.resource"),
                "In un Bundle message la prima risorsa deve essere il MessageHeader",
            );
        }
        if let Some(k) = WANTED.iter().position(|w| *w == resource_type) {
            found[k].push(i);
        }
    }
    let mut one = |k: usize| -> Option<(usize, String)> {
        match found[k].as_slice() {
            [i] => Some((*i, format!("Bundle.entry[{i}].resource"))),
            [] => {
                faults.required(
                    "Bundle.entry",
                    format!("Manca la risorsa {} nel Bundle", WANTED[k]),
                );
                None
            }
            [_, second, ..] => {
                faults.invalid(
                    format!("Bundle.entry[{second}].resource"),
                    format!("Il Bundle deve contenere una sola risorsa {}", WANTED[k]),
                );
                None
            }
        }
    };
    let (patient, encounter, request) = (one(0), one(1), one(2));
    let mut paths = Paths::default();
    let patient = patient.and_then(|(i, path)| {
        paths.patient = path.clone();
        read_patient(&entries[i]["resource"], &path, &mut faults, &mut paths)
    });
    let stay = encounter.and_then(|(i, path)| {
        read_encounter(&entries[i]["resource"], &path, &mut faults, &mut paths)
    });
    let asked = request.and_then(|(i, path)| {
        read_service_request(&entries[i]["resource"], &path, &mut faults, &mut paths)
    });
    match (message, patient, stay, asked) {
        (Some(message), Some(patient), Some(stay), Some(asked)) if faults.0.is_empty() => {
            Ok(InboundDischarge {
                message,
                report: NewDischarge {
                    patient: Patient::Identity(Box::new(patient)),
                    hospital_id: Uuid::nil(),
                    ward: stay.ward,
                    admitted_on: stay.admitted_on,
                    expected_on: stay.expected_on,
                    team_id: asked.team_id,
                    needs: asked.needs,
                    notes: asked.notes,
                },
                paths,
            })
        }
        _ => Err(faults.0),
    }
}

fn read_identifier(bundle: &Value, faults: &mut Faults) -> Option<MessageId> {
    let Some(identifier) = bundle.get("identifier").filter(|i| i.is_object()) else {
        faults.required(
            "Bundle.identifier",
            "Manca l'identificativo del Bundle (identifier con system e value): \
             serve a riconoscere un messaggio inviato più volte",
        );
        return None;
    };
    let system = faults.text(
        identifier,
        "system",
        "Bundle.identifier",
        "Manca il system dell'identificativo del Bundle",
    );
    let value = faults.text(
        identifier,
        "value",
        "Bundle.identifier",
        "Manca il value dell'identificativo del Bundle",
    );
    Some(MessageId {
        system: system?,
        value: value?,
    })
}

/// The elements of a resource's array field; none when the field is absent
/// or not an array (the checks that follow say what is missing).
fn elements<'a>(resource: &'a Value, field: &str) -> &'a [Value] {
    resource
        .get(field)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// A whole date `AAAA-MM-GG`, or the date of a dateTime as written.
fn day(text: &str, date_time: bool) -> Option<NaiveDate> {
    let date = if date_time && text.len() > 10 {
        text.get(..10)
            .filter(|_| text.as_bytes().get(10) == Some(&b'T'))?
    } else {
        text
    };
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

fn read_patient(
    patient: &Value,
    path: &str,
    faults: &mut Faults,
    paths: &mut Paths,
) -> Option<PersonDraft> {
    let before = faults.0.len();
    let identifiers = elements(patient, "identifier");
    let fiscal_codes: Vec<(usize, &Value)> = identifiers
        .iter()
        .enumerate()
        .filter(|(_, id)| id.get("system").and_then(Value::as_str) == Some(CODICE_FISCALE))
        .collect();
    paths.fiscal_code = format!("{path}.identifier");
    let fiscal_code = match fiscal_codes.as_slice() {
        [(k, id)] => {
            paths.fiscal_code = format!("{path}.identifier[{k}].value");
            match id
                .get("value")
                .and_then(Value::as_str)
                .map(FiscalCode::parse)
            {
                Some(Ok(code)) => Some(code.as_str().to_owned()),
                Some(Err(err)) => {
                    faults.invalid(paths.fiscal_code.clone(), err.message_it());
                    None
                }
                None => {
                    faults.required(paths.fiscal_code.clone(), "Manca il codice fiscale");
                    None
                }
            }
        }
        [] => {
            faults.required(
                paths.fiscal_code.clone(),
                format!(
                    "Manca il codice fiscale del paziente (identifier con system {CODICE_FISCALE})"
                ),
            );
            None
        }
        _ => {
            faults.invalid(
                paths.fiscal_code.clone(),
                "Il paziente ha più di un codice fiscale",
            );
            None
        }
    };

    paths.name = format!("{path}.name[0]");
    let name = patient.get("name").and_then(|n| n.get(0));
    let (given_name, family_name) = match name {
        None => {
            faults.required(format!("{path}.name"), "Manca il nome del paziente");
            (None, None)
        }
        Some(name) => {
            let family = faults.text(name, "family", &paths.name, "Manca il cognome del paziente");
            let given: Vec<&str> = elements(name, "given")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            let given = given.join(" ").trim().to_owned();
            if given.is_empty() {
                faults.required(
                    format!("{}.given", paths.name),
                    "Manca il nome del paziente",
                );
            }
            (Some(given).filter(|g| !g.is_empty()), family)
        }
    };

    paths.birth_date = format!("{path}.birthDate");
    let birth_date = match patient.get("birthDate").and_then(Value::as_str) {
        None => {
            faults.required(
                paths.birth_date.clone(),
                "Manca la data di nascita del paziente",
            );
            None
        }
        Some(text) => day(text, false).or_else(|| {
            faults.invalid(
                paths.birth_date.clone(),
                "La data di nascita deve essere una data completa (AAAA-MM-GG)",
            );
            None
        }),
    };

    paths.gender = format!("{path}.gender");
    let sex = match patient.get("gender").and_then(Value::as_str) {
        Some("male") => Some(Sex::M),
        Some("female") => Some(Sex::F),
        None => {
            faults.required(paths.gender.clone(), "Manca il sesso del paziente (gender)");
            None
        }
        Some(_) => {
            faults.code(
                paths.gender.clone(),
                "Il sesso del paziente (gender) deve essere \"male\" o \"female\"",
            );
            None
        }
    };
    if faults.0.len() > before {
        return None;
    }
    Some(PersonDraft {
        fiscal_code,
        fiscal_code_missing_reason: None,
        alternative_code: None,
        given_name: given_name?,
        family_name: family_name?,
        birth_date: birth_date?,
        sex: sex?,
        birth_place: None,
        residence: None,
        homeless: false,
        residence_comune_id: None,
        domicile: None,
        phone: None,
        email: None,
        language: None,
        target_groups: Vec::new(),
    })
}

struct Stay {
    ward: String,
    admitted_on: NaiveDate,
    expected_on: NaiveDate,
}

/// The stays an admission still going on may be in.
const ONGOING: [&str; 5] = ["planned", "arrived", "triaged", "in-progress", "onleave"];
/// Every code of http://hl7.org/fhir/encounter-status (R4).
const ENCOUNTER_STATUSES: [&str; 9] = [
    "planned",
    "arrived",
    "triaged",
    "in-progress",
    "onleave",
    "finished",
    "cancelled",
    "entered-in-error",
    "unknown",
];

fn read_encounter(
    encounter: &Value,
    path: &str,
    faults: &mut Faults,
    paths: &mut Paths,
) -> Option<Stay> {
    let before = faults.0.len();
    match encounter.get("status").and_then(Value::as_str) {
        None => faults.required(format!("{path}.status"), "Manca lo stato del ricovero"),
        Some(status) if !ENCOUNTER_STATUSES.contains(&status) => faults.code(
            format!("{path}.status"),
            format!("Stato del ricovero sconosciuto: {status}"),
        ),
        Some(status) if !ONGOING.contains(&status) => faults.invalid(
            format!("{path}.status"),
            "Si segnala la dimissione protetta di un ricovero in corso",
        ),
        Some(_) => {}
    }
    if !encounter.get("class").is_some_and(Value::is_object) {
        faults.required(
            format!("{path}.class"),
            "Manca la classe del ricovero (class)",
        );
    }
    paths.admitted_on = format!("{path}.period.start");
    paths.expected_on = format!("{path}.period.end");
    let period = encounter.get("period");
    let mut date = |at: &str, missing: &str, bad: &str| -> Option<NaiveDate> {
        match period
            .and_then(|p| p.get(at.rsplit('.').next()?))
            .and_then(Value::as_str)
        {
            None => {
                faults.required(at.to_owned(), missing);
                None
            }
            Some(text) => day(text, true).or_else(|| {
                faults.invalid(at.to_owned(), bad);
                None
            }),
        }
    };
    let admitted_on = date(
        &paths.admitted_on,
        "Manca la data di ricovero (period.start)",
        "La data di ricovero deve essere una data (AAAA-MM-GG) o una data e ora",
    );
    let expected_on = date(
        &paths.expected_on,
        "Manca la data prevista di dimissione (period.end)",
        "La data prevista di dimissione deve essere una data (AAAA-MM-GG) o una data e ora",
    );
    paths.ward = format!("{path}.location[0].location.display");
    let ward = encounter
        .get("location")
        .and_then(|l| l.get(0))
        .and_then(|l| l.get("location"))
        .and_then(|l| l.get("display"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|w| !w.is_empty());
    if ward.is_none() {
        faults.required(
            paths.ward.clone(),
            "Manca il reparto (location[0].location.display)",
        );
    }
    if faults.0.len() > before {
        return None;
    }
    Some(Stay {
        ward: ward?.to_owned(),
        admitted_on: admitted_on?,
        expected_on: expected_on?,
    })
}

struct Asked {
    team_id: Uuid,
    needs: Option<String>,
    notes: Option<String>,
}

/// Every code of http://hl7.org/fhir/request-intent (R4).
const INTENTS: [&str; 9] = [
    "proposal",
    "plan",
    "directive",
    "order",
    "original-order",
    "reflex-order",
    "filler-order",
    "instance-order",
    "option",
];

fn read_service_request(
    request: &Value,
    path: &str,
    faults: &mut Faults,
    paths: &mut Paths,
) -> Option<Asked> {
    let before = faults.0.len();
    match request.get("status").and_then(Value::as_str) {
        None => faults.required(format!("{path}.status"), "Manca lo stato della richiesta"),
        Some("active") => {}
        Some(_) => faults.code(
            format!("{path}.status"),
            "La richiesta di dimissione protetta deve essere \"active\"",
        ),
    }
    match request.get("intent").and_then(Value::as_str) {
        None => faults.required(format!("{path}.intent"), "Manca l'intento della richiesta"),
        Some(intent) if !INTENTS.contains(&intent) => faults.code(
            format!("{path}.intent"),
            format!("Intento della richiesta sconosciuto: {intent}"),
        ),
        Some(_) => {}
    }
    if !request.get("subject").is_some_and(Value::is_object) {
        faults.required(
            format!("{path}.subject"),
            "Manca il paziente della richiesta (subject)",
        );
    }

    let team_system = TEAM;
    paths.team = format!("{path}.performer");
    let performers = elements(request, "performer");
    let teams: Vec<(usize, &Value)> = performers
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.get("identifier")
                .and_then(|i| i.get("system"))
                .and_then(Value::as_str)
                == Some(team_system)
        })
        .collect();
    let team_id = match teams.as_slice() {
        [(k, performer)] => {
            paths.team = format!("{path}.performer[{k}].identifier.value");
            let id = performer["identifier"]
                .get("value")
                .and_then(Value::as_str)
                .and_then(|v| Uuid::parse_str(v.trim()).ok());
            if id.is_none() {
                faults.invalid(
                    paths.team.clone(),
                    "L'identificativo dell'équipe non è valido",
                );
            }
            id
        }
        [] => {
            faults.required(
                paths.team.clone(),
                format!(
                    "Manca l'équipe ricevente (performer con identifier di system {team_system})"
                ),
            );
            None
        }
        _ => {
            faults.invalid(paths.team.clone(), "Indica una sola équipe ricevente");
            None
        }
    };

    paths.needs = format!("{path}.reasonCode");
    let need_system = DISCHARGE_NEED;
    let mut needs: Vec<String> = Vec::new();
    let reasons = elements(request, "reasonCode");
    for (r, reason) in reasons.iter().enumerate() {
        let codings = elements(reason, "coding");
        for (c, coding) in codings.iter().enumerate() {
            let at = format!("{path}.reasonCode[{r}].coding[{c}]");
            let system = coding.get("system").and_then(Value::as_str);
            if system != Some(need_system) {
                faults.code(
                    format!("{at}.system"),
                    format!("Sistema di codifica dei bisogni sconosciuto: usa {need_system}"),
                );
                continue;
            }
            match coding
                .get("code")
                .and_then(Value::as_str)
                .and_then(DischargeNeed::parse)
            {
                Some(need) => needs.push(need.label_it().to_owned()),
                None => faults.code(format!("{at}.code"), "Codice del bisogno sconosciuto"),
            }
        }
        if let Some(text) = reason.get("text").and_then(Value::as_str) {
            let text = text.trim();
            if !text.is_empty() && !needs.iter().any(|n| n == text) {
                needs.push(text.to_owned());
            }
        }
    }
    paths.notes = format!("{path}.note");
    let notes: Vec<String> = elements(request, "note")
        .iter()
        .filter_map(|a| a.get("text").and_then(Value::as_str))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    if faults.0.len() > before {
        return None;
    }
    Some(Asked {
        team_id: team_id?,
        needs: Some(needs.join("; ")).filter(|n| !n.is_empty()),
        notes: Some(notes.join("\n")).filter(|n| !n.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TEAM: &str = "0193a5b0-0000-7000-8000-000000000001";

    fn bundle() -> Value {
        json!({
            "resourceType": "Bundle",
            "type": "transaction",
            "identifier": { "system": "urn:oid:2.16.840.1.113883.2.9.4.3.2", "value": "ADT-1" },
            "entry": [
                { "fullUrl": "urn:uuid:p", "request": { "method": "POST", "url": "Patient" },
                  "resource": { "resourceType": "Patient",
                    "identifier": [{ "system": CODICE_FISCALE, "value": "RSSMRA41B43H501V" }],
                    "name": [{ "family": "Rossi", "given": ["Maria"] }],
                    "gender": "female", "birthDate": "1941-02-03" } },
                { "request": { "method": "POST", "url": "Encounter" },
                  "resource": { "resourceType": "Encounter", "status": "in-progress",
                    "class": { "code": "IMP" }, "subject": { "reference": "urn:uuid:p" },
                    "period": { "start": "2026-11-20T10:30:00+01:00", "end": "2026-11-30" },
                    "location": [{ "location": { "display": "Medicina generale" } }] } },
                { "request": { "method": "POST", "url": "ServiceRequest" },
                  "resource": { "resourceType": "ServiceRequest", "status": "active",
                    "intent": "order", "subject": { "reference": "urn:uuid:p" },
                    "performer": [{ "type": "CareTeam",
                      "identifier": { "system": "urn:ponte:fhir:team", "value": TEAM } }],
                    "reasonCode": [
                      { "coding": [{ "system": "urn:ponte:fhir:discharge-need", "code": "ADI" }] },
                      { "text": "Vive sola" }],
                    "note": [{ "text": "Ossigeno a domicilio" }] } }
            ]
        })
    }

    fn faults(bundle: &Value) -> Vec<(String, String)> {
        read_bundle(bundle)
            .expect_err("refused")
            .into_iter()
            .map(|i| (i.code.to_owned(), i.expression.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_whole_bundle_gives_the_report() {
        let read = read_bundle(&bundle()).expect("read");
        assert_eq!(read.message.value, "ADT-1");
        let Patient::Identity(patient) = &read.report.patient else {
            panic!("a Bundle's patient is an identity");
        };
        assert_eq!(patient.fiscal_code.as_deref(), Some("RSSMRA41B43H501V"));
        assert_eq!(patient.sex, Sex::F);
        assert_eq!(read.report.ward, "Medicina generale");
        assert_eq!(
            read.report.admitted_on,
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        );
        assert_eq!(
            read.report.expected_on,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        assert_eq!(read.report.team_id.to_string(), TEAM);
        assert_eq!(
            read.report.needs.as_deref(),
            Some("ADI (assistenza domiciliare integrata); Vive sola")
        );
        assert_eq!(read.report.notes.as_deref(), Some("Ossigeno a domicilio"));
        assert_eq!(
            read.paths.of_field("expectedDischargeOn"),
            Some("Bundle.entry[1].resource.period.end")
        );
        assert_eq!(
            read.paths.of_field("teamId"),
            Some("Bundle.entry[2].resource.performer[0].identifier.value")
        );
        assert_eq!(read.paths.of_field("hospitalId"), None);
    }

    #[test]
    fn a_message_starts_with_its_header() {
        let mut message = bundle();
        message["type"] = json!("message");
        assert_eq!(
            faults(&message),
            [("required".into(), "Bundle.entry[0].resource".into())]
        );
        let entries = message["entry"].as_array_mut().unwrap();
        entries.insert(
            0,
            json!({ "resource": { "resourceType": "MessageHeader" } }),
        );
        assert!(read_bundle(&message).is_ok());
    }

    #[test]
    fn every_fault_is_told_with_its_element() {
        let mut broken = bundle();
        broken["entry"][0]["resource"]["identifier"][0]["value"] = json!("RSSMRA41B43H501X");
        broken["entry"][0]["resource"]["gender"] = json!("femmina");
        broken["entry"][1]["resource"]["period"]["end"] = json!("30/11/2026");
        broken["entry"][2]["resource"]["reasonCode"][0]["coding"][0]["code"] = json!("SPA");
        assert_eq!(
            faults(&broken),
            [
                (
                    "invalid".into(),
                    "Bundle.entry[0].resource.identifier[0].value".into()
                ),
                (
                    "code-invalid".into(),
                    "Bundle.entry[0].resource.gender".into()
                ),
                (
                    "invalid".into(),
                    "Bundle.entry[1].resource.period.end".into()
                ),
                (
                    "code-invalid".into(),
                    "Bundle.entry[2].resource.reasonCode[0].coding[0].code".into()
                ),
            ]
        );
    }

    #[test]
    fn one_of_each_resource_and_a_resource_at_all() {
        let mut two = bundle();
        let patient = two["entry"][0].clone();
        two["entry"].as_array_mut().unwrap().push(patient);
        assert_eq!(
            faults(&two),
            [("invalid".into(), "Bundle.entry[3].resource".into())]
        );
        assert_eq!(
            faults(&json!({ "resourceType": "Patient" })),
            [("invalid".into(), "resourceType".into())]
        );
        assert_eq!(faults(&json!([1])), [("invalid".into(), "Bundle".into())]);
    }

    #[test]
    fn a_date_time_gives_its_date_as_written() {
        assert_eq!(
            day("2026-11-20T23:30:00-05:00", true),
            NaiveDate::from_ymd_opt(2026, 11, 20)
        );
        assert_eq!(day("2026-11", true), None);
        assert_eq!(day("2026-11-20T", false), None);
    }
}
