//! Barthel Index of activities of daily living (Mahoney F.I., Barthel D.W.,
//! "Functional evaluation: the Barthel Index", Md State Med J 1965;14:61–65),
//! in the original 0–100 weighting the UVM forms use.

use super::{AnswerOption, Band, Instrument, InstrumentDefinition, ItemDefinition};

/// Barthel options are worth what they say, so value and points are written
/// once to keep them from disagreeing.
const fn points(points: i32, label_it: &'static str) -> AnswerOption {
    AnswerOption {
        value: points,
        label_it,
        points,
    }
}

pub(super) const DEFINITION: InstrumentDefinition = InstrumentDefinition {
    code: Instrument::Barthel,
    name_it: "Indice di Barthel (ADL)",
    description_it: "Autonomia nelle attività di base della vita quotidiana: \
                     da 0 (dipendenza totale) a 100 (autonomia completa).",
    min_score: 0,
    max_score: 100,
    higher_is_better: true,
    counts_errors: false,
    uses_education: false,
    education_adjustments: &[],
    items: &[
        ItemDefinition {
            code: "FEEDING",
            label_it: "Alimentazione",
            options: &[
                points(0, "Incapace"),
                points(5, "Necessita di aiuto (tagliare, spalmare)"),
                points(10, "Autonomo"),
            ],
        },
        ItemDefinition {
            code: "BATHING",
            label_it: "Fare il bagno o la doccia",
            options: &[
                points(0, "Dipendente"),
                points(5, "Autonomo (senza supervisione)"),
            ],
        },
        ItemDefinition {
            code: "GROOMING",
            label_it: "Igiene personale",
            options: &[
                points(0, "Necessita di aiuto"),
                points(
                    5,
                    "Autonomo nel lavarsi il viso, pettinarsi, lavarsi i denti, radersi",
                ),
            ],
        },
        ItemDefinition {
            code: "DRESSING",
            label_it: "Vestirsi",
            options: &[
                points(0, "Dipendente"),
                points(
                    5,
                    "Necessita di aiuto, ma fa da solo circa metà del compito",
                ),
                points(10, "Autonomo (compresi bottoni, cerniere, lacci)"),
            ],
        },
        ItemDefinition {
            code: "BOWELS",
            label_it: "Controllo intestinale",
            options: &[
                points(0, "Incontinente (o necessita di clisteri)"),
                points(
                    5,
                    "Incidenti occasionali (al massimo una volta alla settimana)",
                ),
                points(10, "Continente"),
            ],
        },
        ItemDefinition {
            code: "BLADDER",
            label_it: "Controllo vescicale",
            options: &[
                points(0, "Incontinente, o cateterizzato e incapace di gestirsi"),
                points(
                    5,
                    "Incidenti occasionali (al massimo una volta nelle 24 ore)",
                ),
                points(10, "Continente"),
            ],
        },
        ItemDefinition {
            code: "TOILET_USE",
            label_it: "Uso del WC",
            options: &[
                points(0, "Dipendente"),
                points(5, "Necessita di qualche aiuto, ma fa alcune cose da solo"),
                points(10, "Autonomo (sedersi e alzarsi, vestirsi, pulirsi)"),
            ],
        },
        ItemDefinition {
            code: "TRANSFERS",
            label_it: "Trasferimenti letto-sedia",
            options: &[
                points(0, "Incapace, non mantiene l'equilibrio da seduto"),
                points(
                    5,
                    "Necessita di molto aiuto (una o due persone), sta seduto da solo",
                ),
                points(10, "Necessita di poco aiuto (verbale o fisico)"),
                points(15, "Autonomo"),
            ],
        },
        ItemDefinition {
            code: "MOBILITY",
            label_it: "Deambulazione su superfici piane",
            options: &[
                points(0, "Immobile, o percorre meno di 50 metri"),
                points(
                    5,
                    "Autonomo in carrozzina, anche nelle curve, per oltre 50 metri",
                ),
                points(
                    10,
                    "Cammina con l'aiuto di una persona (verbale o fisico) per oltre 50 metri",
                ),
                points(
                    15,
                    "Autonomo, anche con ausili (es. bastone), per oltre 50 metri",
                ),
            ],
        },
        ItemDefinition {
            code: "STAIRS",
            label_it: "Scale",
            options: &[
                points(0, "Incapace"),
                points(5, "Necessita di aiuto (verbale, fisico, ausili)"),
                points(10, "Autonomo"),
            ],
        },
    ],
    bands: &[
        Band {
            min: 0,
            max: 20,
            code: "TOTAL_DEPENDENCY",
            label_it: "Dipendenza totale",
        },
        Band {
            min: 21,
            max: 60,
            code: "SEVERE",
            label_it: "Dipendenza grave",
        },
        Band {
            min: 61,
            max: 90,
            code: "MODERATE",
            label_it: "Dipendenza moderata",
        },
        Band {
            min: 91,
            max: 99,
            code: "SLIGHT",
            label_it: "Dipendenza lieve",
        },
        Band {
            min: 100,
            max: 100,
            code: "INDEPENDENT",
            label_it: "Autonomo",
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::super::{definition, score, Answer, Education, ScoredResult, ScoringError};
    use super::*;

    /// The normative weights from domain.md, written out independently of
    /// the definition so that a typo in either shows up.
    const NORMATIVE: [(&str, &[i32]); 10] = [
        ("FEEDING", &[0, 5, 10]),
        ("BATHING", &[0, 5]),
        ("GROOMING", &[0, 5]),
        ("DRESSING", &[0, 5, 10]),
        ("BOWELS", &[0, 5, 10]),
        ("BLADDER", &[0, 5, 10]),
        ("TOILET_USE", &[0, 5, 10]),
        ("TRANSFERS", &[0, 5, 10, 15]),
        ("MOBILITY", &[0, 5, 10, 15]),
        ("STAIRS", &[0, 5, 10]),
    ];

    fn answer(item: &str, value: i32) -> Answer {
        Answer {
            item: item.to_owned(),
            value,
        }
    }

    fn max_of(item: &str) -> i32 {
        NORMATIVE
            .iter()
            .find(|(code, _)| *code == item)
            .and_then(|(_, values)| values.last().copied())
            .unwrap()
    }

    fn answers_with(default: fn(&[i32]) -> i32, overrides: &[(&str, i32)]) -> Vec<Answer> {
        NORMATIVE
            .iter()
            .map(|(code, values)| {
                let value = overrides
                    .iter()
                    .find(|(item, _)| item == code)
                    .map_or(default(values), |(_, value)| *value);
                answer(code, value)
            })
            .collect()
    }

    /// Every item at its best, except the ones given.
    fn independent_except(overrides: &[(&str, i32)]) -> Vec<Answer> {
        answers_with(|values| *values.last().unwrap(), overrides)
    }

    /// Every item at zero, except the ones given.
    fn dependent_except(overrides: &[(&str, i32)]) -> Vec<Answer> {
        answers_with(|_| 0, overrides)
    }

    fn barthel(answers: &[Answer]) -> Result<ScoredResult, ScoringError> {
        score(Instrument::Barthel, answers, None)
    }

    fn total_and_band(answers: &[Answer]) -> (i32, &'static str) {
        let result = barthel(answers).unwrap();
        (result.score, result.band.code)
    }

    #[test]
    fn the_items_and_their_weights_are_the_normative_ones() {
        let items = definition(Instrument::Barthel).items;
        let actual: Vec<(&str, Vec<i32>)> = items
            .iter()
            .map(|item| (item.code, item.options.iter().map(|o| o.value).collect()))
            .collect();
        let expected: Vec<(&str, Vec<i32>)> = NORMATIVE
            .iter()
            .map(|(code, values)| (*code, values.to_vec()))
            .collect();
        assert_eq!(actual, expected);
        for item in items {
            for option in item.options {
                assert_eq!(option.value, option.points, "{}", item.code);
            }
        }
    }

    #[test]
    fn every_item_at_every_allowed_value_adds_exactly_that_value() {
        for (item, values) in NORMATIVE {
            for &value in values {
                let result = barthel(&independent_except(&[(item, value)])).unwrap();
                assert_eq!(result.score, 100 - max_of(item) + value, "{item} = {value}");
                let stored = result.answers.iter().find(|a| a.item == item).unwrap();
                assert_eq!(stored.value, value, "{item}");
            }
        }
    }

    #[test]
    fn every_item_refuses_the_step_above_its_maximum() {
        for (item, values) in NORMATIVE {
            let value = values.last().unwrap() + 5;
            assert_eq!(
                barthel(&independent_except(&[(item, value)])),
                Err(ScoringError::ValueNotAllowed {
                    item: item.to_owned(),
                    value
                }),
                "{item}"
            );
        }
    }

    #[test]
    fn values_between_the_steps_and_negative_values_are_refused() {
        for value in [-5, 1, 7] {
            assert_eq!(
                barthel(&independent_except(&[("DRESSING", value)])),
                Err(ScoringError::ValueNotAllowed {
                    item: "DRESSING".to_owned(),
                    value
                })
            );
        }
    }

    #[test]
    fn all_items_at_zero_score_zero_total_dependency() {
        assert_eq!(
            total_and_band(&dependent_except(&[])),
            (0, "TOTAL_DEPENDENCY")
        );
    }

    #[test]
    fn all_items_at_their_best_score_one_hundred_independent() {
        let result = barthel(&independent_except(&[])).unwrap();
        assert_eq!(result.score, 100);
        assert_eq!(result.band.code, "INDEPENDENT");
        assert_eq!(result.band.label_it, "Autonomo");
        assert_eq!(result.instrument, Instrument::Barthel);
    }

    // Every option is a multiple of 5, so 21, 61, 91 and 99 cannot be
    // reached: the answer-based tests take the nearest reachable totals on
    // each side and the band table is checked at the exact boundaries below.

    #[test]
    fn twenty_is_total_dependency_and_twenty_five_is_severe() {
        let twenty = dependent_except(&[("MOBILITY", 15), ("STAIRS", 5)]);
        assert_eq!(total_and_band(&twenty), (20, "TOTAL_DEPENDENCY"));
        let twenty_five = dependent_except(&[("MOBILITY", 15), ("STAIRS", 10)]);
        assert_eq!(total_and_band(&twenty_five), (25, "SEVERE"));
    }

    #[test]
    fn sixty_is_severe_and_sixty_five_is_moderate() {
        // 100 − 40
        let sixty = independent_except(&[("TRANSFERS", 0), ("MOBILITY", 0), ("STAIRS", 0)]);
        assert_eq!(total_and_band(&sixty), (60, "SEVERE"));
        let sixty_five = independent_except(&[("TRANSFERS", 5), ("MOBILITY", 0), ("STAIRS", 0)]);
        assert_eq!(total_and_band(&sixty_five), (65, "MODERATE"));
    }

    #[test]
    fn ninety_is_moderate_and_ninety_five_is_slight() {
        let ninety = independent_except(&[("STAIRS", 0)]);
        assert_eq!(total_and_band(&ninety), (90, "MODERATE"));
        let ninety_five = independent_except(&[("BATHING", 0)]);
        assert_eq!(total_and_band(&ninety_five), (95, "SLIGHT"));
    }

    #[test]
    fn ninety_five_is_slight_and_one_hundred_is_independent() {
        let ninety_five = independent_except(&[("GROOMING", 0)]);
        assert_eq!(total_and_band(&ninety_five), (95, "SLIGHT"));
        assert_eq!(
            total_and_band(&independent_except(&[])),
            (100, "INDEPENDENT")
        );
    }

    #[test]
    fn the_bands_change_exactly_at_the_normative_boundaries() {
        let definition = definition(Instrument::Barthel);
        let band = |score| definition.band_for(score).map(|band| band.code);
        assert_eq!(band(0), Some("TOTAL_DEPENDENCY"));
        assert_eq!(band(20), Some("TOTAL_DEPENDENCY"));
        assert_eq!(band(21), Some("SEVERE"));
        assert_eq!(band(60), Some("SEVERE"));
        assert_eq!(band(61), Some("MODERATE"));
        assert_eq!(band(90), Some("MODERATE"));
        assert_eq!(band(91), Some("SLIGHT"));
        assert_eq!(band(99), Some("SLIGHT"));
        assert_eq!(band(100), Some("INDEPENDENT"));
        assert_eq!(band(101), None);
    }

    #[test]
    fn a_missing_item_is_refused_naming_it() {
        let mut answers = independent_except(&[]);
        answers.retain(|a| a.item != "BLADDER");
        assert_eq!(
            barthel(&answers),
            Err(ScoringError::MissingItem { item: "BLADDER" })
        );
    }

    #[test]
    fn no_answers_at_all_report_the_first_item_missing() {
        assert_eq!(
            barthel(&[]),
            Err(ScoringError::MissingItem { item: "FEEDING" })
        );
    }

    #[test]
    fn an_item_answered_twice_is_refused_even_with_the_same_value() {
        let mut answers = independent_except(&[]);
        answers.push(answer("STAIRS", 10));
        assert_eq!(
            barthel(&answers),
            Err(ScoringError::DuplicateItem {
                item: "STAIRS".to_owned()
            })
        );
    }

    #[test]
    fn an_item_the_barthel_does_not_have_is_refused() {
        let mut answers = independent_except(&[]);
        answers.push(answer("TELEPHONE", 1));
        assert_eq!(
            barthel(&answers),
            Err(ScoringError::UnknownItem {
                item: "TELEPHONE".to_owned()
            })
        );
    }

    #[test]
    fn item_codes_are_matched_exactly() {
        let mut answers = independent_except(&[]);
        answers[0].item = "feeding".to_owned();
        assert_eq!(
            barthel(&answers),
            Err(ScoringError::UnknownItem {
                item: "feeding".to_owned()
            })
        );
    }

    #[test]
    fn answers_in_any_order_are_stored_in_item_order() {
        let mut answers = independent_except(&[("FEEDING", 5)]);
        answers.reverse();
        let result = barthel(&answers).unwrap();
        assert_eq!(result.score, 95);
        let order: Vec<&str> = result.answers.iter().map(|a| a.item.as_str()).collect();
        let expected: Vec<&str> = NORMATIVE.iter().map(|(code, _)| *code).collect();
        assert_eq!(order, expected);
        assert_eq!(result.answers[0], answer("FEEDING", 5));
    }

    #[test]
    fn an_education_level_is_refused_because_the_barthel_does_not_use_it() {
        assert_eq!(
            score(
                Instrument::Barthel,
                &independent_except(&[]),
                Some(Education::Secondary)
            ),
            Err(ScoringError::EducationNotApplicable)
        );
    }

    /// The normative form anchors "occasional" to a frequency, so two
    /// operators read the same answer the same way.
    #[test]
    fn occasional_accidents_say_how_often_they_may_happen() {
        let option = |item: &str| {
            definition(Instrument::Barthel)
                .item(item)
                .and_then(|item| item.option(5))
                .map(|option| option.label_it)
        };
        assert_eq!(
            option("BOWELS"),
            Some("Incidenti occasionali (al massimo una volta alla settimana)")
        );
        assert_eq!(
            option("BLADDER"),
            Some("Incidenti occasionali (al massimo una volta nelle 24 ore)")
        );
    }
}
