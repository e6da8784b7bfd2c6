//! The catalogue of the Ambito's indicators (issue 14.3) as data, and the
//! rules every indicator value follows: the periods of a series and the
//! statistical disclosure control shown to a REPORTER.
//!
//! Each entry says what it counts in words a social worker reads, where
//! the planning documents (`shared/seeds/`) ask for it, and whether Ponte
//! computes it yet; one not computed says which data it lacks.

use chrono::{Datelike, Months, NaiveDate};

use crate::vocabulary::{IndicatorBreakdown, IndicatorUnit};

/// One indicator of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorDefinition {
    /// Stable, SCREAMING_SNAKE_CASE: what the API and exports name it by.
    pub code: &'static str,
    /// The LEPS or area it belongs to, as the SPA groups the catalogue.
    pub group: &'static str,
    pub title: &'static str,
    pub definition: &'static str,
    pub numerator: &'static str,
    /// None for a plain count.
    pub denominator: Option<&'static str>,
    pub unit: IndicatorUnit,
    /// The seed file and the passage that asks for it.
    pub source: &'static str,
    pub counts: &'static str,
    pub excludes: &'static str,
    /// What Ponte does not record yet, for the indicators it cannot compute.
    pub missing_data: Option<&'static str>,
}

impl IndicatorDefinition {
    pub fn computed(&self) -> bool {
        self.missing_data.is_none()
    }
}

const VALUTAZIONE: &str = "Valutazione multidimensionale e progetto individualizzato";
const DIMISSIONI: &str = "Dimissioni protette";
const SAD: &str = "Servizio di assistenza domiciliare (SAD)";
const EQUIPE: &str = "Équipe e organizzazione";
const ACCORDI: &str = "Accordi e convenzioni";
const BUDGET: &str = "Budget di Salute";

const CURRENT_ASSESSMENT: &str =
    "Una valutazione corretta conta una volta sola (la versione in vigore); \
     ogni valutazione della persona nel periodo conta, anche una rivalutazione";
const MEETINGS_IN_TERRITORY: &str =
    "Nel territorio se l'ente che organizza (o l'ente dell'équipe) è nel territorio; per un'équipe, i suoi \
     incontri. Non riguardano persone seguite: non sono mai oscurati";
const AGREEMENTS_IN_TERRITORY: &str =
    "Nel territorio se una delle parti è nel territorio; per un'équipe, gli accordi di cui il suo ente è \
     parte. Non riguardano persone seguite: non sono mai oscurati";
const FROZEN_ORGANIZATION: &str =
    "L'ente di ogni partecipante è quello del giorno della valutazione, \
     anche se poi l'operatore ha cambiato ente";

const fn missing(
    code: &'static str,
    group: &'static str,
    title: &'static str,
    unit: IndicatorUnit,
    source: &'static str,
    missing_data: &'static str,
) -> IndicatorDefinition {
    IndicatorDefinition {
        code,
        group,
        title,
        definition: title,
        numerator: title,
        denominator: None,
        unit,
        source,
        counts: "",
        excludes: "",
        missing_data: Some(missing_data),
    }
}

/// Projects closed with improvement in one life area (seed 004).
const fn improved(code: &'static str, title: &'static str) -> IndicatorDefinition {
    IndicatorDefinition {
        code,
        group: BUDGET,
        title,
        definition: "Quota dei progetti chiusi nel periodo, con punteggi dell'équipe nell'area, il cui ultimo \
             punteggio (1–5, più alto è meglio) supera il primo",
        numerator: "Progetti chiusi con l'ultimo punteggio dell'équipe più alto del primo",
        denominator: Some("Progetti chiusi nel periodo con almeno un punteggio dell'équipe nell'area"),
        unit: IndicatorUnit::Ratio,
        source: "004: valutazione degli esiti per area di vita (primo e ultimo punteggio)",
        counts: "Solo i punteggi dell'équipe (quelli della persona sono un'altra voce); un solo punteggio \
             vale come nessun cambiamento",
        excludes: "Progetti senza punteggi dell'équipe nell'area; progetti non chiusi",
        missing_data: None,
    }
}

/// Every indicator the issue names, in the order of the issue.
pub const CATALOGUE: &[IndicatorDefinition] = &[
    IndicatorDefinition {
        code: "ASSESSMENTS",
        group: VALUTAZIONE,
        title: "Valutazioni multidimensionali",
        definition: "Valutazioni multidimensionali datate nel periodo, delle persone residenti nel territorio",
        numerator: "Valutazioni nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "003, tabella LEPS di Milano: numero di valutazioni per anno",
        counts: CURRENT_ASSESSMENT,
        excludes: "Le versioni sostituite da una correzione",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "ASSESSMENTS_WITH_SOCIAL_WORKER",
        group: VALUTAZIONE,
        title: "Valutazioni con un assistente sociale del Comune o dell'Ambito",
        definition: "Quota delle valutazioni del periodo a cui ha partecipato un assistente sociale di un Comune, \
             di un Ambito o di un Ufficio di Piano",
        numerator: "Valutazioni con un assistente sociale di un Comune o Ambito tra i partecipanti",
        denominator: Some("Valutazioni nel periodo"),
        unit: IndicatorUnit::Ratio,
        source: "001 §8, PUA integrati e UVM: incremento operatori sociali",
        counts: FROZEN_ORGANIZATION,
        excludes: "Un assistente sociale di un'ASST o di un ente del terzo settore",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "JOINT_ASSESSMENTS",
        group: VALUTAZIONE,
        title: "Situazioni valutate congiuntamente",
        definition: "Valutazioni del periodo con almeno un partecipante di un Comune o Ambito e uno di un'ASST, \
             ASL o loro servizio (ospedale, distretto, Casa di Comunità…)",
        numerator: "Valutazioni congiunte nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "002, Accordo di Programma: numero situazioni valutate congiuntamente",
        counts: FROZEN_ORGANIZATION,
        excludes: "Valutazioni fatte da un solo versante, sociale o sanitario",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "COMPLEX_TAKEN_IN_CHARGE_AFTER_UVM",
        group: VALUTAZIONE,
        title: "Persone in condizioni complesse prese in carico dopo la valutazione UVM",
        definition: "Persone valutate nel periodo da un'UVM con livello di bisogno elevato che hanno un progetto \
             individuale arrivato all'erogazione e non chiuso prima della valutazione (il confronto con il \
             periodo precedente dà la variazione)",
        numerator: "Persone in condizioni complesse prese in carico dopo la valutazione UVM",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "001 §8: incremento numero persone in condizioni complesse prese in carico dalle UVMD",
        counts: "Condizione complessa: il livello di bisogno elevato registrato dalla valutazione firmata \
             (in vigore) di un'équipe UVM; una persona conta una volta anche con più valutazioni",
        excludes: "Valutazioni di équipe che non sono UVM; bisogno basso o medio; persone senza progetto o \
             con un progetto ancora da progettare",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "PROJECTS_PER_ASSESSMENT",
        group: VALUTAZIONE,
        title: "Progetti individualizzati per valutazione",
        definition: "Progetti individualizzati avviati nel periodo per ogni valutazione del periodo",
        numerator: "Progetti avviati nel periodo",
        denominator: Some("Valutazioni nel periodo"),
        unit: IndicatorUnit::Ratio,
        source: "001 §11, Prevenzione dell'allontanamento familiare: numero progetti individualizzati / \
             numero valutazioni",
        counts: "Ogni progetto (PAI, PTRI, progetto personalizzato, progetto di vita) con data di avvio nel \
             periodo; le valutazioni come in ASSESSMENTS",
        excludes: "Progetti avviati prima del periodo",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "SAD_INTERVENTIONS",
        group: SAD,
        title: "Interventi SAD nell'anno",
        definition: "Interventi SAD dei progetti individuali in erogazione in almeno un giorno del periodo, \
             delle persone residenti nel territorio",
        numerator: "Interventi SAD attivi nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "003: numero interventi SAD per anno",
        counts: "Ogni intervento di tipo SAD di un progetto arrivato all'erogazione (anche se poi sospeso o \
             chiuso), dalla data di avvio alla data di fine o di chiusura del progetto",
        excludes: "Interventi di progetti ancora in accoglienza, valutazione o progettazione; interventi \
             finiti prima del periodo o che iniziano dopo",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "SAD_NEW_TAKINGS_IN_CHARGE",
        group: SAD,
        title: "Nuove prese in carico SAD nel periodo",
        definition: "Persone per cui un intervento SAD inizia nel periodo senza che un altro intervento SAD \
             fosse in corso il giorno prima (il confronto con il periodo precedente dà la variazione)",
        numerator: "Persone con una nuova presa in carico SAD nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "001 §6, Incremento SAD: incremento nuove prese in carico",
        counts: "Una persona conta una volta anche con più interventi nuovi; solo interventi di progetti \
             arrivati all'erogazione",
        excludes: "La prosecuzione senza interruzione di un SAD già in corso (anche con un nuovo progetto)",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "SAD_INTEGRATED_PLAN_SHARE",
        group: SAD,
        title: "Progetti SAD per anziani non autosufficienti con bisogno elevato che hanno un piano integrato",
        definition: "Dei progetti con un intervento SAD attivo nel periodo per persone di 65 anni o più con \
             bisogno elevato, la quota che è un PAI integrato (parte sanitaria e sociale)",
        numerator: "Progetti SAD di anziani con bisogno elevato che sono PAI integrati",
        denominator: Some("Progetti con un intervento SAD attivo nel periodo di anziani con bisogno elevato"),
        unit: IndicatorUnit::Ratio,
        source: "001 §6, Incremento SAD: N. progetti individualizzati SAD per anziani non autosufficienti \
             con bisogno assistenziale elevato con piano integrato con il sanitario / N. progetti SAD \
             per anziani non autosufficienti con bisogno elevato",
        counts: "Anziano: 65 anni compiuti all'ultimo giorno del periodo; bisogno elevato: il livello di \
             bisogno dell'ultima valutazione multidimensionale (in vigore) fino a quel giorno; \
             interventi SAD come in SAD_INTERVENTIONS",
        excludes: "Persone senza valutazione multidimensionale; bisogno basso o medio",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "SAD_WITH_DISCHARGE_PATH",
        group: SAD,
        title: "Progetti SAD con percorso di dimissione protetta / dimissioni protette che necessitano di SAD",
        definition: "Delle dimissioni protette avvenute nel periodo che necessitavano di SAD, la quota il cui \
             progetto individuale (collegato alla dimissione) comprende un intervento SAD",
        numerator: "Dimissioni che necessitavano di SAD con un progetto collegato che comprende il SAD",
        denominator: Some("Dimissioni protette avvenute nel periodo che necessitavano di SAD"),
        unit: IndicatorUnit::Ratio,
        source: "001 §6: N. progetti individualizzati SAD che comprendono percorsi di dimissioni protette / \
             N casi di dimissioni protette che necessitano di SAD",
        counts: "Necessità di SAD: il bisogno SAD nel piano di dimissione o la destinazione domicilio con \
             SAD (con o senza ADI)",
        excludes: "Dimissioni annullate o ancora aperte; dimissioni senza bisogno di SAD",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "PROTECTED_DISCHARGES_SERVED",
        group: DIMISSIONI,
        title: "Persone servite dal percorso di dimissione protetta",
        definition: "Segnalazioni di dimissione protetta ricevute nel periodo che si sono concluse con la dimissione, \
             su tutte le segnalazioni ricevute nel periodo",
        numerator: "Segnalazioni del periodo concluse con la dimissione",
        denominator: Some("Segnalazioni ricevute nel periodo (anche annullate o ancora aperte)"),
        unit: IndicatorUnit::Ratio,
        source: "001 §7, Servizi sociali per le dimissioni protette: numero utenti con bisogno di attivare \
             servizi sociali territoriali che hanno beneficiato del servizio / numero utenti con il bisogno",
        counts: "Al denominatore ogni segnalazione, anche annullata (decesso, rifiuto…) o ancora in corso",
        excludes: "Segnalazioni ricevute fuori dal periodo, anche se dimesse nel periodo",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "DISCHARGE_WAIT_HOME_MEAN",
        group: DIMISSIONI,
        title: "Attesa media della dimissione verso casa",
        definition: "Giorni medi tra la data in cui la persona è clinicamente dimissibile e la dimissione, \
             per le dimissioni verso il domicilio concluse nel periodo",
        numerator: "Somma dei giorni di attesa",
        denominator: Some("Dimissioni verso il domicilio con data di dimissibilità"),
        unit: IndicatorUnit::Days,
        source: "001 §7: riduzione tempo medio di attesa della dimissione per il ritorno a domicilio",
        counts: "Domicilio con o senza servizi (SAD, ADI) e centro diurno",
        excludes: "Dimissioni senza data di dimissibilità registrata; dimissioni verso una struttura",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "DISCHARGE_WAIT_HOME_MEDIAN",
        group: DIMISSIONI,
        title: "Attesa mediana della dimissione verso casa",
        definition: "Mediana dei giorni tra dimissibilità clinica e dimissione verso il domicilio, nel periodo: \
             meno sensibile della media a un'attesa eccezionale",
        numerator: "Mediana dei giorni di attesa",
        denominator: Some("Dimissioni verso il domicilio con data di dimissibilità"),
        unit: IndicatorUnit::Days,
        source: "001 §7: tempo di attesa della dimissione per il ritorno a domicilio",
        counts: "Domicilio con o senza servizi (SAD, ADI) e centro diurno",
        excludes: "Dimissioni senza data di dimissibilità registrata; dimissioni verso una struttura",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "DISCHARGE_WAIT_RESIDENTIAL_MEAN",
        group: DIMISSIONI,
        title: "Attesa media della dimissione verso una struttura",
        definition: "Giorni medi tra dimissibilità clinica e dimissione verso una struttura (RSA, RSD, Ospedale di \
             Comunità, cure intermedie, hospice, riabilitazione), nel periodo",
        numerator: "Somma dei giorni di attesa",
        denominator: Some("Dimissioni verso una struttura con data di dimissibilità"),
        unit: IndicatorUnit::Days,
        source: "001 §7: riduzione tempo medio di attesa della dimissione per il ritorno in struttura",
        counts: "RSA, RSD, Ospedale di Comunità, cure intermedie, hospice, riabilitazione post-acuta",
        excludes: "Dimissioni senza data di dimissibilità registrata; dimissioni verso il domicilio",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "DISCHARGE_WAIT_RESIDENTIAL_MEDIAN",
        group: DIMISSIONI,
        title: "Attesa mediana della dimissione verso una struttura",
        definition: "Mediana dei giorni tra dimissibilità clinica e dimissione verso una struttura, nel periodo",
        numerator: "Mediana dei giorni di attesa",
        denominator: Some("Dimissioni verso una struttura con data di dimissibilità"),
        unit: IndicatorUnit::Days,
        source: "001 §7: tempo di attesa della dimissione per il ritorno in struttura",
        counts: "RSA, RSD, Ospedale di Comunità, cure intermedie, hospice, riabilitazione post-acuta",
        excludes: "Dimissioni senza data di dimissibilità registrata; dimissioni verso il domicilio",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "DISCHARGES_MANAGED_IN_PONTE",
        group: DIMISSIONI,
        title: "Dimissioni protette gestite con Ponte",
        definition: "Dimissioni protette concluse nel periodo il cui percorso (segnalazione, valutazione, piano) è \
             registrato in Ponte: l'integrazione informativa tra ospedale e territorio",
        numerator: "Dimissioni concluse nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "001 §7: integrazione informativa",
        counts: "Ogni dimissione conclusa nel periodo, qualunque la destinazione",
        excludes: "Segnalazioni annullate o ancora aperte",
        missing_data: None,
    },
    missing(
        "REPEATED_ADMISSIONS_30_DAYS",
        DIMISSIONI,
        "Ricoveri ripetuti entro 30 giorni da una dimissione protetta",
        IndicatorUnit::Ratio,
        "001 §7: ricoveri reiterati",
        "I ricoveri ospedalieri successivi alla dimissione (flusso SDO o segnalazione dell'ospedale): \
         Ponte conosce solo il ricovero che porta alla segnalazione",
    ),
    IndicatorDefinition {
        code: "RSA_PLACEMENTS",
        group: DIMISSIONI,
        title: "Inserimenti in RSA",
        definition: "Dimissioni protette concluse nel periodo con destinazione RSA",
        numerator: "Dimissioni verso RSA nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "003: inserimenti in RSA per anno",
        counts: "Destinazione RSA",
        excludes: "RSD e la vecchia destinazione «RSA o RSD» (non si sa quale delle due); inserimenti in RSA \
             non passati da una dimissione protetta",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "ACTIVE_TEAMS",
        group: EQUIPE,
        title: "Équipe multidisciplinari attive nel periodo",
        definition: "Équipe multidisciplinari (EEMM e UVM) degli enti del territorio con almeno un componente \
             in servizio in un giorno del periodo (il confronto con il periodo precedente dà la variazione)",
        numerator: "Équipe attive nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "001, in ogni intervento: incremento numero EEMM attivate",
        counts: "Un'équipe è attiva dal primo giorno di appartenenza di un componente all'ultimo; nel \
             territorio se l'ente dell'équipe è nel territorio",
        excludes: "PUA e servizi; équipe senza componenti nel periodo",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "EEMM_PROFESSIONS",
        group: EQUIPE,
        title: "Professioni presenti nelle EEMM / professioni degli enti",
        definition: "Professioni diverse dei componenti delle équipe multidisciplinari attive nel periodo, sulle \
             professioni diverse degli operatori degli enti da cui quei componenti provengono",
        numerator: "Professioni diverse nelle équipe multidisciplinari",
        denominator: Some("Professioni diverse negli enti dei componenti"),
        unit: IndicatorUnit::Ratio,
        source: "001, in ogni intervento: professioni presenti nelle EEMM / professioni presenti nell'ente",
        counts: "Componenti in servizio in almeno un giorno del periodo; équipe come in ACTIVE_TEAMS; negli \
             enti, ogni operatore registrato (anche disattivato, perché può aver fatto parte di un'équipe \
             nel periodo)",
        excludes: "Il personale amministrativo; i componenti non in servizio nel periodo",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "TRAINING_MEETINGS",
        group: EQUIPE,
        title: "Incontri formativi svolti / programmati",
        definition: "Degli incontri di formazione programmati nel periodo, la quota che si è svolta",
        numerator: "Incontri di formazione programmati nel periodo e svolti",
        denominator: Some("Incontri di formazione programmati nel periodo (anche annullati)"),
        unit: IndicatorUnit::Ratio,
        source: "001, in ogni intervento: numero incontri formativi svolti / numero incontri formativi previsti",
        counts: MEETINGS_IN_TERRITORY,
        excludes: "Supervisione e formazione dei caregiver (voci a parte); incontri programmati fuori dal periodo",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "SUPERVISION_MEETINGS",
        group: EQUIPE,
        title: "Incontri di supervisione svolti",
        definition: "Incontri di supervisione svolti nel periodo",
        numerator: "Incontri di supervisione svolti nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "003: evidenza di incontri di formazione e supervisione",
        counts: MEETINGS_IN_TERRITORY,
        excludes: "Incontri programmati non ancora svolti o annullati",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "CAREGIVER_TRAINING_MEETINGS",
        group: EQUIPE,
        title: "Incontri di formazione per i caregiver svolti",
        definition: "Incontri di formazione per i caregiver svolti nel periodo",
        numerator: "Incontri di formazione per i caregiver svolti nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "001 §7: formazione dei caregiver",
        counts: MEETINGS_IN_TERRITORY,
        excludes: "Incontri programmati non ancora svolti o annullati",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "CAREGIVERS_REACHED",
        group: EQUIPE,
        title: "Caregiver raggiunti dalla formazione",
        definition: "Partecipanti esterni agli incontri di formazione per i caregiver svolti nel periodo",
        numerator: "Somma dei partecipanti esterni registrati",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "001 §7: formazione dei caregiver",
        counts: "Il numero di partecipanti esterni registrato per ogni incontro: un caregiver presente a più \
             incontri conta a ogni incontro",
        excludes: "Gli operatori di Ponte presenti; incontri non svolti",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "CO_DESIGN_TABLES_ACTIVE",
        group: ACCORDI,
        title: "Tavoli di co-progettazione attivi",
        definition: "Tavoli di co-progettazione con almeno un incontro svolto nel periodo: un tavolo è l'accordo \
             che l'incontro attua, oppure, per gli incontri senza accordo, chi li organizza (équipe o ente)",
        numerator: "Tavoli con un incontro di co-progettazione svolto nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "000, 002: co-progettazione con gli enti del terzo settore",
        counts: MEETINGS_IN_TERRITORY,
        excludes: "Incontri di co-progettazione solo programmati o annullati",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "ETS_AGREEMENTS",
        group: ACCORDI,
        title: "Convenzioni ASL/ASST con enti del terzo settore concluse",
        definition: "Convenzioni firmate nel periodo tra un'ASL o ASST e un ente del terzo settore \
             (ETS o cooperativa sociale)",
        numerator: "Convenzioni ASL/ASST–ETS firmate nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "000, INMP obiettivo B4: numero di ASL che finalizzano Convenzioni con ETS",
        counts: AGREEMENTS_IN_TERRITORY,
        excludes: "Protocolli e altri accordi; convenzioni senza un'ASL/ASST o senza un ETS tra le parti; \
             bozze non firmate",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "AGREEMENTS_IN_FORCE",
        group: ACCORDI,
        title: "Accordi e protocolli in vigore",
        definition: "Accordi firmati in vigore in almeno un giorno del periodo, per tipo",
        numerator: "Accordi in vigore nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "002, Accordo di Programma: protocolli stipulati, procedure operative formalizzate",
        counts: "In vigore dall'inizio della validità (o dalla firma) alla fine della validità (o senza fine) \
             e fino al ritiro; nel territorio se una delle parti è nel territorio",
        excludes: "Bozze non firmate; accordi scaduti o ritirati prima del periodo",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "PROJECTS_WITH_BUDGET_DI_SALUTE",
        group: BUDGET,
        title: "Progetti con Budget di Salute",
        definition: "Progetti in corso in almeno un giorno del periodo che hanno un Budget di Salute (almeno una \
             risorsa pianificata)",
        numerator: "Progetti con Budget di Salute in corso nel periodo",
        denominator: None,
        unit: IndicatorUnit::Count,
        source: "004, Linee guida sul Budget di Salute",
        counts: "Progetti avviati entro la fine del periodo e non chiusi prima del suo inizio",
        excludes: "Progetti senza alcuna risorsa nel budget",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "BUDGET_RESOURCES",
        group: BUDGET,
        title: "Risorse economiche pianificate e utilizzate",
        definition: "Euro utilizzati nel periodo sulle risorse in euro dei Budget di Salute valide nel periodo, \
             con il pianificato; suddivisi per area di vita, tipo di risorsa e fonte di finanziamento",
        numerator: "Euro utilizzati nel periodo",
        denominator: Some("Euro pianificati sulle risorse valide nel periodo"),
        unit: IndicatorUnit::Eur,
        source: "004: risorse economiche, professionali, umane e relazionali attivate per area di vita; \
             miglior utilizzo delle risorse",
        counts: "Ogni risorsa in euro con validità che tocca il periodo, per intero (il pianificato non è \
             ripartito per giorni); gli utilizzi registrati con data nel periodo",
        excludes: "Risorse in ore o come impegno descritto (vedi BUDGET_HOURS); utilizzi fuori periodo",
        missing_data: None,
    },
    IndicatorDefinition {
        code: "BUDGET_HOURS",
        group: BUDGET,
        title: "Ore di risorse professionali e relazionali pianificate e utilizzate",
        definition: "Ore utilizzate nel periodo sulle risorse in ore dei Budget di Salute valide nel periodo, \
             con le ore pianificate; suddivise per area di vita, tipo di risorsa e fonte di finanziamento",
        numerator: "Ore utilizzate nel periodo",
        denominator: Some("Ore pianificate sulle risorse valide nel periodo"),
        unit: IndicatorUnit::Hours,
        source: "004: risorse professionali, umane e relazionali attivate per area di vita",
        counts: "Ogni risorsa in ore con validità che tocca il periodo, per intero; gli utilizzi registrati \
             con data nel periodo",
        excludes: "Risorse in euro (vedi BUDGET_RESOURCES) o come impegno descritto; utilizzi fuori periodo",
        missing_data: None,
    },
    improved(
        "PROJECTS_CLOSED_IMPROVED_HEALTH_WELLBEING",
        "Progetti chiusi con miglioramento in Benessere e salute",
    ),
    improved(
        "PROJECTS_CLOSED_IMPROVED_HOUSING",
        "Progetti chiusi con miglioramento in Abitare",
    ),
    improved(
        "PROJECTS_CLOSED_IMPROVED_WORK_INCOME",
        "Progetti chiusi con miglioramento in Inclusione lavorativa e risorse economiche",
    ),
    improved(
        "PROJECTS_CLOSED_IMPROVED_SOCIAL_INCLUSION",
        "Progetti chiusi con miglioramento in Inclusione sociale",
    ),
];

pub fn find(code: &str) -> Option<&'static IndicatorDefinition> {
    CATALOGUE.iter().find(|d| d.code == code)
}

/// The periods of a series: `from..=to` cut at calendar quarters or months,
/// the first and last clipped to the period asked for.
pub fn periods(
    from: NaiveDate,
    to: NaiveDate,
    breakdown: IndicatorBreakdown,
) -> Vec<(NaiveDate, NaiveDate)> {
    let months = match breakdown {
        IndicatorBreakdown::None => return Vec::new(),
        IndicatorBreakdown::Quarter => 3,
        IndicatorBreakdown::Month => 1,
    };
    let mut series = Vec::new();
    let mut start = from;
    while start <= to {
        let month0 = start.month0() / months * months;
        let Some(next) = NaiveDate::from_ymd_opt(start.year(), month0 + 1, 1)
            .and_then(|first| first.checked_add_months(Months::new(months)))
        else {
            break;
        };
        let end = next.pred_opt().map_or(to, |last| last.min(to));
        series.push((start, end));
        start = next;
    }
    series
}

/// What an indicator's query found, before disclosure control.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Raw {
    pub value: Option<f64>,
    pub numerator: Option<i64>,
    pub denominator: Option<i64>,
    /// When the numerator and denominator do not count persons, how many
    /// persons' cases the figure rests on, which is what disclosure control
    /// looks at instead: the projects behind an amount (euros, hours); none
    /// for a figure about teams or professions.
    pub cases: Option<i64>,
}

/// What the caller is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub value: Option<f64>,
    pub numerator: Option<i64>,
    pub denominator: Option<i64>,
    pub suppressed: bool,
}

/// Whether a count names too few persons to show: from 1 to `threshold - 1`.
/// Zero says nothing about anyone and is shown.
pub fn too_small(count: i64, threshold: u64) -> bool {
    count > 0 && u64::try_from(count).is_ok_and(|c| c < threshold)
}

/// Statistical disclosure control: with a threshold (a REPORTER's view), a
/// count from 1 to threshold − 1 is hidden, and so is every value built on
/// a hidden count (a ratio, a mean over few persons). Without one (ADMIN,
/// an operator for their own team) the figure is shown as found.
pub fn disclose(raw: Raw, threshold: Option<u64>) -> Figure {
    let Some(threshold) = threshold else {
        return Figure {
            value: raw.value,
            numerator: raw.numerator,
            denominator: raw.denominator,
            suppressed: false,
        };
    };
    let small = |count: Option<i64>| count.is_some_and(|c| too_small(c, threshold));
    if raw.cases.is_some() {
        // An amount: shown whole, or hidden whole when it rests on few projects.
        let hidden = small(raw.cases);
        return Figure {
            value: raw.value.filter(|_| !hidden),
            numerator: raw.numerator.filter(|_| !hidden),
            denominator: raw.denominator.filter(|_| !hidden),
            suppressed: hidden,
        };
    }
    let numerator_hidden = small(raw.numerator);
    let denominator_hidden = small(raw.denominator);
    let suppressed = numerator_hidden || denominator_hidden;
    Figure {
        value: if suppressed { None } else { raw.value },
        numerator: if numerator_hidden {
            None
        } else {
            raw.numerator
        },
        denominator: if denominator_hidden {
            None
        } else {
            raw.denominator
        },
        suppressed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn every_code_is_unique_and_every_missing_one_says_what_it_lacks() {
        let mut codes: Vec<&str> = CATALOGUE.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CATALOGUE.len());
        for d in CATALOGUE {
            assert!(!d.title.is_empty() && !d.source.is_empty(), "{}", d.code);
            if d.computed() {
                assert!(!d.counts.is_empty() && !d.excludes.is_empty(), "{}", d.code);
            }
            // A ratio is nothing without the base it is taken on.
            if d.computed() && d.unit == IndicatorUnit::Ratio {
                assert!(d.denominator.is_some(), "{}", d.code);
            }
        }
        assert!(find("ASSESSMENTS").is_some_and(IndicatorDefinition::computed));
        assert!(find("REPEATED_ADMISSIONS_30_DAYS").is_some_and(|d| !d.computed()));
        assert!(find("NOPE").is_none());
    }

    #[test]
    fn a_year_has_four_quarters_and_a_part_year_clipped_ones() {
        let year = periods(
            date("2026-01-01"),
            date("2026-12-31"),
            IndicatorBreakdown::Quarter,
        );
        assert_eq!(
            year,
            vec![
                (date("2026-01-01"), date("2026-03-31")),
                (date("2026-04-01"), date("2026-06-30")),
                (date("2026-07-01"), date("2026-09-30")),
                (date("2026-10-01"), date("2026-12-31")),
            ]
        );
        let part = periods(
            date("2026-02-15"),
            date("2026-04-10"),
            IndicatorBreakdown::Quarter,
        );
        assert_eq!(
            part,
            vec![
                (date("2026-02-15"), date("2026-03-31")),
                (date("2026-04-01"), date("2026-04-10")),
            ]
        );
        let months = periods(
            date("2025-12-20"),
            date("2026-02-28"),
            IndicatorBreakdown::Month,
        );
        assert_eq!(months.len(), 3);
        assert_eq!(months[1], (date("2026-01-01"), date("2026-01-31")));
        assert!(periods(
            date("2026-01-01"),
            date("2026-12-31"),
            IndicatorBreakdown::None
        )
        .is_empty());
    }

    #[test]
    fn counts_from_one_to_four_are_hidden_from_a_reporter_and_zero_is_not() {
        let count = |n| Raw {
            value: Some(n as f64),
            numerator: Some(n),
            denominator: None,
            cases: None,
        };
        for n in 1..=4 {
            let shown = disclose(count(n), Some(5));
            assert!(shown.suppressed && shown.value.is_none() && shown.numerator.is_none());
        }
        for n in [0, 5, 120] {
            assert_eq!(disclose(count(n), Some(5)).numerator, Some(n));
        }
        assert_eq!(disclose(count(3), None).numerator, Some(3));
        assert!(disclose(count(7), Some(10)).suppressed);
    }

    #[test]
    fn a_ratio_on_a_hidden_count_is_hidden_too() {
        let ratio = Raw {
            value: Some(0.03),
            numerator: Some(3),
            denominator: Some(100),
            cases: None,
        };
        let shown = disclose(ratio, Some(5));
        assert!(shown.suppressed);
        assert_eq!(
            (shown.value, shown.numerator, shown.denominator),
            (None, None, Some(100))
        );
        let small_base = Raw {
            value: Some(1.0),
            numerator: Some(12),
            denominator: Some(2),
            cases: None,
        };
        let shown = disclose(small_base, Some(5));
        assert!(shown.suppressed && shown.value.is_none() && shown.numerator == Some(12));
    }

    #[test]
    fn an_amount_is_hidden_whole_when_it_rests_on_few_projects() {
        let amount = |projects| Raw {
            value: Some(1250.5),
            numerator: Some(1250),
            denominator: Some(3),
            cases: Some(projects),
        };
        // Three euros planned is not three persons: shown on enough projects.
        let shown = disclose(amount(6), Some(5));
        assert!(!shown.suppressed && shown.denominator == Some(3));
        let hidden = disclose(amount(2), Some(5));
        assert!(hidden.suppressed);
        assert_eq!(
            (hidden.value, hidden.numerator, hidden.denominator),
            (None, None, None)
        );
        assert!(!disclose(amount(2), None).suppressed);
    }

    #[test]
    fn a_figure_about_teams_rests_on_no_case_and_is_shown() {
        let teams = Raw {
            value: Some(2.0),
            numerator: Some(2),
            denominator: None,
            cases: Some(0),
        };
        assert!(!disclose(teams, Some(5)).suppressed);
    }
}
