//! Operators type names the way they hear them: "nicolo" for "Nicolò",
//! "lucia" for "Lucìa", often without the accent keys of an Italian keyboard.
//! SQLite and PostgreSQL disagree on case- and accent-insensitive matching,
//! so instead of relying on collations we store a folded copy of the name
//! next to it and fold the query the same way; a plain `LIKE 'prefix%'` then
//! behaves identically on both databases.

/// The apostrophes people type: the straight one of a keyboard, the curly
/// one phones and word processors put instead, and their look-alikes.
const APOSTROPHES: [char; 6] = ['\'', '\u{2019}', '\u{2018}', '`', '\u{b4}', '\u{2bc}'];

/// Folds text into its searchable form: lower case, accents removed,
/// apostrophes of every kind removed ("d’alessio" and "d'alessio" both
/// become "dalessio"), whitespace runs collapsed to one space and trimmed.
/// The caller still escapes `%` and `_` before building a `LIKE` pattern.
pub fn fold(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        let word: String = word
            .chars()
            .filter(|c| !APOSTROPHES.contains(c))
            .flat_map(char::to_lowercase)
            .map(strip_accent)
            .collect();
        if word.is_empty() {
            continue;
        }
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(&word);
    }
    folded
}

/// Family name first because that is how operators look people up and how
/// lists are sorted, so a prefix search on "rossi m" finds "Mario Rossi".
/// A family name written in parts (D'Alessio, De Luca, Dell'Orto) is also
/// stored as its parts apart and as one word, after the given name, so
/// "dalessio", "d alessio" and "deluca" find what was typed "D'Alessio" and
/// "De Luca": people write such names all three ways.
pub fn name_tokens(given: &str, family: &str) -> String {
    let mut tokens = fold(&format!("{family} {given}"));
    let parts: Vec<String> = family
        .split(|c: char| c.is_whitespace() || APOSTROPHES.contains(&c))
        .map(fold)
        .filter(|part| !part.is_empty())
        .collect();
    if parts.len() > 1 {
        let written = fold(family);
        for variant in [parts.join(" "), parts.concat()] {
            if variant != written {
                tokens.push(' ');
                tokens.push_str(&variant);
            }
        }
    }
    tokens
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
    fn apostrophes_of_every_kind_are_dropped() {
        assert_eq!(fold("D'Angelo"), "dangelo");
        assert_eq!(fold("Dell’Acqua"), "dellacqua");
        assert_eq!(
            fold("d‘alessio d`alessio d´alessio dʼalessio"),
            "dalessio dalessio dalessio dalessio"
        );
        assert_eq!(fold("d ' alessio"), "d alessio");
    }

    #[test]
    fn a_family_name_in_parts_is_also_stored_apart_and_joined() {
        assert_eq!(
            name_tokens("Maria", "D'Alessio"),
            "dalessio maria d alessio"
        );
        assert_eq!(name_tokens("Gianni", "De Luca"), "de luca gianni deluca");
        assert_eq!(
            name_tokens("Anna", "Dell’Orto Ruà"),
            "dellorto rua anna dell orto rua dellortorua"
        );
        assert_eq!(name_tokens("Mario", "Rossi"), "rossi mario");
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
            "dangelo maria grazia d angelo"
        );
    }

    #[test]
    fn name_tokens_without_a_given_name_have_no_trailing_space() {
        assert_eq!(name_tokens("", "Rossi"), "rossi");
        assert_eq!(name_tokens("Mario", ""), "mario");
    }
}
