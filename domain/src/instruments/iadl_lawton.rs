//! Lawton instrumental activities of daily living (Lawton M.P., Brody E.M.,
//! "Assessment of older people: self-maintaining and instrumental activities
//! of daily living", Gerontologist 1969;9(3):179–186).
//!
//! The operator records the level that describes the person, not a point:
//! several levels share a score, and the level is what the next assessment
//! is compared with. Each option's value is the level's 1-based position in
//! the scale.
//!
//! The 1969 paper scored men on five items only; Ponte scores all eight items
//! for everyone (0–8), as the UVM forms do and as domain.md states.

use super::{AnswerOption, Band, Instrument, InstrumentDefinition, ItemDefinition};

const fn level(value: i32, points: i32, label_it: &'static str) -> AnswerOption {
    AnswerOption {
        value,
        label_it,
        points,
    }
}

pub(super) const DEFINITION: InstrumentDefinition = InstrumentDefinition {
    code: Instrument::IadlLawton,
    name_it: "Scala IADL di Lawton",
    description_it: "Autonomia nelle attività strumentali della vita quotidiana: \
                     da 0 (dipendenza in tutte le attività) a 8 (autonomia completa). \
                     Le fasce sono locali, non normative: la scala non ha soglie pubblicate, \
                     le decisioni si basano sul punteggio e sulle singole attività.",
    min_score: 0,
    max_score: 8,
    higher_is_better: true,
    counts_errors: false,
    uses_education: false,
    education_adjustments: &[],
    items: &[
        ItemDefinition {
            code: "TELEPHONE",
            label_it: "Uso del telefono",
            options: &[
                level(
                    1,
                    1,
                    "Usa il telefono di propria iniziativa: cerca e compone i numeri",
                ),
                level(2, 1, "Compone solo alcuni numeri ben conosciuti"),
                level(3, 1, "Risponde al telefono, ma non è in grado di chiamare"),
                level(4, 0, "Non è in grado di usare il telefono"),
            ],
        },
        ItemDefinition {
            code: "SHOPPING",
            label_it: "Fare la spesa",
            options: &[
                level(1, 1, "Fa tutte le proprie spese senza aiuto"),
                level(2, 0, "Fa da solo solo piccoli acquisti"),
                level(3, 0, "Ha bisogno di essere accompagnato per qualsiasi acquisto"),
                level(4, 0, "È del tutto incapace di fare la spesa"),
            ],
        },
        ItemDefinition {
            code: "FOOD_PREPARATION",
            label_it: "Preparazione dei pasti",
            options: &[
                level(
                    1,
                    1,
                    "Organizza, prepara e serve da solo pasti adeguati",
                ),
                level(
                    2,
                    0,
                    "Prepara pasti adeguati solo se gli vengono forniti gli ingredienti",
                ),
                level(
                    3,
                    0,
                    "Scalda e serve pasti già pronti, o prepara pasti senza seguire una dieta adeguata",
                ),
                level(4, 0, "Ha bisogno che i pasti gli siano preparati e serviti"),
            ],
        },
        ItemDefinition {
            code: "HOUSEKEEPING",
            label_it: "Governo della casa",
            options: &[
                level(
                    1,
                    1,
                    "Cura la casa da solo o con aiuto occasionale (es. lavori pesanti)",
                ),
                level(
                    2,
                    1,
                    "Svolge lavori domestici leggeri (lavare i piatti, rifare il letto)",
                ),
                level(
                    3,
                    1,
                    "Svolge lavori domestici leggeri, ma senza mantenere un livello accettabile di pulizia",
                ),
                level(4, 1, "Ha bisogno di aiuto in tutte le attività domestiche"),
                level(5, 0, "Non partecipa ad alcuna attività domestica"),
            ],
        },
        ItemDefinition {
            code: "LAUNDRY",
            label_it: "Lavaggio della biancheria",
            options: &[
                level(1, 1, "Lava da solo tutta la propria biancheria"),
                level(2, 1, "Lava solo piccoli capi (calze, fazzoletti)"),
                level(3, 0, "Tutta la biancheria deve essere lavata da altri"),
            ],
        },
        ItemDefinition {
            code: "TRANSPORTATION",
            label_it: "Uso dei mezzi di trasporto",
            options: &[
                level(
                    1,
                    1,
                    "Si sposta da solo con i mezzi pubblici o guida la propria auto",
                ),
                level(2, 1, "Si sposta in taxi, ma non usa i mezzi pubblici"),
                level(3, 1, "Usa i mezzi pubblici se accompagnato"),
                level(
                    4,
                    0,
                    "Si sposta solo in taxi o in auto, accompagnato da altri",
                ),
                level(5, 0, "Non si sposta affatto"),
            ],
        },
        ItemDefinition {
            code: "MEDICATIONS",
            label_it: "Assunzione dei farmaci",
            options: &[
                level(
                    1,
                    1,
                    "Prende da solo i farmaci prescritti, nelle dosi e nei tempi giusti",
                ),
                level(
                    2,
                    0,
                    "Prende i farmaci se preparati in anticipo in dosi separate",
                ),
                level(3, 0, "Non è in grado di prendere i farmaci da solo"),
            ],
        },
        ItemDefinition {
            code: "FINANCES",
            label_it: "Gestione del denaro",
            options: &[
                level(
                    1,
                    1,
                    "Gestisce da solo le proprie finanze (pagamenti, banca, entrate)",
                ),
                level(
                    2,
                    1,
                    "Gestisce gli acquisti quotidiani, ma ha bisogno di aiuto per banca e spese importanti",
                ),
                level(3, 0, "Non è in grado di gestire il denaro"),
            ],
        },
    ],
    // Lawton and Brody published no cut-offs. These bands are Ponte's reading
    // aid: full autonomy stands alone because losing any single activity is
    // already a reason for support, and the rest of the scale is split in
    // near-thirds. Decisions should rest on the score and the items, so the
    // description and every label say the bands are local, where the
    // operator reads them.
    bands: &[
        Band {
            min: 0,
            max: 2,
            code: "SEVERE",
            label_it: "Dipendenza grave (fascia locale, non normativa)",
        },
        Band {
            min: 3,
            max: 5,
            code: "PARTIAL",
            label_it: "Dipendenza parziale (fascia locale, non normativa)",
        },
        Band {
            min: 6,
            max: 7,
            code: "MILD",
            label_it: "Dipendenza lieve (fascia locale, non normativa)",
        },
        Band {
            min: 8,
            max: 8,
            code: "INDEPENDENT",
            label_it: "Autonomo (fascia locale, non normativa)",
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::super::{definition, score, Answer, Education, ScoredResult, ScoringError};
    use super::*;

    /// Points of each level, in level order, from domain.md.
    const NORMATIVE: [(&str, &[i32]); 8] = [
        ("TELEPHONE", &[1, 1, 1, 0]),
        ("SHOPPING", &[1, 0, 0, 0]),
        ("FOOD_PREPARATION", &[1, 0, 0, 0]),
        ("HOUSEKEEPING", &[1, 1, 1, 1, 0]),
        ("LAUNDRY", &[1, 1, 0]),
        ("TRANSPORTATION", &[1, 1, 1, 0, 0]),
        ("MEDICATIONS", &[1, 0, 0]),
        ("FINANCES", &[1, 1, 0]),
    ];

    fn answer(item: &str, value: i32) -> Answer {
        Answer {
            item: item.to_owned(),
            value,
        }
    }

    fn level_count<T>(levels: &[T]) -> i32 {
        i32::try_from(levels.len()).unwrap()
    }

    /// Every item at level 1 (independent), except the ones given.
    fn independent_except(overrides: &[(&str, i32)]) -> Vec<Answer> {
        NORMATIVE
            .iter()
            .map(|(code, _)| {
                let value = overrides
                    .iter()
                    .find(|(item, _)| item == code)
                    .map_or(1, |(_, value)| *value);
                answer(code, value)
            })
            .collect()
    }

    /// The first `independent` items at level 1, the others at their last
    /// level, which always scores 0.
    fn independent_in(independent: usize) -> Vec<Answer> {
        NORMATIVE
            .iter()
            .enumerate()
            .map(|(i, (code, points))| {
                let value = if i < independent {
                    1
                } else {
                    level_count(points)
                };
                answer(code, value)
            })
            .collect()
    }

    fn iadl(answers: &[Answer]) -> Result<ScoredResult, ScoringError> {
        score(Instrument::IadlLawton, answers, None)
    }

    fn total_and_band(answers: &[Answer]) -> (i32, &'static str) {
        let result = iadl(answers).unwrap();
        (result.score, result.band.code)
    }

    #[test]
    fn the_items_and_the_points_of_their_levels_are_the_normative_ones() {
        let items = definition(Instrument::IadlLawton).items;
        let actual: Vec<(&str, Vec<i32>)> = items
            .iter()
            .map(|item| (item.code, item.options.iter().map(|o| o.points).collect()))
            .collect();
        let expected: Vec<(&str, Vec<i32>)> = NORMATIVE
            .iter()
            .map(|(code, points)| (*code, points.to_vec()))
            .collect();
        assert_eq!(actual, expected);
        for item in items {
            let values: Vec<i32> = item.options.iter().map(|o| o.value).collect();
            let levels: Vec<i32> = (1..=level_count(item.options)).collect();
            assert_eq!(values, levels, "{}", item.code);
        }
    }

    #[test]
    fn every_item_at_every_level_scores_its_normative_point_and_keeps_the_level() {
        for (item, points) in NORMATIVE {
            for (index, &point) in points.iter().enumerate() {
                let level = i32::try_from(index + 1).unwrap();
                let result = iadl(&independent_except(&[(item, level)])).unwrap();
                assert_eq!(result.score, 7 + point, "{item} level {level}");
                let stored = result.answers.iter().find(|a| a.item == item).unwrap();
                assert_eq!(stored.value, level, "{item}");
            }
        }
    }

    #[test]
    fn level_zero_is_refused_for_every_item() {
        for (item, _) in NORMATIVE {
            assert_eq!(
                iadl(&independent_except(&[(item, 0)])),
                Err(ScoringError::ValueNotAllowed {
                    item: item.to_owned(),
                    value: 0
                }),
                "{item}"
            );
        }
    }

    #[test]
    fn the_level_after_the_last_is_refused_for_every_item() {
        for (item, points) in NORMATIVE {
            let value = level_count(points) + 1;
            assert_eq!(
                iadl(&independent_except(&[(item, value)])),
                Err(ScoringError::ValueNotAllowed {
                    item: item.to_owned(),
                    value
                }),
                "{item}"
            );
        }
    }

    #[test]
    fn the_bands_change_at_two_three_five_six_seven_eight() {
        let expected = [
            (0, "SEVERE"),
            (2, "SEVERE"),
            (3, "PARTIAL"),
            (5, "PARTIAL"),
            (6, "MILD"),
            (7, "MILD"),
            (8, "INDEPENDENT"),
        ];
        for (total, band) in expected {
            let answers = independent_in(usize::try_from(total).unwrap());
            assert_eq!(total_and_band(&answers), (total, band));
        }
    }

    #[test]
    fn the_lowest_levels_everywhere_score_zero_and_the_highest_score_eight() {
        let lowest = independent_in(0);
        assert_eq!(total_and_band(&lowest), (0, "SEVERE"));
        let result = iadl(&independent_in(8)).unwrap();
        assert_eq!(
            (result.score, result.band.label_it),
            (8, "Autonomo (fascia locale, non normativa)")
        );
    }

    #[test]
    fn a_missing_item_is_refused_naming_it() {
        let mut answers = independent_except(&[]);
        answers.retain(|a| a.item != "FINANCES");
        assert_eq!(
            iadl(&answers),
            Err(ScoringError::MissingItem { item: "FINANCES" })
        );
    }

    #[test]
    fn an_item_answered_twice_is_refused() {
        let mut answers = independent_except(&[]);
        answers.push(answer("LAUNDRY", 3));
        assert_eq!(
            iadl(&answers),
            Err(ScoringError::DuplicateItem {
                item: "LAUNDRY".to_owned()
            })
        );
    }

    #[test]
    fn an_item_of_another_instrument_is_refused() {
        let mut answers = independent_except(&[]);
        answers.push(answer("FEEDING", 10));
        assert_eq!(
            iadl(&answers),
            Err(ScoringError::UnknownItem {
                item: "FEEDING".to_owned()
            })
        );
    }

    #[test]
    fn an_education_level_is_refused_because_the_iadl_does_not_use_it() {
        assert_eq!(
            score(
                Instrument::IadlLawton,
                &independent_except(&[]),
                Some(Education::Primary)
            ),
            Err(ScoringError::EducationNotApplicable)
        );
    }

    /// Lawton and Brody published no cut-offs: an operator reading a band
    /// must see that it is Ponte's, wherever the SPA shows it.
    #[test]
    fn the_bands_are_labelled_local_in_the_description_and_in_every_label() {
        let definition = definition(Instrument::IadlLawton);
        assert!(definition
            .description_it
            .contains("Le fasce sono locali, non normative"));
        for band in definition.bands {
            assert!(
                band.label_it.ends_with(" (fascia locale, non normativa)"),
                "{}",
                band.code
            );
        }
    }
}
