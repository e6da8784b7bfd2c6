//! Standardised assessment instruments used by the UVM (valutazione
//! multidimensionale).
//!
//! Scores feed eligibility decisions and the indicators the seeds measure, so
//! the server computes them from the recorded answers instead of trusting a
//! total typed by the operator. The same definitions are served to the SPA,
//! which renders its forms from them: the form and the scorer cannot drift
//! apart.
//!
//! Adding an instrument (SVAMA, MMSE, …) means a new module exposing a
//! `DEFINITION` constant, its `mod` line and one line in the
//! `register_instruments!` block below, plus its tests. The registry tests
//! check the new bands and items without further work.

use std::fmt;

mod barthel;
mod iadl_lawton;
mod spmsq;

pub use crate::vocabulary::{Education, Instrument};

/// The definition of each instrument of the vocabulary: the match is
/// exhaustive, so a new `Instrument` value cannot be left without one, and
/// `REGISTRY` is what the API lists.
macro_rules! register_instruments {
    ($($variant:ident => $module:ident,)+) => {
        fn registered(code: Instrument) -> &'static InstrumentDefinition {
            match code {
                $(Instrument::$variant => &$module::DEFINITION,)+
            }
        }

        static REGISTRY: &[&InstrumentDefinition] = &[$(&$module::DEFINITION,)+];
    };
}

register_instruments! {
    Barthel => barthel,
    IadlLawton => iadl_lawton,
    Spmsq => spmsq,
}

/// One answer an item accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerOption {
    /// What the client sends and what is stored. Its meaning is the
    /// instrument's: the points themselves (Barthel), the 1-based index of
    /// the described level (Lawton IADL), 0 correct / 1 error (SPMSQ).
    pub value: i32,
    pub label_it: &'static str,
    /// What the option adds to the raw score.
    pub points: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemDefinition {
    /// Stable code, e.g. `FEEDING`; answers refer to items by it.
    pub code: &'static str,
    pub label_it: &'static str,
    pub options: &'static [AnswerOption],
}

impl ItemDefinition {
    /// The option with this value, if the item accepts it.
    pub fn option(&self, value: i32) -> Option<&'static AnswerOption> {
        self.options.iter().find(|option| option.value == value)
    }
}

/// A range of scores with a clinical reading, bounds included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    pub min: i32,
    pub max: i32,
    /// Stable code, e.g. `TOTAL_DEPENDENCY`, for storage and indicators.
    pub code: &'static str,
    pub label_it: &'static str,
}

/// How an instrument's norm corrects the sum of points for schooling: for
/// people with `education` the score moves by `score_change` (before it is
/// kept within the scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EducationAdjustment {
    pub education: Education,
    pub score_change: i32,
}

#[derive(Debug, PartialEq, Eq)]
pub struct InstrumentDefinition {
    pub code: Instrument,
    pub name_it: &'static str,
    pub description_it: &'static str,
    pub min_score: i32,
    pub max_score: i32,
    /// Lets the SPA and the indicators tell improvement from decline without
    /// knowing each instrument.
    pub higher_is_better: bool,
    /// Whether the sum of points is a count of errors, kept as
    /// [`ScoredResult::raw_errors`] beside the adjusted score: the norm's
    /// correction changes the reading, and the count is what was observed.
    pub counts_errors: bool,
    /// Whether [`score`] needs the person's [`Education`].
    pub uses_education: bool,
    /// One per education level when `uses_education`, none otherwise.
    pub education_adjustments: &'static [EducationAdjustment],
    /// In the order the form presents them and results store them.
    pub items: &'static [ItemDefinition],
    /// In ascending order, covering `min_score..=max_score` exactly once.
    pub bands: &'static [Band],
}

impl InstrumentDefinition {
    pub fn item(&self, code: &str) -> Option<&'static ItemDefinition> {
        self.items.iter().find(|item| item.code == code)
    }

    /// The norm's correction for this schooling; none without one.
    pub fn education_adjustment(&self, education: Option<Education>) -> i32 {
        self.education_adjustments
            .iter()
            .find(|adjustment| Some(adjustment.education) == education)
            .map_or(0, |adjustment| adjustment.score_change)
    }

    pub fn band_for(&self, score: i32) -> Option<&'static Band> {
        self.bands
            .iter()
            .find(|band| (band.min..=band.max).contains(&score))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub item: String,
    pub value: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoredResult {
    pub instrument: Instrument,
    /// The normative score, after any adjustment (e.g. SPMSQ education).
    pub score: i32,
    /// The errors as counted, before any adjustment, for an instrument that
    /// [counts errors](InstrumentDefinition::counts_errors); none otherwise.
    pub raw_errors: Option<i32>,
    pub band: &'static Band,
    /// One per item, in the definition's item order, whatever order they
    /// arrived in, so stored results compare and display alike.
    pub answers: Vec<Answer>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ScoringError {
    UnknownItem { item: String },
    MissingItem { item: &'static str },
    DuplicateItem { item: String },
    ValueNotAllowed { item: String, value: i32 },
    EducationRequired,
    EducationNotApplicable,
}

impl ScoringError {
    /// The message shown to the operator next to the instrument's form.
    pub fn message_it(&self) -> String {
        match self {
            Self::UnknownItem { item } => {
                format!("La voce «{item}» non fa parte di questo strumento.")
            }
            Self::MissingItem { item } => {
                format!("Manca la risposta alla voce «{}».", item_label(item))
            }
            Self::DuplicateItem { item } => format!(
                "La voce «{}» ha più di una risposta: indicarne una sola.",
                item_label(item)
            ),
            Self::ValueNotAllowed { item, value } => {
                let label = item_label(item);
                match allowed_values(item) {
                    Some(allowed) => format!(
                        "Il valore {value} non è ammesso per la voce «{label}» \
                         (valori ammessi: {allowed})."
                    ),
                    None => format!("Il valore {value} non è ammesso per la voce «{label}»."),
                }
            }
            Self::EducationRequired => {
                "Indicare il livello di istruzione: serve a correggere il punteggio \
                 di questo strumento."
                    .to_owned()
            }
            Self::EducationNotApplicable => {
                "Il livello di istruzione non si applica a questo strumento: \
                 lasciarlo vuoto."
                    .to_owned()
            }
        }
    }
}

impl fmt::Display for ScoringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_it())
    }
}

impl std::error::Error for ScoringError {}

/// The item with this code, provided no two instruments use the code for
/// different items: the error does not say which instrument it came from, and
/// naming the wrong item would mislead more than showing the code.
fn unambiguous_item(code: &str) -> Option<&'static ItemDefinition> {
    let mut found = REGISTRY
        .iter()
        .filter_map(|definition| definition.item(code));
    let first = found.next()?;
    found.all(|other| other == first).then_some(first)
}

fn item_label(code: &str) -> &str {
    unambiguous_item(code).map_or(code, |item| item.label_it)
}

fn allowed_values(code: &str) -> Option<String> {
    let item = unambiguous_item(code)?;
    let values: Vec<String> = item
        .options
        .iter()
        .map(|option| option.value.to_string())
        .collect();
    Some(values.join(", "))
}

/// Every instrument, in the order the SPA lists them.
pub fn registry() -> &'static [&'static InstrumentDefinition] {
    REGISTRY
}

pub fn definition(code: Instrument) -> &'static InstrumentDefinition {
    registered(code)
}

/// Validates a complete set of answers and computes the score and its band.
///
/// Every item must be answered exactly once with one of its options, in any
/// order; the score is the sum of the chosen options' points, corrected by
/// the instrument where its norm requires it and kept within the scale.
///
/// # Errors
///
/// The first problem found, checking the education level, then the answers
/// in the order given, then which items are left unanswered (in item order).
pub fn score(
    code: Instrument,
    answers: &[Answer],
    education: Option<Education>,
) -> Result<ScoredResult, ScoringError> {
    let definition = definition(code);

    match (definition.uses_education, education) {
        (true, None) => return Err(ScoringError::EducationRequired),
        (false, Some(_)) => return Err(ScoringError::EducationNotApplicable),
        _ => {}
    }

    let mut chosen: Vec<Option<&'static AnswerOption>> = vec![None; definition.items.len()];
    for answer in answers {
        let (index, item) = definition
            .items
            .iter()
            .enumerate()
            .find(|(_, item)| item.code == answer.item)
            .ok_or_else(|| ScoringError::UnknownItem {
                item: answer.item.clone(),
            })?;
        if chosen[index].is_some() {
            return Err(ScoringError::DuplicateItem {
                item: answer.item.clone(),
            });
        }
        let option = item
            .option(answer.value)
            .ok_or_else(|| ScoringError::ValueNotAllowed {
                item: answer.item.clone(),
                value: answer.value,
            })?;
        chosen[index] = Some(option);
    }

    let mut sum = 0;
    let mut normalised = Vec::with_capacity(definition.items.len());
    for (item, option) in definition.items.iter().zip(&chosen) {
        let option = option.ok_or(ScoringError::MissingItem { item: item.code })?;
        sum += option.points;
        normalised.push(Answer {
            item: item.code.to_owned(),
            value: option.value,
        });
    }

    // Corrections such as SPMSQ's may step past the ends of the scale, whose
    // bounds are normative.
    let score = sum
        .saturating_add(definition.education_adjustment(education))
        .clamp(definition.min_score, definition.max_score);
    #[allow(clippy::expect_used)] // an invariant of the registry, not an input: its test checks it
    let band = definition
        .band_for(score)
        .expect("bands cover min_score..=max_score (registry test) and the score is clamped to it");

    Ok(ScoredResult {
        instrument: code,
        score,
        raw_errors: definition.counts_errors.then_some(sum),
        band,
        answers: normalised,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_CODES: [Instrument; 3] = [
        Instrument::Barthel,
        Instrument::IadlLawton,
        Instrument::Spmsq,
    ];

    #[test]
    fn every_instrument_code_is_registered_once_under_its_own_code() {
        assert_eq!(registry().len(), ALL_CODES.len());
        for code in ALL_CODES {
            assert_eq!(definition(code).code, code);
            let listed = registry().iter().filter(|d| d.code == code).count();
            assert_eq!(listed, 1, "{code:?}");
        }
    }

    #[test]
    fn instrument_codes_read_back_what_they_write() {
        assert_eq!(Instrument::Barthel.as_str(), "BARTHEL");
        assert_eq!(Instrument::IadlLawton.as_str(), "IADL_LAWTON");
        assert_eq!(Instrument::Spmsq.as_str(), "SPMSQ");
        for code in ALL_CODES {
            assert_eq!(Instrument::parse(code.as_str()), Some(code));
        }
    }

    #[test]
    fn unknown_or_differently_spelt_instrument_codes_are_refused() {
        assert_eq!(Instrument::parse("MMSE"), None);
        assert_eq!(Instrument::parse("barthel"), None);
        assert_eq!(Instrument::parse(""), None);
    }

    #[test]
    fn education_levels_read_back_what_they_write() {
        assert_eq!(Education::Primary.as_str(), "PRIMARY");
        assert_eq!(Education::Secondary.as_str(), "SECONDARY");
        assert_eq!(Education::BeyondSecondary.as_str(), "BEYOND_SECONDARY");
        for education in [
            Education::Primary,
            Education::Secondary,
            Education::BeyondSecondary,
        ] {
            assert_eq!(Education::parse(education.as_str()), Some(education));
        }
        assert_eq!(Education::parse("UNIVERSITY"), None);
    }

    #[test]
    fn every_band_set_covers_the_whole_scale_without_gaps_or_overlaps() {
        for definition in registry() {
            let bands = definition.bands;
            assert!(!bands.is_empty(), "{:?}", definition.code);
            assert_eq!(bands[0].min, definition.min_score, "{:?}", definition.code);
            assert_eq!(
                bands[bands.len() - 1].max,
                definition.max_score,
                "{:?}",
                definition.code
            );
            for band in bands {
                assert!(band.min <= band.max, "{:?} {}", definition.code, band.code);
            }
            for pair in bands.windows(2) {
                assert_eq!(
                    pair[1].min,
                    pair[0].max + 1,
                    "{:?}: {} then {}",
                    definition.code,
                    pair[0].code,
                    pair[1].code
                );
            }
            for score in definition.min_score..=definition.max_score {
                let covering = bands
                    .iter()
                    .filter(|b| (b.min..=b.max).contains(&score))
                    .count();
                assert_eq!(covering, 1, "{:?} score {score}", definition.code);
            }
        }
    }

    #[test]
    fn band_codes_are_unique_within_each_instrument() {
        for definition in registry() {
            for (i, band) in definition.bands.iter().enumerate() {
                assert!(
                    definition.bands[i + 1..]
                        .iter()
                        .all(|b| b.code != band.code),
                    "{:?} {}",
                    definition.code,
                    band.code
                );
            }
        }
    }

    #[test]
    fn every_item_offers_at_least_two_options_with_distinct_values() {
        for definition in registry() {
            assert!(!definition.items.is_empty(), "{:?}", definition.code);
            for item in definition.items {
                assert!(
                    item.options.len() >= 2,
                    "{:?} {}",
                    definition.code,
                    item.code
                );
                for (i, option) in item.options.iter().enumerate() {
                    assert!(
                        item.options[i + 1..]
                            .iter()
                            .all(|o| o.value != option.value),
                        "{:?} {} value {}",
                        definition.code,
                        item.code,
                        option.value
                    );
                }
            }
        }
    }

    #[test]
    fn item_codes_are_unique_within_each_instrument() {
        for definition in registry() {
            for (i, item) in definition.items.iter().enumerate() {
                assert!(
                    definition.items[i + 1..]
                        .iter()
                        .all(|o| o.code != item.code),
                    "{:?} {}",
                    definition.code,
                    item.code
                );
            }
        }
    }

    #[test]
    fn the_sums_of_points_span_exactly_the_declared_scale() {
        for definition in registry() {
            let lowest: i32 = definition
                .items
                .iter()
                .map(|item| item.options.iter().map(|o| o.points).min().unwrap_or(0))
                .sum();
            let highest: i32 = definition
                .items
                .iter()
                .map(|item| item.options.iter().map(|o| o.points).max().unwrap_or(0))
                .sum();
            assert_eq!(lowest, definition.min_score, "{:?}", definition.code);
            assert_eq!(highest, definition.max_score, "{:?}", definition.code);
        }
    }

    #[test]
    fn only_spmsq_asks_for_education() {
        for definition in registry() {
            assert_eq!(
                definition.uses_education,
                definition.code == Instrument::Spmsq,
                "{:?}",
                definition.code
            );
        }
    }

    #[test]
    fn only_spmsq_counts_errors_and_an_error_count_is_better_lower() {
        for definition in registry() {
            assert_eq!(
                definition.counts_errors,
                definition.code == Instrument::Spmsq,
                "{:?}",
                definition.code
            );
            if definition.counts_errors {
                assert!(!definition.higher_is_better, "{:?}", definition.code);
            }
        }
    }

    #[test]
    fn an_instrument_that_asks_for_education_adjusts_for_every_level_once() {
        const LEVELS: [Education; 3] = [
            Education::Primary,
            Education::Secondary,
            Education::BeyondSecondary,
        ];
        for definition in registry() {
            let levels: Vec<Education> = definition
                .education_adjustments
                .iter()
                .map(|adjustment| adjustment.education)
                .collect();
            if definition.uses_education {
                assert_eq!(levels, LEVELS, "{:?}", definition.code);
            } else {
                assert!(levels.is_empty(), "{:?}", definition.code);
            }
        }
    }

    #[test]
    fn spmsq_allows_one_more_error_with_primary_schooling_and_one_fewer_beyond_secondary() {
        let spmsq = definition(Instrument::Spmsq);
        assert_eq!(spmsq.education_adjustment(Some(Education::Primary)), -1);
        assert_eq!(spmsq.education_adjustment(Some(Education::Secondary)), 0);
        assert_eq!(
            spmsq.education_adjustment(Some(Education::BeyondSecondary)),
            1
        );
        assert_eq!(
            definition(Instrument::Barthel).education_adjustment(Some(Education::Primary)),
            0
        );
    }

    #[test]
    fn every_label_and_description_is_filled_in() {
        for definition in registry() {
            assert!(!definition.name_it.trim().is_empty());
            assert!(!definition.description_it.trim().is_empty());
            for band in definition.bands {
                assert!(!band.label_it.trim().is_empty(), "{}", band.code);
            }
            for item in definition.items {
                assert!(!item.label_it.trim().is_empty(), "{}", item.code);
                for option in item.options {
                    assert!(!option.label_it.trim().is_empty(), "{}", item.code);
                }
            }
        }
    }

    #[test]
    fn a_missing_item_is_named_by_its_italian_label() {
        let error = ScoringError::MissingItem { item: "FEEDING" };
        assert_eq!(
            error.message_it(),
            "Manca la risposta alla voce «Alimentazione»."
        );
        assert_eq!(error.to_string(), error.message_it());
    }

    #[test]
    fn a_refused_value_names_the_item_and_the_values_it_accepts() {
        let error = ScoringError::ValueNotAllowed {
            item: "STAIRS".to_owned(),
            value: 15,
        };
        assert_eq!(
            error.message_it(),
            "Il valore 15 non è ammesso per la voce «Scale» (valori ammessi: 0, 5, 10)."
        );
    }

    #[test]
    fn a_duplicate_item_is_named_by_its_italian_label() {
        let error = ScoringError::DuplicateItem {
            item: "TELEPHONE".to_owned(),
        };
        assert!(error.message_it().contains("«Uso del telefono»"));
    }

    #[test]
    fn an_unknown_item_is_named_by_the_code_received() {
        let error = ScoringError::UnknownItem {
            item: "FLYING".to_owned(),
        };
        assert_eq!(
            error.message_it(),
            "La voce «FLYING» non fa parte di questo strumento."
        );
    }

    #[test]
    fn education_errors_tell_the_operator_what_to_do() {
        assert!(ScoringError::EducationRequired
            .message_it()
            .starts_with("Indicare il livello di istruzione"));
        assert!(ScoringError::EducationNotApplicable
            .message_it()
            .contains("lasciarlo vuoto"));
    }
}

#[cfg(test)]
mod fuzz {
    use proptest::prelude::*;

    use super::*;
    use crate::fuzzing::fuzz;

    /// An instrument, the schooling given (or not), and answers: one of the
    /// item's own options for each item, in any order, with now and then an
    /// item left out, repeated, unknown or answered with any number.
    fn filled_form() -> impl Strategy<Value = (Instrument, Option<Education>, Vec<Answer>)> {
        (
            proptest::sample::select(Instrument::ALL),
            proptest::option::of(proptest::sample::select(Education::ALL)),
        )
            .prop_flat_map(|(code, education)| {
                let items = definition(code).items;
                let answers: Vec<_> = items
                    .iter()
                    .map(|item| {
                        let options: Vec<i32> = item.options.iter().map(|o| o.value).collect();
                        prop_oneof![
                            8 => proptest::sample::select(options)
                                .prop_map(move |value| vec![Answer { item: item.code.to_owned(), value }]),
                            1 => Just(Vec::new()),
                            1 => any::<i32>().prop_map(move |value| vec![
                                Answer { item: item.code.to_owned(), value },
                                Answer { item: item.code.to_owned(), value },
                            ]),
                            1 => (any::<String>(), any::<i32>())
                                .prop_map(|(item, value)| vec![Answer { item, value }]),
                        ]
                    })
                    .collect();
                (Just(code), Just(education), answers)
            })
            .prop_flat_map(|(code, education, answers)| {
                let answers: Vec<Answer> = answers.into_iter().flatten().collect();
                (Just(code), Just(education), Just(answers).prop_shuffle())
            })
    }

    #[test]
    fn fuzz_a_score_stays_within_its_instruments_range() {
        fuzz(
            "instrument scoring",
            filled_form(),
            |(code, education, answers)| {
                let definition = definition(code);
                let Ok(result) = score(code, &answers, education) else {
                    return Ok(());
                };
                prop_assert!(
                    (definition.min_score..=definition.max_score).contains(&result.score),
                    "{:?} scored {}",
                    code,
                    result.score
                );
                prop_assert!((result.band.min..=result.band.max).contains(&result.score));
                prop_assert_eq!(result.answers.len(), definition.items.len());
                // Scoring what it stored gives the same result.
                prop_assert_eq!(score(code, &result.answers, education), Ok(result.clone()));
                Ok(())
            },
        );
    }
}
