//! Rules for user accounts: what an email and a password must look like.

pub const MIN_PASSWORD_CHARS: usize = 12;
/// Argon2 would hash anything, but a megabyte "password" is an attack, not a secret.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Lower-cased and trimmed: the form emails are compared and stored unique in.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A deliberately plain check (one `@`, a dotted domain, no spaces): the real
/// proof that an address works is the mail that reaches it.
pub fn check_email(email: &str) -> Result<(), &'static str> {
    let email = email.trim();
    if email.is_empty() {
        return Err("Inserisci un indirizzo email");
    }
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("L'indirizzo email non è valido");
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err("L'indirizzo email deve contenere @");
    };
    let domain_ok = domain.contains('.')
        && !domain.contains('@')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..");
    if local.is_empty() || !domain_ok {
        return Err("L'indirizzo email non è valido");
    }
    Ok(())
}

pub fn check_password(password: &str) -> Result<(), &'static str> {
    let count = password.chars().count();
    if count < MIN_PASSWORD_CHARS {
        return Err("La password deve avere almeno 12 caratteri");
    }
    if count > MAX_PASSWORD_CHARS {
        return Err("La password può avere al massimo 256 caratteri");
    }
    Ok(())
}

/// A name shown to people: not empty, no control characters, a sane length.
pub fn check_display_name(name: &str) -> Result<String, &'static str> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Il nome non può essere vuoto");
    }
    if name.chars().count() > 200 {
        return Err("Il nome può avere al massimo 200 caratteri");
    }
    if name.chars().any(char::is_control) {
        return Err("Il nome contiene caratteri non ammessi");
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_pass_and_malformed_ones_do_not() {
        for ok in ["anna.rossi@comune.brescia.it", "a@b.it", " Mario@ASST.it "] {
            assert_eq!(check_email(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "anna",
            "anna@",
            "@asst.it",
            "anna@asst",
            "an na@asst.it",
            "a@b@c.it",
            "a@.it",
            "a@b..it",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_compare_without_case() {
        assert_eq!(normalize_email(" Anna.Rossi@ASST.it"), "anna.rossi@asst.it");
    }

    #[test]
    fn passwords_need_twelve_characters_counted_as_characters_not_bytes() {
        assert!(check_password("abcdefghijk").is_err());
        assert!(check_password("abcdefghijkl").is_ok());
        assert!(check_password("àèìòùàèìòùàè").is_ok());
        assert!(check_password("àèìòùàèìòù").is_err());
        assert!(check_password(&"x".repeat(257)).is_err());
    }

    #[test]
    fn display_names_are_trimmed_and_not_empty() {
        assert_eq!(check_display_name("  Anna Rossi "), Ok("Anna Rossi".into()));
        assert!(check_display_name("   ").is_err());
        assert!(check_display_name("a\u{0}b").is_err());
    }
}
