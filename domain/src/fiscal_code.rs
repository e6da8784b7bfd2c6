//! The codice fiscale identifies a person across every service that shares a
//! case, so a typo here silently splits one person into two records. We check
//! everything that can be checked offline (shape, date, check character) and
//! let the operator compare the encoded birth date and sex with what they
//! entered, which catches most transcription errors before they spread.

use std::fmt;

use crate::vocabulary::Sex;

/// Month letters in calendar order: the index plus one is the month number.
const MONTH_LETTERS: &[u8; 12] = b"ABCDEHLMPRST";

/// Omocodia letters in digit order: the index is the digit they stand for.
const OMOCODIA_LETTERS: &[u8; 10] = b"LMNPQRSTUV";

/// 0-based positions whose digit may be replaced by an omocodia letter
/// (1-based 7, 8, 10, 11, 13, 14, 15).
const OMOCODIA_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// Odd-position values for A–Z; a digit takes the value of the letter in the
/// same row (0 → A, 1 → B, …, 9 → J).
const ODD_VALUES: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// Days added to the birth day of a woman.
const FEMALE_DAY_OFFSET: u32 = 40;

/// A codice fiscale that passed every offline check, kept in upper case so
/// that equality and database uniqueness do not depend on how it was typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FiscalCode(String);

/// The birth data a codice fiscale carries. The year has no century, so it
/// can confirm an entered date but never supply one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodedBirth {
    pub year_two_digits: u32,
    pub month: u32,
    pub day: u32,
    pub sex: Sex,
}

/// Why a codice fiscale was refused, detailed enough for the operator to
/// know which part of the code to look at again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FiscalCodeError {
    Length,
    /// A character of the wrong kind (letter or digit) for its position.
    Format,
    Month,
    Day,
    CheckCharacter,
    BirthDateMismatch,
    SexMismatch,
}

impl FiscalCodeError {
    /// Messages are shown next to the field in the SPA, so they speak to a
    /// social worker rather than to a developer.
    pub fn message_it(&self) -> &'static str {
        match self {
            FiscalCodeError::Length => "Il codice fiscale deve essere di 16 caratteri",
            FiscalCodeError::Format => {
                "Il codice fiscale contiene una lettera o una cifra in una posizione non valida"
            }
            FiscalCodeError::Month => "Il mese di nascita indicato nel codice fiscale non esiste",
            FiscalCodeError::Day => "Il giorno di nascita indicato nel codice fiscale non esiste",
            FiscalCodeError::CheckCharacter => {
                "Il carattere di controllo del codice fiscale non è corretto"
            }
            FiscalCodeError::BirthDateMismatch => {
                "Il codice fiscale non corrisponde alla data di nascita indicata"
            }
            FiscalCodeError::SexMismatch => "Il codice fiscale non corrisponde al sesso indicato",
        }
    }
}

impl fmt::Display for FiscalCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_it())
    }
}

impl std::error::Error for FiscalCodeError {}

impl FiscalCode {
    /// Operators paste codes from documents and emails, so surrounding spaces
    /// and lower case are forgiven; anything else is refused with the first
    /// problem found, checked from the coarsest (length) to the finest (check
    /// character) so the message points at the real mistake.
    pub fn parse(input: &str) -> Result<FiscalCode, FiscalCodeError> {
        let code = input.trim().to_ascii_uppercase();
        let bytes = code.as_bytes();
        if code.chars().count() != 16 {
            return Err(FiscalCodeError::Length);
        }
        // Any non-ASCII character makes the byte length differ from 16.
        if bytes.len() != 16 {
            return Err(FiscalCodeError::Format);
        }
        for (position, &byte) in bytes.iter().enumerate() {
            if !has_expected_class(position, byte) {
                return Err(FiscalCodeError::Format);
            }
        }
        let birth = decode_birth(bytes).ok_or(FiscalCodeError::Month)?;
        if !is_possible_day(birth.month, birth.day) {
            return Err(FiscalCodeError::Day);
        }
        if check_character(&code[..15]) != char::from(bytes[15]) {
            return Err(FiscalCodeError::CheckCharacter);
        }
        Ok(FiscalCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Omocodia letters are decoded first, so two codes given to different
    /// people born on the same day read the same date.
    pub fn birth(&self) -> EncodedBirth {
        // `parse` already proved the month letter exists; the fallback only
        // keeps this function total without a panic path.
        decode_birth(self.0.as_bytes()).unwrap_or(EncodedBirth {
            year_two_digits: 0,
            month: 0,
            day: 0,
            sex: Sex::M,
        })
    }

    /// Checks the code against the entered birth date and sex. `year` is the
    /// full year (e.g. 1980); only `year % 100` can be compared because the
    /// code has no century. The date is compared before the sex so that a
    /// wrong day is not reported as a wrong sex.
    pub fn check_matches(
        &self,
        year: i32,
        month: u32,
        day: u32,
        sex: Sex,
    ) -> Result<(), FiscalCodeError> {
        let birth = self.birth();
        let same_year = i64::from(year).rem_euclid(100) == i64::from(birth.year_two_digits);
        if !same_year || birth.month != month || birth.day != day {
            return Err(FiscalCodeError::BirthDateMismatch);
        }
        if birth.sex != sex {
            return Err(FiscalCodeError::SexMismatch);
        }
        Ok(())
    }
}

impl fmt::Display for FiscalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Builds the codice fiscale of a person born in Italy or abroad from their
/// data. Ponte never invents a code for a real person (see domain.md); this
/// exists for the fictional demo data set and for tests. `place_code` is the
/// Belfiore code (e.g. H501 for Roma). Letters are taken after folding
/// accents; anything that is not a letter is ignored.
pub fn encode(
    family_name: &str,
    given_name: &str,
    year: i32,
    month: u32,
    day: u32,
    sex: Sex,
    place_code: &str,
) -> Option<FiscalCode> {
    let month_letter = *MONTH_LETTERS.get(month.checked_sub(1)? as usize)? as char;
    // A day no month has gives no code: a man's 41 would read back as a
    // woman's 1, and a woman's day near `u32::MAX` overflowed (both found by
    // the fuzzer).
    if !is_possible_day(month, day) {
        return None;
    }
    let day = match sex {
        Sex::M => day,
        Sex::F => day + FEMALE_DAY_OFFSET,
    };
    let first15 = format!(
        "{}{}{:02}{}{:02}{}",
        name_part(family_name, false),
        name_part(given_name, true),
        year.rem_euclid(100),
        month_letter,
        day,
        place_code.to_ascii_uppercase()
    );
    let code = format!("{first15}{}", check_character(&first15));
    FiscalCode::parse(&code).ok()
}

/// Three letters from a name: consonants first, then vowels, then X. A given
/// name with four or more consonants skips the second one.
fn name_part(name: &str, is_given_name: bool) -> String {
    let letters: Vec<char> = crate::search_text::fold(name)
        .to_ascii_uppercase()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let is_vowel = |c: &char| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U');
    let consonants: Vec<char> = letters.iter().copied().filter(|c| !is_vowel(c)).collect();
    let vowels = letters.iter().copied().filter(is_vowel);
    if is_given_name && consonants.len() >= 4 {
        return [consonants[0], consonants[2], consonants[3]]
            .iter()
            .collect();
    }
    consonants
        .iter()
        .copied()
        .chain(vowels)
        .chain(std::iter::repeat('X'))
        .take(3)
        .collect()
}

/// Exposed so that tests and tools can build valid codes (e.g. omocodes)
/// instead of hard-coding opaque strings. Lower case counts as upper case;
/// any character that is neither a letter nor a digit counts as zero, so
/// callers must validate the shape first, as `FiscalCode::parse` does.
pub fn check_character(first15: &str) -> char {
    let sum: u32 = first15
        .chars()
        .take(15)
        .enumerate()
        .map(|(index, c)| {
            let c = c.to_ascii_uppercase();
            // `index` is 0-based, so even indices are the odd 1-based positions.
            if index % 2 == 0 {
                odd_value(c)
            } else {
                even_value(c)
            }
        })
        .sum();
    // `sum % 26` is below 26, so the addition stays within A–Z.
    char::from(b'A' + (sum % 26) as u8)
}

/// People without a codice fiscale may hold an 11-digit provisional code
/// instead; recognising it lets the form store it with its flag rather than
/// forcing a made-up codice fiscale. Expects trimmed input.
pub fn is_provisional_code(s: &str) -> bool {
    s.len() == 11 && s.bytes().all(|b| b.is_ascii_digit())
}

/// STP (foreigners without a residence permit) and ENI (EU citizens without
/// health cover) codes are "STP"/"ENI" + 3-digit region + 3-digit ASL +
/// 7-digit progressive number. Same length as a codice fiscale, so they must
/// be told apart before `FiscalCode::parse` refuses them. Expects trimmed,
/// upper-case input.
pub fn is_stp_eni_code(s: &str) -> bool {
    let digits = match s.strip_prefix("STP").or_else(|| s.strip_prefix("ENI")) {
        Some(rest) => rest,
        None => return false,
    };
    digits.len() == 13 && digits.bytes().all(|b| b.is_ascii_digit())
}

fn has_expected_class(position: usize, byte: u8) -> bool {
    match position {
        0..=5 | 8 | 11 | 15 => byte.is_ascii_uppercase(),
        _ if OMOCODIA_POSITIONS.contains(&position) => {
            byte.is_ascii_digit() || OMOCODIA_LETTERS.contains(&byte)
        }
        _ => false,
    }
}

/// Turns an omocodia letter back into the digit it replaced.
fn decoded_digit(byte: u8) -> u32 {
    if byte.is_ascii_digit() {
        u32::from(byte - b'0')
    } else {
        OMOCODIA_LETTERS
            .iter()
            .position(|&letter| letter == byte)
            .map_or(0, |digit| digit as u32)
    }
}

/// Reads the birth data from a 16-byte code whose character classes are
/// already validated; `None` when the month letter does not exist.
fn decode_birth(bytes: &[u8]) -> Option<EncodedBirth> {
    let two_digits = |tens: usize| decoded_digit(bytes[tens]) * 10 + decoded_digit(bytes[tens + 1]);
    let month = MONTH_LETTERS
        .iter()
        .position(|&letter| letter == bytes[8])
        .map(|index| index as u32 + 1)?;
    let encoded_day = two_digits(9);
    let (day, sex) = if encoded_day > FEMALE_DAY_OFFSET {
        (encoded_day - FEMALE_DAY_OFFSET, Sex::F)
    } else {
        (encoded_day, Sex::M)
    };
    Some(EncodedBirth {
        year_two_digits: two_digits(6),
        month,
        day,
        sex,
    })
}

/// February allows 29 because without the century we cannot tell whether
/// the year was a leap year (2000 was, 1900 was not).
fn is_possible_day(month: u32, day: u32) -> bool {
    let days_in_month = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days_in_month).contains(&day)
}

fn odd_value(c: char) -> u32 {
    let index = match c {
        '0'..='9' => u32::from(c) - u32::from('0'),
        'A'..='Z' => u32::from(c) - u32::from('A'),
        _ => return 0,
    };
    ODD_VALUES[index as usize]
}

fn even_value(c: char) -> u32 {
    match c {
        '0'..='9' => u32::from(c) - u32::from('0'),
        'A'..='Z' => u32::from(c) - u32::from('A'),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_reproduces_the_known_codes() {
        let code = encode("Rossi", "Mario", 1980, 1, 1, Sex::M, "H501").unwrap();
        assert_eq!(code.as_str(), "RSSMRA80A01H501U");
        let code = encode("Rossi", "Francesco", 1980, 12, 31, Sex::M, "F205").unwrap();
        assert_eq!(code.as_str(), "RSSFNC80T31F205U");
        let woman = encode("Rossi", "Maria", 1980, 1, 1, Sex::F, "H501").unwrap();
        assert_eq!(woman.birth().sex, Sex::F);
        assert_eq!(woman.birth().day, 1);
        // Short names pad with X; accents fold away.
        let short = encode("Fo", "Nicolò", 2001, 6, 9, Sex::M, "B149").unwrap();
        assert!(short.as_str().starts_with("FOXNCL01H09B149"), "{short}");
        assert!(encode("Rossi", "Mario", 1980, 13, 1, Sex::M, "H501").is_none());
    }

    /// Builds a complete code from its first 15 characters, so that tests
    /// about month or day fail on that rule and not on the check character.
    fn with_check(first15: &str) -> String {
        format!("{first15}{}", check_character(first15))
    }

    #[test]
    fn the_known_valid_examples_are_accepted() {
        for code in ["RSSMRA80A01H501U", "RSSMRA45D25F205N", "RSSFNC80T31F205U"] {
            let parsed = FiscalCode::parse(code).unwrap();
            assert_eq!(parsed.as_str(), code);
        }
    }

    #[test]
    fn the_check_character_of_the_known_examples_is_computed() {
        assert_eq!(check_character("RSSMRA80A01H501"), 'U');
        assert_eq!(check_character("RSSMRA45D25F205"), 'N');
        assert_eq!(check_character("RSSFNC80T31F205"), 'U');
    }

    #[test]
    fn lower_case_and_surrounding_spaces_are_accepted_and_stored_upper_case() {
        let parsed = FiscalCode::parse("  rssmra80a01h501u \t").unwrap();
        assert_eq!(parsed.as_str(), "RSSMRA80A01H501U");
        assert_eq!(parsed.to_string(), "RSSMRA80A01H501U");
    }

    #[test]
    fn the_birth_data_of_a_man_is_decoded() {
        let birth = FiscalCode::parse("RSSMRA45D25F205N").unwrap().birth();
        assert_eq!(
            birth,
            EncodedBirth {
                year_two_digits: 45,
                month: 4,
                day: 25,
                sex: Sex::M,
            }
        );
    }

    #[test]
    fn the_december_example_is_a_man_born_on_the_31st() {
        // Day 31 has no +40, so RSSFNC80T31F205U encodes a man.
        let code = FiscalCode::parse("RSSFNC80T31F205U").unwrap();
        assert_eq!(
            code.birth(),
            EncodedBirth {
                year_two_digits: 80,
                month: 12,
                day: 31,
                sex: Sex::M,
            }
        );
        assert_eq!(code.check_matches(1980, 12, 31, Sex::M), Ok(()));
    }

    #[test]
    fn a_womans_code_carries_the_day_plus_forty() {
        // Verified by hand: day 01 → 41 changes an even position by +4, so the
        // check character moves from U (20) to Y (24).
        let code = FiscalCode::parse("RSSMRA80A41H501Y").unwrap();
        assert_eq!(
            code.birth(),
            EncodedBirth {
                year_two_digits: 80,
                month: 1,
                day: 1,
                sex: Sex::F,
            }
        );
        assert_eq!(code.check_matches(1980, 1, 1, Sex::F), Ok(()));
    }

    #[test]
    fn a_woman_born_on_the_31st_is_encoded_as_day_71() {
        let code = FiscalCode::parse(&with_check("RSSFNC80T71F205")).unwrap();
        assert_eq!(code.birth().day, 31);
        assert_eq!(code.birth().sex, Sex::F);
        assert_eq!(code.check_matches(1980, 12, 31, Sex::F), Ok(()));
    }

    #[test]
    fn a_hand_verified_omocode_is_accepted_and_decoded() {
        // Position 15: 1 → M changes an odd value from 0 to 18, so the check
        // character goes from U (20) to (20 + 18) mod 26 = 12 = M.
        // Position 14: 0 → L changes an even value from 0 to 11, so it then
        // goes to (12 + 11) mod 26 = 23 = X.
        assert_eq!(check_character("RSSMRA80A01H50M"), 'M');
        let code = FiscalCode::parse("RSSMRA80A01H5LMX").unwrap();
        assert_eq!(code.as_str(), "RSSMRA80A01H5LMX");
        assert_eq!(code.check_matches(1980, 1, 1, Sex::M), Ok(()));
    }

    #[test]
    fn omocodes_substituted_from_the_right_keep_the_same_birth_data() {
        let original = "RSSFNC80T71F205";
        let expected = FiscalCode::parse(&with_check(original)).unwrap().birth();
        let mut first15: Vec<u8> = original.as_bytes().to_vec();
        for &position in OMOCODIA_POSITIONS.iter().rev() {
            let digit = usize::from(first15[position] - b'0');
            first15[position] = OMOCODIA_LETTERS[digit];
            let omocode = with_check(std::str::from_utf8(&first15).unwrap());
            let parsed = FiscalCode::parse(&omocode).unwrap();
            assert_eq!(parsed.birth(), expected, "omocode {omocode}");
        }
        assert_eq!(std::str::from_utf8(&first15).unwrap(), "RSSFNCULTTMFNLR");
    }

    #[test]
    fn a_wrong_check_character_is_refused() {
        assert_eq!(
            FiscalCode::parse("RSSMRA80A01H501A"),
            Err(FiscalCodeError::CheckCharacter)
        );
    }

    #[test]
    fn an_omocode_with_the_check_character_of_the_original_is_refused() {
        assert_eq!(
            FiscalCode::parse("RSSMRA80A01H50MU"),
            Err(FiscalCodeError::CheckCharacter)
        );
    }

    #[test]
    fn an_impossible_month_letter_is_refused() {
        for letter in ["F", "G", "I", "Z"] {
            let code = with_check(&format!("RSSMRA80{letter}01H501"));
            assert_eq!(FiscalCode::parse(&code), Err(FiscalCodeError::Month));
        }
    }

    #[test]
    fn impossible_days_are_refused() {
        for first15 in [
            "RSSMRA80A00H501", // day 0
            "RSSMRA80A32H501", // day 32
            "RSSMRA80A40H501", // neither a man's nor a woman's day
            "RSSMRA80A72H501", // a woman's day 32
            "RSSMRA80D31H501", // 31 April
            "RSSMRA80S31H501", // 31 November
            "RSSMRA80D71H501", // a woman born on 31 April
            "RSSMRA80B30H501", // 30 February
            "RSSMRA80B70H501", // a woman born on 30 February
        ] {
            assert_eq!(
                FiscalCode::parse(&with_check(first15)),
                Err(FiscalCodeError::Day),
                "{first15}"
            );
        }
    }

    #[test]
    fn the_29th_of_february_is_accepted_because_the_century_is_unknown() {
        let code = FiscalCode::parse(&with_check("RSSMRA01B69H501")).unwrap();
        assert_eq!(code.check_matches(2001, 2, 29, Sex::F), Ok(()));
    }

    #[test]
    fn a_wrong_length_is_refused() {
        for input in [
            "",
            "RSSMRA80A01H501",
            "RSSMRA80A01H501UX",
            "RSSMRA 80A01H501U",
        ] {
            assert_eq!(FiscalCode::parse(input), Err(FiscalCodeError::Length));
        }
    }

    #[test]
    fn a_character_of_the_wrong_kind_is_refused() {
        for input in [
            "1SSMRA80A01H501U", // digit among the surname letters
            "RSSMRAA0A01H501U", // A is not an omocodia letter
            "RSSMRA80A01H50WU", // W is not an omocodia letter
            "RSSMRA80A011501U", // digit where the place letter goes
            "RSSMRA80A01H5011", // digit as check character
            "RSSMRA80A01H50-U", // punctuation
            "RSSMRÀ80A01H501U", // non-ASCII letter
        ] {
            assert_eq!(
                FiscalCode::parse(input),
                Err(FiscalCodeError::Format),
                "{input}"
            );
        }
    }

    #[test]
    fn a_different_birth_date_is_reported() {
        let code = FiscalCode::parse("RSSMRA80A01H501U").unwrap();
        let mismatch = Err(FiscalCodeError::BirthDateMismatch);
        assert_eq!(code.check_matches(1981, 1, 1, Sex::M), mismatch);
        assert_eq!(code.check_matches(1980, 2, 1, Sex::M), mismatch);
        assert_eq!(code.check_matches(1980, 1, 2, Sex::M), mismatch);
        // Only the last two digits of the year are encoded.
        assert_eq!(code.check_matches(1880, 1, 1, Sex::M), Ok(()));
    }

    #[test]
    fn a_different_sex_is_reported() {
        let man = FiscalCode::parse("RSSMRA80A01H501U").unwrap();
        let woman = FiscalCode::parse("RSSMRA80A41H501Y").unwrap();
        assert_eq!(
            man.check_matches(1980, 1, 1, Sex::F),
            Err(FiscalCodeError::SexMismatch)
        );
        assert_eq!(
            woman.check_matches(1980, 1, 1, Sex::M),
            Err(FiscalCodeError::SexMismatch)
        );
    }

    #[test]
    fn a_wrong_date_is_reported_before_a_wrong_sex() {
        let code = FiscalCode::parse("RSSMRA80A01H501U").unwrap();
        assert_eq!(
            code.check_matches(1980, 3, 1, Sex::F),
            Err(FiscalCodeError::BirthDateMismatch)
        );
    }

    #[test]
    fn every_error_has_an_italian_message() {
        assert_eq!(
            FiscalCodeError::CheckCharacter.message_it(),
            "Il carattere di controllo del codice fiscale non è corretto"
        );
        for error in [
            FiscalCodeError::Length,
            FiscalCodeError::Format,
            FiscalCodeError::Month,
            FiscalCodeError::Day,
            FiscalCodeError::BirthDateMismatch,
            FiscalCodeError::SexMismatch,
        ] {
            assert!(error.message_it().contains("codice fiscale"), "{error:?}");
            assert_eq!(error.to_string(), error.message_it());
        }
    }

    #[test]
    fn provisional_codes_have_eleven_digits() {
        assert!(is_provisional_code("12345678901"));
        assert!(!is_provisional_code("1234567890"));
        assert!(!is_provisional_code("123456789012"));
        assert!(!is_provisional_code("1234567890A"));
        assert!(!is_provisional_code("RSSMRA80A01H501U"));
    }

    #[test]
    fn stp_and_eni_codes_have_a_prefix_and_thirteen_digits() {
        assert!(is_stp_eni_code("STP0301080000001"));
        assert!(is_stp_eni_code("ENI0301080000001"));
        assert!(!is_stp_eni_code("STP030108000001"));
        assert!(!is_stp_eni_code("STP03010800000012"));
        assert!(!is_stp_eni_code("XYZ0301080000001"));
        assert!(!is_stp_eni_code("STP03010800000A1"));
        assert!(!is_stp_eni_code("RSSMRA80A01H501U"));
    }

    #[test]
    fn stp_codes_are_not_fiscal_codes() {
        assert!(FiscalCode::parse("STP0301080000001").is_err());
    }
}

#[cfg(test)]
mod fuzz {
    use proptest::prelude::*;

    use super::*;
    use crate::fuzzing::fuzz;

    /// What a form may send: any text, or text shaped like a code (sixteen
    /// letters and digits, give or take, with spaces and lower case).
    fn typed_code() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[ ]{0,2}[A-Za-z0-9]{14,18}[ ]{0,2}",
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]",
        ]
    }

    #[test]
    fn fuzz_a_parsed_fiscal_code_renders_to_itself() {
        fuzz("fiscal code parse", typed_code(), |input| {
            if let Ok(code) = FiscalCode::parse(&input) {
                prop_assert_eq!(code.as_str(), input.trim().to_ascii_uppercase());
                prop_assert_eq!(code.to_string(), code.as_str());
                prop_assert_eq!(FiscalCode::parse(code.as_str()), Ok(code.clone()));
                let birth = code.birth();
                prop_assert!((1..=12).contains(&birth.month), "{:?}", birth);
                prop_assert!((1..=31).contains(&birth.day), "{:?}", birth);
                prop_assert_eq!(
                    code.check_matches(
                        1900 + birth.year_two_digits as i32,
                        birth.month,
                        birth.day,
                        birth.sex
                    ),
                    Ok(())
                );
            }
            Ok(())
        });
    }

    /// Found by the fuzzer below: a woman's day near `u32::MAX` overflowed,
    /// and a man's day 41 encoded a woman born on the 1st.
    #[test]
    fn a_day_beyond_any_calendar_gives_no_code() {
        assert_eq!(
            encode("Rossi", "Maria", 1980, 1, u32::MAX, Sex::F, "H501"),
            None
        );
        assert_eq!(encode("Rossi", "Mario", 1980, 1, 41, Sex::M, "H501"), None);
        assert_eq!(encode("Rossi", "Mario", 1980, 2, 30, Sex::M, "H501"), None);
        assert!(encode("Rossi", "Mario", 1980, 2, 29, Sex::M, "H501").is_some());
    }

    #[test]
    fn fuzz_an_encoded_fiscal_code_parses_and_carries_its_birth() {
        // Numbers near the ends of their type as well as calendar ones.
        let number = || prop_oneof![any::<u32>(), 0_u32..80, Just(u32::MAX)];
        let person = (
            any::<String>(),
            any::<String>(),
            prop_oneof![any::<i32>(), Just(i32::MIN), Just(i32::MAX)],
            number(),
            number(),
            proptest::sample::select(Sex::ALL),
            prop_oneof!["[A-Z][0-9]{3}", any::<String>()],
        );
        fuzz(
            "fiscal code encode",
            person,
            |(family, given, year, month, day, sex, place)| {
                let Some(code) = encode(&family, &given, year, month, day, sex, &place) else {
                    return Ok(());
                };
                prop_assert_eq!(FiscalCode::parse(code.as_str()), Ok(code.clone()));
                prop_assert_eq!(code.check_matches(year, month, day, sex), Ok(()));
                Ok(())
            },
        );
    }
}
