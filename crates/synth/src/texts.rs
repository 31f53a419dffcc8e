//! The open-answer texts the generator draws from, grouped by theme, and the
//! fictional names it gives people.
//!
//! The texts are written for this generator: short, plausible answers of
//! the kind municipal staff give to the 2015 study's open questions
//! (domain.md §2.2), in bokmål, one list per theme.

/// A theme that open answers are grouped by in reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Lack of suitable dwellings (named by all five municipalities in 2015).
    HousingShortage,
    /// Cooperation and clarifying who is responsible for what.
    Cooperation,
    /// Plans, strategy and anchoring.
    PlanStrategy,
    /// Following up the residents (booppfølging).
    FollowUp,
    /// Competence and commitment of the staff.
    Competence,
    /// Time and resources.
    Resources,
    /// Meeting places and information flow.
    MeetingPlaces,
    /// Settling refugees.
    Refugees,
}

impl Theme {
    /// Every theme, in the order reports list them.
    pub const ALL: [Theme; 8] = [
        Theme::HousingShortage,
        Theme::Cooperation,
        Theme::PlanStrategy,
        Theme::FollowUp,
        Theme::Competence,
        Theme::Resources,
        Theme::MeetingPlaces,
        Theme::Refugees,
    ];

    /// The stable key (`housing-shortage`, ...), used in message keys.
    pub fn key(self) -> &'static str {
        match self {
            Theme::HousingShortage => "housing-shortage",
            Theme::Cooperation => "cooperation",
            Theme::PlanStrategy => "plan-strategy",
            Theme::FollowUp => "follow-up",
            Theme::Competence => "competence",
            Theme::Resources => "resources",
            Theme::MeetingPlaces => "meeting-places",
            Theme::Refugees => "refugees",
        }
    }

    /// Parses a key written by [`Theme::key`].
    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == s.trim())
    }
}

/// Answers naming a strength, per theme.
pub(crate) fn strengths(theme: Theme) -> &'static [&'static str] {
    match theme {
        Theme::Cooperation => &[
            "Korte beslutningsveier og god kjennskap til hverandre på tvers av enhetene.",
            "Vi ringer hverandre når det trengs, uten å gå tjenestevei.",
            "Godt samarbeid mellom tildeling og tjenestene i bolig.",
            "NAV og kommunen har funnet en god arbeidsform i enkeltsaker.",
        ],
        Theme::Competence => &[
            "Engasjerte medarbeidere som bryr seg om dem som trenger bolig.",
            "Lang erfaring og god kunnskap om brukerne hos saksbehandlerne.",
            "Vi har bygd opp god kompetanse på startlån og bostøtte.",
            "Fagfolk som tar ansvar også utenfor sitt eget bord.",
        ],
        Theme::PlanStrategy => &[
            "Boligsosial handlingsplan er vedtatt og gir retning for arbeidet.",
            "Politikerne har satt boligsosialt arbeid på dagsordenen.",
            "Det boligsosiale arbeidet er nevnt i kommuneplanens samfunnsdel.",
        ],
        Theme::MeetingPlaces => &[
            "Det faste boligmøtet annenhver uke fungerer godt.",
            "Tildelingsmøtet samler de viktigste aktørene.",
            "Vi har et tverrfaglig team som møtes jevnlig.",
        ],
        Theme::FollowUp => &[
            "God oppfølging av beboere som trenger tett bistand.",
            "Miljøarbeiderne kjenner beboerne og fanger opp problemer tidlig.",
        ],
        Theme::HousingShortage => &[
            "Kommunen eier en del boliger som kan brukes fleksibelt.",
            "Vi har fått til noen gode nye utleieboliger de siste årene.",
        ],
        Theme::Resources => &[
            "Små forhold gjør at vi kan handle raskt når det haster.",
            "Ledelsen har satt av ressurser til en boligkoordinator.",
        ],
        Theme::Refugees => &[
            "Bosettingen av flyktninger har gitt oss nyttig erfaring i samarbeid.",
            "Flyktningtjenesten har gode rutiner for å finne bolig før ankomst.",
        ],
    }
}

/// Answers naming a challenge, per theme.
pub(crate) fn challenges(theme: Theme) -> &'static [&'static str] {
    match theme {
        Theme::HousingShortage => &[
            "Det er for få egnede boliger, særlig små leiligheter.",
            "Mangel på boliger for personer med rus- og psykiske lidelser.",
            "Lang ventetid på kommunal bolig.",
            "Vanskelig å skaffe boliger i et stramt leiemarked.",
            "Mange kommunale boliger er slitte og lite tilpasset behovene.",
        ],
        Theme::Cooperation => &[
            "Uklart hvem som har ansvaret når en sak går på tvers av enhetene.",
            "Vi jobber i siloer og vet for lite om hva de andre gjør.",
            "Samarbeidet mellom rådhuset og tjenestene er tilfeldig og personavhengig.",
            "Ingen har et helhetlig ansvar for brukerens boligsituasjon.",
            "Saker blir liggende mellom NAV og kommunen.",
        ],
        Theme::PlanStrategy => &[
            "Mangler en oppdatert boligsosial handlingsplan.",
            "Det boligsosiale arbeidet er dårlig forankret i planverket.",
            "Vi planlegger for kort sikt og slukker branner.",
            "Politiske vedtak følges ikke opp med ressurser.",
        ],
        Theme::FollowUp => &[
            "For lite oppfølging av beboere etter at de har fått bolig.",
            "Boveiledning er ikke tilgjengelig på kveld og i helger.",
            "Beboere med sammensatte behov faller mellom tjenestene.",
        ],
        Theme::Competence => &[
            "Lite kunnskap om de økonomiske virkemidlene i deler av organisasjonen.",
            "Ny kompetanse forsvinner når folk slutter.",
        ],
        Theme::Resources => &[
            "For lite tid til samordning ved siden av de daglige oppgavene.",
            "Stram økonomi gjør det vanskelig å prioritere nye tiltak.",
            "Få personer bærer mye av arbeidet, og de er sårbare ved fravær.",
        ],
        Theme::MeetingPlaces => &[
            "Vi mangler et fast forum der alle aktørene møtes.",
            "Informasjon fra møtene når ikke fram til dem som gjør jobben.",
            "Møtene handler om enkeltsaker, ikke om hvordan vi jobber sammen.",
        ],
        Theme::Refugees => &[
            "Vanskelig å finne boliger til bosetting av flyktninger i tide.",
            "Bosetting av enslige flyktninger krever boliger vi ikke har.",
        ],
    }
}

/// Fictional given names (none refer to a real person).
pub(crate) const GIVEN: &[&str] = &[
    "Astrid", "Bjørn", "Cecilie", "Dag", "Eli", "Finn", "Gunn", "Halvor", "Ingrid", "Jon", "Kari",
    "Leif", "Marit", "Nils", "Oddny", "Per", "Ragnhild", "Sindre", "Tone", "Ulf", "Vigdis",
    "Aslak", "Brit", "Eirik", "Hege", "Ivar", "Liv", "Magne", "Randi", "Trond",
];

/// Fictional family names.
pub(crate) const FAMILY: &[&str] = &[
    "Aasen",
    "Berg",
    "Dahle",
    "Eide",
    "Fjeld",
    "Grønli",
    "Haugen",
    "Lien",
    "Moen",
    "Nesse",
    "Ødegård",
    "Rønning",
    "Sæter",
    "Tangen",
    "Vik",
    "Øvrebø",
    "Bakke",
    "Strand",
    "Holm",
    "Myklebust",
];
