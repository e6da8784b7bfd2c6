//! The indicators written as files (issue 14.5): CSV text as an Italian
//! spreadsheet opens it with a double click, and an XLSX workbook with the
//! definitions and the filters beside the figures. Plain functions of an
//! `Export`; both formats take their rows from `lines`, so what is hidden and
//! what is merely empty is decided once.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::domain::indicators::{Figure, IndicatorDefinition};
use crate::domain::vocabulary::{IndicatorBreakdown, IndicatorDimension, IndicatorUnit};
use crate::error::{AppError, AppResult};
use crate::services::csv_text;
use crate::services::indicator_export::{Export, Filters};

pub use crate::services::csv_text::CSV_CONTENT_TYPE;
pub const XLSX_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const HEADERS: [&str; 10] = [
    "Codice",
    "Indicatore",
    "Unità",
    "Dal",
    "Al",
    "Valore",
    "Numeratore",
    "Denominatore",
    "Soppresso",
    "Parte",
];

/// `indicatori-2026-01-01-2026-03-31.csv`: the period in the name, so that
/// two downloads do not overwrite each other.
pub fn file_name(filters: &Filters, extension: &str) -> String {
    format!(
        "indicatori-{}-{}.{extension}",
        filters.from.format("%Y-%m-%d"),
        filters.to.format("%Y-%m-%d")
    )
}

/// One cell of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    /// Nothing to show: no base to divide by, or a count the indicator does
    /// not have (a wait has no numerator, a count no denominator).
    Empty,
    Number(f64),
    /// Withheld by suppression: written `< threshold`.
    Hidden,
}

/// One row of the "Indicatori" sheet and of the CSV.
struct Line {
    definition: &'static IndicatorDefinition,
    from: NaiveDate,
    to: NaiveDate,
    value: Cell,
    numerator: Cell,
    denominator: Cell,
    suppressed: bool,
    /// For a part of an amount, which one: "Area di vita: Abitare".
    part: Option<String>,
}

/// Per indicator, the whole period, then its quarters or months, then the
/// parts of an amount over the whole period.
fn lines(export: &Export) -> Vec<Line> {
    let mut lines = Vec::new();
    for result in &export.results {
        let (from, to) = (export.filters.from, export.filters.to);
        lines.push(line(result.definition, from, to, &result.figure));
        for (from, to, figure) in &result.series {
            lines.push(line(result.definition, *from, *to, figure));
        }
        for part in &result.parts {
            lines.push(Line {
                part: Some(format!(
                    "{}: {}",
                    dimension_label(part.dimension),
                    part.label
                )),
                ..line(result.definition, from, to, &part.figure)
            });
        }
    }
    lines
}

fn dimension_label(dimension: IndicatorDimension) -> &'static str {
    match dimension {
        IndicatorDimension::LifeArea => "Area di vita",
        IndicatorDimension::ResourceKind => "Tipo di risorsa",
        IndicatorDimension::FundingSource => "Fonte di finanziamento",
        IndicatorDimension::NetworkAgreementKind => "Tipo di accordo",
    }
}

fn line(
    definition: &'static IndicatorDefinition,
    from: NaiveDate,
    to: NaiveDate,
    f: &Figure,
) -> Line {
    // Suppression blanks the value and the counts too small to show; a
    // count the indicator never has stays empty, not "< 5".
    let count = |n: Option<i64>, has_it: bool| match n {
        Some(n) => Cell::Number(n as f64),
        None if f.suppressed && has_it => Cell::Hidden,
        None => Cell::Empty,
    };
    Line {
        definition,
        from,
        to,
        value: match f.value {
            Some(v) => Cell::Number(v),
            None if f.suppressed => Cell::Hidden,
            None => Cell::Empty,
        },
        numerator: count(f.numerator, definition.unit != IndicatorUnit::Days),
        denominator: count(f.denominator, definition.denominator.is_some()),
        suppressed: f.suppressed,
        part: None,
    }
}

fn unit_label(unit: IndicatorUnit) -> &'static str {
    match unit {
        IndicatorUnit::Count => "Numero",
        IndicatorUnit::Ratio => "Rapporto",
        IndicatorUnit::Days => "Giorni",
        IndicatorUnit::Eur => "Euro",
        IndicatorUnit::Hours => "Ore",
    }
}

fn breakdown_label(breakdown: IndicatorBreakdown) -> &'static str {
    match breakdown {
        IndicatorBreakdown::None => "Nessuna suddivisione",
        IndicatorBreakdown::Quarter => "Per trimestre",
        IndicatorBreakdown::Month => "Per mese",
    }
}

fn yes_no(yes: bool) -> &'static str {
    if yes {
        "sì"
    } else {
        "no"
    }
}

/// Decimals written in the CSV: a ratio to a hundredth of a percent, a wait
/// to a tenth of a day (a median is a whole or half day).
fn decimals(unit: IndicatorUnit) -> usize {
    match unit {
        IndicatorUnit::Count => 0,
        IndicatorUnit::Ratio => 4,
        IndicatorUnit::Days => 1,
        IndicatorUnit::Eur | IndicatorUnit::Hours => 2,
    }
}

/// `0.25` → `0,25`, `12.50` → `12,5`, `4.0` → `4`: the decimal comma an
/// Italian spreadsheet reads as a number.
fn italian_number(n: f64, decimals: usize) -> String {
    let text = format!("{n:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    text.replace('.', ",")
}

fn csv_cell(cell: Cell, decimals: usize, threshold: u64) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(n) => italian_number(n, decimals),
        Cell::Hidden => format!("< {threshold}"),
    }
}

/// The figures as an Italian spreadsheet opens them (see `csv_text`).
pub fn csv(export: &Export) -> String {
    let threshold = export.filters.threshold;
    let mut text = csv_text::start(&HEADERS);
    for line in lines(export) {
        let unit = line.definition.unit;
        let fields = [
            line.definition.code.to_owned(),
            line.definition.title.to_owned(),
            unit_label(unit).to_owned(),
            line.from.format("%d/%m/%Y").to_string(),
            line.to.format("%d/%m/%Y").to_string(),
            csv_cell(line.value, decimals(unit), threshold),
            csv_cell(line.numerator, 0, threshold),
            csv_cell(line.denominator, 0, threshold),
            yes_no(line.suppressed).to_owned(),
            line.part.clone().unwrap_or_default(),
        ];
        csv_text::line(&mut text, &fields);
    }
    text
}

/// The workbook: "Indicatori" (the figures, numbers as numbers), then
/// "Definizioni" (what each exported code counts) and "Filtri" (what was
/// asked for, by whom and when).
pub fn xlsx(export: &Export) -> AppResult<Vec<u8>> {
    workbook(export).map_err(|err| AppError::internal(format!("writing the xlsx: {err}")))
}

fn workbook(export: &Export) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    figures(book.add_worksheet(), export)?;
    definitions(book.add_worksheet(), export)?;
    filters(book.add_worksheet(), &export.filters)?;
    book.save_to_buffer()
}

fn headings(sheet: &mut Worksheet, headings: &[&str], widths: &[f64]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (column, (heading, width)) in (0u16..).zip(headings.iter().zip(widths)) {
        sheet.write_string_with_format(0, column, *heading, &bold)?;
        sheet.set_column_width(column, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn figures(sheet: &mut Worksheet, export: &Export) -> Result<(), XlsxError> {
    sheet.set_name("Indicatori")?;
    headings(
        sheet,
        &HEADERS,
        &[34.0, 50.0, 10.0, 11.0, 11.0, 10.0, 12.0, 13.0, 10.0, 40.0],
    )?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let whole = Format::new().set_num_format("0");
    let hidden = format!("< {}", export.filters.threshold);
    let write =
        |sheet: &mut Worksheet, row, column, cell, format: &Format| -> Result<(), XlsxError> {
            match cell {
                Cell::Empty => {}
                Cell::Number(n) => {
                    sheet.write_number_with_format(row, column, n, format)?;
                }
                Cell::Hidden => {
                    sheet.write_string(row, column, &hidden)?;
                }
            }
            Ok(())
        };
    for (row, line) in (1u32..).zip(lines(export)) {
        let unit = line.definition.unit;
        sheet.write_string(row, 0, line.definition.code)?;
        sheet.write_string(row, 1, line.definition.title)?;
        sheet.write_string(row, 2, unit_label(unit))?;
        sheet.write_datetime_with_format(row, 3, line.from, &date)?;
        sheet.write_datetime_with_format(row, 4, line.to, &date)?;
        write(sheet, row, 5, line.value, &value_format(unit))?;
        write(sheet, row, 6, line.numerator, &whole)?;
        write(sheet, row, 7, line.denominator, &whole)?;
        sheet.write_string(row, 8, yes_no(line.suppressed))?;
        if let Some(part) = &line.part {
            sheet.write_string(row, 9, part)?;
        }
    }
    Ok(())
}

/// A ratio as a percentage (the cell holds the share, 0.25 shows 25,0%), a
/// wait with one decimal, a count whole.
fn value_format(unit: IndicatorUnit) -> Format {
    Format::new().set_num_format(match unit {
        IndicatorUnit::Count => "0",
        IndicatorUnit::Ratio => "0.0%",
        IndicatorUnit::Days => "0.0",
        IndicatorUnit::Eur | IndicatorUnit::Hours => "#,##0.00",
    })
}

fn definitions(sheet: &mut Worksheet, export: &Export) -> Result<(), XlsxError> {
    sheet.set_name("Definizioni")?;
    headings(
        sheet,
        &[
            "Codice",
            "Indicatore",
            "Definizione",
            "Numeratore",
            "Denominatore",
            "Unità",
            "Fonte",
            "Cosa conta",
            "Cosa non conta",
            "Calcolato",
            "Dati mancanti",
        ],
        &[
            34.0, 40.0, 60.0, 40.0, 40.0, 10.0, 40.0, 50.0, 50.0, 10.0, 40.0,
        ],
    )?;
    for (row, result) in (1u32..).zip(&export.results) {
        let d = result.definition;
        let cells = [
            d.code,
            d.title,
            d.definition,
            d.numerator,
            d.denominator.unwrap_or(""),
            unit_label(d.unit),
            d.source,
            d.counts,
            d.excludes,
            yes_no(d.computed()),
            d.missing_data.unwrap_or(""),
        ];
        for (column, text) in (0u16..).zip(cells) {
            sheet.write_string(row, column, text)?;
        }
    }
    Ok(())
}

/// A value of the "Filtri" sheet.
enum Entry {
    Text(String),
    /// A date or a moment, with its number format.
    Moment(NaiveDateTime, &'static str),
}

fn filters(sheet: &mut Worksheet, filters: &Filters) -> Result<(), XlsxError> {
    sheet.set_name("Filtri")?;
    headings(sheet, &["Filtro", "Valore"], &[26.0, 50.0])?;
    let day = |date: NaiveDate| Entry::Moment(date.and_time(NaiveTime::MIN), "dd/mm/yyyy");
    let mut entries = Vec::new();
    if filters.territory.is_none() && filters.team.is_none() {
        entries.push(("Territorio", Entry::Text("Tutti i dati".into())));
    }
    if let Some(name) = &filters.territory {
        entries.push(("Territorio", Entry::Text(name.clone())));
    }
    if let Some(name) = &filters.team {
        entries.push(("Équipe", Entry::Text(name.clone())));
    }
    entries.extend([
        ("Dal", day(filters.from)),
        ("Al", day(filters.to)),
        (
            "Suddivisione",
            Entry::Text(breakdown_label(filters.breakdown).into()),
        ),
        (
            "Generato il (UTC)",
            Entry::Moment(filters.generated_at.naive_utc(), "dd/mm/yyyy hh:mm"),
        ),
        ("Generato da", Entry::Text(filters.generated_by.clone())),
        (
            "Valori soppressi",
            Entry::Text(format!(
                "conteggi da 1 a {} scritti «< {}» (per chi ha il ruolo REPORTER)",
                filters.threshold.saturating_sub(1),
                filters.threshold
            )),
        ),
    ]);
    for (row, (label, entry)) in (1u32..).zip(entries) {
        sheet.write_string(row, 0, label)?;
        match entry {
            Entry::Text(text) => {
                sheet.write_string(row, 1, text)?;
            }
            Entry::Moment(moment, format) => {
                sheet.write_datetime_with_format(
                    row,
                    1,
                    moment,
                    &Format::new().set_num_format(format),
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicators::find;
    use crate::services::indicators::{IndicatorPart, IndicatorResult};
    use chrono::{TimeZone, Utc};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn figure(value: Option<f64>, numerator: Option<i64>, denominator: Option<i64>) -> Figure {
        Figure {
            value,
            numerator,
            denominator,
            suppressed: false,
        }
    }

    fn export(results: Vec<IndicatorResult>) -> Export {
        Export {
            results,
            filters: Filters {
                territory: Some("Ambito di Vallecamonica".into()),
                team: None,
                from: day("2026-01-01"),
                to: day("2026-06-30"),
                breakdown: IndicatorBreakdown::Quarter,
                generated_at: Utc.with_ymd_and_hms(2026, 7, 1, 9, 30, 0).unwrap(),
                generated_by: "Ufficio di Piano".into(),
                threshold: 5,
            },
        }
    }

    fn result(code: &str, whole: Figure, series: Vec<(&str, &str, Figure)>) -> IndicatorResult {
        IndicatorResult {
            definition: find(code).unwrap(),
            figure: whole,
            series: series
                .into_iter()
                .map(|(from, to, f)| (day(from), day(to), f))
                .collect(),
            parts: Vec::new(),
        }
    }

    #[test]
    fn numbers_take_the_decimal_comma_and_lose_trailing_zeros() {
        assert_eq!(italian_number(0.25, 4), "0,25");
        assert_eq!(italian_number(12.5, 1), "12,5");
        assert_eq!(italian_number(2.0 / 3.0, 4), "0,6667");
        assert_eq!(italian_number(4.0, 0), "4");
        assert_eq!(italian_number(3.0, 1), "3");
        assert_eq!(italian_number(0.0, 4), "0");
    }

    #[test]
    fn the_csv_has_a_bom_italian_headers_crlf_and_a_row_per_period() {
        let text = csv(&export(vec![
            result(
                "ASSESSMENTS",
                figure(Some(9.0), Some(9), None),
                vec![
                    ("2026-01-01", "2026-03-31", figure(Some(4.0), Some(4), None)),
                    ("2026-04-01", "2026-06-30", figure(Some(5.0), Some(5), None)),
                ],
            ),
            result(
                "PROJECTS_PER_ASSESSMENT",
                figure(Some(0.25), Some(1), Some(4)),
                vec![],
            ),
            result(
                "DISCHARGE_WAIT_HOME_MEDIAN",
                figure(Some(12.5), None, Some(6)),
                vec![],
            ),
            result(
                "PROJECTS_CLOSED_IMPROVED_HOUSING",
                figure(None, Some(0), Some(0)),
                vec![],
            ),
        ]));
        let expected = "\u{feff}Codice;Indicatore;Unità;Dal;Al;Valore;Numeratore;Denominatore;Soppresso;Parte\r\n\
            ASSESSMENTS;Valutazioni multidimensionali;Numero;01/01/2026;30/06/2026;9;9;;no;\r\n\
            ASSESSMENTS;Valutazioni multidimensionali;Numero;01/01/2026;31/03/2026;4;4;;no;\r\n\
            ASSESSMENTS;Valutazioni multidimensionali;Numero;01/04/2026;30/06/2026;5;5;;no;\r\n\
            PROJECTS_PER_ASSESSMENT;Progetti individualizzati per valutazione;Rapporto;01/01/2026;30/06/2026;0,25;1;4;no;\r\n\
            DISCHARGE_WAIT_HOME_MEDIAN;Attesa mediana della dimissione verso casa;Giorni;01/01/2026;30/06/2026;12,5;;6;no;\r\n\
            PROJECTS_CLOSED_IMPROVED_HOUSING;Progetti chiusi con miglioramento in Abitare;Rapporto;01/01/2026;30/06/2026;;0;0;no;\r\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn a_suppressed_figure_is_written_below_the_threshold_and_an_absent_count_stays_empty() {
        let hidden = |numerator, denominator| Figure {
            value: None,
            numerator,
            denominator,
            suppressed: true,
        };
        let text = csv(&export(vec![
            result("ASSESSMENTS", hidden(None, None), vec![]),
            result("PROTECTED_DISCHARGES_SERVED", hidden(None, Some(6)), vec![]),
            result("DISCHARGE_WAIT_HOME_MEAN", hidden(None, None), vec![]),
        ]));
        let rows: Vec<&str> = text.split("\r\n").skip(1).collect();
        assert!(rows[0].ends_with(";30/06/2026;< 5;< 5;;sì;"), "{}", rows[0]);
        assert!(
            rows[1].ends_with(";30/06/2026;< 5;< 5;6;sì;"),
            "{}",
            rows[1]
        );
        // A wait has no numerator: only its value and its base are withheld.
        assert!(rows[2].ends_with(";30/06/2026;< 5;;< 5;sì;"), "{}", rows[2]);
    }

    #[test]
    fn the_workbook_is_a_zip_and_names_its_file_by_the_period() {
        let export = export(vec![result(
            "PROJECTS_PER_ASSESSMENT",
            figure(Some(0.25), Some(1), Some(4)),
            vec![],
        )]);
        let bytes = xlsx(&export).unwrap();
        assert!(bytes.starts_with(b"PK"));
        assert_eq!(
            file_name(&export.filters, "xlsx"),
            "indicatori-2026-01-01-2026-06-30.xlsx"
        );
    }

    #[test]
    fn an_amount_lists_its_parts_after_its_periods() {
        let amount = |value, used, planned| Figure {
            value: Some(value),
            numerator: Some(used),
            denominator: Some(planned),
            suppressed: false,
        };
        let mut budget = result("BUDGET_RESOURCES", amount(300.5, 301, 1500), vec![]);
        budget.parts = vec![
            IndicatorPart {
                dimension: IndicatorDimension::LifeArea,
                key: "HOUSING",
                label: "Abitare",
                figure: amount(250.0, 250, 1000),
            },
            IndicatorPart {
                dimension: IndicatorDimension::FundingSource,
                key: "FNA",
                label: "Fondo per le non autosufficienze (FNA)",
                figure: amount(250.0, 250, 1000),
            },
        ];
        let text = csv(&export(vec![budget]));
        let rows: Vec<&str> = text.split("\r\n").skip(1).collect();
        assert!(
            rows[0].ends_with(";Euro;01/01/2026;30/06/2026;300,5;301;1500;no;"),
            "{}",
            rows[0]
        );
        assert!(
            rows[1].ends_with(";250;250;1000;no;Area di vita: Abitare"),
            "{}",
            rows[1]
        );
        assert!(
            rows[2].ends_with(";no;Fonte di finanziamento: Fondo per le non autosufficienze (FNA)"),
            "{}",
            rows[2]
        );
    }
}
