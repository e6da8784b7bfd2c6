//! The integrated PAI (PAI integrato): one project with a health part and a
//! social part, co-signed by the ASL/ASST side and by the Comune/Ambito side,
//! as the planning documents ask for the integration of social and health
//! services (seed 001 §1, seed 002). It enters delivery only when both sides
//! have signed: a plan one side never agreed to is the fragmentation it is
//! meant to end.

pub use crate::vocabulary::{IntegratedPart, OrganizationKind};

impl IntegratedPart {
    pub fn label_it(self) -> &'static str {
        match self {
            IntegratedPart::Health => "parte sanitaria",
            IntegratedPart::Social => "parte sociale",
        }
    }
}

impl OrganizationKind {
    /// The side of an integrated PAI an organization of this kind signs
    /// for; `None` for the kinds that sign neither (third sector, schools,
    /// job centres: they are partners of the plan, not its co-signatories).
    /// A legacy `COOPERATIVA_SOCIALE` row signs nothing either.
    pub fn integrated_part(self) -> Option<IntegratedPart> {
        use OrganizationKind::*;
        match self {
            Asl | Asst | Ats | Ospedale | Distretto | CasaDiComunita | Cot | OspedaleDiComunita => {
                Some(IntegratedPart::Health)
            }
            Comune | Ambito | UfficioDiPiano => Some(IntegratedPart::Social),
            Ets | CooperativaSociale | CooperativaSocialeA | CooperativaSocialeB
            | CentroPerImpiego | Scuola | EnteFormazione | Cml | Other => None,
        }
    }
}

/// The sides that have not signed yet, health first.
pub fn missing_parts(signed: impl IntoIterator<Item = IntegratedPart>) -> Vec<IntegratedPart> {
    let signed: Vec<IntegratedPart> = signed.into_iter().collect();
    IntegratedPart::ALL
        .iter()
        .copied()
        .filter(|part| !signed.contains(part))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_and_social_organizations_sign_their_own_part() {
        assert_eq!(
            OrganizationKind::Asst.integrated_part(),
            Some(IntegratedPart::Health)
        );
        assert_eq!(
            OrganizationKind::CasaDiComunita.integrated_part(),
            Some(IntegratedPart::Health)
        );
        assert_eq!(
            OrganizationKind::Comune.integrated_part(),
            Some(IntegratedPart::Social)
        );
        assert_eq!(
            OrganizationKind::Ambito.integrated_part(),
            Some(IntegratedPart::Social)
        );
        assert_eq!(OrganizationKind::Ets.integrated_part(), None);
        assert_eq!(
            OrganizationKind::CooperativaSocialeA.integrated_part(),
            None
        );
    }

    #[test]
    fn both_parts_are_needed() {
        assert_eq!(
            missing_parts([]),
            vec![IntegratedPart::Health, IntegratedPart::Social]
        );
        assert_eq!(
            missing_parts([IntegratedPart::Social, IntegratedPart::Social]),
            vec![IntegratedPart::Health]
        );
        assert!(missing_parts([IntegratedPart::Social, IntegratedPart::Health]).is_empty());
    }
}
