//! Closure records outcomes (issue 13.6): a project closes with a final
//! score (1–5) for every life area it has goals in, so that the change
//! across the four areas, from the baseline to the end, can be measured.
//!
//! Choices the issue leaves open:
//!
//! - **Final** means dated on or after the last change to the area's goals
//!   (a goal added, edited or given its outcome). The outcomes of the goals
//!   are decided last, at the final review or in the closing itself; a
//!   score dated before them measured a project still under way. A score
//!   given in the closing itself is dated that day and is always final.
//! - The **team** scores every area with goals. The **person** takes part
//!   when they have scored their own situation before on this project (any
//!   PERSON score): then they score the end too. A person who never scored
//!   (a child, someone who declined) is not asked at closure either, since
//!   there would be no baseline of theirs to compare with.

use chrono::NaiveDate;

use crate::vocabulary::{LifeArea, Rater};

impl LifeArea {
    /// The Italian name users know (seed 004).
    pub fn label_it(self) -> &'static str {
        match self {
            LifeArea::HealthWellbeing => "Benessere e salute",
            LifeArea::Housing => "Abitare",
            LifeArea::WorkIncome => "Inclusione lavorativa e risorse economiche",
            LifeArea::SocialInclusion => "Inclusione sociale",
        }
    }
}

/// One goal of the project: its area and the day it last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalOnRecord {
    pub life_area: LifeArea,
    pub changed_on: NaiveDate,
}

/// One life-area score recorded on the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreOnRecord {
    pub life_area: LifeArea,
    pub rater: Rater,
    pub scored_on: NaiveDate,
}

/// One final score closure requires, and whether it is on record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FinalScore {
    pub rater: Rater,
    pub life_area: LifeArea,
    /// The first day a score counts as final for this area.
    pub from: NaiveDate,
    pub recorded: bool,
}

/// The final scores closing requires: by the team, then by the person when
/// they take part; areas in the vocabulary's order.
pub fn final_scores(goals: &[GoalOnRecord], scores: &[ScoreOnRecord]) -> Vec<FinalScore> {
    let person_takes_part = scores.iter().any(|s| s.rater == Rater::Person);
    let raters: &[Rater] = if person_takes_part {
        &[Rater::Team, Rater::Person]
    } else {
        &[Rater::Team]
    };
    let mut required = Vec::new();
    for rater in raters {
        for area in LifeArea::ALL {
            let Some(from) = goals
                .iter()
                .filter(|g| g.life_area == *area)
                .map(|g| g.changed_on)
                .max()
            else {
                continue;
            };
            let recorded = scores
                .iter()
                .any(|s| s.rater == *rater && s.life_area == *area && s.scored_on >= from);
            required.push(FinalScore {
                rater: *rater,
                life_area: *area,
                from,
                recorded,
            });
        }
    }
    required
}

/// The areas still without a final score, by rater (team first); raters
/// with nothing missing are left out.
pub fn missing_final_scores(required: &[FinalScore]) -> Vec<(Rater, Vec<LifeArea>)> {
    let mut missing: Vec<(Rater, Vec<LifeArea>)> = Vec::new();
    for score in required.iter().filter(|s| !s.recorded) {
        match missing.iter_mut().find(|(rater, _)| *rater == score.rater) {
            Some((_, areas)) => areas.push(score.life_area),
            None => missing.push((score.rater, vec![score.life_area])),
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use LifeArea::*;

    fn on(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("a day of 2026")
    }

    fn goal(life_area: LifeArea, changed_on: NaiveDate) -> GoalOnRecord {
        GoalOnRecord {
            life_area,
            changed_on,
        }
    }

    fn score(life_area: LifeArea, rater: Rater, scored_on: NaiveDate) -> ScoreOnRecord {
        ScoreOnRecord {
            life_area,
            rater,
            scored_on,
        }
    }

    #[test]
    fn the_team_scores_every_area_with_goals_after_its_last_goal_change() {
        let goals = [
            goal(Housing, on(3, 1)),
            goal(Housing, on(9, 10)),
            goal(HealthWellbeing, on(5, 5)),
        ];
        let scores = [
            // Before the last housing goal changed: a score of a project under way.
            score(Housing, Rater::Team, on(9, 9)),
            // The day of the last change still counts.
            score(HealthWellbeing, Rater::Team, on(5, 5)),
        ];
        let required = final_scores(&goals, &scores);
        assert_eq!(
            required,
            vec![
                FinalScore {
                    rater: Rater::Team,
                    life_area: HealthWellbeing,
                    from: on(5, 5),
                    recorded: true
                },
                FinalScore {
                    rater: Rater::Team,
                    life_area: Housing,
                    from: on(9, 10),
                    recorded: false
                },
            ]
        );
        assert_eq!(
            missing_final_scores(&required),
            vec![(Rater::Team, vec![Housing])]
        );
    }

    #[test]
    fn a_person_who_scored_before_scores_the_end_too() {
        let goals = [goal(WorkIncome, on(2, 1)), goal(SocialInclusion, on(2, 1))];
        let mut scores = vec![
            score(WorkIncome, Rater::Person, on(1, 15)),
            score(WorkIncome, Rater::Team, on(10, 1)),
            score(SocialInclusion, Rater::Team, on(10, 1)),
        ];
        assert_eq!(
            missing_final_scores(&final_scores(&goals, &scores)),
            vec![(Rater::Person, vec![WorkIncome, SocialInclusion])]
        );
        scores.push(score(WorkIncome, Rater::Person, on(10, 1)));
        scores.push(score(SocialInclusion, Rater::Person, on(10, 2)));
        assert_eq!(missing_final_scores(&final_scores(&goals, &scores)), vec![]);
    }

    #[test]
    fn a_project_without_goals_or_a_person_who_never_scored_asks_nothing_of_them() {
        assert_eq!(final_scores(&[], &[]), vec![]);
        let required = final_scores(&[goal(Housing, on(4, 4))], &[]);
        assert_eq!(
            missing_final_scores(&required),
            vec![(Rater::Team, vec![Housing])]
        );
    }

    #[test]
    fn areas_have_their_italian_names() {
        let names: Vec<&str> = LifeArea::ALL.iter().map(|a| a.label_it()).collect();
        assert_eq!(
            names,
            [
                "Benessere e salute",
                "Abitare",
                "Inclusione lavorativa e risorse economiche",
                "Inclusione sociale"
            ]
        );
    }
}
