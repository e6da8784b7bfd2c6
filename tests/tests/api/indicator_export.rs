//! The indicators as files (issue 14.5): `GET /export/indicators.csv` and
//! `.xlsx`, read back with a CSV parser and a spreadsheet reader, hold the
//! figures the `indicators` query gives for the same filters, suppression
//! included; they are audited like the query, and only a signed-in user on
//! Ponte's own pages gets them. The data set is `indicators.rs`'s.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

use crate::indicators::{read, reporter, Territory};

on_both_databases!(
    the_csv_and_the_workbook_hold_the_figures_of_the_indicators_query,
    a_reporter_downloads_suppressed_figures_and_only_their_territory,
    a_download_needs_a_session_our_own_site_and_good_parameters,
);

/// The columns, as issue 14.5 names them.
const HEADERS: &str =
    "Codice;Indicatore;Unità;Dal;Al;Valore;Numeratore;Denominatore;Soppresso;Parte";

/// Names and values: a query string or headers.
type Pairs<'a> = &'a [(&'a str, &'a str)];

struct Download {
    status: u16,
    content_type: String,
    disposition: String,
    cache_control: String,
    body: Vec<u8>,
}

impl Download {
    /// The JSON error of a refused download.
    fn error(&self) -> Value {
        let body: Value = serde_json::from_slice(&self.body).expect("a JSON error");
        body["errors"][0].clone()
    }

    fn expect_refused(&self, status: u16, code: &str) -> Value {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        let error = self.error();
        assert_eq!(error["extensions"]["code"], code, "{error}");
        error
    }
}

async fn download(
    client: &Client,
    extension: &str,
    query: Pairs<'_>,
    headers: Pairs<'_>,
) -> Download {
    let mut request = client
        .http
        .get(format!("{}/export/indicators.{extension}", client.base_url))
        .query(query);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("request sent");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    Download {
        status: response.status().as_u16(),
        content_type: header("content-type"),
        disposition: header("content-disposition"),
        cache_control: header("cache-control"),
        body: response.bytes().await.expect("a body").to_vec(),
    }
}

/// A figure's cell as a file shows it.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Number(f64),
    /// A suppressed figure, as text.
    Text(String),
}

/// One row of the figures, from either file.
#[derive(Debug)]
struct Line {
    code: String,
    unit: String,
    from: NaiveDate,
    to: NaiveDate,
    value: Cell,
    numerator: Cell,
    denominator: Cell,
    suppressed: String,
    part: String,
}

/// One row as the `indicators` query gives it.
struct Expected {
    code: String,
    from: NaiveDate,
    to: NaiveDate,
    value: Option<f64>,
    numerator: Option<f64>,
    denominator: Option<f64>,
    suppressed: bool,
    /// "Area di vita: Abitare" for a part of an amount, else empty.
    part: String,
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

/// Per indicator the whole period, then its series, then the parts of an
/// amount: the files' order.
fn expected(values: &[Value], from: &str, to: &str) -> Vec<Expected> {
    let mut rows = Vec::new();
    for v in values {
        let row = |p: &Value, from: NaiveDate, to: NaiveDate| Expected {
            code: v["code"].as_str().expect("a code").to_owned(),
            from,
            to,
            value: p["value"].as_f64(),
            numerator: p["numerator"].as_f64(),
            denominator: p["denominator"].as_f64(),
            suppressed: p["suppressed"].as_bool().expect("suppressed"),
            part: String::new(),
        };
        rows.push(row(v, day(from), day(to)));
        for p in v["series"].as_array().expect("a series") {
            let (from, to) = (p["from"].as_str(), p["to"].as_str());
            rows.push(row(p, day(from.expect("from")), day(to.expect("to"))));
        }
        for p in v["parts"].as_array().expect("parts") {
            let dimension = match p["dimension"].as_str() {
                Some("LIFE_AREA") => "Area di vita",
                Some("RESOURCE_KIND") => "Tipo di risorsa",
                _ => "Fonte di finanziamento",
            };
            rows.push(Expected {
                part: format!("{dimension}: {}", p["label"].as_str().expect("a label")),
                ..row(p, day(from), day(to))
            });
        }
    }
    rows
}

/// The file's rows against the query's: a number within what the file's
/// rounding allows, a suppressed figure as "< 5", an absent one empty.
fn compare(lines: &[Line], expected: &[Expected], rounded: bool) {
    assert_eq!(lines.len(), expected.len(), "{lines:?}");
    for (line, e) in lines.iter().zip(expected) {
        let what = format!("{} {}–{}", e.code, e.from, e.to);
        assert_eq!(
            (&line.code, line.from, line.to, &line.part),
            (&e.code, e.from, e.to, &e.part)
        );
        assert_eq!(
            line.suppressed,
            if e.suppressed { "sì" } else { "no" },
            "{what}"
        );
        let tolerance = match (rounded, line.unit.as_str()) {
            (false, _) => 1e-12,
            (true, "Rapporto") => 5e-5,
            (true, "Giorni") => 0.05,
            (true, _) => 1e-12,
        };
        let check = |cell: &Cell, wanted: Option<f64>, hidden: bool, column: &str| match wanted {
            Some(n) => match cell {
                Cell::Number(found) => {
                    assert!(
                        (found - n).abs() <= tolerance,
                        "{what} {column}: {found} ≠ {n}"
                    )
                }
                other => panic!("{what} {column}: {other:?} ≠ {n}"),
            },
            None if hidden => assert_eq!(cell, &Cell::Text("< 5".into()), "{what} {column}"),
            None => assert_eq!(cell, &Cell::Empty, "{what} {column}"),
        };
        check(&line.value, e.value, e.suppressed, "Valore");
        check(
            &line.numerator,
            e.numerator,
            e.suppressed && line.unit != "Giorni",
            "Numeratore",
        );
        check(
            &line.denominator,
            e.denominator,
            e.suppressed && line.unit != "Numero",
            "Denominatore",
        );
    }
}

fn csv_lines(body: &[u8]) -> Vec<Line> {
    let text = std::str::from_utf8(body).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(headers.iter().collect::<Vec<_>>().join(";"), HEADERS);
    let cell = |text: &str| {
        if text.is_empty() {
            Cell::Empty
        } else if let Ok(n) = text.replace(',', ".").parse::<f64>() {
            assert!(!text.contains('.'), "a decimal point in {text}");
            Cell::Number(n)
        } else {
            Cell::Text(text.to_owned())
        }
    };
    let date = |text: &str| NaiveDate::parse_from_str(text, "%d/%m/%Y").expect("dd/mm/yyyy");
    reader
        .records()
        .map(|record| {
            let r = record.expect("a record");
            Line {
                code: r[0].to_owned(),
                unit: r[2].to_owned(),
                from: date(&r[3]),
                to: date(&r[4]),
                value: cell(&r[5]),
                numerator: cell(&r[6]),
                denominator: cell(&r[7]),
                suppressed: r[8].to_owned(),
                part: r[9].to_owned(),
            }
        })
        .collect()
}

fn workbook(body: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(body.to_vec())).expect("an xlsx workbook")
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
        .rows()
        .map(<[Data]>::to_vec)
        .collect()
}

fn text(data: &Data) -> String {
    data.get_string().unwrap_or_default().to_owned()
}

fn xlsx_lines(book: &mut Xlsx<Cursor<Vec<u8>>>) -> Vec<Line> {
    let rows = sheet(book, "Indicatori");
    assert_eq!(
        rows[0].iter().map(text).collect::<Vec<_>>().join(";"),
        HEADERS
    );
    let cell = |data: &Data| match data {
        Data::Empty => Cell::Empty,
        Data::Float(n) => Cell::Number(*n),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::String(s) => Cell::Text(s.clone()),
        other => panic!("unexpected cell {other:?}"),
    };
    let date = |data: &Data| {
        assert!(matches!(data, Data::DateTime(_)), "{data:?} is not a date");
        data.as_date().expect("a date")
    };
    rows[1..]
        .iter()
        .map(|r| Line {
            code: text(&r[0]),
            unit: text(&r[2]),
            from: date(&r[3]),
            to: date(&r[4]),
            value: cell(&r[5]),
            numerator: cell(&r[6]),
            denominator: cell(&r[7]),
            suppressed: text(&r[8]),
            part: r.get(9).map(text).unwrap_or_default(),
        })
        .collect()
}

/// The `format` of each INDICATORS_READ event, in order (null for a read
/// through GraphQL).
async fn audited_formats(app: &TestApp) -> Vec<Value> {
    app.rows("SELECT details FROM audit_events WHERE action = 'INDICATORS_READ' ORDER BY occurred_at, id")
        .await
        .iter()
        .map(|row| {
            let details = &row["details"];
            let details: Value = match details.as_str() {
                Some(text) => serde_json::from_str(text).expect("JSON details"),
                None => details.clone(),
            };
            details["format"].clone()
        })
        .collect()
}

async fn the_csv_and_the_workbook_hold_the_figures_of_the_indicators_query(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let t = Territory::open(&app).await;
    let admin = &t.desk.admin;
    let shown = read(
        admin,
        json!({ "from": "2026-01-01", "to": "2026-03-31", "territory": t.ambito, "breakdown": "MONTH" }),
    )
    .await;
    let rows = expected(&shown, "2026-01-01", "2026-03-31");
    // Every computed indicator, each over the quarter and its three months,
    // and the parts of the Budget di Salute's euros (its two resources are
    // both housing, economic, FNA).
    assert_eq!(rows.len(), shown.len() * 4 + 3);
    let query = [
        ("territoryId", t.ambito.as_str()),
        ("from", "2026-01-01"),
        ("to", "2026-03-31"),
        ("breakdown", "MONTH"),
    ];

    let csv = download(admin, "csv", &query, &[]).await;
    assert_eq!(csv.status, 200, "{}", String::from_utf8_lossy(&csv.body));
    assert_eq!(csv.content_type, "text/csv; charset=utf-8");
    assert_eq!(
        csv.disposition,
        "attachment; filename=\"indicatori-2026-01-01-2026-03-31.csv\""
    );
    assert_eq!(csv.cache_control, "no-store");
    compare(&csv_lines(&csv.body), &rows, true);
    // The known numbers, as a spreadsheet shows them.
    let written = String::from_utf8(csv.body.clone()).expect("UTF-8");
    assert!(written.contains(
        "\r\nPROJECTS_PER_ASSESSMENT;Progetti individualizzati per valutazione;Rapporto;01/01/2026;31/03/2026;0,25;1;4;no;\r\n"
    ));
    assert!(written.contains(
        "\r\nPROTECTED_DISCHARGES_SERVED;Persone servite dal percorso di dimissione protetta;Rapporto;01/01/2026;31/03/2026;0,6667;4;6;no;\r\n"
    ));

    let xlsx = download(admin, "xlsx", &query, &[]).await;
    assert_eq!(xlsx.status, 200);
    assert_eq!(
        xlsx.content_type,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(
        xlsx.disposition,
        "attachment; filename=\"indicatori-2026-01-01-2026-03-31.xlsx\""
    );
    let mut book = workbook(&xlsx.body);
    assert_eq!(book.sheet_names(), ["Indicatori", "Definizioni", "Filtri"]);
    compare(&xlsx_lines(&mut book), &rows, false);

    let definitions = sheet(&mut book, "Definizioni");
    let codes: Vec<String> = definitions[1..].iter().map(|r| text(&r[0])).collect();
    let asked: Vec<&str> = shown.iter().map(|v| v["code"].as_str().unwrap()).collect();
    assert_eq!(codes, asked);
    let assessments = &definitions[1];
    assert_eq!(text(&assessments[1]), "Valutazioni multidimensionali");
    assert_eq!(text(&assessments[5]), "Numero");
    assert_eq!(text(&assessments[9]), "sì");

    let filters = sheet(&mut book, "Filtri");
    let entry = |label: &str| {
        filters
            .iter()
            .find(|r| text(&r[0]) == label)
            .unwrap_or_else(|| panic!("{label} missing from {filters:?}"))[1]
            .clone()
    };
    assert_eq!(text(&entry("Territorio")), "Ambito di Vallecamonica");
    assert_eq!(entry("Dal").as_date(), Some(day("2026-01-01")));
    assert_eq!(entry("Al").as_date(), Some(day("2026-03-31")));
    assert_eq!(text(&entry("Suddivisione")), "Per mese");
    assert!(text(&entry("Generato da")).starts_with("Utente admin"));
    assert_eq!(
        entry("Generato il (UTC)").as_datetime().map(|d| d.date()),
        Some(app.clock.now().date_naive())
    );

    // One event per read, naming the file it left in.
    assert_eq!(
        audited_formats(&app).await,
        [Value::Null, json!("csv"), json!("xlsx")]
    );
}

async fn a_reporter_downloads_suppressed_figures_and_only_their_territory(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let t = Territory::open(&app).await;
    let up = reporter(&app, &t.desk.admin, &t.ambito).await;
    let codes = "ASSESSMENTS,PROTECTED_DISCHARGES_SERVED,DISCHARGE_WAIT_RESIDENTIAL_MEAN,DISCHARGES_MANAGED_IN_PONTE";
    let shown = read(
        &up,
        json!({ "codes": codes.split(',').collect::<Vec<_>>(), "from": "2026-01-01", "to": "2026-06-30", "territory": t.ambito, "breakdown": "QUARTER" }),
    )
    .await;
    let rows = expected(&shown, "2026-01-01", "2026-06-30");
    let query = [
        ("codes", codes),
        ("territoryId", t.ambito.as_str()),
        ("from", "2026-01-01"),
        ("to", "2026-06-30"),
        ("breakdown", "QUARTER"),
    ];
    let csv = download(&up, "csv", &query, &[]).await;
    assert_eq!(csv.status, 200, "{}", String::from_utf8_lossy(&csv.body));
    let lines = csv_lines(&csv.body);
    compare(&lines, &rows, true);
    // Four assessments in the first quarter: withheld, and said so.
    let first_quarter = lines
        .iter()
        .find(|l| l.code == "ASSESSMENTS" && l.to == day("2026-03-31"))
        .expect("the first quarter's assessments");
    assert_eq!(first_quarter.value, Cell::Text("< 5".into()));
    assert_eq!(first_quarter.suppressed, "sì");

    let xlsx = download(&up, "xlsx", &query, &[]).await;
    assert_eq!(xlsx.status, 200);
    compare(&xlsx_lines(&mut workbook(&xlsx.body)), &rows, false);

    // Another Ambito: the query's refusal, as JSON, with its status.
    let elsewhere = [
        ("territoryId", t.other_ambito.as_str()),
        ("from", "2026-01-01"),
        ("to", "2026-03-31"),
    ];
    for extension in ["csv", "xlsx"] {
        let refused = download(&up, extension, &elsewhere, &[])
            .await
            .expect_refused(403, "FORBIDDEN");
        assert_eq!(
            refused["message"],
            "Questo territorio non è tra quelli di tua competenza"
        );
    }
    // No territory at all: the field is named, as in GraphQL.
    let refused = download(
        &up,
        "csv",
        &[("from", "2026-01-01"), ("to", "2026-03-31")],
        &[],
    )
    .await
    .expect_refused(400, "VALIDATION");
    assert_eq!(refused["extensions"]["field"], "territoryId");
    // A Comune under their Ambito is theirs.
    let breno = [
        ("territoryId", t.breno.as_str()),
        ("from", "2026-01-01"),
        ("to", "2026-03-31"),
    ];
    assert_eq!(download(&up, "csv", &breno, &[]).await.status, 200);
}

async fn a_download_needs_a_session_our_own_site_and_good_parameters(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let quarter = [("from", "2026-01-01"), ("to", "2026-03-31")];

    let stranger = app.client();
    for extension in ["csv", "xlsx"] {
        let refused = download(&stranger, extension, &quarter, &[])
            .await
            .expect_refused(401, "UNAUTHENTICATED");
        assert_eq!(refused["message"], "Accesso richiesto: effettua l'accesso");
    }

    // A link on another site, even with the cookie (an old browser), is refused.
    for headers in [
        [("sec-fetch-site", "cross-site")],
        [("sec-fetch-site", "same-site")],
        [("origin", "https://evil.example")],
    ] {
        download(&admin, "csv", &quarter, &headers)
            .await
            .expect_refused(403, "FORBIDDEN");
    }
    // From Ponte's own page, or typed in the address bar.
    for site in ["same-origin", "none"] {
        let ok = download(&admin, "csv", &quarter, &[("sec-fetch-site", site)]).await;
        assert_eq!(ok.status, 200);
    }

    let cases: [(Pairs, &str, &str); 5] = [
        (
            &[("from", "01/01/2026"), ("to", "2026-03-31")],
            "from",
            "data non valida: usa il formato AAAA-MM-GG",
        ),
        (
            &[("from", "2026-01-01")],
            "to",
            "Indica la data finale (AAAA-MM-GG)",
        ),
        (
            &[("from", "2026-03-31"), ("to", "2026-01-01")],
            "to",
            "La data finale precede quella iniziale",
        ),
        (
            &[
                ("codes", "NOPE"),
                ("from", "2026-01-01"),
                ("to", "2026-03-31"),
            ],
            "codes",
            "Indicatore sconosciuto: NOPE",
        ),
        (
            &[
                ("breakdown", "WEEK"),
                ("from", "2026-01-01"),
                ("to", "2026-03-31"),
            ],
            "breakdown",
            "Suddivisione non valida: usa NONE, QUARTER o MONTH",
        ),
    ];
    for (query, field, message) in cases {
        let refused = download(&admin, "csv", query, &[])
            .await
            .expect_refused(400, "VALIDATION");
        assert_eq!(refused["extensions"]["field"], field);
        assert_eq!(refused["message"], message);
    }
    // Refused before any figure was read: nothing audited.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'INDICATORS_READ'")
            .await,
        2
    );
}
