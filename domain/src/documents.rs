//! Documents attached to the record (issue 17 point 3): the rules on what a
//! person typed or sent (the title, the file's name, the reason of a
//! deletion). What a file *is* is read from its bytes by the server, never
//! from its name.

use crate::network_agreements::Refusal;

/// What a file name keeps at most, in characters (extension included).
pub const MAX_FILE_NAME: usize = 120;
/// The longest reason for taking a document away.
pub const MAX_DELETE_REASON: usize = 500;

/// The name a document is saved and served under: the last part of what the
/// browser sent (no folder, no `..`), without control characters, quotes or
/// the characters a file system or a `Content-Disposition` header reads
/// (`/ \ : * ? " ' < > | ;` and backquote, each made `_`), without leading
/// dots (a hidden file) or trailing dots and spaces, at most
/// [`MAX_FILE_NAME`] characters, ending in `extension` (the type found in the
/// content). Nothing usable left: `documento.<extension>`.
pub fn sanitize_file_name(sent: &str, extension: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control()
                || matches!(
                    c,
                    '/' | '\\' | ':' | '*' | '?' | '"' | '\'' | '<' | '>' | '|' | ';' | '`'
                )
            {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let suffix = format!(".{extension}");
    let cut = trimmed.len().saturating_sub(suffix.len());
    let stem = match (trimmed.get(..cut), trimmed.get(cut..)) {
        (Some(stem), Some(end)) if end.eq_ignore_ascii_case(&suffix) => stem,
        _ => trimmed,
    };
    let stem = stem.trim_end_matches(['.', ' ']);
    let room = MAX_FILE_NAME.saturating_sub(suffix.chars().count());
    let stem: String = stem.chars().take(room).collect();
    let stem = stem.trim_end_matches(['.', ' ']);
    if stem.is_empty() || stem.chars().all(|c| c == '_') {
        format!("documento{suffix}")
    } else {
        format!("{stem}{suffix}")
    }
}

/// A deletion says why: the trimmed reason, or the refusal.
pub fn check_delete_reason(reason: &str) -> Result<String, Refusal> {
    let trimmed = reason.trim();
    if trimmed.is_empty() {
        return Err(("reason", "Indica il motivo dell'eliminazione".into()));
    }
    if trimmed.chars().count() > MAX_DELETE_REASON {
        return Err((
            "reason",
            format!("Il motivo può avere al massimo {MAX_DELETE_REASON} caratteri"),
        ));
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_quotes_and_control_characters_do_not_survive() {
        assert_eq!(
            sanitize_file_name("../../etc/passwd.pdf", "pdf"),
            "passwd.pdf"
        );
        assert_eq!(
            sanitize_file_name("C:\\Users\\x\\PAI \"firmato\".pdf", "pdf"),
            "PAI _firmato_.pdf"
        );
        assert_eq!(sanitize_file_name("a\r\nb;c'.PDF", "pdf"), "a__b_c_.pdf");
        assert_eq!(sanitize_file_name("..", "pdf"), "documento.pdf");
        assert_eq!(sanitize_file_name("", "png"), "documento.png");
        assert_eq!(sanitize_file_name(".hidden", "png"), "hidden.png");
    }

    #[test]
    fn the_extension_is_the_one_of_the_content() {
        assert_eq!(sanitize_file_name("virus.exe", "pdf"), "virus.exe.pdf");
        assert_eq!(
            sanitize_file_name("Verbale UVM è già.docx", "docx"),
            "Verbale UVM è già.docx"
        );
    }

    #[test]
    fn a_long_name_is_cut_keeping_its_extension() {
        let long = format!("{}.pdf", "à".repeat(300));
        let name = sanitize_file_name(&long, "pdf");
        assert_eq!(name.chars().count(), MAX_FILE_NAME);
        assert!(name.ends_with(".pdf"));
    }

    #[test]
    fn a_deletion_needs_a_reason() {
        assert!(check_delete_reason("  ").is_err());
        assert_eq!(
            check_delete_reason(" caricato per errore ").unwrap(),
            "caricato per errore"
        );
        assert!(check_delete_reason(&"x".repeat(MAX_DELETE_REASON + 1)).is_err());
    }
}
