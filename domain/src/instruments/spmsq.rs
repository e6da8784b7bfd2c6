//! Short Portable Mental Status Questionnaire (Pfeiffer E., "A short portable
//! mental status questionnaire for the assessment of organic brain deficit in
//! elderly patients", J Am Geriatr Soc 1975;23(10):433–441).
//!
//! The score counts errors, so a higher score is worse, and Pfeiffer's norms
//! depend on schooling: the form must ask for it.

use super::{
    AnswerOption, Band, Education, EducationAdjustment, Instrument, InstrumentDefinition,
    ItemDefinition,
};

/// Pfeiffer's norm: "allow one more error if the subject has had only a grade
/// school education; allow one fewer error if the subject has had education
/// beyond high school".
///
/// The bands are fixed, so allowing one more error is the same as counting
/// one error fewer: with primary education the error count is reduced by one
/// (3 errors read as 2, still intact); beyond secondary school it is
/// increased by one (2 errors read as 3, mild impairment); secondary school is
/// the reference and is left alone. The result is clamped to 0–10 by the
/// generic scorer, since the scale has no meaning outside it. Data rather
/// than code, so the SPA's live score reads the same correction.
const EDUCATION_ADJUSTMENTS: &[EducationAdjustment] = &[
    EducationAdjustment {
        education: Education::Primary,
        score_change: -1,
    },
    EducationAdjustment {
        education: Education::Secondary,
        score_change: 0,
    },
    EducationAdjustment {
        education: Education::BeyondSecondary,
        score_change: 1,
    },
];

/// Every question is marked the same way; the value is the point, so that
/// the stored answers add up to the raw error count.
const CORRECT_OR_ERROR: &[AnswerOption] = &[
    AnswerOption {
        value: 0,
        label_it: "Risposta corretta",
        points: 0,
    },
    AnswerOption {
        value: 1,
        label_it: "Errore",
        points: 1,
    },
];

const fn question(code: &'static str, label_it: &'static str) -> ItemDefinition {
    ItemDefinition {
        code,
        label_it,
        options: CORRECT_OR_ERROR,
    }
}

pub(super) const DEFINITION: InstrumentDefinition = InstrumentDefinition {
    code: Instrument::Spmsq,
    name_it: "SPMSQ (Short Portable Mental Status Questionnaire di Pfeiffer)",
    description_it: "Screening delle funzioni cognitive: numero di errori su 10 domande, \
                     corretto per il livello di istruzione (0 = nessun errore, 10 = tutti errati).",
    min_score: 0,
    max_score: 10,
    higher_is_better: false,
    counts_errors: true,
    uses_education: true,
    education_adjustments: EDUCATION_ADJUSTMENTS,
    items: &[
        question("DATE", "Che giorno è oggi? (giorno, mese e anno)"),
        question("WEEKDAY", "Che giorno della settimana è?"),
        question("PLACE", "Come si chiama questo luogo?"),
        question(
            "PHONE_OR_ADDRESS",
            "Qual è il suo numero di telefono? (se non ha il telefono: qual è il suo indirizzo?)",
        ),
        question("AGE", "Quanti anni ha?"),
        question("BIRTH_DATE", "Qual è la sua data di nascita?"),
        question("PRESIDENT", "Chi è l'attuale Presidente della Repubblica?"),
        question(
            "PREVIOUS_PRESIDENT",
            "Chi era il Presidente della Repubblica precedente?",
        ),
        question(
            "MOTHER_MAIDEN_NAME",
            "Qual era il cognome da nubile di sua madre?",
        ),
        // Pfeiffer counts the series as one answer, correct only when every
        // step is; saying so on the form keeps operators consistent.
        question(
            "SUBTRACTION",
            "Sottragga 3 da 20 e continui a sottrarre 3 fino in fondo \
             (corretta solo se l'intera serie è esatta)",
        ),
    ],
    bands: &[
        Band {
            min: 0,
            max: 2,
            code: "INTACT",
            label_it: "Funzioni cognitive integre",
        },
        Band {
            min: 3,
            max: 4,
            code: "MILD",
            label_it: "Deterioramento cognitivo lieve",
        },
        Band {
            min: 5,
            max: 7,
            code: "MODERATE",
            label_it: "Deterioramento cognitivo moderato",
        },
        Band {
            min: 8,
            max: 10,
            code: "SEVERE",
            label_it: "Deterioramento cognitivo grave",
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::super::{definition, score, Answer, ScoredResult, ScoringError};
    use super::*;

    const QUESTIONS: [&str; 10] = [
        "DATE",
        "WEEKDAY",
        "PLACE",
        "PHONE_OR_ADDRESS",
        "AGE",
        "BIRTH_DATE",
        "PRESIDENT",
        "PREVIOUS_PRESIDENT",
        "MOTHER_MAIDEN_NAME",
        "SUBTRACTION",
    ];

    fn answer(item: &str, value: i32) -> Answer {
        Answer {
            item: item.to_owned(),
            value,
        }
    }

    /// The first `errors` questions wrong, the rest right.
    fn with_errors(errors: usize) -> Vec<Answer> {
        QUESTIONS
            .iter()
            .enumerate()
            .map(|(i, code)| answer(code, i32::from(i < errors)))
            .collect()
    }

    fn spmsq(answers: &[Answer], education: Education) -> Result<ScoredResult, ScoringError> {
        score(Instrument::Spmsq, answers, Some(education))
    }

    fn assert_reads(education: Education, expected: &[(usize, i32, &str)]) {
        for &(errors, adjusted, band) in expected {
            let result = spmsq(&with_errors(errors), education).unwrap();
            assert_eq!(
                (result.score, result.band.code),
                (adjusted, band),
                "{errors} errors, {education:?}"
            );
        }
    }

    #[test]
    fn the_questions_are_the_normative_ten_in_order() {
        let codes: Vec<&str> = definition(Instrument::Spmsq)
            .items
            .iter()
            .map(|item| item.code)
            .collect();
        assert_eq!(codes, QUESTIONS);
    }

    #[test]
    fn every_question_accepts_correct_as_zero_points_and_error_as_one() {
        for item in definition(Instrument::Spmsq).items {
            let marks: Vec<(i32, &str, i32)> = item
                .options
                .iter()
                .map(|o| (o.value, o.label_it, o.points))
                .collect();
            assert_eq!(
                marks,
                [(0, "Risposta corretta", 0), (1, "Errore", 1)],
                "{}",
                item.code
            );
        }
    }

    #[test]
    fn each_question_answered_wrong_counts_one_error() {
        for question in QUESTIONS {
            let answers: Vec<Answer> = QUESTIONS
                .iter()
                .map(|code| answer(code, i32::from(*code == question)))
                .collect();
            let result = spmsq(&answers, Education::Secondary).unwrap();
            assert_eq!(result.score, 1, "{question}");
            let stored = result.answers.iter().find(|a| a.item == question).unwrap();
            assert_eq!(stored.value, 1);
        }
    }

    #[test]
    fn values_other_than_correct_or_error_are_refused() {
        for value in [-1, 2] {
            let mut answers = with_errors(0);
            answers[9].value = value;
            assert_eq!(
                spmsq(&answers, Education::Secondary),
                Err(ScoringError::ValueNotAllowed {
                    item: "SUBTRACTION".to_owned(),
                    value
                })
            );
        }
    }

    #[test]
    fn with_secondary_education_the_errors_are_read_as_counted() {
        assert_reads(
            Education::Secondary,
            &[
                (0, 0, "INTACT"),
                (2, 2, "INTACT"),
                (3, 3, "MILD"),
                (4, 4, "MILD"),
                (5, 5, "MODERATE"),
                (7, 7, "MODERATE"),
                (8, 8, "SEVERE"),
                (10, 10, "SEVERE"),
            ],
        );
    }

    #[test]
    fn with_primary_education_one_more_error_is_allowed_at_every_boundary() {
        assert_reads(
            Education::Primary,
            &[
                (3, 2, "INTACT"),
                (4, 3, "MILD"),
                (5, 4, "MILD"),
                (6, 5, "MODERATE"),
                (8, 7, "MODERATE"),
                (9, 8, "SEVERE"),
                (10, 9, "SEVERE"),
            ],
        );
    }

    #[test]
    fn beyond_secondary_school_one_fewer_error_is_allowed_at_every_boundary() {
        assert_reads(
            Education::BeyondSecondary,
            &[
                (0, 1, "INTACT"),
                (1, 2, "INTACT"),
                (2, 3, "MILD"),
                (3, 4, "MILD"),
                (4, 5, "MODERATE"),
                (6, 7, "MODERATE"),
                (7, 8, "SEVERE"),
                (9, 10, "SEVERE"),
            ],
        );
    }

    #[test]
    fn with_primary_education_no_errors_stays_at_zero() {
        assert_reads(Education::Primary, &[(0, 0, "INTACT"), (1, 0, "INTACT")]);
    }

    #[test]
    fn beyond_secondary_school_ten_errors_stays_at_ten() {
        assert_reads(Education::BeyondSecondary, &[(10, 10, "SEVERE")]);
    }

    #[test]
    fn which_questions_are_wrong_does_not_change_the_score() {
        let mut answers = with_errors(3);
        answers.reverse();
        let result = spmsq(&answers, Education::Secondary).unwrap();
        assert_eq!((result.score, result.band.code), (3, "MILD"));
        let last_three_wrong: Vec<Answer> = QUESTIONS
            .iter()
            .enumerate()
            .map(|(i, code)| answer(code, i32::from(i >= 7)))
            .collect();
        assert_eq!(
            spmsq(&last_three_wrong, Education::Secondary)
                .unwrap()
                .score,
            3
        );
    }

    #[test]
    fn spmsq_is_scored_as_errors_so_lower_is_better() {
        assert!(!definition(Instrument::Spmsq).higher_is_better);
    }

    #[test]
    fn the_education_level_is_required() {
        assert_eq!(
            score(Instrument::Spmsq, &with_errors(0), None),
            Err(ScoringError::EducationRequired)
        );
    }

    #[test]
    fn a_missing_question_is_refused_naming_it() {
        let mut answers = with_errors(0);
        answers.retain(|a| a.item != "PRESIDENT");
        assert_eq!(
            spmsq(&answers, Education::Primary),
            Err(ScoringError::MissingItem { item: "PRESIDENT" })
        );
        assert_eq!(
            ScoringError::MissingItem { item: "PRESIDENT" }.message_it(),
            "Manca la risposta alla voce «Chi è l'attuale Presidente della Repubblica?»."
        );
    }

    #[test]
    fn a_question_answered_twice_is_refused() {
        let mut answers = with_errors(0);
        answers.push(answer("AGE", 1));
        assert_eq!(
            spmsq(&answers, Education::Secondary),
            Err(ScoringError::DuplicateItem {
                item: "AGE".to_owned()
            })
        );
    }

    #[test]
    fn the_raw_error_count_is_kept_beside_the_adjusted_score() {
        for (education, errors, adjusted) in [
            (Education::Primary, 3, 2),
            (Education::Primary, 0, 0),
            (Education::Secondary, 4, 4),
            (Education::BeyondSecondary, 2, 3),
            (Education::BeyondSecondary, 10, 10),
        ] {
            let result = spmsq(&with_errors(errors), education).unwrap();
            assert_eq!(
                (result.raw_errors, result.score),
                (Some(i32::try_from(errors).unwrap()), adjusted),
                "{errors} errors, {education:?}"
            );
        }
    }

    #[test]
    fn instruments_that_do_not_count_errors_have_no_raw_error_count() {
        let barthel = definition(Instrument::Barthel);
        let answers: Vec<Answer> = barthel
            .items
            .iter()
            .map(|item| answer(item.code, item.options[0].value))
            .collect();
        let result = score(Instrument::Barthel, &answers, None).unwrap();
        assert_eq!(result.raw_errors, None);
    }
}
