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

/// One of Ponte's own systems: `urn:ponte:fhir:<name>`.
pub fn ponte_system(name: &str) -> String {
    format!("{PONTE_BASE}:{name}")
}

/// A team of Ponte, by its id: the receiving team of a reported discharge
/// (`ServiceRequest.performer.identifier`).
pub fn team_system() -> String {
    ponte_system("team")
}

/// The needs of a reported discharge (`ServiceRequest.reasonCode`), coded
/// as the `DischargeNeed` vocabulary.
pub fn discharge_need_system() -> String {
    ponte_system("discharge-need")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_system_of_ours_is_under_the_one_base() {
        assert_eq!(ponte_system("life-area"), "urn:ponte:fhir:life-area");
    }
}
