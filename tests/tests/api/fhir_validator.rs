//! The FHIR validator the other FHIR tests rely on says no when it must:
//! a test that validates Ponte's resources is only worth what its validator
//! refuses.

use ponte_tests::fhir;
use serde_json::json;

#[test]
fn a_valid_patient_passes() {
    fhir::assert_valid(&json!({
        "resourceType": "Patient",
        "identifier": [{ "system": "http://hl7.it/sid/codiceFiscale", "value": "RSSMRA41B43H501T" }],
        "gender": "female",
        "birthDate": "1941-02-03"
    }));
}

#[test]
fn wrong_cardinalities_formats_and_unknown_elements_are_refused() {
    let broken = [
        // A Goal needs lifecycleStatus and subject.
        json!({ "resourceType": "Bundle", "type": "searchset",
                "entry": [{ "resource": { "resourceType": "Goal", "description": { "text": "x" } } }] }),
        json!({ "resourceType": "Patient", "birthDate": "03/02/1941" }),
        json!({ "resourceType": "Patient", "codiceFiscale": "RSSMRA41B43H501T" }),
        json!({ "resourceType": "Observation", "status": "final" }),
    ];
    for resource in broken {
        let verdict = fhir::check(&resource);
        assert!(!verdict.valid, "accepted: {resource}");
    }
}
