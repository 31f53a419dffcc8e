//! Texts as keys and arguments. The crate never writes a sentence: findings,
//! matrix cells and errors are [`Message`]s whose keys live in
//! `crates/i18n/locales/*/programme.ftl`. A caller renders them with
//! [`Renderer`] over any [`Catalogue`] (samspill-i18n's `Texts` in the web
//! and report layers), applying the programme's own vocabulary.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::{Date, Precision};
use crate::model::{Form, Term, VocabularyEntry};

/// A message: a key of the `programme-` area and its named arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// The Fluent key.
    pub key: String,
    /// Named arguments.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Value>,
}

impl Message {
    /// A message without arguments.
    pub fn new(key: impl Into<String>) -> Message {
        Message {
            key: key.into(),
            args: BTreeMap::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &str, value: impl Into<Value>) -> Message {
        self.args.insert(name.to_string(), value.into());
        self
    }

    /// Adds a text argument.
    pub fn text(self, name: &str, value: impl Into<String>) -> Message {
        self.arg(name, Value::Text(value.into()))
    }
}

/// An argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// Text as it is (a name, a title, the recorder's wording).
    Text(String),
    /// A whole number (counts select plural forms).
    Int(i64),
    /// A decimal number, written in the language's style.
    Decimal(f64),
    /// A date, written at its precision («høsten 2010», «november 2010»).
    Date(Date),
    /// A nested message.
    Message(Box<Message>),
    /// A word of the vocabulary in a grammatical form.
    Term {
        /// The term.
        term: Term,
        /// The form.
        form: Form,
    },
    /// A list, joined as «a, b og c».
    List(Vec<Value>),
}

impl From<Message> for Value {
    fn from(m: Message) -> Value {
        Value::Message(Box::new(m))
    }
}

impl From<Date> for Value {
    fn from(d: Date) -> Value {
        Value::Date(d)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Int(i64::from(n))
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Value {
        Value::Int(i64::from(n))
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Value::Decimal(x)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl Value {
    /// A term in a form.
    pub fn term(term: Term, form: Form) -> Value {
        Value::Term { term, form }
    }

    /// A list of texts.
    pub fn texts<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Value {
        Value::List(items.into_iter().map(|s| Value::Text(s.into())).collect())
    }
}

/// A plain argument handed to a [`Catalogue`].
#[derive(Debug, Clone, Copy)]
pub enum Plain<'a> {
    /// Text.
    Str(&'a str),
    /// A number (plural rules apply).
    Num(f64),
}

/// A source of message texts in one language (samspill-i18n's `Texts`
/// implements the same two operations).
pub trait Catalogue {
    /// The language code (`nb`, `nn`, `da`, `en`).
    fn lang(&self) -> &str;
    /// The text of `key` with `args`.
    fn format(&self, key: &str, args: &[(&str, Plain<'_>)]) -> String;
}

/// Renders messages in one language with a programme's vocabulary.
pub struct Renderer<'a> {
    catalogue: &'a dyn Catalogue,
    vocabulary: &'a [VocabularyEntry],
}

/// The text with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl<'a> Renderer<'a> {
    /// A renderer over `catalogue` with the programme's `vocabulary`.
    pub fn new(catalogue: &'a dyn Catalogue, vocabulary: &'a [VocabularyEntry]) -> Renderer<'a> {
        Renderer {
            catalogue,
            vocabulary,
        }
    }

    /// The language.
    pub fn lang(&self) -> &str {
        self.catalogue.lang()
    }

    /// A message as text.
    pub fn message(&self, m: &Message) -> String {
        let rendered: Vec<(&str, Rendered)> = m
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), self.plain(v)))
            .collect();
        let args: Vec<(&str, Plain<'_>)> = rendered
            .iter()
            .map(|(k, r)| {
                (
                    *k,
                    match r {
                        Rendered::Str(s) => Plain::Str(s),
                        Rendered::Num(n) => Plain::Num(*n),
                    },
                )
            })
            .collect();
        self.catalogue.format(&m.key, &args)
    }

    /// A message as a sentence: its first letter in upper case (findings
    /// may start with a word that is lower case inside a sentence).
    pub fn sentence(&self, m: &Message) -> String {
        capitalise(&self.message(m))
    }

    /// A value as text.
    pub fn value(&self, v: &Value) -> String {
        match self.plain(v) {
            Rendered::Str(s) => s,
            Rendered::Num(n) => self
                .catalogue
                .format("programme-number", &[("n", Plain::Num(n))]),
        }
    }

    /// A term in a form: the programme's label if it has one, else the default.
    pub fn term(&self, term: Term, form: Form) -> String {
        let lang = self.catalogue.lang();
        self.vocabulary
            .iter()
            .filter(|e| e.term == term && e.lang == lang)
            .find_map(|e| e.form(form).map(str::to_string))
            .unwrap_or_else(|| {
                self.catalogue.format(
                    &format!("programme-term-{}{}", term.code(), form.key_suffix()),
                    &[],
                )
            })
    }

    /// A date at its precision.
    pub fn date(&self, d: Date) -> String {
        let year = d.year().to_string();
        let month = || {
            self.catalogue
                .format(&format!("programme-month-{}", d.month()), &[])
        };
        match d.precision() {
            Precision::Day => self.catalogue.format(
                "programme-date-day",
                &[
                    ("day", Plain::Num(f64::from(d.day()))),
                    ("month", Plain::Str(&month())),
                    ("year", Plain::Str(&year)),
                ],
            ),
            Precision::Month => self.catalogue.format(
                "programme-date-month",
                &[("month", Plain::Str(&month())), ("year", Plain::Str(&year))],
            ),
            Precision::Season => self.catalogue.format(
                &format!(
                    "programme-date-season-{}",
                    d.season().map_or("autumn", |s| s.code())
                ),
                &[("year", Plain::Str(&year))],
            ),
            Precision::Year => year,
        }
    }

    fn plain(&self, v: &Value) -> Rendered {
        match v {
            Value::Text(s) => Rendered::Str(s.clone()),
            Value::Int(n) => Rendered::Num(*n as f64),
            Value::Decimal(x) => Rendered::Str(self.decimal(*x)),
            Value::Date(d) => Rendered::Str(self.date(*d)),
            Value::Message(m) => Rendered::Str(self.message(m)),
            Value::Term { term, form } => Rendered::Str(self.term(*term, *form)),
            Value::List(items) => Rendered::Str(self.list(items)),
        }
    }

    /// A list joined as the language joins lists («a, b og c»).
    pub fn list(&self, items: &[Value]) -> String {
        let texts: Vec<String> = items.iter().map(|v| self.value(v)).collect();
        match texts.len() {
            0 => String::new(),
            1 => texts[0].clone(),
            n => self.catalogue.format(
                "programme-list-and",
                &[
                    ("head", Plain::Str(&texts[..n - 1].join(", "))),
                    ("last", Plain::Str(&texts[n - 1])),
                ],
            ),
        }
    }

    /// A decimal number: at most two decimals, trailing zeros dropped, the
    /// language's decimal separator.
    pub fn decimal(&self, x: f64) -> String {
        if !x.is_finite() {
            return String::new();
        }
        let s = format!("{x:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        let s = if s == "-0" { "0".to_string() } else { s };
        if self.catalogue.lang() == "en" {
            s
        } else {
            s.replace('.', ",")
        }
    }
}

enum Rendered {
    Str(String),
    Num(f64),
}

/// One glossary entry, ready to render: the word and its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlossaryItem {
    /// The word (a term in the programme's vocabulary, or the programme's
    /// own headword).
    pub headword: Value,
    /// The explanation.
    pub definition: Value,
    /// The term it explains, if it is one of the confusable words.
    pub term: Option<Term>,
}

/// The glossary of a programme in `lang`: every confusable word with its
/// default explanation (`programme-glossary-*`), unless the programme
/// replaces it, then the programme's own entries, in that order.
pub fn glossary(programme: &crate::model::Programme, lang: &str) -> Vec<GlossaryItem> {
    let own: Vec<&crate::model::GlossaryEntry> = programme
        .glossary
        .iter()
        .filter(|g| g.lang == lang)
        .collect();
    let mut out: Vec<GlossaryItem> = Term::ALL
        .iter()
        .map(|t| match own.iter().find(|g| g.term == Some(*t)) {
            Some(g) => GlossaryItem {
                headword: Value::Text(g.headword.clone()),
                definition: Value::Text(g.definition.clone()),
                term: Some(*t),
            },
            None => GlossaryItem {
                headword: Value::term(*t, Form::Singular),
                definition: Message::new(format!("programme-glossary-{}", t.code())).into(),
                term: Some(*t),
            },
        })
        .collect();
    out.extend(
        own.iter()
            .filter(|g| g.term.is_none())
            .map(|g| GlossaryItem {
                headword: Value::Text(g.headword.clone()),
                definition: Value::Text(g.definition.clone()),
                term: None,
            }),
    );
    out
}

/// Every message key the crate can produce, and the keys of the words it
/// names (levels, sources, statuses, …) that pages need beside them. A
/// test keeps `locales/*/programme.ftl` equal to this list.
pub fn all_keys() -> Vec<String> {
    use crate::model::*;
    let mut k: Vec<String> = Vec::new();
    let mut add = |prefix: &str, codes: &[&str]| {
        for c in codes {
            k.push(format!("{prefix}{}", c.replace('_', "-")));
        }
    };
    add(
        "programme-",
        &[
            "number",
            "list-and",
            "date-day",
            "date-month",
            "error-where-document",
        ],
    );
    add(
        "programme-date-season-",
        &["spring", "summer", "autumn", "winter"],
    );
    let months: Vec<String> = (1..=12).map(|m| m.to_string()).collect();
    add(
        "programme-month-",
        &months.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for t in Term::ALL {
        for f in [
            Form::Singular,
            Form::Definite,
            Form::Plural,
            Form::DefinitePlural,
            Form::Genitive,
        ] {
            add(
                "programme-term-",
                &[&format!("{}{}", t.code(), f.key_suffix())],
            );
        }
        add("programme-glossary-", &[t.code()]);
    }
    add("programme-phase-", &crate::defaults::PHASE_KEYS);
    add("programme-gate-", &crate::defaults::GATE_KEYS);
    add("programme-plan-type-", &PlanType::ALL.map(PlanType::code));
    add("programme-finding-", &crate::finding::FindingKind::CODES);
    add("programme-error-", &crate::document::Problem::CODES);
    add(
        "programme-xlsx-error-",
        &["too-large", "not-a-workbook", "inflates", "write"],
    );
    add(
        "programme-xlsx-error-sheet-",
        &[
            "missing",
            "too-many-sheets",
            "too-many-rows",
            "too-many-columns",
            "too-many-cells",
            "text-too-long",
            "not-samspill",
            "bad-pattern",
            "bad-header",
            "document-rows",
            "parent-not-found",
            "bad-cell",
            "field-clash",
        ],
    );
    add("programme-dimension-", &Dimension::ALL.map(Dimension::code));
    add("programme-rating-", &["none", "weak", "partial", "strong"]);
    add(
        "programme-partner-",
        &["municipality", "housing_organisation", "other"],
    );
    add(
        "programme-participant-kind-",
        &["municipality", "district", "housing_area"],
    );
    add(
        "programme-document-",
        &[
            "application",
            "pre_analysis",
            "action_plan",
            "report",
            "programme_plan",
            "knowledge_plan",
            "minutes",
            "other",
        ],
    );
    add(
        "programme-decision-subject-",
        &[
            "application",
            "pre-analysis",
            "action-plan",
            "mandate",
            "budget",
            "other",
        ],
    );
    add(
        "programme-involvement-",
        &[
            "information",
            "contact",
            "consultation",
            "reference_group",
            "membership",
            "agreement",
        ],
    );
    add("programme-status-", &["realised", "planned", "considered"]);
    add(
        "programme-user-level-",
        &["none", "informant", "consultation", "active"],
    );
    add(
        "programme-gathering-",
        &[
            "programme-gathering",
            "programme-leader-meeting",
            "dialogue-conference",
            "theme-day",
            "working-meeting",
            "other",
        ],
    );
    for l in Level::ALL {
        add(
            "programme-level-",
            &[l.code(), &format!("{}-plural", l.code())],
        );
    }
    for s in SourceKind::ALL {
        add(
            "programme-source-",
            &[s.code(), &format!("{}-definite-plural", s.code())],
        );
    }
    add(
        "programme-sign-off-role-",
        &["programme-leader", "coordinators", "mixed"],
    );
    add("programme-position-", &["not-started", "finished"]);
    add("programme-owner-kind-", &["administrative", "political"]);
    add("programme-placement-kind-", &["strategic", "service"]);
    add(
        "programme-orientation-",
        &["steering_group", "project_group", "both"],
    );
    add(
        "programme-measure-status-",
        &[
            "not_started",
            "ongoing",
            "completed",
            "postponed",
            "cancelled",
        ],
    );
    add(
        "programme-report-state-",
        &["due_soon", "late", "submitted", "submitted_late", "read"],
    );
    add("programme-gate-state-", &["passed", "open", "overdue"]);
    add("programme-learning-loop-", &["1", "2", "3"]);
    add("programme-knowledge-area-", &["a", "b", "c", "d"]);
    add(
        "programme-actor-level-",
        &["individual", "organisation", "institution", "funder"],
    );
    add("programme-knowledge-form-", &["explicit", "tacit"]);
    add(
        "programme-informant-group-",
        &[
            "programme_leader",
            "steering_group",
            "project_group",
            "administrative_leadership",
            "political_leadership",
            "external",
            "voluntary",
            "users",
            "funder",
        ],
    );
    add("programme-severity-", &["info", "warning", "problem"]);
    add(
        "programme-effect-level-",
        &["users", "municipality", "national_policy"],
    );
    add(
        "programme-member-role-",
        &["chair", "member", "secretary", "deputy"],
    );
    add(
        "programme-office-",
        &[
            "chief_executive",
            "deputy_chief_executive",
            "mayor",
            "deputy_mayor",
            "programme_leader",
        ],
    );
    add(
        "programme-plan-status-",
        &["adopted", "planned", "working_document"],
    );
    add(
        "programme-matrix-section-",
        &["organisation", "anchoring", "ahead", "other"],
    );
    add(
        "programme-matrix-row-",
        &[
            "steering-group",
            "project-group",
            "leader-placement",
            "leader-orientation",
            "administrative-anchoring",
            "political-anchoring",
            "external-anchoring",
            "plan-anchoring",
            "main-goals",
            "measures",
            "phase",
        ],
    );
    add(
        "programme-matrix-",
        &[
            "representatives-from",
            "member-from",
            "units-of-steering-group",
            "placement-changed",
            "orientation-steering-group",
            "orientation-project-group",
            "orientation-both",
            "owner-administrative",
            "owner-political",
            "committee-responsible",
            "committee-follows",
            "politician-in-body",
            "pre-analysis-presented",
            "gathering-held",
            "gathering-planned",
            "gathering-considered",
            "agreement",
            "dialogue-conference-pre-analysis",
            "external-in-steering-group",
            "external-in-project-group",
            "political-decision",
            "external-information",
            "external-contact",
            "external-reference-groups-planned",
            "external-involvement",
            "users-planned-in",
            "users-considered-in",
            "users-plans-to-include",
            "users-participation",
            "plan-with-period",
            "plan-working-document",
            "plan-budget",
            "plan-as-thematic",
            "plan-ongoing-revision",
            "plan-revision-year",
            "plan-from-year",
            "plan-all-planned",
            "main-goals",
            "priority-areas",
            "chief-executive-in-steering-group",
            "phase-same",
            "phase-differs",
            "caption-sources",
            "caption-conflict",
            "caption-sign-off",
            "caption-sign-off-partial",
            "caption-from-to",
            "signed-off",
        ],
    );
    add(
        "programme-portfolio-",
        &[
            "sheet",
            "findings-sheet",
            "yes",
            "no",
            "participant",
            "cohort",
            "calendar-phase",
            "real-phase",
            "overrun-days",
            "open-gates",
            "reports-late",
            "reports-due-soon",
            "chief-executive-in-steering-group",
            "political-members",
            "ownership",
            "agreement",
            "leader-strategic",
            "user-participation",
            "problems",
            "warnings",
            "severity",
            "finding",
        ],
    );
    k.sort();
    k.dedup();
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;
    impl Catalogue for Fake {
        fn lang(&self) -> &str {
            "nb"
        }
        fn format(&self, key: &str, args: &[(&str, Plain<'_>)]) -> String {
            let mut s = key.to_string();
            for (k, v) in args {
                match v {
                    Plain::Str(t) => s.push_str(&format!(" {k}={t}")),
                    Plain::Num(n) => s.push_str(&format!(" {k}#{n}")),
                }
            }
            s
        }
    }

    #[test]
    fn renders_nested_values_and_vocabulary() {
        let vocab = vec![VocabularyEntry {
            term: Term::ProgrammeLeader,
            lang: "nb".into(),
            singular: Some("prosjektleder".into()),
            definite: None,
            plural: None,
            definite_plural: None,
            genitive: None,
        }];
        let r = Renderer::new(&Fake, &vocab);
        assert_eq!(
            r.term(Term::ProgrammeLeader, Form::Singular),
            "prosjektleder"
        );
        assert_eq!(
            r.term(Term::ProgrammeLeader, Form::Definite),
            "programme-term-programme-leader-definite"
        );
        let m = Message::new("k")
            .arg("n", 3i64)
            .arg("x", 1.50)
            .arg("d", Date::parse("2010-autumn").unwrap())
            .arg("l", Value::texts(["a", "b", "c"]));
        assert_eq!(
            r.message(&m),
            "k d=programme-date-season-autumn year=2010 l=programme-list-and head=a, b last=c n#3 x=1,5"
        );
        assert_eq!(r.decimal(-0.001), "0");
        assert_eq!(capitalise("økonomiplan"), "Økonomiplan");
    }
}
