//! The store's public data types.

use samspill_engine::model::{Frequency, Level, Network};
use samspill_engine::survey::{ContactType, OpenAnswer, PoliticalContacts, RatingAnswers};
use serde::Serialize;

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub(crate) i64);
        impl $name {
            /// The raw database id (for URLs and forms).
            pub fn get(self) -> i64 {
                self.0
            }
            /// An id from a URL or form. It grants nothing by itself: every
            /// lookup still filters by the tenant.
            pub fn from_raw(id: i64) -> Self {
                $name(id)
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

/// A tenant (municipality or housing area). Obtained only from an
/// authenticated session, a respondent token or operator tooling, so it is
/// the proof of which tenant's rows a caller may touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct TenantId(pub(crate) i64);

impl TenantId {
    /// The raw id (for logs).
    pub fn get(self) -> i64 {
        self.0
    }
    /// A tenant id from a row the caller was given (a grant, the
    /// operator's list). It grants nothing by itself: who may use which
    /// tenant is decided by the session's role and grants.
    pub fn from_raw(id: i64) -> Self {
        TenantId(id)
    }
}

id_type!(
    /// A person on a tenant's roster: stable across rounds.
    PersonId
);
id_type!(
    /// A survey round.
    RoundId
);
id_type!(
    /// A function in the tenant's catalogue.
    FunctionId
);
id_type!(
    /// A political body of a round.
    BodyId
);
id_type!(
    /// A respondent's invitation to a round.
    InvitationId
);
id_type!(
    /// A user account.
    UserId
);

/// Kind of tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TenantKind {
    /// A Norwegian municipality (kommune) or city district (bydel).
    Municipality,
    /// A Danish housing area with a boligsocial helhedsplan.
    HousingArea,
}

impl TenantKind {
    /// Stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            TenantKind::Municipality => "municipality",
            TenantKind::HousingArea => "housing_area",
        }
    }
    pub(crate) fn parse(s: &str) -> TenantKind {
        if s == "housing_area" {
            TenantKind::HousingArea
        } else {
            TenantKind::Municipality
        }
    }
}

/// A tenant to create.
#[derive(Debug, Clone)]
pub struct NewTenant {
    /// URL-safe short name (`oppdal`).
    pub slug: String,
    /// Display name (`Oppdal kommune`).
    pub name: String,
    /// Kind.
    pub kind: TenantKind,
    /// Default language (`nb`, `nn`, `da`, `en`).
    pub lang: String,
    /// Sender address of invitation mail.
    pub mail_from: Option<String>,
}

impl NewTenant {
    /// A municipality with a default language and no sender yet.
    pub fn municipality(slug: &str, name: &str, lang: &str) -> NewTenant {
        NewTenant {
            slug: slug.into(),
            name: name.into(),
            kind: TenantKind::Municipality,
            lang: lang.into(),
            mail_from: None,
        }
    }
}

/// A tenant as stored.
#[derive(Debug, Clone, Serialize)]
pub struct TenantInfo {
    /// Id.
    pub id: i64,
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: TenantKind,
    /// Default language.
    pub lang: String,
    /// Sender address of invitation mail.
    pub mail_from: Option<String>,
    /// Whether the tenant is in use (a deactivated tenant's users cannot
    /// log in and its links are closed; its data stays).
    pub active: bool,
}

/// A function in the catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionInfo {
    /// Id.
    pub id: FunctionId,
    /// Standard code (`tenancy`…) for the eleven standard functions, `None`
    /// for the tenant's own.
    pub code: Option<String>,
    /// Name as shown.
    pub name: String,
}

/// A person to add or import.
#[derive(Debug, Clone, Default)]
pub struct NewPerson {
    /// Full name.
    pub name: String,
    /// E-mail (unique per tenant; matching is case-insensitive).
    pub email: String,
    /// Unit.
    pub unit: Option<String>,
    /// Level.
    pub level: Option<Level>,
    /// Function names (or standard codes) from the catalogue; the first is
    /// primary.
    pub functions: Vec<String>,
}

/// A person on the roster.
#[derive(Debug, Clone, Serialize)]
pub struct PersonInfo {
    /// Stable id.
    pub id: PersonId,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Unit.
    pub unit: Option<String>,
    /// Level.
    pub level: Option<Level>,
    /// Functions, primary first.
    pub functions: Vec<String>,
    /// Whether the person is on the current roster.
    pub active: bool,
}

/// One problem in one roster row (rows count from 1 = first data row as
/// the user sees it in the file, header excluded unless stated).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowProblem {
    /// Row number in the file (the header is row 1, so data starts at 2).
    pub row: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What is wrong with a roster row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    /// A required column is missing from the header.
    MissingColumn {
        /// Column name.
        column: String,
    },
    /// The name is empty.
    MissingName,
    /// The e-mail address is not valid.
    BadEmail {
        /// The value.
        value: String,
    },
    /// The e-mail address was already used in an earlier row.
    DuplicateEmail {
        /// The value.
        value: String,
        /// The earlier row.
        first_row: usize,
    },
    /// A function is not in the catalogue.
    UnknownFunction {
        /// The value.
        value: String,
    },
    /// The level is not one of the known levels.
    UnknownLevel {
        /// The value.
        value: String,
    },
    /// A value is too long or contains control characters.
    BadText {
        /// Column.
        column: String,
    },
    /// A quoted CSV value opens on this row and is never closed (a reader
    /// would take the rest of the file as that one value).
    UnclosedQuote {
        /// Column number (1 = the first).
        column: usize,
    },
    /// The file could not be read at all.
    Unreadable {
        /// Why.
        reason: String,
    },
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Persons added.
    pub added: usize,
    /// Existing persons (same e-mail) updated.
    pub updated: usize,
    /// Persons taken off the list (only when the import replaces it).
    pub removed: usize,
}

/// How an imported list meets the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// Rows are added or update the person with the same e-mail; everyone
    /// else stays on the list.
    Add,
    /// The file becomes the list: as `Add`, and everyone on the list who is
    /// not in the file is taken off it (the person and their answers in
    /// earlier rounds stay; they can be put back).
    Replace,
}

/// One field of a person that an import changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// `name`, `unit`, `level` (machine name), `functions` (joined with
    /// `, `) or `active` (`0`/`1`: taken off the list earlier, back now).
    pub field: String,
    /// The value on the roster now (empty when none).
    pub before: String,
    /// The value from the file.
    pub after: String,
}

/// One person an import adds, changes or takes off the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonChange {
    /// The person on the roster (`None` for a person the import adds).
    pub id: Option<PersonId>,
    /// The row of the file (numbered as in [`Tenant::import_roster`];
    /// `None` for a person taken off the list).
    ///
    /// [`Tenant::import_roster`]: crate::Tenant::import_roster
    pub row: Option<usize>,
    /// Name (from the file, or on the roster for a person taken off).
    pub name: String,
    /// E-mail as stored (lower case).
    pub email: String,
    /// What changes (empty for added and removed persons).
    pub fields: Vec<FieldChange>,
}

/// What an import would do, computed without changing anything: the preview
/// the coordinator confirms before a list replaces the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterChanges {
    /// The mode it was computed for.
    pub mode: ImportMode,
    /// New persons.
    pub added: Vec<PersonChange>,
    /// Persons on the roster whose details (or presence on the list) change.
    pub changed: Vec<PersonChange>,
    /// Persons taken off the list (`Replace` only).
    pub removed: Vec<PersonChange>,
    /// Rows that match the roster exactly.
    pub unchanged: usize,
    /// A digest of all of the above and of the roster it was computed
    /// against: the import refuses to run when the roster changed after the
    /// preview was shown ([`StoreError::Stale`](crate::StoreError::Stale)).
    pub fingerprint: String,
}

impl RosterChanges {
    /// Whether the import changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Status of a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    /// Being prepared.
    Draft,
    /// Accepting answers.
    Open,
    /// Frozen.
    Closed,
}

impl RoundStatus {
    /// Stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            RoundStatus::Draft => "draft",
            RoundStatus::Open => "open",
            RoundStatus::Closed => "closed",
        }
    }
    pub(crate) fn parse(s: &str) -> RoundStatus {
        match s {
            "open" => RoundStatus::Open,
            "closed" => RoundStatus::Closed,
            _ => RoundStatus::Draft,
        }
    }
}

/// A round to create.
#[derive(Debug, Clone)]
pub struct NewRound {
    /// Name (`Runde 1 – 2026`).
    pub name: String,
    /// Languages offered to respondents.
    pub languages: Vec<String>,
    /// Default language.
    pub lang: String,
    /// First day answers are accepted (`YYYY-MM-DD`), if any.
    pub opens_on: Option<String>,
    /// Last day answers are accepted (`YYYY-MM-DD`), if any.
    pub closes_on: Option<String>,
    /// Whether the optional second relation ("whom do you ask for advice") is asked.
    pub second_relation: bool,
    /// Political bodies, in display order.
    pub bodies: Vec<String>,
    /// The parts of the instrument asked (`second_relation` is kept in step
    /// with `parts.advice`: either one set asks the advice relation).
    pub parts: Parts,
    /// Whom respondents contact, and who drew up the list.
    pub contact: RoundContact,
}

impl NewRound {
    /// The standard template: all four languages, the three bodies every
    /// municipality has, no dates.
    pub fn standard(name: &str, lang: &str) -> NewRound {
        NewRound {
            name: name.into(),
            languages: vec!["nb".into(), "nn".into(), "da".into(), "en".into()],
            lang: lang.into(),
            opens_on: None,
            closes_on: None,
            second_relation: false,
            bodies: vec![
                "Ordfører".into(),
                "Formannskap".into(),
                "Kommunestyre".into(),
            ],
            parts: Parts::standard(),
            contact: RoundContact::default(),
        }
    }
}

/// Editable settings of a round.
#[derive(Debug, Clone)]
pub struct RoundSettings {
    /// Name.
    pub name: String,
    /// Languages offered.
    pub languages: Vec<String>,
    /// Default language.
    pub lang: String,
    /// First day.
    pub opens_on: Option<String>,
    /// Last day.
    pub closes_on: Option<String>,
    /// Second relation asked.
    pub second_relation: bool,
    /// Day on which a reminder goes automatically to everyone who has not
    /// submitted (`YYYY-MM-DD`), if any.
    pub remind_on: Option<String>,
}

/// A political body of a round.
#[derive(Debug, Clone, Serialize)]
pub struct BodyInfo {
    /// Id.
    pub id: BodyId,
    /// Name.
    pub name: String,
}

/// The parts of the instrument a round asks. The contact question (with its
/// frequency) and the rating of coordination are always asked: they are the
/// network and the 2015 study's Tabell 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parts {
    /// The second relation ("whom do you ask for advice") and its frequency.
    pub advice: bool,
    /// Contact with the political bodies.
    pub political: bool,
    /// The rating of the formal meeting places.
    pub meeting_places: bool,
    /// The open questions asked (keys of [`OPEN_QUESTIONS`], in that order).
    pub open: Vec<String>,
}

impl Parts {
    /// The standard template: everything but the advice relation and the
    /// optional question on good formal meeting points.
    pub fn standard() -> Parts {
        Parts {
            advice: false,
            political: true,
            meeting_places: true,
            open: STANDARD_OPEN_QUESTIONS
                .iter()
                .map(|q| q.to_string())
                .collect(),
        }
    }

    /// Whether the open question `key` is asked.
    pub fn asks_open(&self, key: &str) -> bool {
        self.open.iter().any(|q| q == key)
    }

    /// Whether the wording item `key` (`contacts`, `advice`,
    /// `rating-meeting_places`, `open-focus`, …) belongs to a part that is
    /// asked; items of parts left out do not reach respondents.
    pub fn asks_item(&self, key: &str) -> bool {
        match key {
            "advice" | "advice-frequency" => self.advice,
            "political" => self.political,
            "rating-meeting_places" => self.meeting_places,
            k => match k.strip_prefix("open-") {
                Some(q) => self.asks_open(q),
                None => true,
            },
        }
    }

    /// Whether the rating question `key` is asked.
    pub fn asks_rating(&self, key: &str) -> bool {
        key == "coordination" || (key == "meeting_places" && self.meeting_places)
    }

    /// The rating questions asked, in instrument order.
    pub fn ratings(&self) -> Vec<&'static str> {
        RATING_QUESTIONS
            .iter()
            .copied()
            .filter(|q| self.asks_rating(q))
            .collect()
    }

    /// The open questions asked, in instrument order.
    pub fn open_questions(&self) -> Vec<&'static str> {
        OPEN_QUESTIONS
            .iter()
            .copied()
            .filter(|q| self.asks_open(q))
            .collect()
    }
}

impl Default for Parts {
    fn default() -> Self {
        Parts::standard()
    }
}

/// Whom respondents contact with questions, and who drew up the list: the
/// opening page, the letters and the mails say it, so a person knows why
/// they were asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RoundContact {
    /// Name of the contact person.
    pub name: Option<String>,
    /// Their e-mail address.
    pub email: Option<String>,
    /// Their telephone number.
    pub phone: Option<String>,
    /// Who drew up the list of people asked (a person, a group: «Kari
    /// Nordmann og boliggruppa»).
    pub list_by: Option<String>,
}

/// How one wording item stands across the languages: once it has been
/// changed in some language, the languages not brought up to date since are
/// "not updated".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordingState {
    /// The item (`contacts`, `open-focus`, …).
    pub key: String,
    /// Languages whose wording is up to date with the latest change.
    pub current: Vec<String>,
}

/// A round as stored.
#[derive(Debug, Clone, Serialize)]
pub struct RoundInfo {
    /// Id.
    pub id: RoundId,
    /// Name.
    pub name: String,
    /// Status.
    pub status: RoundStatus,
    /// Languages offered.
    pub languages: Vec<String>,
    /// Default language.
    pub lang: String,
    /// First day.
    pub opens_on: Option<String>,
    /// Last day.
    pub closes_on: Option<String>,
    /// Second relation asked.
    pub second_relation: bool,
    /// Political bodies.
    pub bodies: Vec<BodyInfo>,
    /// Edited instrument wording: `(lang, key, text)`.
    pub texts: Vec<(String, String, String)>,
    /// Automatic reminder day, if any.
    pub remind_on: Option<String>,
    /// When the automatic reminder was queued (Unix seconds).
    pub reminded_at: Option<i64>,
    /// The round this one was copied from («Ny runde fra denne»).
    pub copied_from: Option<RoundId>,
    /// When the round was closed (Unix seconds).
    pub closed_at: Option<i64>,
    /// The parts of the instrument asked (`parts.advice` equals
    /// `second_relation`).
    pub parts: Parts,
    /// Whom respondents contact, and who drew up the list.
    pub contact: RoundContact,
    /// Items whose wording changed in some language, with the languages
    /// that are up to date.
    pub wording: Vec<WordingState>,
}

impl RoundInfo {
    /// Whether the wording of `key` in `lang` is behind a change made in
    /// another language.
    pub fn is_unsynced(&self, lang: &str, key: &str) -> bool {
        self.wording
            .iter()
            .any(|w| w.key == key && !w.current.iter().any(|l| l == lang))
    }

    /// The languages up to date for `key` when some are not (empty when all
    /// are).
    pub fn current_languages(&self, key: &str) -> Vec<String> {
        self.wording
            .iter()
            .find(|w| w.key == key)
            .map(|w| w.current.clone())
            .unwrap_or_default()
    }

    /// `(lang, key)` of every asked item whose wording in an offered
    /// language is behind a change in another: the languages would say
    /// different things.
    pub fn unsynced_offered(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for lang in &self.languages {
            for w in &self.wording {
                if self.parts.asks_item(&w.key) && !w.current.iter().any(|l| l == lang) {
                    out.push((lang.clone(), w.key.clone()));
                }
            }
        }
        out
    }

    /// The edited wording of `key` in `lang`, if the coordinator changed it.
    pub fn text(&self, lang: &str, key: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|t| t.0 == lang && t.1 == key)
            .map(|t| t.2.as_str())
    }
}

/// An invitation with its progress (never its answers).
#[derive(Debug, Clone, Serialize)]
pub struct InvitationInfo {
    /// Id.
    pub id: InvitationId,
    /// The person.
    pub person: PersonId,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Unit.
    pub unit: Option<String>,
    /// Functions, primary first.
    pub functions: Vec<String>,
    /// Has opened the link.
    pub started: bool,
    /// Has submitted.
    pub submitted: bool,
    /// Latest mail status (`queued`, `sent`, `failed`, `bounced`), if any mail.
    pub mail_status: Option<String>,
}

/// An invitation with its personal link token.
#[derive(Debug, Clone, Serialize)]
pub struct InvitationLink {
    /// The invitation.
    pub invitation: InvitationInfo,
    /// The secret token for the link `/s/{token}`.
    pub token: String,
}

/// Response counts for one group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Rate {
    /// Group name (function, unit) or empty for overall.
    pub group: String,
    /// Invited.
    pub invited: usize,
    /// Opened the survey.
    pub started: usize,
    /// Submitted.
    pub submitted: usize,
}

/// Response rates of a round: overall, per function (a person counts in
/// each of their functions) and per unit. Contains no answers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ResponseStats {
    /// Overall.
    pub overall: Rate,
    /// Per function.
    pub per_function: Vec<Rate>,
    /// Per unit.
    pub per_unit: Vec<Rate>,
}

/// Mail kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    /// The first invitation.
    Invitation,
    /// A reminder.
    Reminder,
}

impl MailKind {
    /// Stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Invitation => "invitation",
            MailKind::Reminder => "reminder",
        }
    }
}

/// Delivery status of a mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MailStatus {
    /// Waiting to be sent.
    Queued,
    /// Accepted by the SMTP server.
    Sent,
    /// A temporary failure; will be retried.
    Failed,
    /// Rejected permanently (or bounced back later).
    Bounced,
}

impl MailStatus {
    /// Stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Queued => "queued",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
            MailStatus::Bounced => "bounced",
        }
    }
}

/// A mail to send, with everything the sender needs.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    /// Outbox id.
    pub id: i64,
    /// Tenant.
    pub tenant: TenantId,
    /// Tenant name.
    pub tenant_name: String,
    /// Sender address of the tenant.
    pub from: Option<String>,
    /// Recipient.
    pub to: String,
    /// Recipient's name.
    pub name: String,
    /// Kind.
    pub kind: MailKind,
    /// Round name.
    pub round_name: String,
    /// Language of the mail.
    pub lang: String,
    /// Last day to answer, if set.
    pub closes_on: Option<String>,
    /// The recipient's functions on the list, primary first.
    pub functions: Vec<String>,
    /// The recipient's unit.
    pub unit: Option<String>,
    /// Whom to contact, and who drew up the list.
    pub contact: RoundContact,
    /// The respondent's token (derived with the store's key).
    pub token: String,
    /// Attempts so far.
    pub attempts: i64,
}

/// A message delivered to the built-in outbox.
#[derive(Debug, Clone, Serialize)]
pub struct DeliveredMail {
    /// Id.
    pub id: i64,
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Body as it would arrive (with the personal link).
    pub body: String,
    /// When (Unix seconds).
    pub at: i64,
}

/// Mail that could not be delivered.
#[derive(Debug, Clone, Serialize)]
pub struct MailProblem {
    /// Recipient.
    pub to: String,
    /// `failed` (retried up to 5 times) or `bounced` (refused for good).
    pub status: String,
    /// Attempts so far.
    pub attempts: i64,
    /// What the mail server or the composer said.
    pub reason: String,
}

/// One audit log entry.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    /// Row id (increasing).
    pub id: i64,
    /// The tenant, `None` for service-level rows (operator actions).
    pub tenant: Option<i64>,
    /// Who (user e-mail, `respondent`, `system:…`).
    pub actor: String,
    /// What (`round.close`, `roster.import`…).
    pub action: String,
    /// Details (ids, counts; never answers).
    pub detail: String,
    /// When (Unix seconds).
    pub at: i64,
}

/// A respondent's answers as stored.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Answers {
    /// Chosen contacts per relation (`contact`, `advice`): person and
    /// frequency (None until given).
    pub contacts: Vec<(String, PersonId, Option<Frequency>)>,
    /// Political contact: body and type.
    pub political: Vec<(BodyId, ContactType)>,
    /// Ratings: question and value (`None` = "vet ikke").
    pub ratings: Vec<(String, Option<u8>)>,
    /// Open answers: question and text.
    pub open: Vec<(String, String)>,
}

/// The rating questions of the standard instrument.
pub const RATING_QUESTIONS: [&str; 2] = ["coordination", "meeting_places"];

/// The open questions the instrument knows, in instrument order: the seven
/// of the standard template and the 2015 study's question on good formal
/// meeting points («gode formelle møtepunkter»), which a round may add.
pub const OPEN_QUESTIONS: [&str; 8] = [
    "strengths",
    "challenges",
    "coordination",
    "responsibility",
    "turnover",
    "refugees",
    "focus",
    "meeting_points",
];

/// The open questions asked by the standard template.
pub const STANDARD_OPEN_QUESTIONS: [&str; 7] = [
    "strengths",
    "challenges",
    "coordination",
    "responsibility",
    "turnover",
    "refugees",
    "focus",
];

/// The relations of the contact question.
pub const RELATIONS: [&str; 2] = ["contact", "advice"];

/// Longest open answer accepted, in characters.
pub const MAX_OPEN_ANSWER: usize = 4000;

/// What the engine needs from a round: the reported network and the
/// survey data beside it.
#[derive(Debug, Clone)]
pub struct RoundNetwork {
    /// Everyone invited (stable ids as `Person::id`), with `responded` set
    /// for those who submitted; relation `contact` (and `advice` when
    /// asked) holds each respondent's reports as arcs with strength daily
    /// 3, weekly 2, monthly 1, rarer 0.
    pub network: Network,
    /// Political contact (people × bodies).
    pub political: PoliticalContacts,
    /// One entry per rating question.
    pub ratings: Vec<RatingAnswers>,
    /// Open answers of those who submitted (not linked to people).
    pub open_answers: Vec<OpenAnswer>,
}
