//! Operators type names the way they hear them: "nicolo" for "Nicolò",
//! "lucia" for "Lucìa", often without the accent keys of an Italian keyboard.
//! SQLite and PostgreSQL disagree on case- and accent-insensitive matching,
//! so instead of relying on collations we store a folded copy of the name
//! next to it and fold the query the same way; a plain `LIKE 'prefix%'` then
//! behaves identically on both databases.

/// Folds text into its searchable form: lower case, accents removed,
/// whitespace runs collapsed to one space and trimmed. Apostrophes are kept
/// as typed because they are part of names (D'Angelo, Dell'Acqua) and the
/// query is folded the same way. The caller still escapes `%` and `_` before
/// building a `LIKE` pattern.
pub fn fold(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().flat_map(char::to_lowercase).map(strip_accent));
    }
    folded
}

/// Family name first because that is how operators look people up and how
/// lists are sorted, so a prefix search on "rossi m" finds "Mario Rossi".
pub fn name_tokens(given: &str, family: &str) -> String {
    fold(&format!("{family} {given}"))
}

/// Expects a lower-case character; anything without a known accent is
/// returned unchanged.
fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unaccented_query_matches_an_accented_name() {
        assert_eq!(fold("Nicolò"), "nicolo");
        assert!(fold("Nicolò").starts_with(&fold("nicol")));
    }

    #[test]
    fn lower_case_accented_vowels_lose_their_accent() {
        assert_eq!(fold("àáâäãå"), "aaaaaa");
        assert_eq!(fold("èéêë"), "eeee");
        assert_eq!(fold("ìíîï"), "iiii");
        assert_eq!(fold("òóôöõ"), "ooooo");
        assert_eq!(fold("ùúûü"), "uuuu");
        assert_eq!(fold("çñ"), "cn");
    }

    #[test]
    fn upper_case_accented_letters_are_lowered_and_lose_their_accent() {
        assert_eq!(fold("ÀÁÂÄÃÅ"), "aaaaaa");
        assert_eq!(fold("ÈÉÊË"), "eeee");
        assert_eq!(fold("ÌÍÎÏ"), "iiii");
        assert_eq!(fold("ÒÓÔÖÕ"), "ooooo");
        assert_eq!(fold("ÙÚÛÜ"), "uuuu");
        assert_eq!(fold("ÇÑ"), "cn");
        assert_eq!(fold("ÈRCOLE"), "ercole");
    }

    #[test]
    fn whitespace_runs_collapse_to_one_space_and_ends_are_trimmed() {
        assert_eq!(fold("  Maria \t\n  Grazia  "), "maria grazia");
        assert_eq!(fold("   "), "");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn apostrophes_are_kept_as_typed() {
        assert_eq!(fold("D'Angelo"), "d'angelo");
        assert_eq!(fold("Dell’Acqua"), "dell’acqua");
    }

    #[test]
    fn other_characters_are_kept() {
        assert_eq!(fold("De Santis-Ruà 2"), "de santis-rua 2");
        assert_eq!(fold("Łukasz"), "łukasz");
    }

    #[test]
    fn folding_twice_changes_nothing() {
        let once = fold("  Niccolò  DELL'ÒRTO ");
        assert_eq!(fold(&once), once);
    }

    #[test]
    fn name_tokens_put_the_family_name_first() {
        assert_eq!(name_tokens("Nicolò", "Ferrà"), "ferra nicolo");
        assert_eq!(
            name_tokens(" Maria  Grazia ", "D'Angelo "),
            "d'angelo maria grazia"
        );
    }

    #[test]
    fn name_tokens_without_a_given_name_have_no_trailing_space() {
        assert_eq!(name_tokens("", "Rossi"), "rossi");
        assert_eq!(name_tokens("Mario", ""), "mario");
    }
}
