//! # samspill-report
//!
//! The municipality report of a survey round, the cross-municipality report
//! of a programme and the comparison of two rounds, in HTML and PDF, in the
//! municipality's language (PRODUCT.md §6).
//!
//! The path of a report:
//! 1. [`Input`]: one closed round (network, political contacts, ratings,
//!    open answers) and its figures, which the caller draws ([`Figure`]:
//!    SVG, text alternative and table view);
//! 2. [`facts::Facts`]: every number the report states, computed with the
//!    engine (daily and daily + weekly thresholds, and without
//!    reconstruction of non-respondents);
//! 3. [`summary`]: the sentences of «Sammendrag og veien videre», each from
//!    one rule with its thresholds;
//! 4. [`doc::Doc`]: the report as headings, paragraphs, tables and figures,
//!    written once and rendered twice: [`html::render`] and [`pdf::render`]
//!    (typst, in-process, A4, tagged).
//!
//! People are shown by function code ("Tildeling 2"), never by name, unless
//! [`Input::show_names`] is set. Every word comes from the `report-*`
//! messages of `samspill-i18n`.

#![warn(missing_docs)]

pub mod doc;
pub mod facts;
pub mod figures;
pub mod html;
pub mod municipality;
pub mod pdf;
pub mod programme;
pub mod summary;
pub mod waves;

use samspill_engine::model::Network;
use samspill_engine::survey::{OpenAnswer, PoliticalContacts, RatingAnswers};
use samspill_i18n::Lang;

pub use figures::Figure;
pub use programme::programme_report;
pub use waves::comparison_report;

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
    /// Open answers.
    pub open_answers: Vec<OpenAnswer>,
    /// Theme key of each open answer (parallel to `open_answers`; `None`:
    /// not coded).
    pub open_themes: Vec<Option<String>>,
    /// Whether the municipality has a formal coordination forum (`None`:
    /// not known).
    pub coordination_forum: Option<bool>,
    /// Figures drawn by the caller, by id (see [`figures::ids`]).
    pub figures: Vec<Figure>,
    /// Show names instead of function codes (only for viewers who may).
    pub show_names: bool,
    /// Notes the method chapter must add about the data (for example that
    /// people were erased from the round at their request, or that the
    /// round was reduced to its pseudonymised network), each a finished
    /// sentence in the report's language.
    pub method_notes: Vec<String>,
}

impl Input {
    /// The input for a generated municipality, in its own language unless
    /// `lang` is given, with no figures.
    pub fn from_synth(m: &samspill_synth::Municipality, lang: Option<Lang>) -> Input {
        Input {
            name: m.spec.name.clone(),
            lang: lang
                .or_else(|| Lang::parse(&m.spec.lang))
                .unwrap_or(Lang::Nb),
            round: m.round.clone(),
            network: {
                let mut n = m.network.clone();
                n.name = format!("{} {}", m.spec.name, m.round);
                n
            },
            political: m.political.clone(),
            coordination: m.coordination.clone(),
            meeting_places: m.meeting_places.clone(),
            open_answers: m.open_answers.clone(),
            open_themes: m
                .open_themes
                .iter()
                .map(|t| Some(t.key().to_string()))
                .collect(),
            coordination_forum: Some(m.spec.coordination_forum),
            figures: Vec::new(),
            show_names: false,
            method_notes: Vec::new(),
        }
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

/// A finished report in both formats.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The HTML document (self-contained: inline CSS and SVG).
    pub html: String,
    /// The PDF file.
    pub pdf: Vec<u8>,
}

/// Writes the municipality report of `input` as HTML and PDF.
pub fn municipality_report(input: &Input) -> Result<Rendered, ReportError> {
    let facts = facts::Facts::compute(input)?;
    let doc = municipality::document(input, &facts);
    Ok(Rendered {
        html: html::render(&doc),
        pdf: pdf::render(&doc)?,
    })
}
