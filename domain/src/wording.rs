//! Italian wording for what people read in histories and notifications:
//! dates as 25/11/2026, amounts as "1250,50 €" or "48,00 ore", codes as words.

use chrono::NaiveDate;

use crate::money::Fixed2;
use crate::vocabulary::{FundingSource, NetworkAgreementKind, ResourceKind, ServiceKind};

pub fn date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// A quantity in its unit (`EUR`, `HOURS`, `COMMITMENT`) as the SPA writes
/// it (`pages/project/budget.ts`): "1.250,50 €", "12,5 ore", "1 ora".
pub fn quantity(amount: Fixed2, unit: &str) -> String {
    match unit {
        "EUR" => format!("{} €", italian(amount, false)),
        "HOURS" => {
            let number = italian(amount, true);
            format!(
                "{number} {}",
                if amount == Fixed2(100) { "ora" } else { "ore" }
            )
        }
        _ => italian(amount, true),
    }
}

/// Thousands separated by dots, a decimal comma; `trim` drops zeros after it.
fn italian(amount: Fixed2, trim: bool) -> String {
    let magnitude = amount.0.unsigned_abs();
    let digits = (magnitude / 100).to_string();
    let mut whole = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            whole.push('.');
        }
        whole.push(digit);
    }
    let mut fraction = format!("{:02}", magnitude % 100);
    if trim {
        fraction = fraction.trim_end_matches('0').to_owned();
    }
    let sign = if amount.0 < 0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole},{fraction}")
    }
}

/// A code such as `TIROCINIO_INCLUSIONE` as words ("tirocinio inclusione");
/// acronyms of three letters or fewer (SAD, ADI, RSA) stay upper case.
pub fn code(text: &str) -> String {
    text.split('_')
        .map(|word| {
            if word.len() <= 3 {
                word.to_owned()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Budget di Salute's words, as the SPA shows them (`i18n/enums.ts`),
/// for the exports that leave Ponte (the life areas' are in
/// `closure_outcomes`).
impl ResourceKind {
    pub fn label_it(self) -> &'static str {
        match self {
            ResourceKind::Economic => "Economica",
            ResourceKind::Professional => "Professionale",
            ResourceKind::Relational => "Relazionale",
        }
    }
}

impl NetworkAgreementKind {
    pub fn label_it(self) -> &'static str {
        use NetworkAgreementKind as K;
        match self {
            K::Convenzione => "Convenzione",
            K::ProtocolloDIntesa => "Protocollo d'intesa",
            K::ProceduraOperativa => "Procedura operativa",
            K::AccordoDiProgramma => "Accordo di Programma",
            K::CoProgettazione => "Co-progettazione",
            K::CoProgrammazione => "Co-programmazione",
        }
    }
}

impl FundingSource {
    pub fn label_it(self) -> &'static str {
        use FundingSource as F;
        match self {
            F::Fna => "Fondo per le non autosufficienze (FNA)",
            F::FnaB1 => "FNA – misura B1 (disabilità gravissima)",
            F::FnaB2 => "FNA – misura B2 (disabilità grave e non autosufficienza)",
            F::Fnps => "Fondo nazionale per le politiche sociali (FNPS)",
            F::FondoPoverta => "Fondo Povertà",
            F::Pnrr => "PNRR",
            F::PnInclusione => "PN Inclusione",
            F::Comune => "Fondi comunali",
            F::FondoSanitario => "Fondo sanitario (ASL)",
            F::Privato => "Risorse private",
            F::FondiRegionali => "Fondi regionali",
            F::DopoDiNoi => "Fondo Dopo di noi (L. 112/2016)",
            F::CompartecipazioneUtente => "Compartecipazione dell'utente",
            F::Other => "Altra fonte",
        }
    }
}

/// A service as the screens name it (`serviceKindLabels`): the history of a
/// project says what the plan says.
impl ServiceKind {
    pub fn label_it(self) -> &'static str {
        use ServiceKind as S;
        match self {
            S::Sad => "Servizio di assistenza domiciliare (SAD)",
            S::Adi => "Assistenza domiciliare integrata (ADI)",
            S::CentroDiurno => "Centro diurno",
            S::TirocinioInclusione => "Tirocinio di inclusione",
            S::HousingSociale => "Housing sociale",
            S::Sollievo => "Ricoveri di sollievo",
            S::EducativaDomiciliare => "Educativa domiciliare",
            S::SupportoPsicologico => "Supporto psicologico",
            S::Trasporto => "Trasporto",
            S::Pasti => "Pasti a domicilio",
            S::InserimentoLavorativo => "Inserimento lavorativo",
            S::Rsa => "RSA",
            S::Other => "Altro servizio",
        }
    }
}

/// A goal's outcome in words.
pub fn goal_status(status: &str) -> &'static str {
    match status {
        "ACHIEVED" => "raggiunto",
        "PARTLY_ACHIEVED" => "raggiunto in parte",
        "NOT_ACHIEVED" => "non raggiunto",
        "DROPPED" => "abbandonato",
        _ => "aperto",
    }
}

/// A project's kind as people say it.
pub fn project_kind(kind: &str) -> &'static str {
    match kind {
        "PAI" => "PAI",
        "PTRI" => "PTRI",
        "PROGETTO_PERSONALIZZATO" => "progetto personalizzato",
        "PROGETTO_DI_VITA" => "progetto di vita",
        _ => "progetto",
    }
}

/// Why a member cannot leave a team yet: one project they still manage.
/// Names no person: an administrator reads it too. The reference is the end
/// of the project's id: its start is a timestamp, alike for projects opened
/// together.
pub fn managed_project(kind: &str, started_on: NaiveDate, reference: &str) -> String {
    format!(
        "È case manager di un {} avviato il {} (rif. {}): indica un altro case manager \
         dell'équipe prima di toglierlo",
        project_kind(kind),
        date(started_on),
        reference
            .char_indices()
            .rev()
            .nth(7)
            .map_or(reference, |(start, _)| &reference[start..])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_managed_project_is_named_without_its_person() {
        assert_eq!(
            managed_project(
                "PROGETTO_DI_VITA",
                NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
                "0193a1b2-7c4d-7e00-8000-00aa11bb22cc"
            ),
            "È case manager di un progetto di vita avviato il 02/03/2026 (rif. 11bb22cc): \
             indica un altro case manager dell'équipe prima di toglierlo"
        );
    }

    #[test]
    fn people_read_italian_dates_amounts_and_words() {
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2026, 11, 5).unwrap()),
            "05/11/2026"
        );
        assert_eq!(quantity(Fixed2(125_050), "EUR"), "1.250,50 €");
        assert_eq!(quantity(Fixed2(240_000), "EUR"), "2.400,00 €");
        assert_eq!(quantity(Fixed2(123_456_789), "EUR"), "1.234.567,89 €");
        assert_eq!(quantity(Fixed2(50), "EUR"), "0,50 €");
        assert_eq!(quantity(Fixed2(4_800), "HOURS"), "48 ore");
        assert_eq!(quantity(Fixed2(1_250), "HOURS"), "12,5 ore");
        assert_eq!(quantity(Fixed2(100), "HOURS"), "1 ora");
        assert_eq!(quantity(Fixed2(-2_500), "EUR"), "-25,00 €");
        assert_eq!(code("TIROCINIO_INCLUSIONE"), "tirocinio inclusione");
        assert_eq!(code("SAD"), "SAD");
        assert_eq!(goal_status("PARTLY_ACHIEVED"), "raggiunto in parte");
    }
}
