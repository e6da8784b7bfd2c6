//! The seeds' assessment indicators (Piano di Zona, §8): how many
//! assessments, how many with an assistente sociale among the participants,
//! how many distinct persons, by need level, and which professions take part;
//! and how many are joint (social and health participants, `joint_assessment`).

use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hash;

use crate::joint_assessment::is_joint;
use crate::vocabulary::Profession;

/// What one assessment (its current version) contributes.
pub struct AssessmentFacts<'a, P> {
    pub person: P,
    pub need_level: &'a str,
    pub professions: Vec<&'a str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicators {
    pub assessments: usize,
    pub with_social_worker: usize,
    /// `with_social_worker / assessments`, none when there are no assessments.
    pub social_worker_share: Option<f64>,
    /// Assessments with social and health participants together.
    pub joint: usize,
    pub persons: usize,
    /// Need level name → count, in name order.
    pub by_need_level: Vec<(String, usize)>,
    /// Profession name → number of assessments it took part in.
    pub professions: Vec<(String, usize)>,
}

pub const SOCIAL_WORKER: &str = "ASSISTENTE_SOCIALE";

pub fn compute<P: Hash + Ord + Clone>(facts: &[AssessmentFacts<'_, P>]) -> Indicators {
    let mut persons = BTreeSet::new();
    let mut by_need: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_profession: BTreeMap<String, usize> = BTreeMap::new();
    let mut with_social_worker = 0;
    let mut joint = 0;
    for fact in facts {
        persons.insert(fact.person.clone());
        *by_need.entry(fact.need_level.to_owned()).or_default() += 1;
        // A profession counts once per assessment, however many took part.
        let distinct: BTreeSet<&str> = fact.professions.iter().copied().collect();
        if distinct.contains(SOCIAL_WORKER) {
            with_social_worker += 1;
        }
        let professions: Vec<Profession> = distinct
            .iter()
            .filter_map(|name| Profession::parse(name))
            .collect();
        if is_joint(&professions) {
            joint += 1;
        }
        for profession in distinct {
            *by_profession.entry(profession.to_owned()).or_default() += 1;
        }
    }
    let assessments = facts.len();
    Indicators {
        assessments,
        with_social_worker,
        social_worker_share: (assessments > 0)
            .then(|| with_social_worker as f64 / assessments as f64),
        joint,
        persons: persons.len(),
        by_need_level: by_need.into_iter().collect(),
        professions: by_profession.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_set_gives_the_known_numbers() {
        let facts = vec![
            AssessmentFacts {
                person: 1,
                need_level: "HIGH",
                professions: vec!["ASSISTENTE_SOCIALE", "INFERMIERE"],
            },
            AssessmentFacts {
                person: 1,
                need_level: "MEDIUM",
                professions: vec!["INFERMIERE", "INFERMIERE"],
            },
            AssessmentFacts {
                person: 2,
                need_level: "HIGH",
                professions: vec!["ASSISTENTE_SOCIALE", "MMG"],
            },
            AssessmentFacts {
                person: 3,
                need_level: "LOW",
                professions: vec!["MMG"],
            },
        ];
        let result = compute(&facts);
        assert_eq!(result.assessments, 4);
        assert_eq!(result.with_social_worker, 2);
        assert_eq!(result.social_worker_share, Some(0.5));
        // A nurse or a GP beside the assistente sociale.
        assert_eq!(result.joint, 2);
        assert_eq!(result.persons, 3);
        assert_eq!(
            result.by_need_level,
            vec![("HIGH".into(), 2), ("LOW".into(), 1), ("MEDIUM".into(), 1)]
        );
        assert_eq!(
            result.professions,
            vec![
                ("ASSISTENTE_SOCIALE".into(), 2),
                ("INFERMIERE".into(), 2),
                ("MMG".into(), 2)
            ]
        );
    }

    #[test]
    fn no_assessments_have_no_share() {
        let result = compute::<u8>(&[]);
        assert_eq!(result.assessments, 0);
        assert_eq!(result.social_worker_share, None);
    }
}
