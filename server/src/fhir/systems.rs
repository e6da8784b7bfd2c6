//! The identifier and code systems Ponte writes and reads in FHIR. The
//! published ones are used where they exist; Ponte's own have one base, so
//! that a receiving system can tell them apart, and are documented in the
//! README ("Interoperability").

/// The Italian codice fiscale, as HL7 Italia names it.
pub const CODICE_FISCALE: &str = "http://hl7.it/sid/codiceFiscale";

/// The base of Ponte's own identifier and code systems: a URN, because
/// Ponte is installed by many organizations and owns no web address that
/// every installation could answer for.
pub const PONTE_BASE: &str = "urn:ponte:fhir";

/// The outbound record (`$everything`, `fhir::record`): Ponte's own code
/// systems, each holding the codes of the Ponte vocabulary it names.
/// The kind of a project (`ProjectKind`: PAI, PTRI, …), a CarePlan's category.
pub const PROJECT_KIND: &str = "urn:ponte:fhir:project-kind";
/// The four life areas of the Budget di Salute (`LifeArea`), a Goal's category.
pub const LIFE_AREA: &str = "urn:ponte:fhir:life-area";
/// A goal's status as Ponte records it (`GoalStatus`), beside the R4 codes.
pub const GOAL_STATUS: &str = "urn:ponte:fhir:goal-status";
/// The kind of an intervention (`ServiceKind`), a CarePlan activity's code.
pub const SERVICE_KIND: &str = "urn:ponte:fhir:service-kind";
/// The kind of a team (`TeamKind`: UVM, PUA, …), a CareTeam's category.
pub const TEAM_KIND: &str = "urn:ponte:fhir:team-kind";
/// The kind of an organization (`OrganizationKind`), an Organization's type.
pub const ORGANIZATION_KIND: &str = "urn:ponte:fhir:organization-kind";
/// The assessment instruments Ponte scores (`Instrument`), an Observation's code.
pub const INSTRUMENT: &str = "urn:ponte:fhir:instrument";
/// Where an assessment took place (`AssessmentSetting`).
pub const ASSESSMENT_SETTING: &str = "urn:ponte:fhir:assessment-setting";
/// Why an assessment took place (`AssessmentReason`).
pub const ASSESSMENT_REASON: &str = "urn:ponte:fhir:assessment-reason";
/// The level of need an assessment found (`NeedLevel`).
pub const NEED_LEVEL: &str = "urn:ponte:fhir:need-level";
/// Where a person is cared for (`CareSetting`): an assessment's
/// recommendation, a discharge's destination.
pub const CARE_SETTING: &str = "urn:ponte:fhir:care-setting";
/// What a consent is to (`ConsentKind`, and `PROJECT` for a project's).
pub const CONSENT_KIND: &str = "urn:ponte:fhir:consent-kind";
/// The STP, ENI or provisional code of a person without a codice fiscale.
pub const ALTERNATIVE_CODE: &str = "urn:ponte:fhir:alternative-code";

/// LOINC, for the published codes Ponte uses (the Barthel index's total).
pub const LOINC: &str = "http://loinc.org";

/// The inbound discharge (`fhir::inbound`): a team of Ponte, by its id,
/// the receiving team (`ServiceRequest.performer.identifier`).
pub const TEAM: &str = "urn:ponte:fhir:team";
/// The needs of a reported discharge (`ServiceRequest.reasonCode`), coded
/// as the `DischargeNeed` vocabulary.
pub const DISCHARGE_NEED: &str = "urn:ponte:fhir:discharge-need";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_system_of_ours_is_under_the_one_base() {
        let ours = [
            PROJECT_KIND,
            LIFE_AREA,
            GOAL_STATUS,
            SERVICE_KIND,
            TEAM_KIND,
            ORGANIZATION_KIND,
            INSTRUMENT,
            ASSESSMENT_SETTING,
            ASSESSMENT_REASON,
            NEED_LEVEL,
            CARE_SETTING,
            CONSENT_KIND,
            ALTERNATIVE_CODE,
            TEAM,
            DISCHARGE_NEED,
        ];
        for system in ours {
            assert!(system.starts_with(&format!("{PONTE_BASE}:")), "{system}");
        }
    }
}
