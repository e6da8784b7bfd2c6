//! Amounts of money and budget quantities as exact fixed-point numbers.
//!
//! A Budget di Salute is checked by the bodies that fund it, line by line and
//! to the cent; binary floating point cannot even represent 0.10, so sums
//! drift and a budget that balances on paper would not balance in Ponte.
//! Every value is therefore an integer count of hundredths.
//!
//! Euros and hours share one type, [`Fixed2`], exported also as [`Cents`] and
//! [`Quantity`] so that signatures say which one they mean. One type because
//! a budget resource line holds euros (`ECONOMIC`) or hours (`PROFESSIONAL`,
//! `RELATIONAL`) in the same column with the same two-decimal rules; separate
//! types would double the code without preventing the mistake that actually
//! threatens a budget, adding up lines of different units, which the caller
//! prevents by putting the unit in the key given to [`totals_by`]. The
//! aliases are `pub use` re-exports, not `type` aliases, so `Cents(125_050)`
//! works as a constructor and in patterns.
//!
//! The text form follows the API `Decimal` scalar: a dot and always two
//! decimals ("1250.50"). Input also accepts the Italian decimal comma,
//! because that is what people type.

use std::collections::BTreeMap;
use std::fmt;

use crate::vocabulary::ResourceUnit;

/// A number with exactly two decimals, stored as hundredths (cents of a euro,
/// hundredths of an hour). The range is that of `i64` hundredths, the size
/// of a PostgreSQL `bigint` column: up to 92 233 720 368 547 758.07 either
/// way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fixed2(pub i64);

/// Euros, as cents.
pub use self::Fixed2 as Cents;

/// Hours (or any budget unit), as hundredths: "1.5" hours is `Quantity(150)`.
pub use self::Fixed2 as Quantity;

impl Fixed2 {
    pub const ZERO: Fixed2 = Fixed2(0);

    /// `None` on overflow, so a caller decides what an impossible total
    /// means instead of getting a panic in debug and a wrap in release.
    pub fn checked_add(self, other: Fixed2) -> Option<Fixed2> {
        self.0.checked_add(other.0).map(Fixed2)
    }

    pub fn checked_sub(self, other: Fixed2) -> Option<Fixed2> {
        self.0.checked_sub(other.0).map(Fixed2)
    }

    /// For totals that must always produce a number: reaching the limit
    /// takes quadrillions of euros, and a clamped, visibly absurd figure is
    /// better than a crashed request or a wrapped negative one.
    pub fn saturating_add(self, other: Fixed2) -> Fixed2 {
        Fixed2(self.0.saturating_add(other.0))
    }

    pub fn saturating_sub(self, other: Fixed2) -> Fixed2 {
        Fixed2(self.0.saturating_sub(other.0))
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

/// Always two decimals and a dot, the API `Decimal` format, so the value
/// reads back to the same number. Honours width and alignment (`{:>10}`)
/// for plain-text reports.
impl fmt::Display for Fixed2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        // `unsigned_abs` so that even `i64::MIN` prints correctly.
        let magnitude = self.0.unsigned_abs();
        f.pad(&format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100))
    }
}

/// Why a typed amount or quantity was refused, precise enough for the user
/// to see what to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    InvalidFormat,
    TooManyDecimals,
    /// Thousands grouped with something other than the dot (a space, an
    /// apostrophe) or in groups that are not of three digits.
    ThousandsSeparator,
    /// "1.250": one thousand two hundred fifty the Italian way, or 1.25
    /// with a stray zero the English way; a guessed amount is a wrong one.
    Ambiguous,
    Negative,
    Overflow,
}

impl MoneyError {
    /// Shown next to the field in the SPA; the wording fits both euros and
    /// hours because the same parser serves both.
    pub fn message_it(&self) -> &'static str {
        match self {
            MoneyError::Empty => "Indicare un valore",
            MoneyError::InvalidFormat => {
                "Scrivere un numero con al più due decimali, ad esempio 1.250,50 o 1250,50"
            }
            MoneyError::TooManyDecimals => "Sono ammessi al più due decimali",
            MoneyError::ThousandsSeparator => {
                "Le migliaia si separano con il punto, a gruppi di tre cifre: ad esempio 1.250,50 (oppure 1250,50)"
            }
            MoneyError::Ambiguous => {
                "Un punto seguito da tre cifre è ambiguo: scrivere 1250 (milleduecentocinquanta) oppure 1,25"
            }
            MoneyError::Negative => "Il valore non può essere negativo",
            MoneyError::Overflow => "Il valore è troppo grande",
        }
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_it())
    }
}

impl std::error::Error for MoneyError {}

/// For amounts that may be negative, such as a correction or a balance.
pub fn parse_euros(s: &str) -> Result<Cents, MoneyError> {
    parse_fixed2(s, true)
}

/// For planned amounts and recorded uses, where a minus sign is a typing
/// mistake rather than a meaning.
pub fn parse_non_negative_euros(s: &str) -> Result<Cents, MoneyError> {
    parse_fixed2(s, false)
}

/// Hours (or other units) of a budget line; never negative, for the same
/// reason as [`parse_non_negative_euros`].
pub fn parse_quantity(s: &str) -> Result<Quantity, MoneyError> {
    parse_fixed2(s, false)
}

/// Characters people use to group thousands besides `.` and `,` ("1 250",
/// "1'250", and the no-break spaces word processors insert). Grouping gets
/// its own message because "1 250" looks like a number to the person who
/// typed it, and "invalid format" would not tell them what to change.
const GROUPING_CHARACTERS: [char; 5] = [' ', '\'', '\u{2019}', '\u{a0}', '\u{202f}'];

/// Accepts optional surrounding spaces, an optional minus (when allowed) and
/// a number written the ways people write it here: "1250,50", "1250.50",
/// and "1.250,50" — the way Ponte itself displays amounts — with the
/// thousands grouped by dots (or by commas when the decimals follow a dot:
/// "1,250.50"). Anything else is refused rather than guessed, because a
/// guessed amount is a wrong amount in someone's budget: above all "1.250",
/// which reads as 1250 or as 1.25 depending on who typed it.
///
/// The SPA checks typed amounts with the same rules before sending them;
/// `amount_cases.txt` lists the cases both must decide alike.
fn parse_fixed2(s: &str, allow_negative: bool) -> Result<Fixed2, MoneyError> {
    let text = s.trim();
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if has_digit_grouping(body) {
        return Err(MoneyError::ThousandsSeparator);
    }
    let (whole, fraction) = split_amount(body)?;
    let whole = whole.as_str();
    let fraction = fraction.unwrap_or("0");
    if fraction.len() > 2 {
        return Err(MoneyError::TooManyDecimals);
    }

    let whole = whole.bytes().try_fold(0_i64, |acc, digit| {
        acc.checked_mul(10)?.checked_add(i64::from(digit - b'0'))
    });
    // "5" means fifty hundredths, "05" five.
    let fraction = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(2)
        .fold(0_i64, |acc, digit| acc * 10 + i64::from(digit - b'0'));
    let magnitude = whole
        .and_then(|w| w.checked_mul(100))
        .and_then(|w| w.checked_add(fraction))
        .ok_or(MoneyError::Overflow)?;

    if negative && !allow_negative {
        return Err(MoneyError::Negative);
    }
    // `magnitude` is at most `i64::MAX`, so its negation always fits.
    Ok(Fixed2(if negative { -magnitude } else { magnitude }))
}

/// The digits before the decimal separator (thousands separators taken
/// out) and those after it. The decimal separator is the last of `.` and `,`
/// when both appear; a lone separator is decimal, except a dot before exactly
/// three digits after at most three, which is ambiguous; a separator repeated with no other is
/// grouping ("1.250.000").
fn split_amount(body: &str) -> Result<(String, Option<&str>), MoneyError> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (decimal, grouping) = match (dots, commas) {
        (0, 0) => (None, None),
        (1, 0) => (Some('.'), None),
        (0, 1) => (Some(','), None),
        (_, 0) => (None, Some('.')),
        (0, _) => (None, Some(',')),
        _ => {
            let last_dot = body.rfind('.').unwrap_or_default();
            let last_comma = body.rfind(',').unwrap_or_default();
            if last_comma > last_dot {
                (Some(','), Some('.'))
            } else {
                (Some('.'), Some(','))
            }
        }
    };
    let (whole, fraction) = match decimal {
        Some(separator) => match body.rsplit_once(separator) {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (body, None),
        },
        None => (body, None),
    };
    if let (Some(separator), Some(fraction)) = (decimal, fraction) {
        if whole.contains(separator) {
            return Err(MoneyError::ThousandsSeparator);
        }
        if !is_digits(fraction) {
            return Err(MoneyError::InvalidFormat);
        }
        // "1250.505" cannot be a grouping (a first group has at most three
        // digits), so it can only be one decimal too many.
        let could_be_thousands = fraction.len() == 3 && is_digits(whole) && whole.len() <= 3;
        if separator == '.' && grouping.is_none() && could_be_thousands {
            return Err(MoneyError::Ambiguous);
        }
    }
    let whole = match grouping {
        None if is_digits(whole) => whole.to_owned(),
        None => return Err(MoneyError::InvalidFormat),
        Some(separator) => {
            let groups: Vec<&str> = whole.split(separator).collect();
            if !groups.iter().all(|g| is_digits(g)) {
                return Err(MoneyError::InvalidFormat);
            }
            let first_fits = groups.first().is_some_and(|g| g.len() <= 3);
            if !first_fits || groups[1..].iter().any(|g| g.len() != 3) {
                return Err(MoneyError::ThousandsSeparator);
            }
            groups.concat()
        }
    };
    Ok((whole, fraction))
}

/// A grouping character only counts as such between two digits, so that
/// "€ 12" is reported as a format problem rather than as thousands.
fn has_digit_grouping(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(3).any(|w| {
        w[0].is_ascii_digit() && GROUPING_CHARACTERS.contains(&w[1]) && w[2].is_ascii_digit()
    })
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// One row of a budget summary (per life area, kind, provider or funder):
/// the key is already a display or enum name, so rows of different
/// groupings share one shape, and the unit says what the sums count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub key: String,
    pub unit: ResourceUnit,
    pub planned: Fixed2,
    pub used: Fixed2,
}

impl Line {
    pub fn is_overused(&self) -> bool {
        is_overused(self.planned, self.used)
    }

    /// Negative when the plan is overspent, which is what the budget screen
    /// shows in red.
    pub fn remaining(&self) -> Fixed2 {
        self.planned.saturating_sub(self.used)
    }
}

/// Sums planned and used per key, sorted by key so summaries come out in a
/// stable order. Include the unit in the key (e.g. `(LifeArea, Unit)`) when
/// lines mix euros and hours: this function cannot tell them apart. Sums
/// saturate rather than fail; see [`Fixed2::saturating_add`].
pub fn totals_by<K: Ord + Clone>(
    items: impl IntoIterator<Item = (K, Fixed2, Fixed2)>,
) -> Vec<(K, Fixed2, Fixed2)> {
    let mut totals: BTreeMap<K, (Fixed2, Fixed2)> = BTreeMap::new();
    for (key, planned, used) in items {
        let entry = totals.entry(key).or_default();
        entry.0 = entry.0.saturating_add(planned);
        entry.1 = entry.1.saturating_add(used);
    }
    totals
        .into_iter()
        .map(|(key, (planned, used))| (key, planned, used))
        .collect()
}

/// Using exactly what was planned is the plan working, not a warning.
pub fn is_overused(planned: Fixed2, used: Fixed2) -> bool {
    used > planned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_whole_euros_one_or_two_decimals_and_the_italian_comma() {
        let cases = [
            ("1250", 125_000),
            ("1250.5", 125_050),
            ("1250.50", 125_050),
            ("1250,50", 125_050),
            ("1250,5", 125_050),
            ("0,05", 5),
            ("0.1", 10),
            ("0", 0),
            ("007", 700),
            ("  12,30 ", 1_230),
            // The way Ponte displays amounts, and the English way.
            ("1.250,50", 125_050),
            ("1.250.000", 125_000_000),
            ("1,250.50", 125_050),
        ];
        for (input, hundredths) in cases {
            assert_eq!(parse_euros(input), Ok(Cents(hundredths)), "{input:?}");
            assert_eq!(
                parse_non_negative_euros(input),
                Ok(Cents(hundredths)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn a_minus_sign_is_accepted_only_where_negatives_are_allowed() {
        assert_eq!(parse_euros("-0.05"), Ok(Cents(-5)));
        assert_eq!(parse_euros("-1250,50"), Ok(Cents(-125_050)));
        assert_eq!(parse_non_negative_euros("-0.05"), Err(MoneyError::Negative));
        assert_eq!(parse_non_negative_euros("-0"), Err(MoneyError::Negative));
        assert_eq!(parse_quantity("-1"), Err(MoneyError::Negative));
    }

    #[test]
    fn refuses_what_cannot_be_read_as_one_exact_amount() {
        let cases = [
            ("", MoneyError::Empty),
            ("   ", MoneyError::Empty),
            ("1250.505", MoneyError::TooManyDecimals),
            ("1.250", MoneyError::Ambiguous),
            ("0,001", MoneyError::TooManyDecimals),
            ("1 250", MoneyError::ThousandsSeparator),
            ("1'250", MoneyError::ThousandsSeparator),
            ("1\u{a0}250,00", MoneyError::ThousandsSeparator),
            ("abc", MoneyError::InvalidFormat),
            ("12a", MoneyError::InvalidFormat),
            ("€ 12", MoneyError::InvalidFormat),
            ("1250.", MoneyError::InvalidFormat),
            (".50", MoneyError::InvalidFormat),
            ("-", MoneyError::InvalidFormat),
            ("--5", MoneyError::InvalidFormat),
            ("+5", MoneyError::InvalidFormat),
            ("1e3", MoneyError::InvalidFormat),
            ("\u{663}", MoneyError::InvalidFormat),
        ];
        for (input, error) in cases {
            assert_eq!(parse_euros(input), Err(error), "{input:?}");
        }
    }

    /// The cases the SPA's check (`frontend/src/pages/project/budget.ts`)
    /// reads too, so that a typed amount the screen accepts is one the
    /// server accepts, with the same value.
    #[test]
    fn decides_every_shared_case_as_the_spa_does() {
        let cases = include_str!("amount_cases.txt");
        let mut seen = 0;
        for line in cases.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (expected, typed) = line.split_once('|').expect("expected|typed");
            let decided = match parse_non_negative_euros(typed) {
                Ok(Cents(hundredths)) => hundredths.to_string(),
                Err(error) => format!("{error:?}"),
            };
            assert_eq!(decided, expected, "{typed:?}");
            seen += 1;
        }
        assert!(seen > 20, "{seen} cases");
    }

    #[test]
    fn refuses_amounts_beyond_what_a_bigint_of_cents_holds() {
        assert_eq!(parse_euros("92233720368547758.07"), Ok(Cents(i64::MAX)));
        assert_eq!(parse_euros("-92233720368547758.07"), Ok(Cents(-i64::MAX)));
        for input in [
            "92233720368547758.08",
            "-92233720368547758.08",
            "92233720368547759",
            "99999999999999999999999999",
        ] {
            assert_eq!(parse_euros(input), Err(MoneyError::Overflow), "{input:?}");
        }
    }

    #[test]
    fn displays_always_two_decimals_with_a_dot() {
        let cases = [
            (125_050, "1250.50"),
            (125_000, "1250.00"),
            (0, "0.00"),
            (5, "0.05"),
            (-5, "-0.05"),
            (-100, "-1.00"),
            (-125_050, "-1250.50"),
            (i64::MAX, "92233720368547758.07"),
            (i64::MIN, "-92233720368547758.08"),
        ];
        for (hundredths, text) in cases {
            assert_eq!(Cents(hundredths).to_string(), text);
        }
        assert_eq!(format!("{:>8}|", Cents(-5)), "   -0.05|");
    }

    #[test]
    fn displayed_amounts_parse_back_to_themselves() {
        for hundredths in [0, 1, -1, 99, -99, 100, 125_050, -i64::MAX, i64::MAX] {
            let cents = Cents(hundredths);
            assert_eq!(parse_euros(&cents.to_string()), Ok(cents));
        }
    }

    #[test]
    fn ten_thousand_cents_add_up_to_exactly_one_hundred_euros() {
        let cent = parse_euros("0.01").unwrap();
        let mut total = Cents::ZERO;
        for _ in 0..10_000 {
            total = total.checked_add(cent).unwrap();
        }
        assert_eq!(total.to_string(), "100.00");
        assert_eq!(total, parse_euros("100").unwrap());
    }

    #[test]
    fn a_tenth_plus_two_tenths_is_exactly_thirty_cents() {
        let sum = parse_euros("0.1")
            .unwrap()
            .checked_add(parse_euros("0.2").unwrap())
            .unwrap();
        assert_eq!(sum, parse_euros("0.30").unwrap());
        assert_eq!(sum.to_string(), "0.30");
    }

    #[test]
    fn checked_arithmetic_reports_overflow_instead_of_wrapping() {
        assert_eq!(Cents(i64::MAX).checked_add(Cents(1)), None);
        assert_eq!(Cents(i64::MIN).checked_sub(Cents(1)), None);
        assert_eq!(Cents(500).checked_sub(Cents(700)), Some(Cents(-200)));
        assert_eq!(Cents(i64::MAX).saturating_add(Cents(1)), Cents(i64::MAX));
        assert!(Cents(-1).is_negative());
        assert!(!Cents::ZERO.is_negative());
    }

    #[test]
    fn hours_are_counted_in_hundredths() {
        assert_eq!(parse_quantity("1.5"), Ok(Quantity(150)));
        assert_eq!(parse_quantity("1,25"), Ok(Quantity(125)));
        assert_eq!(parse_quantity("40"), Ok(Quantity(4_000)));
        assert_eq!(parse_quantity("0,333"), Err(MoneyError::TooManyDecimals));
        assert_eq!(Quantity(150).to_string(), "1.50");
    }

    #[test]
    fn totals_sum_planned_and_used_per_key_in_key_order() {
        let items = vec![
            ("SOCIAL_INCLUSION", Cents(10_000), Cents(2_500)),
            ("HOUSING", Cents(50_000), Cents(60_000)),
            ("SOCIAL_INCLUSION", Cents(5_000), Cents(0)),
            ("HEALTH_WELLBEING", Cents(1), Cents(1)),
        ];
        assert_eq!(
            totals_by(items),
            vec![
                ("HEALTH_WELLBEING", Cents(1), Cents(1)),
                ("HOUSING", Cents(50_000), Cents(60_000)),
                ("SOCIAL_INCLUSION", Cents(15_000), Cents(2_500)),
            ]
        );
        assert!(totals_by(Vec::<(u8, Fixed2, Fixed2)>::new()).is_empty());
    }

    #[test]
    fn totals_keep_euros_and_hours_apart_when_the_unit_is_in_the_key() {
        let items = [
            (("HOUSING", "EUR"), Fixed2(10_000), Fixed2(0)),
            (("HOUSING", "HOURS"), Fixed2(1_000), Fixed2(250)),
            (("HOUSING", "EUR"), Fixed2(5_000), Fixed2(1_000)),
        ];
        assert_eq!(
            totals_by(items),
            vec![
                (("HOUSING", "EUR"), Fixed2(15_000), Fixed2(1_000)),
                (("HOUSING", "HOURS"), Fixed2(1_000), Fixed2(250)),
            ]
        );
    }

    #[test]
    fn only_use_beyond_the_plan_counts_as_overuse() {
        assert!(!is_overused(Cents(10_000), Cents(9_999)));
        assert!(!is_overused(Cents(10_000), Cents(10_000)));
        assert!(is_overused(Cents(10_000), Cents(10_001)));
        assert!(is_overused(Cents(0), Cents(1)));
        let line = Line {
            key: "HOUSING".to_owned(),
            unit: ResourceUnit::Eur,
            planned: Cents(50_000),
            used: Cents(60_000),
        };
        assert!(line.is_overused());
        assert_eq!(line.remaining().to_string(), "-100.00");
    }

    #[test]
    fn errors_speak_italian() {
        assert_eq!(
            MoneyError::ThousandsSeparator.to_string(),
            "Le migliaia si separano con il punto, a gruppi di tre cifre: ad esempio 1.250,50 (oppure 1250,50)"
        );
        assert_eq!(
            MoneyError::Negative.message_it(),
            "Il valore non può essere negativo"
        );
    }
}

#[cfg(test)]
mod fuzz {
    use proptest::prelude::*;

    use super::*;
    use crate::fuzzing::fuzz;

    /// Any text, or text made of what amounts are made of.
    fn typed_amount() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), "[ -]?[0-9.,' ]{0,30}"]
    }

    /// `cents` written as Ponte shows amounts: "1.250,50".
    fn italian(cents: i64) -> String {
        let sign = if cents < 0 { "-" } else { "" };
        let magnitude = cents.unsigned_abs();
        let whole = (magnitude / 100).to_string();
        let groups: Vec<&str> = whole
            .as_bytes()
            .rchunks(3)
            .rev()
            .map(|group| std::str::from_utf8(group).unwrap_or_default())
            .collect();
        format!("{sign}{},{:02}", groups.join("."), magnitude % 100)
    }

    #[test]
    fn fuzz_a_parsed_amount_reads_back_from_its_text() {
        fuzz("amount parse", typed_amount(), |input| {
            let parsed = parse_euros(&input);
            if let Ok(amount) = parsed {
                prop_assert_eq!(parse_euros(&amount.to_string()), Ok(amount));
            }
            match parse_non_negative_euros(&input) {
                Ok(amount) => prop_assert_eq!(parsed, Ok(amount)),
                // "-0" too: a minus sign is refused where amounts are never negative.
                Err(MoneyError::Negative) => {
                    prop_assert!(parsed.is_ok() && input.trim().starts_with('-'))
                }
                Err(err) => prop_assert_eq!(parsed, Err(err)),
            }
            prop_assert_eq!(parse_quantity(&input), parse_non_negative_euros(&input));
            Ok(())
        });
    }

    /// Within the range amounts are read in (±92 233 720 368 547 758.07, the
    /// same either way), every amount written as Ponte writes it reads back;
    /// `i64::MIN`, one hundredth beyond, is refused as too large.
    #[test]
    fn fuzz_a_formatted_amount_parses_back_to_the_same_cents() {
        let cents = prop_oneof![
            any::<i64>(),
            -100_000_i64..100_000,
            Just(i64::MIN),
            Just(i64::MAX),
            Just(-i64::MAX),
        ];
        fuzz("amount format", cents, |cents| {
            let amount = Fixed2(cents);
            let expected = if cents == i64::MIN {
                Err(MoneyError::Overflow)
            } else {
                Ok(amount)
            };
            prop_assert_eq!(parse_euros(&amount.to_string()), expected);
            prop_assert_eq!(parse_euros(&italian(cents)), expected);
            prop_assert_eq!(parse_euros(&format!("  {amount}  ")), expected);
            Ok(())
        });
    }
}
