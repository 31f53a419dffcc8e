//! The JSON document of a whole programme: import, export, validation.
//!
//! ```json
//! { "format": "samspill-programme", "version": 1,
//!   "programme": { … }, "cohorts": [ … ], "participants": [ … ],
//!   "organisations": [ … ], "assessments": [ … ], "action_plans": [ … ],
//!   "reports": [ … ], "gatherings": [ … ], "evaluation_rounds": [ … ],
//!   "learning_log": [ … ] }
//! ```
//!
//! Field names are those of [`crate::model`]. Reading is bounded (document
//! size, text length, list length; serde_json's nesting limit) and strict:
//! unknown fields are refused, every reference must point at a record that
//! exists, and each problem is reported with the path of the bad field
//! (`participants[2].path.phases[0].gates[1].gate`). A document either
//! reads whole and valid or not at all.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::defaults::{GATE_KEYS, PHASE_KEYS};
use crate::ids::{ParticipantId, RoundId};
use crate::model::*;
use crate::text::Message;

/// The `format` field of every programme document.
pub const FORMAT: &str = "samspill-programme";
/// The format version this program writes and reads.
pub const VERSION: u32 = 1;
/// The largest document read, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 16 << 20;
/// The longest text accepted in any field, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The most items accepted in any list.
pub const MAX_LIST_ITEMS: usize = 20_000;
/// The most problems reported for one document.
pub const MAX_ERRORS: usize = 100;
/// The languages texts may be in.
pub const LANGS: [&str; 4] = ["nb", "nn", "da", "en"];

fn is_empty<T>(v: &[T]) -> bool {
    v.is_empty()
}

/// A whole programme: every record of every aggregate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeDocument {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version ([`VERSION`]).
    pub version: u32,
    /// The programme.
    pub programme: Programme,
    /// Its cohorts.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub cohorts: Vec<Cohort>,
    /// Its participants.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub participants: Vec<Participant>,
    /// The participants' programme organisations (one per participant).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub organisations: Vec<Organisation>,
    /// Anchoring assessments.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub assessments: Vec<Assessment>,
    /// Action plans (one per participant).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub action_plans: Vec<ActionPlan>,
    /// Reports.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub reports: Vec<Report>,
    /// Gatherings.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub gatherings: Vec<Gathering>,
    /// Evaluation rounds.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub evaluation_rounds: Vec<EvaluationRound>,
    /// The learning log.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub learning_log: Vec<LearningEntry>,
}

/// A problem with a document: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}: {problem}", if path.is_empty() { "document" } else { path.as_str() })]
pub struct DocumentError {
    /// The path of the bad field (`participants[2].name`), empty for the
    /// whole document.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    /// The document is too large.
    #[error("the document is {size} bytes; at most {max} are accepted")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Not JSON.
    #[error("not JSON at line {line}, column {column}: {detail}")]
    Syntax {
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
        /// The parser's description (English).
        detail: String,
    },
    /// Not a programme document.
    #[error("expected format \"samspill-programme\", found {found:?}")]
    WrongFormat {
        /// What the `format` field says.
        found: String,
    },
    /// A version this program cannot read.
    #[error("format version {found} is not supported (this program reads version {supported})")]
    UnsupportedVersion {
        /// The version found.
        found: String,
        /// The version supported.
        supported: u32,
    },
    /// The value does not fit the field (wrong type, unknown field or
    /// variant, missing field, bad date).
    #[error("{detail}")]
    Invalid {
        /// The deserialiser's description (English).
        detail: String,
    },
    /// A required text is empty.
    #[error("must not be empty")]
    Empty,
    /// A text is too long.
    #[error("is {chars} characters long; at most {max} are accepted")]
    TooLong {
        /// Its length.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A list is too long.
    #[error("has {items} items; at most {max} are accepted")]
    TooMany {
        /// Its length.
        items: usize,
        /// The limit.
        max: usize,
    },
    /// A text holds a control character.
    #[error("contains a control character")]
    ControlCharacter,
    /// An id used twice.
    #[error("the id {id:?} is already used at {first}")]
    Duplicate {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// A reference to a record that does not exist.
    #[error("refers to {kind} {id:?}, which does not exist")]
    UnknownReference {
        /// What kind of record.
        kind: String,
        /// The id.
        id: String,
    },
    /// A date before the date it must follow.
    #[error("{later} ({later_date}) is before {earlier} ({earlier_date})")]
    DateOrder {
        /// The field that should come first.
        earlier: String,
        /// Its date.
        earlier_date: String,
        /// The field that should come later.
        later: String,
        /// Its date.
        later_date: String,
    },
    /// A goal lies (indirectly) under itself.
    #[error("the goal lies under itself")]
    GoalCycle,
    /// An evidence fact under a dimension it does not belong to.
    #[error("a {fact} fact does not belong under the {dimension} dimension")]
    FactOutsideDimension {
        /// The fact's kind.
        fact: String,
        /// The dimension.
        dimension: String,
    },
    /// A note without its wording.
    #[error("a note needs its wording")]
    NoteWithoutWording,
    /// A phase or gate key that is not a default key and has no label.
    #[error("{key:?} is not a default key, so it needs a label")]
    LabelNeeded {
        /// The key.
        key: String,
    },
    /// An unknown language code.
    #[error("{lang:?} is not one of nb, nn, da, en")]
    UnknownLanguage {
        /// The code.
        lang: String,
    },
    /// A member without position, unit or person.
    #[error("a member needs a position, a unit or a person")]
    MemberUnnamed,
    /// A number out of range.
    #[error("{found} is outside {min}–{max}")]
    OutOfRange {
        /// The value.
        found: i64,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
    },
    /// A survey figure key of the wrong shape.
    #[error("{key:?} is not a survey figure key (lower-case letters, digits and _ : . -)")]
    BadFigureKey {
        /// The key.
        key: String,
    },
}

impl Problem {
    /// The code (the key is `programme-error-<code>` with `_` as `-`).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::TooLarge { .. } => "too_large",
            Problem::Syntax { .. } => "syntax",
            Problem::WrongFormat { .. } => "wrong_format",
            Problem::UnsupportedVersion { .. } => "unsupported_version",
            Problem::Invalid { .. } => "invalid",
            Problem::Empty => "empty",
            Problem::TooLong { .. } => "too_long",
            Problem::TooMany { .. } => "too_many",
            Problem::ControlCharacter => "control_character",
            Problem::Duplicate { .. } => "duplicate",
            Problem::UnknownReference { .. } => "unknown_reference",
            Problem::DateOrder { .. } => "date_order",
            Problem::GoalCycle => "goal_cycle",
            Problem::FactOutsideDimension { .. } => "fact_outside_dimension",
            Problem::NoteWithoutWording => "note_without_wording",
            Problem::LabelNeeded { .. } => "label_needed",
            Problem::UnknownLanguage { .. } => "unknown_language",
            Problem::MemberUnnamed => "member_unnamed",
            Problem::OutOfRange { .. } => "out_of_range",
            Problem::BadFigureKey { .. } => "bad_figure_key",
        }
    }

    /// Every code, for completeness tests of the texts.
    pub const CODES: [&'static str; 20] = [
        "too_large",
        "syntax",
        "wrong_format",
        "unsupported_version",
        "invalid",
        "empty",
        "too_long",
        "too_many",
        "control_character",
        "duplicate",
        "unknown_reference",
        "date_order",
        "goal_cycle",
        "fact_outside_dimension",
        "note_without_wording",
        "label_needed",
        "unknown_language",
        "member_unnamed",
        "out_of_range",
        "bad_figure_key",
    ];
}

impl DocumentError {
    fn new(path: impl Into<String>, problem: Problem) -> DocumentError {
        DocumentError {
            path: path.into(),
            problem,
        }
    }

    /// The error as a message (key `programme-error-<code>`; `path` is
    /// always an argument, with the problem's own values).
    pub fn message(&self) -> Message {
        let path: crate::text::Value = if self.path.is_empty() {
            Message::new("programme-error-where-document").into()
        } else {
            crate::text::Value::Text(self.path.clone())
        };
        let m = Message::new(format!(
            "programme-error-{}",
            self.problem.code().replace('_', "-")
        ))
        .arg("path", path);
        match &self.problem {
            Problem::TooLarge { size, max } => m.arg("size", *size).arg("max", *max),
            Problem::Syntax {
                line,
                column,
                detail,
            } => m
                .arg("line", *line)
                .arg("column", *column)
                .text("detail", detail.clone()),
            Problem::WrongFormat { found } => m.text("found", found.clone()),
            Problem::UnsupportedVersion { found, supported } => {
                m.text("found", found.clone()).arg("supported", *supported)
            }
            Problem::Invalid { detail } => m.text("detail", detail.clone()),
            Problem::TooLong { chars, max } => m.arg("chars", *chars).arg("max", *max),
            Problem::TooMany { items, max } => m.arg("items", *items).arg("max", *max),
            Problem::Duplicate { id, first } => {
                m.text("id", id.clone()).text("first", first.clone())
            }
            Problem::UnknownReference { kind, id } => {
                m.text("kind", kind.clone()).text("id", id.clone())
            }
            Problem::DateOrder {
                earlier,
                earlier_date,
                later,
                later_date,
            } => m
                .text("earlier", earlier.clone())
                .text("earlier-date", earlier_date.clone())
                .text("later", later.clone())
                .text("later-date", later_date.clone()),
            Problem::FactOutsideDimension { fact, dimension } => m
                .text("fact", fact.clone())
                .text("dimension", dimension.clone()),
            Problem::LabelNeeded { key } => m.text("key", key.clone()),
            Problem::UnknownLanguage { lang } => m.text("lang", lang.clone()),
            Problem::OutOfRange { found, min, max } => {
                m.arg("found", *found).arg("min", *min).arg("max", *max)
            }
            Problem::BadFigureKey { key } => m.text("key", key.clone()),
            Problem::Empty
            | Problem::ControlCharacter
            | Problem::GoalCycle
            | Problem::NoteWithoutWording
            | Problem::MemberUnnamed => m,
        }
    }
}

/// Problems found in a document (at least one; at most [`MAX_ERRORS`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s) in the programme document; the first: {}", .0.len(), .0[0])]
pub struct DocumentErrors(pub Vec<DocumentError>);

impl DocumentErrors {
    fn one(path: impl Into<String>, problem: Problem) -> DocumentErrors {
        DocumentErrors(vec![DocumentError::new(path, problem)])
    }
}

impl ProgrammeDocument {
    /// An empty document for `programme`.
    pub fn new(programme: Programme) -> ProgrammeDocument {
        ProgrammeDocument {
            format: FORMAT.into(),
            version: VERSION,
            programme,
            cohorts: Vec::new(),
            participants: Vec::new(),
            organisations: Vec::new(),
            assessments: Vec::new(),
            action_plans: Vec::new(),
            reports: Vec::new(),
            gatherings: Vec::new(),
            evaluation_rounds: Vec::new(),
            learning_log: Vec::new(),
        }
    }

    /// Reads and validates a document.
    pub fn from_json(bytes: &[u8]) -> Result<ProgrammeDocument, DocumentErrors> {
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(DocumentErrors::one(
                "",
                Problem::TooLarge {
                    size: bytes.len(),
                    max: MAX_DOCUMENT_BYTES,
                },
            ));
        }
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
            DocumentErrors::one(
                "",
                Problem::Syntax {
                    line: e.line(),
                    column: e.column(),
                    detail: e.to_string(),
                },
            )
        })?;
        ProgrammeDocument::from_value(value)
    }

    /// Validates and converts a JSON value (what the XLSX import builds).
    pub fn from_value(value: serde_json::Value) -> Result<ProgrammeDocument, DocumentErrors> {
        let mut errors = Vec::new();
        check_value(&value, &mut String::new(), &mut errors);
        if !errors.is_empty() {
            return Err(DocumentErrors(errors));
        }
        match value.get("format") {
            Some(serde_json::Value::String(f)) if f == FORMAT => {}
            Some(other) => {
                return Err(DocumentErrors::one(
                    "format",
                    Problem::WrongFormat {
                        found: other
                            .as_str()
                            .map_or_else(|| other.to_string(), str::to_string),
                    },
                ));
            }
            None if value.is_object() => {
                return Err(DocumentErrors::one(
                    "format",
                    Problem::WrongFormat {
                        found: String::new(),
                    },
                ));
            }
            None => {
                return Err(DocumentErrors::one(
                    "",
                    Problem::Invalid {
                        detail: "expected a JSON object".into(),
                    },
                ));
            }
        }
        match value.get("version") {
            Some(v) if v.as_u64() == Some(u64::from(VERSION)) => {}
            other => {
                return Err(DocumentErrors::one(
                    "version",
                    Problem::UnsupportedVersion {
                        found: other.map_or_else(String::new, |v| v.to_string()),
                        supported: VERSION,
                    },
                ));
            }
        }
        let doc: ProgrammeDocument = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            DocumentErrors::one(
                path,
                Problem::Invalid {
                    detail: e.into_inner().to_string(),
                },
            )
        })?;
        doc.check()?;
        Ok(doc)
    }

    /// The document as pretty-printed JSON.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("records serialise");
        out.push(b'\n');
        out
    }

    /// Checks a document built in code as [`ProgrammeDocument::from_json`]
    /// checks one read from JSON.
    pub fn validate(&self) -> Result<(), DocumentErrors> {
        let value = serde_json::to_value(self).expect("records serialise");
        let mut errors = Vec::new();
        check_value(&value, &mut String::new(), &mut errors);
        if !errors.is_empty() {
            return Err(DocumentErrors(errors));
        }
        if self.format != FORMAT {
            return Err(DocumentErrors::one(
                "format",
                Problem::WrongFormat {
                    found: self.format.clone(),
                },
            ));
        }
        if self.version != VERSION {
            return Err(DocumentErrors::one(
                "version",
                Problem::UnsupportedVersion {
                    found: self.version.to_string(),
                    supported: VERSION,
                },
            ));
        }
        self.check()
    }

    /// The participant with `id`.
    pub fn participant(&self, id: &ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }

    /// The organisation of participant `id`.
    pub fn organisation(&self, id: &ParticipantId) -> Option<&Organisation> {
        self.organisations.iter().find(|o| &o.participant == id)
    }

    /// The action plan of participant `id`.
    pub fn action_plan(&self, id: &ParticipantId) -> Option<&ActionPlan> {
        self.action_plans.iter().find(|a| &a.participant == id)
    }

    /// The assessments of participant `id`.
    pub fn assessments_of<'a>(
        &'a self,
        id: &'a ParticipantId,
    ) -> impl Iterator<Item = &'a Assessment> + 'a {
        self.assessments
            .iter()
            .filter(move |a| &a.participant == id)
    }

    /// The reports of participant `id`.
    pub fn reports_of<'a>(
        &'a self,
        id: &'a ParticipantId,
    ) -> impl Iterator<Item = &'a Report> + 'a {
        self.reports.iter().filter(move |r| &r.participant == id)
    }

    /// The phase model version `r`.
    pub fn phase_model(&self, r: &PhaseModelRef) -> Option<&PhaseModel> {
        self.programme
            .phase_models
            .iter()
            .find(|m| m.id == r.id && m.version == r.version)
    }

    /// The cohort and application of participant `id`, if recorded.
    pub fn application_of(&self, id: &ParticipantId) -> Option<(&Cohort, &Application)> {
        self.cohorts.iter().find_map(|c| {
            c.applications
                .iter()
                .find(|a| a.participant.as_ref() == Some(id))
                .map(|a| (c, a))
        })
    }

    /// The evaluation round with `id`.
    pub fn round(&self, id: &RoundId) -> Option<&EvaluationRound> {
        self.evaluation_rounds.iter().find(|r| &r.id == id)
    }

    fn check(&self) -> Result<(), DocumentErrors> {
        let mut c = Checker::default();
        c.document(self);
        if c.errors.is_empty() {
            Ok(())
        } else {
            c.errors.truncate(MAX_ERRORS);
            Err(DocumentErrors(c.errors))
        }
    }
}

/// Bounds every text and list of a JSON value, with paths.
fn check_value(v: &serde_json::Value, path: &mut String, errors: &mut Vec<DocumentError>) {
    if errors.len() >= MAX_ERRORS {
        return;
    }
    match v {
        serde_json::Value::String(s) => {
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                errors.push(DocumentError::new(
                    path.clone(),
                    Problem::TooLong {
                        chars,
                        max: MAX_TEXT_CHARS,
                    },
                ));
            } else if s
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
            {
                errors.push(DocumentError::new(path.clone(), Problem::ControlCharacter));
            }
        }
        serde_json::Value::Array(items) => {
            if items.len() > MAX_LIST_ITEMS {
                errors.push(DocumentError::new(
                    path.clone(),
                    Problem::TooMany {
                        items: items.len(),
                        max: MAX_LIST_ITEMS,
                    },
                ));
                return;
            }
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_value(item, path, errors);
                path.truncate(len);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                if k.chars().count() > 200 {
                    errors.push(DocumentError::new(
                        path.clone(),
                        Problem::TooLong {
                            chars: k.chars().count(),
                            max: 200,
                        },
                    ));
                } else {
                    check_value(item, path, errors);
                }
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Whether `key` has the shape of a survey figure key.
pub fn is_figure_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 100
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_:.-".contains(&b))
}

#[derive(Default)]
struct Checker {
    errors: Vec<DocumentError>,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, problem: Problem) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(DocumentError::new(path, problem));
        }
    }

    fn required(&mut self, path: String, s: &str) {
        if s.trim().is_empty() {
            self.push(path, Problem::Empty);
        }
    }

    fn id(&mut self, path: String, s: &str) {
        if s.trim().is_empty() {
            self.push(path, Problem::Empty);
        } else if s.chars().count() > crate::ids::MAX_ID_CHARS {
            self.push(
                path,
                Problem::TooLong {
                    chars: s.chars().count(),
                    max: crate::ids::MAX_ID_CHARS,
                },
            );
        }
    }

    fn unique(&mut self, seen: &mut HashMap<String, String>, path: String, id: &str) {
        self.id(path.clone(), id);
        if let Some(first) = seen.get(id) {
            self.push(
                path,
                Problem::Duplicate {
                    id: id.to_string(),
                    first: first.clone(),
                },
            );
        } else {
            seen.insert(id.to_string(), path);
        }
    }

    fn reference(&mut self, path: String, kind: &str, id: &str, exists: bool) {
        if !exists {
            self.push(
                path,
                Problem::UnknownReference {
                    kind: kind.into(),
                    id: id.into(),
                },
            );
        }
    }

    fn order(&mut self, path: &str, a: (&str, Option<Date>), b: (&str, Option<Date>)) {
        if let (Some(x), Some(y)) = (a.1, b.1)
            && y.start() < x.start()
        {
            self.push(
                format!("{path}.{}", b.0),
                Problem::DateOrder {
                    earlier: a.0.into(),
                    earlier_date: x.to_string(),
                    later: b.0.into(),
                    later_date: y.to_string(),
                },
            );
        }
    }

    fn lang(&mut self, path: String, lang: &str) {
        if !LANGS.contains(&lang) {
            self.push(path, Problem::UnknownLanguage { lang: lang.into() });
        }
    }

    fn document(&mut self, d: &ProgrammeDocument) {
        let participants: BTreeSet<&str> = d.participants.iter().map(|p| p.id.as_str()).collect();
        self.programme(&d.programme, &participants);
        let functions: BTreeSet<&str> = d
            .programme
            .functions
            .iter()
            .map(|f| f.code.as_str())
            .collect();

        let mut seen = HashMap::new();
        for (i, c) in d.cohorts.iter().enumerate() {
            let p = format!("cohorts[{i}]");
            self.unique(&mut seen, format!("{p}.id"), c.id.as_str());
            self.reference(
                format!("{p}.phase_model"),
                "phase model",
                &format!("{} v{}", c.phase_model.id, c.phase_model.version),
                d.phase_model(&c.phase_model).is_some(),
            );
            for (j, a) in c.applications.iter().enumerate() {
                let q = format!("{p}.applications[{j}]");
                self.required(format!("{q}.applicant"), &a.applicant);
                if let Some(pid) = &a.participant {
                    self.reference(
                        format!("{q}.participant"),
                        "participant",
                        pid.as_str(),
                        participants.contains(pid.as_str()),
                    );
                }
            }
        }

        let mut seen = HashMap::new();
        for (i, part) in d.participants.iter().enumerate() {
            self.participant(d, i, part, &mut seen);
        }

        let mut seen = HashMap::new();
        for (i, o) in d.organisations.iter().enumerate() {
            let p = format!("organisations[{i}]");
            self.reference(
                format!("{p}.participant"),
                "participant",
                o.participant.as_str(),
                participants.contains(o.participant.as_str()),
            );
            if let Some(first) = seen.insert(o.participant.as_str(), p.clone()) {
                self.push(
                    format!("{p}.participant"),
                    Problem::Duplicate {
                        id: o.participant.to_string(),
                        first,
                    },
                );
            }
            self.organisation(&p, o, &functions);
        }

        let mut seen = HashMap::new();
        for (i, a) in d.assessments.iter().enumerate() {
            let p = format!("assessments[{i}]");
            self.unique(&mut seen, format!("{p}.id"), a.id.as_str());
            self.reference(
                format!("{p}.participant"),
                "participant",
                a.participant.as_str(),
                participants.contains(a.participant.as_str()),
            );
            for (j, e) in a.evidence.iter().enumerate() {
                let q = format!("{p}.evidence[{j}]");
                if !e.fact.fits(a.dimension) {
                    self.push(
                        format!("{q}.fact"),
                        Problem::FactOutsideDimension {
                            fact: e.fact.code().into(),
                            dimension: a.dimension.code().into(),
                        },
                    );
                }
                if matches!(e.fact, Fact::Note)
                    && e.wording.as_deref().is_none_or(|w| w.trim().is_empty())
                {
                    self.push(format!("{q}.wording"), Problem::NoteWithoutWording);
                }
                if let Fact::PlanAnchoring {
                    period: Some(span), ..
                } = &e.fact
                {
                    self.span(&format!("{q}.fact.period"), span);
                }
            }
        }

        let mut seen = HashMap::new();
        for (i, plan) in d.action_plans.iter().enumerate() {
            let p = format!("action_plans[{i}]");
            self.reference(
                format!("{p}.participant"),
                "participant",
                plan.participant.as_str(),
                participants.contains(plan.participant.as_str()),
            );
            if let Some(first) = seen.insert(plan.participant.as_str(), p.clone()) {
                self.push(
                    format!("{p}.participant"),
                    Problem::Duplicate {
                        id: plan.participant.to_string(),
                        first,
                    },
                );
            }
            let bodies: BTreeSet<&str> = d
                .organisation(&plan.participant)
                .map(|o| o.bodies.iter().map(|b| b.id.as_str()).collect())
                .unwrap_or_default();
            self.action_plan(&p, plan, &bodies);
        }

        let mut seen = HashMap::new();
        for (i, r) in d.reports.iter().enumerate() {
            let p = format!("reports[{i}]");
            self.unique(&mut seen, format!("{p}.id"), r.id.as_str());
            self.reference(
                format!("{p}.participant"),
                "participant",
                r.participant.as_str(),
                participants.contains(r.participant.as_str()),
            );
            self.year(format!("{p}.year"), r.year);
            self.order(
                &p,
                ("steering_group_treated", r.steering_group_treated),
                ("submitted", r.submitted),
            );
            self.order(&p, ("submitted", r.submitted), ("read", r.read));
            let measures: BTreeSet<&str> = d
                .action_plan(&r.participant)
                .map(|a| {
                    a.versions
                        .iter()
                        .flat_map(|v| v.measures.iter().map(|m| m.id.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            for (j, m) in r.measures.iter().enumerate() {
                self.reference(
                    format!("{p}.measures[{j}].measure"),
                    "measure",
                    m.measure.as_str(),
                    measures.contains(m.measure.as_str()),
                );
            }
        }

        let mut seen = HashMap::new();
        for (i, g) in d.gatherings.iter().enumerate() {
            let p = format!("gatherings[{i}]");
            self.unique(&mut seen, format!("{p}.id"), g.id.as_str());
            if let Some(h) = &g.host {
                self.reference(
                    format!("{p}.host"),
                    "participant",
                    h.as_str(),
                    participants.contains(h.as_str()),
                );
            }
            for (j, a) in g.attendance.iter().enumerate() {
                if let Some(pid) = &a.participant {
                    self.reference(
                        format!("{p}.attendance[{j}].participant"),
                        "participant",
                        pid.as_str(),
                        participants.contains(pid.as_str()),
                    );
                }
            }
        }

        let mut seen = HashMap::new();
        for (i, r) in d.evaluation_rounds.iter().enumerate() {
            let p = format!("evaluation_rounds[{i}]");
            self.unique(&mut seen, format!("{p}.id"), r.id.as_str());
            self.required(format!("{p}.name"), &r.name);
            self.order(&p, ("from", Some(r.from)), ("as_of", Some(r.as_of)));
            if r.matrix_sources.is_empty() {
                self.push(format!("{p}.matrix_sources"), Problem::Empty);
            }
            let part = |pid: &ParticipantId| participants.contains(pid.as_str());
            for (j, pid) in r.participants.iter().enumerate() {
                self.reference(
                    format!("{p}.participants[{j}]"),
                    "participant",
                    pid.as_str(),
                    part(pid),
                );
            }
            for (j, s) in r.sign_offs.iter().enumerate() {
                self.reference(
                    format!("{p}.sign_offs[{j}].participant"),
                    "participant",
                    s.participant.as_str(),
                    part(&s.participant),
                );
            }
            for (j, e) in r.log.iter().enumerate() {
                if let Some(pid) = e.participant() {
                    self.reference(
                        format!("{p}.log[{j}].participant"),
                        "participant",
                        pid.as_str(),
                        part(pid),
                    );
                }
            }
            let mut notes = HashMap::new();
            for (j, n) in r.notes.iter().enumerate() {
                self.unique(&mut notes, format!("{p}.notes[{j}].id"), n.id.as_str());
                self.required(format!("{p}.notes[{j}].text"), &n.text);
                if let Some(pid) = &n.participant {
                    self.reference(
                        format!("{p}.notes[{j}].participant"),
                        "participant",
                        pid.as_str(),
                        part(pid),
                    );
                }
            }
        }

        let mut seen = HashMap::new();
        for (i, e) in d.learning_log.iter().enumerate() {
            let p = format!("learning_log[{i}]");
            self.unique(&mut seen, format!("{p}.id"), e.id.as_str());
            self.required(format!("{p}.text"), &e.text);
            if let Some(pid) = &e.participant {
                self.reference(
                    format!("{p}.participant"),
                    "participant",
                    pid.as_str(),
                    participants.contains(pid.as_str()),
                );
                if let Some(m) = &e.measure {
                    let exists = d
                        .action_plan(pid)
                        .is_some_and(|a| a.versions.iter().any(|v| v.measure(m).is_some()));
                    self.reference(format!("{p}.measure"), "measure", m.as_str(), exists);
                }
            }
        }
    }

    fn year(&mut self, path: String, year: i32) {
        let (min, max) = (*crate::date::YEARS.start(), *crate::date::YEARS.end());
        if !(min..=max).contains(&year) {
            self.push(
                path,
                Problem::OutOfRange {
                    found: i64::from(year),
                    min: i64::from(min),
                    max: i64::from(max),
                },
            );
        }
    }

    fn span(&mut self, path: &str, span: &crate::date::YearSpan) {
        self.year(format!("{path}.from"), span.from);
        self.year(format!("{path}.to"), span.to);
        if span.to < span.from {
            self.push(
                format!("{path}.to"),
                Problem::OutOfRange {
                    found: i64::from(span.to),
                    min: i64::from(span.from),
                    max: i64::from(*crate::date::YEARS.end()),
                },
            );
        }
    }

    fn programme(&mut self, prog: &Programme, participants: &BTreeSet<&str>) {
        self.id("programme.id".into(), prog.id.as_str());
        self.required("programme.name".into(), &prog.name);
        self.required("programme.funder.name".into(), &prog.funder.name);
        self.lang("programme.lang".into(), &prog.lang);
        self.order(
            "programme.period",
            ("start", Some(prog.period.start)),
            ("end", prog.period.end),
        );
        for (i, v) in prog.vocabulary.iter().enumerate() {
            self.lang(format!("programme.vocabulary[{i}].lang"), &v.lang);
        }
        for (i, g) in prog.glossary.iter().enumerate() {
            let p = format!("programme.glossary[{i}]");
            self.lang(format!("{p}.lang"), &g.lang);
            self.required(format!("{p}.headword"), &g.headword);
            self.required(format!("{p}.definition"), &g.definition);
        }
        let mut models = HashMap::new();
        for (i, m) in prog.phase_models.iter().enumerate() {
            let p = format!("programme.phase_models[{i}]");
            self.unique(
                &mut models,
                format!("{p}.version"),
                &format!("{} v{}", m.id, m.version),
            );
            if m.phases.is_empty() {
                self.push(format!("{p}.phases"), Problem::Empty);
            }
            let mut phases = HashMap::new();
            for (j, ph) in m.phases.iter().enumerate() {
                let q = format!("{p}.phases[{j}]");
                self.unique(&mut phases, format!("{q}.key"), ph.key.as_str());
                if ph.label.is_none() && !PHASE_KEYS.contains(&ph.key.as_str()) {
                    self.push(
                        format!("{q}.label"),
                        Problem::LabelNeeded {
                            key: ph.key.to_string(),
                        },
                    );
                }
                for (name, v) in [("min_months", ph.min_months), ("max_months", ph.max_months)] {
                    if let Some(v) = v
                        && !(1..=240).contains(&v)
                    {
                        self.push(
                            format!("{q}.{name}"),
                            Problem::OutOfRange {
                                found: i64::from(v),
                                min: 1,
                                max: 240,
                            },
                        );
                    }
                }
                if let (Some(a), Some(b)) = (ph.min_months, ph.max_months)
                    && b < a
                {
                    self.push(
                        format!("{q}.max_months"),
                        Problem::OutOfRange {
                            found: i64::from(b),
                            min: i64::from(a),
                            max: 240,
                        },
                    );
                }
                let mut gates = HashMap::new();
                for (k, g) in ph.gates.iter().enumerate() {
                    let r = format!("{q}.gates[{k}]");
                    self.unique(&mut gates, format!("{r}.key"), g.key.as_str());
                    if g.label.is_none() && !GATE_KEYS.contains(&g.key.as_str()) {
                        self.push(
                            format!("{r}.label"),
                            Problem::LabelNeeded {
                                key: g.key.to_string(),
                            },
                        );
                    }
                }
            }
        }
        let r = &prog.reporting;
        for (name, md) in [
            ("half_year_due", r.half_year_due),
            ("annual_due", r.annual_due),
        ] {
            if let Some(md) = md {
                let p = format!("programme.reporting.{name}");
                if !(1..=12).contains(&md.month) {
                    self.push(
                        format!("{p}.month"),
                        Problem::OutOfRange {
                            found: i64::from(md.month),
                            min: 1,
                            max: 12,
                        },
                    );
                } else if !(1..=31).contains(&md.day) {
                    self.push(
                        format!("{p}.day"),
                        Problem::OutOfRange {
                            found: i64::from(md.day),
                            min: 1,
                            max: 31,
                        },
                    );
                }
            }
        }
        if let Some(md) = r.half_year_due
            && (1..=6).contains(&md.month)
        {
            self.push(
                "programme.reporting.half_year_due.month",
                Problem::OutOfRange {
                    found: i64::from(md.month),
                    min: 7,
                    max: 12,
                },
            );
        }
        let mut codes = HashMap::new();
        for (i, f) in prog.functions.iter().enumerate() {
            self.unique(
                &mut codes,
                format!("programme.functions[{i}].code"),
                &f.code,
            );
            self.required(format!("programme.functions[{i}].label"), &f.label);
        }
        let mut secs = HashMap::new();
        for (i, s) in prog.secretariats.iter().enumerate() {
            let p = format!("programme.secretariats[{i}]");
            self.unique(&mut secs, format!("{p}.id"), s.id.as_str());
            for (j, pid) in s.participants.iter().enumerate() {
                self.reference(
                    format!("{p}.participants[{j}]"),
                    "participant",
                    pid.as_str(),
                    participants.contains(pid.as_str()),
                );
            }
        }
    }

    fn participant(
        &mut self,
        d: &ProgrammeDocument,
        i: usize,
        part: &Participant,
        seen: &mut HashMap<String, String>,
    ) {
        let p = format!("participants[{i}]");
        self.unique(seen, format!("{p}.id"), part.id.as_str());
        self.required(format!("{p}.name"), &part.name);
        if let Some(l) = &part.lang {
            self.lang(format!("{p}.lang"), l);
        }
        if let Some(c) = &part.cohort {
            self.reference(
                format!("{p}.cohort"),
                "cohort",
                c.as_str(),
                d.cohorts.iter().any(|x| &x.id == c),
            );
        }
        for (j, partner) in part.partners.iter().enumerate() {
            self.required(format!("{p}.partners[{j}].name"), &partner.name);
        }
        if let Some(path) = &part.path {
            let q = format!("{p}.path");
            match d.phase_model(&path.model) {
                None => self.reference(
                    format!("{q}.model"),
                    "phase model",
                    &format!("{} v{}", path.model.id, path.model.version),
                    false,
                ),
                Some(model) => {
                    let phase = |k: &str| model.phases.iter().find(|x| x.key.as_str() == k);
                    if let Some(s) = &path.start_phase {
                        self.reference(
                            format!("{q}.start_phase"),
                            "phase",
                            s.as_str(),
                            phase(s.as_str()).is_some(),
                        );
                    }
                    let mut keys = HashMap::new();
                    for (j, rec) in path.phases.iter().enumerate() {
                        let r = format!("{q}.phases[{j}]");
                        self.unique(&mut keys, format!("{r}.phase"), rec.phase.as_str());
                        let def = phase(rec.phase.as_str());
                        self.reference(
                            format!("{r}.phase"),
                            "phase",
                            rec.phase.as_str(),
                            def.is_some(),
                        );
                        self.order(
                            &r,
                            ("planned_start", rec.planned_start),
                            ("planned_end", rec.planned_end),
                        );
                        self.order(
                            &r,
                            ("actual_start", rec.actual_start),
                            ("actual_end", rec.actual_end),
                        );
                        for (k, e) in rec.extensions.iter().enumerate() {
                            self.required(format!("{r}.extensions[{k}].reason"), &e.reason);
                            self.order(
                                &format!("{r}.extensions[{k}]"),
                                ("actual_start", rec.actual_start),
                                ("until", Some(e.until)),
                            );
                        }
                        let mut gates = HashMap::new();
                        for (k, g) in rec.gates.iter().enumerate() {
                            let s = format!("{r}.gates[{k}]");
                            self.unique(&mut gates, format!("{s}.gate"), g.gate.as_str());
                            if let Some(def) = def {
                                self.reference(
                                    format!("{s}.gate"),
                                    "gate",
                                    g.gate.as_str(),
                                    def.gates.iter().any(|x| x.key == g.gate),
                                );
                            }
                        }
                    }
                }
            }
        }
        let model = part.path.as_ref().and_then(|p| d.phase_model(&p.model));
        for (j, r) in part.survey_rounds.iter().enumerate() {
            self.id(format!("{p}.survey_rounds[{j}].round"), r.round.as_str());
            if let Some(ph) = &r.phase {
                self.reference(
                    format!("{p}.survey_rounds[{j}].phase"),
                    "phase",
                    ph.as_str(),
                    model.is_some_and(|m| m.phases.iter().any(|x| &x.key == ph)),
                );
            }
        }
        for (j, r) in part.planning_calendar.iter().enumerate() {
            let q = format!("{p}.planning_calendar[{j}]");
            self.order(
                &q,
                ("input_deadline", r.input_deadline),
                ("adoption", Some(r.adoption)),
            );
            if let Some(span) = &r.period {
                self.span(&format!("{q}.period"), span);
            }
        }
        let mut versions = HashMap::new();
        for (j, a) in part.agreements.iter().enumerate() {
            let q = format!("{p}.agreements[{j}]");
            self.unique(
                &mut versions,
                format!("{q}.version"),
                &a.version.to_string(),
            );
            self.order(&q, ("signed_on", a.signed_on), ("valid_to", a.valid_to));
            for (k, o) in a.obligations.iter().enumerate() {
                self.required(format!("{q}.obligations[{k}].text"), &o.text);
            }
        }
        if let Some(pa) = &part.pre_analysis {
            for (j, g) in pa.informants.iter().enumerate() {
                self.required(format!("{p}.pre_analysis.informants[{j}].group"), &g.group);
            }
            for (j, pr) in pa.presentations.iter().enumerate() {
                self.required(format!("{p}.pre_analysis.presentations[{j}].to"), &pr.to);
            }
        }
    }

    fn organisation(&mut self, p: &str, o: &Organisation, functions: &BTreeSet<&str>) {
        for (i, w) in o.owners.iter().enumerate() {
            let q = format!("{p}.owners[{i}]");
            if let Some(h) = &w.holder {
                self.required(format!("{q}.holder"), h);
            }
            self.order(&q, ("from", w.from), ("to", w.to));
        }
        let ids: BTreeSet<&str> = o.bodies.iter().map(|b| b.id.as_str()).collect();
        let mut seen = HashMap::new();
        for (i, b) in o.bodies.iter().enumerate() {
            let q = format!("{p}.bodies[{i}]");
            self.unique(&mut seen, format!("{q}.id"), b.id.as_str());
            self.required(format!("{q}.name"), &b.name);
            if let Some(parent) = &b.parent {
                self.reference(
                    format!("{q}.parent"),
                    "body",
                    parent.as_str(),
                    ids.contains(parent.as_str()) && parent != &b.id,
                );
            }
            self.order(
                &q,
                ("established", b.established),
                ("dissolved", b.dissolved),
            );
            let mut members = HashMap::new();
            for (j, m) in b.members.iter().enumerate() {
                let r = format!("{q}.members[{j}]");
                if let Some(id) = &m.id {
                    self.unique(&mut members, format!("{r}.id"), id.as_str());
                }
                let named = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
                if !named(&m.position) && !named(&m.unit) && m.person.is_none() {
                    self.push(r.clone(), Problem::MemberUnnamed);
                }
                self.order(&r, ("from", m.from), ("to", m.to));
                if !functions.is_empty() {
                    for (k, f) in m.functions.iter().enumerate() {
                        self.reference(
                            format!("{r}.functions[{k}]"),
                            "function",
                            f,
                            functions.contains(f.as_str()),
                        );
                    }
                }
            }
        }
        if let Some(l) = &o.leader {
            for (i, pl) in l.placements.iter().enumerate() {
                let q = format!("{p}.leader.placements[{i}]");
                self.required(format!("{q}.unit"), &pl.unit);
                self.order(&q, ("from", pl.from), ("to", pl.to));
            }
        }
    }

    fn action_plan(&mut self, p: &str, plan: &ActionPlan, bodies: &BTreeSet<&str>) {
        if plan.versions.is_empty() {
            self.push(format!("{p}.versions"), Problem::Empty);
        }
        let mut numbers = HashMap::new();
        for (i, v) in plan.versions.iter().enumerate() {
            let q = format!("{p}.versions[{i}]");
            self.unique(&mut numbers, format!("{q}.number"), &v.number.to_string());
            self.order(&q, ("drafted", v.drafted), ("approved", v.approved));
            let goal_ids: BTreeMap<&str, Option<&str>> = v
                .goals
                .iter()
                .map(|g| (g.id.as_str(), g.parent.as_ref().map(|x| x.as_str())))
                .collect();
            let mut seen = HashMap::new();
            for (j, g) in v.goals.iter().enumerate() {
                let r = format!("{q}.goals[{j}]");
                self.unique(&mut seen, format!("{r}.id"), g.id.as_str());
                self.required(format!("{r}.title"), &g.title);
                if let Some(parent) = &g.parent {
                    if !goal_ids.contains_key(parent.as_str()) {
                        self.reference(format!("{r}.parent"), "goal", parent.as_str(), false);
                    } else {
                        // Walk up; more steps than goals means a cycle.
                        let mut at = Some(parent.as_str());
                        let mut steps = 0;
                        while let Some(x) = at {
                            if x == g.id.as_str() || steps > goal_ids.len() {
                                self.push(format!("{r}.parent"), Problem::GoalCycle);
                                break;
                            }
                            at = goal_ids.get(x).copied().flatten();
                            steps += 1;
                        }
                    }
                }
            }
            let mut seen = HashMap::new();
            let measure_ids: BTreeSet<&str> = v.measures.iter().map(|m| m.id.as_str()).collect();
            for (j, m) in v.measures.iter().enumerate() {
                let r = format!("{q}.measures[{j}]");
                self.unique(&mut seen, format!("{r}.id"), m.id.as_str());
                self.required(format!("{r}.title"), &m.title);
                for (k, g) in m.goals.iter().enumerate() {
                    self.reference(
                        format!("{r}.goals[{k}]"),
                        "goal",
                        g.as_str(),
                        goal_ids.contains_key(g.as_str()),
                    );
                }
                if let Some(b) = &m.sub_project {
                    self.reference(
                        format!("{r}.sub_project"),
                        "body",
                        b.as_str(),
                        bodies.contains(b.as_str()),
                    );
                }
                self.order(&r, ("start", m.start), ("end", m.end));
            }
            let mut seen = HashMap::new();
            for (j, ind) in v.indicators.iter().enumerate() {
                let r = format!("{q}.indicators[{j}]");
                self.unique(&mut seen, format!("{r}.id"), ind.id.as_str());
                self.required(format!("{r}.name"), &ind.name);
                if let Some(m) = &ind.measure {
                    self.reference(
                        format!("{r}.measure"),
                        "measure",
                        m.as_str(),
                        measure_ids.contains(m.as_str()),
                    );
                }
                if let Some(g) = &ind.goal {
                    self.reference(
                        format!("{r}.goal"),
                        "goal",
                        g.as_str(),
                        goal_ids.contains_key(g.as_str()),
                    );
                }
                if let IndicatorSource::Survey { figure } = &ind.source
                    && !is_figure_key(figure)
                {
                    self.push(
                        format!("{r}.source.figure"),
                        Problem::BadFigureKey {
                            key: figure.clone(),
                        },
                    );
                }
                let finite = |x: f64| x.is_finite();
                for (name, x) in [
                    ("baseline", ind.baseline.map(|o| o.value)),
                    ("target", ind.target.map(|t| t.value)),
                ] {
                    if x.is_some_and(|x| !finite(x)) {
                        self.push(
                            format!("{r}.{name}.value"),
                            Problem::Invalid {
                                detail: "expected a finite number".into(),
                            },
                        );
                    }
                }
            }
        }
    }
}
