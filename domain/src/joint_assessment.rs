//! A UVM assessment is a joint one (issue 13.5): the social and the health
//! side of the person's needs are assessed together, by at least one
//! assistente sociale and at least one doctor or nurse. The reports count
//! the joint assessments, whichever team made them.

use crate::vocabulary::Profession;

impl Profession {
    /// The social side of a UVM: the assistente sociale.
    pub fn is_social(self) -> bool {
        self == Profession::AssistenteSociale
    }

    /// The health side of a UVM: doctors and nurses. Psychologists,
    /// therapists and educators take part in assessments too, but the
    /// planning documents ask for the doctor or nurse beside the social
    /// worker, so they do not make an assessment joint on their own.
    pub fn is_health(self) -> bool {
        matches!(
            self,
            Profession::Mmg
                | Profession::MedicoSpecialista
                | Profession::Psichiatra
                | Profession::Geriatra
                | Profession::Fisiatra
                | Profession::NeuropsichiatraInfantile
                | Profession::Infermiere
                | Profession::InfermiereDiFamiglia
        )
    }
}

/// Social and health participants assessed together.
pub fn is_joint(professions: &[Profession]) -> bool {
    professions.iter().any(|p| p.is_social()) && professions.iter().any(|p| p.is_health())
}

/// Why the participants cannot make a UVM assessment, naming what is
/// missing; `None` when they can.
pub fn uvm_participants_refusal(professions: &[Profession]) -> Option<String> {
    let mut missing = Vec::new();
    if !professions.iter().any(|p| p.is_social()) {
        missing.push("un assistente sociale");
    }
    if !professions.iter().any(|p| p.is_health()) {
        missing.push("un medico o infermiere");
    }
    if missing.is_empty() {
        return None;
    }
    Some(format!(
        "Una valutazione UVM richiede almeno un assistente sociale e almeno un medico o infermiere tra i partecipanti: manca {}",
        missing.join(" e ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Profession::*;

    #[test]
    fn doctors_and_nurses_are_the_health_side_and_the_social_worker_the_social_one() {
        let health: Vec<Profession> = Profession::ALL
            .iter()
            .copied()
            .filter(|p| p.is_health())
            .collect();
        assert_eq!(
            health,
            [
                Infermiere,
                Mmg,
                MedicoSpecialista,
                Psichiatra,
                Geriatra,
                Fisiatra,
                NeuropsichiatraInfantile,
                InfermiereDiFamiglia
            ]
        );
        let social: Vec<Profession> = Profession::ALL
            .iter()
            .copied()
            .filter(|p| p.is_social())
            .collect();
        assert_eq!(social, [AssistenteSociale]);
    }

    #[test]
    fn a_joint_assessment_has_both_sides() {
        assert!(is_joint(&[AssistenteSociale, InfermiereDiFamiglia]));
        assert!(is_joint(&[Psicologo, Geriatra, AssistenteSociale]));
        assert!(!is_joint(&[AssistenteSociale, Psicologo, Educatore]));
        assert!(!is_joint(&[Mmg, Infermiere]));
        assert!(!is_joint(&[]));
    }

    #[test]
    fn the_refusal_names_the_missing_side() {
        assert_eq!(uvm_participants_refusal(&[AssistenteSociale, Mmg]), None);
        let base = "Una valutazione UVM richiede almeno un assistente sociale e almeno un medico o infermiere tra i partecipanti";
        assert_eq!(
            uvm_participants_refusal(&[AssistenteSociale]),
            Some(format!("{base}: manca un medico o infermiere"))
        );
        assert_eq!(
            uvm_participants_refusal(&[Geriatra, TerapistaRiabilitazione]),
            Some(format!("{base}: manca un assistente sociale"))
        );
        assert_eq!(
            uvm_participants_refusal(&[Psicologo]),
            Some(format!(
                "{base}: manca un assistente sociale e un medico o infermiere"
            ))
        );
    }
}
