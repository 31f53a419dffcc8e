//! # samspill-report
//!
//! The municipality report of a survey round, the cross-municipality report
//! of a programme and the comparison of two rounds, in HTML and PDF, in the
//! municipality's language (PRODUCT.md §6).
//!
//! The path of a report:
//! 1. [`Input`]: one closed round (network, political contacts, ratings,
//!    coded open answers), the analysis rules ([`Rules`]), the pseudonyms
//!    ([`Pseudonyms`]) and its figures, which the caller draws
//!    ([`figures::for_municipality`]: SVG, text alternative, table view);
//! 2. [`facts::Facts`]: every number the report states, computed with the
//!    engine (daily and daily + weekly thresholds, and the other choice
//!    about non-respondents);
//! 3. [`summary`]: the sentences of «Sammendrag og veien videre», each from
//!    one rule with its thresholds;
//! 4. [`doc::Doc`]: the report as headings, paragraphs, tables and figures,
//!    written once and rendered as a page ([`html::render`]), as a fragment
//!    for another page ([`html::fragment`]) and as PDF ([`pdf::render`]:
//!    typst, in-process, A4, tagged);
//! 5. `facts.json` ([`facts_json`], [`Rendered::facts_json`]): every number
//!    and list the report states, and each sentence with the facts it
//!    rests on.
//!
//! People are shown by pseudonym ("Tildeling 2", stable across rounds by
//! the map in [`Input::pseudonyms`]), never by name, unless
//! [`Input::show_names`] is set; a report with names says so on every
//! page. Every word comes from the `report-*` messages of `samspill-i18n`.

#![warn(missing_docs)]

pub mod doc;
pub mod facts;
pub mod figures;
pub mod grid;
pub mod html;
pub mod municipality;
pub mod pdf;
pub mod programme;
pub mod summary;
pub mod waves;

use samspill_engine::build::Combine;
use samspill_engine::model::Network;
use samspill_engine::survey::{PoliticalContacts, RatingAnswers};
use samspill_i18n::Lang;

pub use figures::Figure;
pub use programme::programme_report;
pub use samspill_draw::{Pseudonym, Pseudonyms};
pub use waves::comparison_report;

/// The analysis rules of a round: how two people's reports of one contact
/// combine, and what happens to people who did not answer. The figures,
/// the facts and the method chapter all follow them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// The combination rule (PRODUCT.md §3). Default: *either* (the larger
    /// of the two reports), as in 2015.
    pub combine: Combine,
    /// Keep non-respondents with the ties others reported about them
    /// (reconstruction, the default), or leave them out.
    pub reconstruct: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            combine: Combine::Either,
            reconstruct: true,
        }
    }
}

/// The themes open answers are coded with, from the 2015 report's findings
/// and questions (Møreforsking 2015, «Styrker og utfordringer»): the
/// housing shortage named everywhere, cooperation and clarity of
/// responsibility, plans and strategy, following up the residents, formal
/// meeting places, overview and local knowledge, competence, time and
/// resources, settling refugees, turnover in municipal housing, creating
/// attention, and other. Each has the message `report-theme-<key>`; the
/// web app offers them to the coordinator in this order.
pub const THEMES: [&str; 12] = [
    "housing-shortage",
    "cooperation",
    "plan-strategy",
    "follow-up",
    "meeting-places",
    "local-knowledge",
    "competence",
    "resources",
    "refugees",
    "turnover",
    "focus",
    "other",
];

/// One open answer as the coordinator coded it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CodedAnswer {
    /// The question's key (`strengths`, `challenges`, `coordination`, …).
    pub question: String,
    /// The text as written (always escaped when shown).
    pub text: String,
    /// The theme the coordinator gave it (a key of [`THEMES`] or their own
    /// word), if any.
    pub theme: Option<String>,
    /// Whether the coordinator has reviewed it (for names and anything
    /// identifying). Only reviewed answers are quoted; the report says how
    /// many were left out.
    pub reviewed: bool,
}

/// One closed survey round of one municipality, as the report needs it.
#[derive(Debug, Clone)]
pub struct Input {
    /// Municipality name.
    pub name: String,
    /// Language of the report.
    pub lang: Lang,
    /// Name of the round (e.g. "2015").
    pub round: String,
    /// The contact network as reported.
    pub network: Network,
    /// Contact with political bodies.
    pub political: PoliticalContacts,
    /// The coordination rating.
    pub coordination: RatingAnswers,
    /// The meeting-places rating.
    pub meeting_places: RatingAnswers,
    /// Open answers, coded.
    pub open_answers: Vec<CodedAnswer>,
    /// Whether the municipality has a formal coordination forum (`None`:
    /// not known).
    pub coordination_forum: Option<bool>,
    /// The function catalogue asked about, in display order (default: the
    /// eleven of the 2015 study). Functions on the roster but not in it are
    /// listed after it.
    pub catalogue: Vec<String>,
    /// The analysis rules.
    pub rules: Rules,
    /// Pseudonyms by stable person id, from earlier rounds (the store keeps
    /// them). People the map lacks are numbered after it, in roster order
    /// ([`Pseudonyms::extend`]); pictures, tables and text use the result.
    pub pseudonyms: Pseudonyms,
    /// Figures drawn by the caller, by id (see [`figures::ids`]).
    pub figures: Vec<Figure>,
    /// Show names instead of pseudonyms (only for viewers who may): every
    /// page then says it is a named, internal version.
    pub show_names: bool,
    /// Notes the method chapter must add about the data (for example that
    /// people were erased from the round at their request, or that the
    /// round was reduced to its pseudonymised network), each a finished
    /// sentence in the report's language.
    pub method_notes: Vec<String>,
}

impl Input {
    /// An input with the defaults: no answers, the 2015 catalogue, today's
    /// rules, no earlier pseudonyms, no figures, pseudonymised.
    pub fn new(name: &str, lang: Lang, round: &str, network: Network) -> Input {
        Input {
            name: name.to_string(),
            lang,
            round: round.to_string(),
            network,
            political: PoliticalContacts::default(),
            coordination: RatingAnswers::default(),
            meeting_places: RatingAnswers::default(),
            open_answers: Vec::new(),
            coordination_forum: None,
            catalogue: samspill_synth::FUNCTIONS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            rules: Rules::default(),
            pseudonyms: Pseudonyms::default(),
            figures: Vec::new(),
            show_names: false,
            method_notes: Vec::new(),
        }
    }

    /// The input for a generated municipality, in its own language unless
    /// `lang` is given, with no figures. Every open answer is coded with
    /// the generator's theme and counts as reviewed.
    pub fn from_synth(m: &samspill_synth::Municipality, lang: Option<Lang>) -> Input {
        let mut network = m.network.clone();
        network.name = format!("{} {}", m.spec.name, m.round);
        let mut input = Input::new(
            &m.spec.name,
            lang.or_else(|| Lang::parse(&m.spec.lang))
                .unwrap_or(Lang::Nb),
            &m.round,
            network,
        );
        input.political = m.political.clone();
        input.coordination = m.coordination.clone();
        input.meeting_places = m.meeting_places.clone();
        input.open_answers = m
            .open_answers
            .iter()
            .zip(&m.open_themes)
            .map(|(a, t)| CodedAnswer {
                question: a.question.clone(),
                text: a.text.clone(),
                theme: Some(t.key().to_string()),
                reviewed: true,
            })
            .collect();
        input.coordination_forum = Some(m.spec.coordination_forum);
        input
    }

    /// The pseudonym map the report uses: [`Input::pseudonyms`] extended
    /// over this round's roster. Store it for the next round.
    pub fn pseudonym_map(&self) -> Pseudonyms {
        self.pseudonyms.extend(&self.network)
    }
}

/// What can go wrong when writing a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The network cannot be analysed.
    #[error("the network cannot be analysed: {0}")]
    Build(#[from] samspill_engine::BuildError),
    /// Typst could not lay out the PDF (a bug in the template: the input
    /// is always escaped).
    #[error("the PDF could not be typeset: {0}")]
    Typeset(String),
}

/// A finished report in both formats, and its facts.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The HTML document (self-contained: inline CSS and SVG).
    pub html: String,
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// `facts.json`: every number and list the report states, each
    /// sentence of the summary with the facts it rests on, and the numbers
    /// of every figure (pretty-printed JSON).
    pub facts_json: String,
}

/// The municipality report's document and its facts (for
/// [`html::fragment`] and for callers that render themselves).
pub fn municipality_document(input: &Input) -> Result<(doc::Doc, facts::Facts), ReportError> {
    let facts = facts::Facts::compute(input)?;
    let doc = municipality::document(input, &facts);
    Ok((doc, facts))
}

/// `facts.json` of a municipality report, without rendering it.
pub fn facts_json(input: &Input) -> Result<String, ReportError> {
    let facts = facts::Facts::compute(input)?;
    Ok(facts_string(&facts_document(input, &facts)))
}

fn facts_string(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// The facts as JSON with the summary's sentences, the questions and the
/// figures' stated numbers.
pub fn facts_document(input: &Input, facts: &facts::Facts) -> serde_json::Value {
    let t = samspill_i18n::Texts::new(input.lang);
    let mut v = facts.json();
    let finding = |f: &summary::Finding| {
        serde_json::json!({
            "key": f.key,
            "number": f.number,
            "text": f.text,
            "values": f.values.iter().map(|(p, x)| serde_json::json!({"path": p, "value": x})).collect::<Vec<_>>(),
            "lists": f.lists.iter().map(|(p, x)| serde_json::json!({"path": p, "value": x})).collect::<Vec<_>>(),
        })
    };
    v["municipality"] = input.name.clone().into();
    v["round"] = input.round.clone().into();
    v["lang"] = input.lang.code().into();
    v["show_names"] = input.show_names.into();
    v["summary"] = summary::findings(facts, &t)
        .iter()
        .map(finding)
        .collect::<Vec<_>>()
        .into();
    v["questions"] = summary::questions(facts, &t)
        .iter()
        .map(finding)
        .collect::<Vec<_>>()
        .into();
    v["figures"] = input
        .figures
        .iter()
        .map(|f| {
            serde_json::json!({
                "id": f.id,
                "caption": f.caption,
                "alt": f.alt_text,
                "stated": f.stated.iter().map(|(arg, x)| serde_json::json!({
                    "arg": arg,
                    "value": x,
                    "path": figures::stated_path(&f.id, arg),
                })).collect::<Vec<_>>(),
            })
        })
        .collect::<Vec<_>>()
        .into();
    v
}

/// Writes the municipality report of `input` as HTML and PDF, with its
/// facts.
pub fn municipality_report(input: &Input) -> Result<Rendered, ReportError> {
    let (doc, facts) = municipality_document(input)?;
    Ok(Rendered {
        html: html::render(&doc),
        pdf: pdf::render(&doc)?,
        facts_json: facts_string(&facts_document(input, &facts)),
    })
}
