//! The territory: which organization may sit under which (issue 14.1).
//!
//! A Comune belongs to its Ambito territoriale sociale; an Ambito to a
//! Distretto or directly to its ATS; the health services (Distretto,
//! hospital, Casa di Comunità, COT, Ospedale di Comunità) to their ASST (or
//! ASL outside Lombardy). Indicators for a territory count what lies under
//! it, so the hierarchy must be a tree: no organization under itself.

use crate::vocabulary::OrganizationKind;

/// The kinds an organization of `child` kind may sit under; empty when the
/// kind has no place in the territory (ETS, cooperatives, schools…).
pub fn allowed_parents(child: OrganizationKind) -> &'static [OrganizationKind] {
    use OrganizationKind::*;
    match child {
        Comune | UfficioDiPiano => &[Ambito],
        Ambito => &[Distretto, Ats],
        Distretto | Ospedale | CasaDiComunita | Cot | OspedaleDiComunita => &[Asst, Asl],
        // The ATS governs the ASSTs of its area (Lombardy, L.R. 23/2015).
        Asst => &[Ats],
        _ => &[],
    }
}

/// Whether an organization of `child` kind may sit under one of `parent` kind.
pub fn check_parent_kind(
    child: OrganizationKind,
    parent: OrganizationKind,
) -> Result<(), &'static str> {
    use OrganizationKind::*;
    if allowed_parents(child).contains(&parent) {
        return Ok(());
    }
    Err(match child {
        Comune => "Un Comune appartiene a un Ambito territoriale",
        UfficioDiPiano => "Un Ufficio di Piano appartiene a un Ambito territoriale",
        Ambito => "Un Ambito appartiene a un Distretto o a un'ATS",
        Distretto | Ospedale | CasaDiComunita | Cot | OspedaleDiComunita => {
            "Questo ente appartiene a un'ASST o a un'ASL"
        }
        Asst => "Un'ASST appartiene a un'ATS",
        _ => "Questo tipo di ente non fa parte della gerarchia territoriale",
    })
}

/// Whether putting `child` under a parent whose chain of ancestors (the
/// parent first, then its parent, …) is `parent_chain` would close a loop.
pub fn check_no_cycle<Id: PartialEq>(child: &Id, parent_chain: &[Id]) -> Result<(), &'static str> {
    if parent_chain.contains(child) {
        Err("Un ente non può stare sotto sé stesso né sotto un ente che gli appartiene")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrganizationKind::*;

    #[test]
    fn a_comune_sits_under_an_ambito_only() {
        assert!(check_parent_kind(Comune, Ambito).is_ok());
        for parent in [Asst, Ats, Distretto, Comune, Ets] {
            assert!(check_parent_kind(Comune, parent).is_err(), "{parent}");
        }
    }

    #[test]
    fn an_ambito_sits_under_a_distretto_or_an_ats() {
        assert!(check_parent_kind(Ambito, Distretto).is_ok());
        assert!(check_parent_kind(Ambito, Ats).is_ok());
        assert!(check_parent_kind(Ambito, Asst).is_err());
        assert!(check_parent_kind(Ambito, Comune).is_err());
    }

    #[test]
    fn health_services_sit_under_an_asst_or_an_asl() {
        for child in [Distretto, Ospedale, CasaDiComunita, Cot, OspedaleDiComunita] {
            assert!(check_parent_kind(child, Asst).is_ok(), "{child}");
            assert!(check_parent_kind(child, Asl).is_ok(), "{child}");
            assert!(check_parent_kind(child, Ambito).is_err(), "{child}");
        }
    }

    #[test]
    fn third_sector_bodies_have_no_place_in_the_territory() {
        for child in [Ets, CooperativaSocialeA, Scuola, Other] {
            assert!(check_parent_kind(child, Ambito).is_err(), "{child}");
            assert!(check_parent_kind(child, Asst).is_err(), "{child}");
        }
    }

    #[test]
    fn no_organization_sits_under_itself_or_its_descendants() {
        assert!(check_no_cycle(&1, &[1]).is_err());
        assert!(check_no_cycle(&1, &[3, 2, 1]).is_err());
        assert!(check_no_cycle(&1, &[3, 2]).is_ok());
        assert!(check_no_cycle(&1, &[]).is_ok());
    }
}
