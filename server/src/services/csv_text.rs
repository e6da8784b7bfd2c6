//! CSV as an Italian spreadsheet opens it with a double click: UTF-8 with a
//! BOM (without it Excel reads the accents as Latin-1), `;` between fields
//! and CRLF after each line.

use std::borrow::Cow;

pub const CSV_CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// The text of a file so far: the BOM and the header line.
pub fn start(headers: &[&str]) -> String {
    let mut text = String::from("\u{feff}");
    text.push_str(&headers.join(";"));
    text.push_str("\r\n");
    text
}

/// Appends one line of fields.
pub fn line(text: &mut String, fields: &[String]) {
    let fields: Vec<Cow<'_, str>> = fields.iter().map(|f| field(f)).collect();
    text.push_str(&fields.join(";"));
    text.push_str("\r\n");
}

/// A field quoted when it holds the separator, a quote or a line break.
fn field(text: &str) -> Cow<'_, str> {
    if text.contains([';', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_with_the_separator_a_quote_or_a_newline_is_quoted() {
        assert_eq!(field("Valutazioni"), "Valutazioni");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("il \"PAI\""), "\"il \"\"PAI\"\"\"");
        assert_eq!(field("due\nrighe"), "\"due\nrighe\"");
    }

    #[test]
    fn a_file_is_a_bom_a_header_and_crlf_lines() {
        let mut text = start(&["A", "B"]);
        line(&mut text, &["1;2".into(), String::new()]);
        assert_eq!(text, "\u{feff}A;B\r\n\"1;2\";\r\n");
    }
}
