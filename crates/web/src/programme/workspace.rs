//! The evaluator's workspace (issue 18) as pages with forms: the
//! evaluation rounds of a programme and a new round; a round's settings
//! (name, period, the participants followed, the sources the matrix is
//! built from, and the matrix's sections and rows); a round's
//! data-collection log (interviews by informant group and month, documents
//! received, meetings) and notes per participant; the matrix as a
//! landscape PDF (samspill-report's typst grid, header row on every page);
//! the learning log (loop, knowledge area, actor level, shared or not); the
//! gatherings with attendance by level; and a participant's process
//! anchoring with the attendance that is its evidence.
//!
//! Who may change what is the store's decision
//! (`samspill_store::programme::access`): an evaluator, and a funder's
//! adviser, write only rounds they created (never the sign-offs); a
//! coordinator writes learning notes of their own participant and the
//! gatherings it hosts. The pages ask the same functions only to decide
//! which forms to offer. Every text field is checked here first (required,
//! length, control characters) so that the error names the field in the
//! user's language; the store checks the whole programme again and writes
//! nothing on any problem.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::{Arg, Texts};
use samspill_programme::date::Date;
use samspill_programme::ids::{GatheringId, LearningId, NoteId, ParticipantId, RoundId};
use samspill_programme::matrix::{Cell, Layout, cell_texts, generate, render_cell};
use samspill_programme::model::{
    ActorLevel, Attendance, DocumentKind, EvaluationRound, Gathering, GatheringKind,
    InformantGroupKind, KnowledgeArea, KnowledgeForm, LearningEntry, LearningLoop, Level, LogEntry,
    MatrixRowSpec, MatrixSection, Note, RowKind, Section, SourceKind, Status,
};
use samspill_programme::rules::anchoring::profile;
use samspill_programme::rules::learning::{attendance_by_level, collection, learning_summary};
use samspill_programme::text::{Renderer, capitalise};
use samspill_programme::{Message, ProgrammeDocument};
use samspill_report::grid::{Grid, GridRow, GridSection};
use samspill_store::programme::Action;
use samspill_store::{
    ProgrammeError, ProgrammeHandle, Record, RecordKind, Standing, StoreError, Stored,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::participant::code;
use super::{ProgrammeTexts, finding, open, problems, refusal, render, role, source, today};
use crate::AppState;
use crate::coord::obj;
use crate::extract::{Form, Id, Viewer};
use crate::forms::FormData;

/// The longest name, title or label a form takes (characters).
pub const MAX_LINE_CHARS: usize = 200;
/// The longest note or learning text a form takes (characters; the
/// programme document's own limit).
pub const MAX_TEXT_CHARS: usize = samspill_programme::document::MAX_TEXT_CHARS;
/// The most interviews or people one log or attendance line may count.
pub const MAX_COUNT: u32 = 10_000;

const SECTIONS: [Section; 4] = [
    Section::Organisation,
    Section::Anchoring,
    Section::Ahead,
    Section::Other,
];
const ROWS: [RowKind; 11] = [
    RowKind::SteeringGroup,
    RowKind::ProjectGroup,
    RowKind::LeaderPlacement,
    RowKind::LeaderOrientation,
    RowKind::AdministrativeAnchoring,
    RowKind::PoliticalAnchoring,
    RowKind::ExternalAnchoring,
    RowKind::PlanAnchoring,
    RowKind::MainGoals,
    RowKind::Measures,
    RowKind::Phase,
];
const GROUPS: [InformantGroupKind; 9] = [
    InformantGroupKind::ProgrammeLeader,
    InformantGroupKind::SteeringGroup,
    InformantGroupKind::ProjectGroup,
    InformantGroupKind::AdministrativeLeadership,
    InformantGroupKind::PoliticalLeadership,
    InformantGroupKind::External,
    InformantGroupKind::Voluntary,
    InformantGroupKind::Users,
    InformantGroupKind::Funder,
];
const DOCUMENTS: [DocumentKind; 8] = [
    DocumentKind::Application,
    DocumentKind::PreAnalysis,
    DocumentKind::ActionPlan,
    DocumentKind::Report,
    DocumentKind::ProgrammePlan,
    DocumentKind::KnowledgePlan,
    DocumentKind::Minutes,
    DocumentKind::Other,
];
const GATHERINGS: [GatheringKind; 6] = [
    GatheringKind::ProgrammeGathering,
    GatheringKind::ProgrammeLeaderMeeting,
    GatheringKind::DialogueConference,
    GatheringKind::ThemeDay,
    GatheringKind::WorkingMeeting,
    GatheringKind::Other,
];
const STATUSES: [Status; 3] = [Status::Realised, Status::Planned, Status::Considered];
const AREAS: [KnowledgeArea; 4] = [
    KnowledgeArea::A,
    KnowledgeArea::B,
    KnowledgeArea::C,
    KnowledgeArea::D,
];
const ACTOR_LEVELS: [ActorLevel; 4] = [
    ActorLevel::Individual,
    ActorLevel::Organisation,
    ActorLevel::Institution,
    ActorLevel::Funder,
];

/// The serde name of an enum value (what forms send back).
fn wire<T: Serialize>(x: &T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// An enum value from its serde name.
fn from_wire<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(Value::String(s.to_string())).ok()
}

/// `(value, label key)` options of an enum for a select.
fn options<T: Serialize>(all: &[T], prefix: &str) -> Vec<Value> {
    all.iter()
        .map(|x| json!({"value": wire(x), "key": format!("{prefix}{}", code(x).to_lowercase())}))
        .collect()
}

/// A unique id with `prefix`: the day and a random part, so that two users
/// who cannot see each other's records never pick the same id.
fn fresh_id(prefix: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    h.write_u128(nanos);
    format!(
        "{prefix}{}-{:08x}",
        today().to_string().replace('-', ""),
        h.finish() as u32
    )
}

/// The problems of a form, each naming its field, in the user's language.
struct Problems<'a> {
    t: &'a Texts,
    list: Vec<String>,
}

impl<'a> Problems<'a> {
    fn new(t: &'a Texts) -> Self {
        Problems {
            t,
            list: Vec::new(),
        }
    }

    fn say(&mut self, key: &str, field: &str, extra: &[(&str, Arg<'_>)]) {
        let label = self.t.get(field);
        let mut args = vec![("field", Arg::Str(&label))];
        args.extend_from_slice(extra);
        self.list.push(self.t.format(key, &args));
    }

    /// A text field: `multi_line` allows line breaks; `None` when empty.
    fn text(
        &mut self,
        form: &FormData,
        name: &str,
        label: &str,
        required: bool,
        multi_line: bool,
        max: usize,
    ) -> Option<String> {
        let raw = form.get(name).unwrap_or("");
        let s = raw.trim();
        let chars = s.chars().count();
        if s.is_empty() {
            if required {
                self.say("ev-error-required", label, &[]);
            }
            return None;
        }
        if chars > max {
            self.say(
                "ev-error-too-long",
                label,
                &[
                    ("chars", Arg::Num(chars as f64)),
                    ("max", Arg::Num(max as f64)),
                ],
            );
            return None;
        }
        if s.chars().any(|c| {
            (c.is_control() && !(multi_line && matches!(c, '\n' | '\r' | '\t')))
                || samspill_store::text::is_invisible(c)
                || samspill_store::text::is_bidi_control(c)
        }) {
            self.say("ev-error-control", label, &[]);
            return None;
        }
        Some(s.replace("\r\n", "\n"))
    }

    /// A date field (`2026-03-01`, `2026-03`, `2026`, …).
    fn date(&mut self, form: &FormData, name: &str, label: &str, required: bool) -> Option<Date> {
        let s = form.text(name);
        if s.is_empty() {
            if required {
                self.say("ev-error-required", label, &[]);
            }
            return None;
        }
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(_) => {
                let shown: String = s.chars().take(40).filter(|c| !c.is_control()).collect();
                self.say("ev-error-date", label, &[("value", Arg::Str(&shown))]);
                None
            }
        }
    }

    /// One value of an enum from a select.
    fn choice<T: DeserializeOwned>(
        &mut self,
        form: &FormData,
        name: &str,
        label: &str,
    ) -> Option<T> {
        let s = form.text(name);
        if s.is_empty() {
            self.say("ev-error-required", label, &[]);
            return None;
        }
        let v = from_wire(&s);
        if v.is_none() {
            self.say("ev-error-choice", label, &[]);
        }
        v
    }

    /// A whole number from 0 to [`MAX_COUNT`]; `None` when empty.
    fn count(&mut self, form: &FormData, name: &str, label: &str, required: bool) -> Option<u32> {
        let s = form.text(name);
        if s.is_empty() {
            if required {
                self.say("ev-error-required", label, &[]);
            }
            return None;
        }
        match s.parse::<u32>() {
            Ok(n) if n <= MAX_COUNT => Some(n),
            _ => {
                self.say(
                    "ev-error-count",
                    label,
                    &[("max", Arg::Num(f64::from(MAX_COUNT)))],
                );
                None
            }
        }
    }

    /// A participant of the programme, or none (the programme level) when
    /// `optional` and empty.
    fn participant(
        &mut self,
        form: &FormData,
        doc: &ProgrammeDocument,
        name: &str,
        label: &str,
        optional: bool,
    ) -> Option<Option<ParticipantId>> {
        let s = form.text(name);
        if s.is_empty() {
            if optional {
                return Some(None);
            }
            self.say("ev-error-required", label, &[]);
            return None;
        }
        let id = ParticipantId::new(s);
        if doc.participant(&id).is_none() {
            self.say("ev-error-choice", label, &[]);
            return None;
        }
        Some(Some(id))
    }

    /// The page listing the problems (422), or `None` when there are none.
    fn page(self, state: &AppState, v: &Viewer) -> Option<Response> {
        (!self.list.is_empty()).then(|| problems(state, v.lang, &self.list))
    }
}

/// Loads the programme as the user sees it, or the page to answer with.
async fn stored(state: &AppState, v: &Viewer, h: &ProgrammeHandle) -> Result<Stored, Response> {
    h.stored().await.map_err(|e| refusal(state, v.lang, e))
}

/// Opens programme `id` for the user and loads it as the user sees it, or
/// the page to answer with (not found, refused).
async fn open_stored(
    state: &AppState,
    v: &Viewer,
    id: i64,
) -> Result<(ProgrammeHandle, Stored), Response> {
    let h = open(state, v, id).await?;
    let stored = stored(state, v, &h).await?;
    Ok((h, stored))
}

fn not_found(state: &AppState, v: &Viewer) -> Response {
    refusal(state, v.lang, StoreError::NotFound.into())
}

fn forbidden(state: &AppState, v: &Viewer) -> Response {
    refusal(state, v.lang, ProgrammeError::Forbidden)
}

/// Whether the user may change (or create, when `created_by` is unknown
/// and the record is new) `record`, by the store's rules.
fn may_write(h: &ProgrammeHandle, stored: &Stored, record: &Record, exists: bool) -> bool {
    let meta = stored.meta.get(&(record.kind(), record.key()));
    h.allows(&Action::Write {
        before: exists.then_some(record),
        after: record,
        created_by: meta.and_then(|m| m.created_by),
    })
}

/// Whether the user may change a round's set-up, log and notes (not only
/// sign a column off): asked with a change to its log, since a change
/// that leaves the round as it is would pass a coordinator's sign-off rule.
fn may_edit_round(h: &ProgrammeHandle, stored: &Stored, round: &EvaluationRound) -> bool {
    let mut changed = round.clone();
    changed.log.push(LogEntry::Meeting {
        participant: None,
        title: String::new(),
        date: today(),
    });
    let meta = stored
        .meta
        .get(&(RecordKind::EvaluationRound, round.id.to_string()));
    h.allows(&Action::Write {
        before: Some(&Record::EvaluationRound(round.clone())),
        after: &Record::EvaluationRound(changed),
        created_by: meta.and_then(|m| m.created_by),
    })
}

/// The participants a round follows (all of the programme's if none are
/// named), as the user sees them.
fn followed<'a>(
    doc: &'a ProgrammeDocument,
    round: &EvaluationRound,
) -> Vec<&'a samspill_programme::model::Participant> {
    if round.participants.is_empty() {
        doc.participants.iter().collect()
    } else {
        round
            .participants
            .iter()
            .filter_map(|p| doc.participant(p))
            .collect()
    }
}

fn participant_options(doc: &ProgrammeDocument) -> Vec<Value> {
    doc.participants
        .iter()
        .map(|p| json!({"id": p.id.to_string(), "name": p.name}))
        .collect()
}

fn name_of(doc: &ProgrammeDocument, p: Option<&ParticipantId>) -> Option<String> {
    p.map(|p| {
        doc.participant(p)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| p.to_string())
    })
}

/// A blank round of the user's, for asking the store whether they may
/// create one.
fn probe_round(v: &Viewer) -> EvaluationRound {
    EvaluationRound {
        id: RoundId::new(fresh_id("e")),
        name: String::new(),
        evaluator: v.user.name.clone(),
        participants: Vec::new(),
        from: today(),
        as_of: today(),
        matrix_sources: vec![SourceKind::Interview],
        matrix: Vec::new(),
        sign_offs: Vec::new(),
        log: Vec::new(),
        notes: Vec::new(),
    }
}

// ---------------------------------------------------------------------
// Evaluation rounds

/// `GET /programmes/{id}/evaluation`: the rounds the user sees, with their
/// status date, participants, sign-offs and links; a new round's form for
/// those who may create one.
pub async fn rounds(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    if let Err(e) = h.audit_read("evaluation").await {
        return refusal(&state, v.lang, e);
    }
    let doc = &stored.doc;
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let list: Vec<Value> = doc
        .evaluation_rounds
        .iter()
        .map(|e| {
            let cols = followed(doc, e);
            json!({
                "id": e.id.to_string(),
                "name": e.name,
                "evaluator": e.evaluator,
                "from": r.date(e.from),
                "as_of": r.date(e.as_of),
                "participants": cols.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
                "signed": e.sign_offs.iter().map(|s| &s.participant).collect::<std::collections::BTreeSet<_>>().len(),
                "columns": cols.len(),
                "log": e.log.len(),
                "notes": e.notes.len(),
                "editable": may_edit_round(&h, &stored, e),
            })
        })
        .collect();
    let may_create = may_write(
        &h,
        &stored,
        &Record::EvaluationRound(probe_round(&v)),
        false,
    );
    let ctx = obj(json!({
        "id": id,
        "programme": doc.programme.name,
        "rounds": list,
        "may_create": may_create,
        "participants": participant_options(doc),
        "sources": options(&SourceKind::ALL, "programme-source-"),
        "default_sources": [wire(&SourceKind::Interview), wire(&SourceKind::ActionPlan)],
        "evaluator": v.user.name,
        "today": today().to_string(),
    }));
    render(
        &state,
        &v,
        role(&h),
        "evaluation_rounds.html",
        ctx,
        StatusCode::OK,
    )
}

/// The round fields every round form has: name, evaluator, period, the
/// participants followed (`p-{id}`), the matrix sources (`src-{code}`).
fn round_fields(
    p: &mut Problems<'_>,
    form: &FormData,
    doc: &ProgrammeDocument,
    round: &mut EvaluationRound,
) {
    if let Some(name) = p.text(form, "name", "ev-field-name", true, false, MAX_LINE_CHARS) {
        round.name = name;
    }
    if let Some(e) = p.text(
        form,
        "evaluator",
        "ev-field-evaluator",
        true,
        false,
        MAX_LINE_CHARS,
    ) {
        round.evaluator = e;
    }
    let from = p.date(form, "from", "ev-field-from", true);
    let as_of = p.date(form, "as_of", "ev-field-as-of", true);
    if let (Some(f), Some(a)) = (from, as_of) {
        if f.start() > a.start() {
            p.list.push(p.t.get("ev-error-period"));
        } else {
            round.from = f;
            round.as_of = a;
        }
    }
    let mut chosen = Vec::new();
    for (k, _) in form.with_prefix("p-") {
        let pid = ParticipantId::new(k);
        if doc.participant(&pid).is_none() {
            p.say("ev-error-choice", "ev-field-participants", &[]);
            break;
        }
        if !chosen.contains(&pid) {
            chosen.push(pid);
        }
    }
    // Every participant chosen is the same as none: all of them.
    if chosen.len() == doc.participants.len() {
        chosen.clear();
    }
    round.participants = doc
        .participants
        .iter()
        .map(|x| x.id.clone())
        .filter(|x| chosen.contains(x))
        .collect();
    let mut sources = Vec::new();
    for (k, _) in form.with_prefix("src-") {
        match from_wire::<SourceKind>(k) {
            Some(s) if !sources.contains(&s) => sources.push(s),
            Some(_) => {}
            None => {
                p.say("ev-error-choice", "ev-field-sources", &[]);
                break;
            }
        }
    }
    if sources.is_empty() {
        p.say("ev-error-required", "ev-field-sources", &[]);
    }
    sources.sort();
    round.matrix_sources = sources;
}

/// `POST /programmes/{id}/evaluation`: a new round (the 2010 matrix layout
/// until its settings say otherwise).
pub async fn round_create(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    Form(form): Form,
) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut round = probe_round(&v);
    if !may_write(&h, &stored, &Record::EvaluationRound(round.clone()), false) {
        return forbidden(&state, &v);
    }
    let t = state.texts(v.lang);
    let mut p = Problems::new(t);
    round_fields(&mut p, &form, &stored.doc, &mut round);
    if let Some(r) = p.page(&state, &v) {
        return r;
    }
    let key = round.id.to_string();
    match h.put(Record::EvaluationRound(round), Some(0)).await {
        Ok(_) => Redirect::to(&format!("/programmes/{id}/rounds/{key}/settings")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// The round `key` as the user sees it, with its revision.
fn round_of(stored: &Stored, key: &str) -> Option<(EvaluationRound, i64)> {
    stored.doc.round(&RoundId::new(key)).map(|r| {
        (
            r.clone(),
            stored.revision_of(RecordKind::EvaluationRound, key),
        )
    })
}

/// `GET /programmes/{id}/rounds/{round}/settings`.
pub async fn settings(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, key)): Id<(i64, String)>,
) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some((round, rev)) = round_of(&stored, &key) else {
        return not_found(&state, &v);
    };
    if !h.allows(&Action::Evaluation) {
        return forbidden(&state, &v);
    }
    let doc = &stored.doc;
    let editable = may_edit_round(&h, &stored, &round);
    let layout = if round.matrix.is_empty() {
        samspill_programme::defaults::matrix_2010()
    } else {
        round.matrix.clone()
    };
    // Each row kind: the section it is in (if any), its place and label.
    let rows: Vec<Value> = ROWS
        .iter()
        .map(|kind| {
            let at = layout.iter().find_map(|s| {
                s.rows
                    .iter()
                    .position(|x| x.row == *kind)
                    .map(|i| (s.section, i, s.rows[i].label.clone()))
            });
            json!({
                "code": code(kind),
                "key": format!("programme-matrix-row-{}", code(kind)),
                "section": at.as_ref().map(|a| wire(&a.0)).unwrap_or_default(),
                "order": at.as_ref().map(|a| a.1 + 1),
                "label": at.and_then(|a| a.2),
            })
        })
        .collect();
    let sections: Vec<Value> = SECTIONS
        .iter()
        .map(|s| {
            json!({
                "value": wire(s),
                "code": code(s),
                "key": format!("programme-matrix-section-{}", code(s)),
                "label": layout.iter().find(|x| x.section == *s).and_then(|x| x.label.clone()),
            })
        })
        .collect();
    let ctx = obj(json!({
        "id": id,
        "programme": doc.programme.name,
        "round": {
            "id": round.id.to_string(),
            "name": round.name,
            "evaluator": round.evaluator,
            "from": round.from.to_string(),
            "as_of": round.as_of.to_string(),
            "participants": round.participants.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            "sources": round.matrix_sources.iter().map(wire).collect::<Vec<_>>(),
        },
        "rev": rev,
        "editable": editable,
        "participants": participant_options(doc),
        "sources": options(&SourceKind::ALL, "programme-source-"),
        "rows": rows,
        "sections": sections,
    }));
    render(
        &state,
        &v,
        role(&h),
        "evaluation_settings.html",
        ctx,
        StatusCode::OK,
    )
}

/// The matrix layout from the settings form: `row-{code}-section`,
/// `row-{code}-order`, `row-{code}-label`, `section-{code}-label`.
fn layout_fields(p: &mut Problems<'_>, form: &FormData) -> Vec<MatrixSection> {
    let mut out = Vec::new();
    for s in SECTIONS {
        let mut rows: Vec<(u32, usize, MatrixRowSpec)> = Vec::new();
        for (i, kind) in ROWS.iter().enumerate() {
            let c = code(kind);
            let chosen = form.text(&format!("row-{c}-section"));
            if chosen.is_empty() {
                continue;
            }
            let Some(section) = from_wire::<Section>(&chosen) else {
                p.say("ev-error-choice", "ev-field-row-section", &[]);
                continue;
            };
            if section != s {
                continue;
            }
            let order = match form.text(&format!("row-{c}-order")) {
                o if o.is_empty() => 100,
                o => match o.parse::<u32>() {
                    Ok(n) if n <= 100 => n,
                    _ => {
                        p.say(
                            "ev-error-count",
                            "ev-field-row-order",
                            &[("max", Arg::Num(100.0))],
                        );
                        continue;
                    }
                },
            };
            let label = p.text(
                form,
                &format!("row-{c}-label"),
                "ev-field-row-label",
                false,
                false,
                MAX_LINE_CHARS,
            );
            rows.push((order, i, MatrixRowSpec { row: *kind, label }));
        }
        let label = p.text(
            form,
            &format!("section-{}-label", code(&s)),
            "ev-field-section-label",
            false,
            false,
            MAX_LINE_CHARS,
        );
        if rows.is_empty() {
            continue;
        }
        if s == Section::Other && label.is_none() {
            p.say("ev-error-other-label", "ev-field-section-label", &[]);
        }
        rows.sort_by_key(|(o, i, _)| (*o, *i));
        out.push(MatrixSection {
            section: s,
            label,
            rows: rows.into_iter().map(|(_, _, r)| r).collect(),
        });
    }
    if out.is_empty() {
        p.list.push(p.t.get("ev-error-no-rows"));
    }
    out
}

/// `POST /programmes/{id}/rounds/{round}/settings`: fields `rev`, the
/// round's fields and the matrix layout.
pub async fn settings_save(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, key)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some((mut round, _)) = round_of(&stored, &key) else {
        return not_found(&state, &v);
    };
    if !may_edit_round(&h, &stored, &round) {
        return forbidden(&state, &v);
    }
    let Some(rev) = revision(&form) else {
        return refusal(&state, v.lang, ProgrammeError::Stale);
    };
    let t = state.texts(v.lang);
    let mut p = Problems::new(t);
    round_fields(&mut p, &form, &stored.doc, &mut round);
    let layout = layout_fields(&mut p, &form);
    if let Some(r) = p.page(&state, &v) {
        return r;
    }
    round.matrix = if layout == samspill_programme::defaults::matrix_2010() {
        Vec::new()
    } else {
        layout
    };
    let result = h
        .modify(
            RecordKind::EvaluationRound,
            &key,
            Some(rev),
            move |before| {
                let Some(Record::EvaluationRound(b)) = before else {
                    return Err(StoreError::NotFound.into());
                };
                // What others may have changed since (the sign-offs, the log)
                // stays as stored; the revision check has refused a stale form.
                let mut r = b.clone();
                r.name = round.name;
                r.evaluator = round.evaluator;
                r.from = round.from;
                r.as_of = round.as_of;
                r.participants = round.participants;
                r.matrix_sources = round.matrix_sources;
                r.matrix = round.matrix;
                Ok(Record::EvaluationRound(r))
            },
        )
        .await;
    match result {
        Ok(_) => Redirect::to(&format!("/programmes/{id}/rounds/{key}")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

fn revision(form: &FormData) -> Option<i64> {
    form.get("rev").and_then(|r| r.trim().parse().ok())
}

// ---------------------------------------------------------------------
// The data-collection log and notes

/// `GET /programmes/{id}/rounds/{round}/log`: what the round has collected
/// per participant (interviews by informant group and month, documents
/// received and the expected ones missing, meetings, notes), every entry,
/// and the forms for the round's evaluator.
pub async fn log(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, key)): Id<(i64, String)>,
) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some((round, rev)) = round_of(&stored, &key) else {
        return not_found(&state, &v);
    };
    if let Err(e) = h.audit_read(&format!("evaluation-log {key}")).await {
        return refusal(&state, v.lang, e);
    }
    let doc = &stored.doc;
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let t = |k: String| r.message(&Message::new(k));
    let editable = may_edit_round(&h, &stored, &round);
    let (collected, missing) = collection(doc, &round);
    let summary: Vec<Value> = collected
        .iter()
        .map(|c| {
            json!({
                "participant": name_of(doc, c.participant.as_ref()),
                "interviews": c.interviews.iter().map(|(g, months)| json!({
                    "group": t(format!("programme-informant-group-{}", code(g))),
                    "months": months.iter().map(|(m, n)| json!({"month": r.date(*m), "count": n})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "total": c.interview_total,
                "documents": c.documents.iter().map(|(k, d)| json!({
                    "kind": t(format!("programme-document-{}", code(k))),
                    "received": r.date(*d),
                })).collect::<Vec<_>>(),
                "meetings": c.meetings,
            })
        })
        .collect();
    let entries: Vec<Value> = round
        .log
        .iter()
        .enumerate()
        .map(|(i, e)| match e {
            LogEntry::Interviews {
                participant,
                group,
                month,
                until,
                count,
            } => json!({
                "index": i,
                "kind": "interviews",
                "participant": name_of(doc, participant.as_ref()),
                "what": t(format!("programme-informant-group-{}", code(group))),
                "when": match until { Some(u) => format!("{} – {}", r.date(*month), r.date(*u)), None => r.date(*month) },
                "count": count,
            }),
            LogEntry::Document {
                participant,
                kind,
                title,
                received,
            } => json!({
                "index": i,
                "kind": "document",
                "participant": name_of(doc, participant.as_ref()),
                "what": match title { Some(x) => format!("{}: {x}", capitalise(&t(format!("programme-document-{}", code(kind))))), None => capitalise(&t(format!("programme-document-{}", code(kind)))) },
                "when": r.date(*received),
            }),
            LogEntry::Meeting {
                participant,
                title,
                date,
            } => json!({
                "index": i,
                "kind": "meeting",
                "participant": name_of(doc, participant.as_ref()),
                "what": title,
                "when": r.date(*date),
            }),
        })
        .collect();
    let notes: Vec<Value> = round
        .notes
        .iter()
        .map(|n| {
            json!({
                "id": n.id.to_string(),
                "participant": name_of(doc, n.participant.as_ref()),
                "date": r.date(n.date),
                "text": n.text,
            })
        })
        .collect();
    let cols: Vec<Value> = followed(doc, &round)
        .iter()
        .map(|p| json!({"id": p.id.to_string(), "name": p.name}))
        .collect();
    let ctx = obj(json!({
        "id": id,
        "programme": doc.programme.name,
        "round": {"id": round.id.to_string(), "name": round.name, "as_of": r.date(round.as_of)},
        "rev": rev,
        "editable": editable,
        "summary": summary,
        "missing": missing.iter().map(|f| finding(&r, f, doc)).collect::<Vec<_>>(),
        "entries": entries,
        "notes": notes,
        "columns": cols,
        "groups": options(&GROUPS, "programme-informant-group-"),
        "documents": options(&DOCUMENTS, "programme-document-"),
        "today": today().to_string(),
        "evaluation": h.allows(&Action::Evaluation),
    }));
    render(
        &state,
        &v,
        role(&h),
        "evaluation_log.html",
        ctx,
        StatusCode::OK,
    )
}

/// `POST /programmes/{id}/rounds/{round}/log`: `kind` = `interviews`
/// (`participant`, `group`, `month`, `until`, `count`), `document`
/// (`participant`, `document`, `title`, `received`), `meeting`
/// (`participant`, `title`, `date`) or `note` (`participant`, `date`,
/// `text`). The participant must be one the round follows (or none: the
/// programme level).
pub async fn log_add(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, key)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some((round, _)) = round_of(&stored, &key) else {
        return not_found(&state, &v);
    };
    if !may_edit_round(&h, &stored, &round) {
        return forbidden(&state, &v);
    }
    let doc = &stored.doc;
    let t = state.texts(v.lang);
    let mut p = Problems::new(t);
    let who = p
        .participant(&form, doc, "participant", "ev-field-participant", true)
        .flatten();
    if let Some(w) = &who
        && !round.participants.is_empty()
        && !round.participants.contains(w)
    {
        p.say("ev-error-not-followed", "ev-field-participant", &[]);
    }
    enum Add {
        Log(LogEntry),
        Note(String, Date),
    }
    let add = match form.text("kind").as_str() {
        "interviews" => {
            let group = p.choice::<InformantGroupKind>(&form, "group", "ev-field-group");
            let month = p.date(&form, "month", "ev-field-month", true);
            let until = p.date(&form, "until", "ev-field-until", false);
            let count = p.count(&form, "count", "ev-field-count", false);
            if let (Some(m), Some(u)) = (month, until)
                && u.start() < m.start()
            {
                p.list.push(t.get("ev-error-period"));
            }
            match (group, month) {
                (Some(group), Some(month)) => Some(Add::Log(LogEntry::Interviews {
                    participant: who.clone(),
                    group,
                    month,
                    until,
                    count,
                })),
                _ => None,
            }
        }
        "document" => {
            let kind = p.choice::<DocumentKind>(&form, "document", "ev-field-document");
            let title = p.text(
                &form,
                "title",
                "ev-field-title",
                false,
                false,
                MAX_LINE_CHARS,
            );
            let received = p.date(&form, "received", "ev-field-received", true);
            match (kind, received) {
                (Some(kind), Some(received)) => Some(Add::Log(LogEntry::Document {
                    participant: who.clone(),
                    kind,
                    title,
                    received,
                })),
                _ => None,
            }
        }
        "meeting" => {
            let title = p.text(
                &form,
                "title",
                "ev-field-title",
                true,
                false,
                MAX_LINE_CHARS,
            );
            let date = p.date(&form, "date", "ev-field-date", true);
            match (title, date) {
                (Some(title), Some(date)) => Some(Add::Log(LogEntry::Meeting {
                    participant: who.clone(),
                    title,
                    date,
                })),
                _ => None,
            }
        }
        "note" => {
            let text = p.text(&form, "text", "ev-field-note", true, true, MAX_TEXT_CHARS);
            let date = p.date(&form, "date", "ev-field-date", true);
            match (text, date) {
                (Some(text), Some(date)) => Some(Add::Note(text, date)),
                _ => None,
            }
        }
        _ => {
            p.say("ev-error-choice", "ev-field-entry-kind", &[]);
            None
        }
    };
    if let Some(r) = p.page(&state, &v) {
        return r;
    }
    let Some(add) = add else {
        return forbidden(&state, &v);
    };
    let anchor = if matches!(add, Add::Note(..)) {
        "notes"
    } else {
        "entries"
    };
    let result = h
        .modify(RecordKind::EvaluationRound, &key, None, move |before| {
            let Some(Record::EvaluationRound(b)) = before else {
                return Err(StoreError::NotFound.into());
            };
            let mut r = b.clone();
            match add {
                Add::Log(e) => r.log.push(e),
                Add::Note(text, date) => {
                    let mut n = r.notes.len() + 1;
                    while r.notes.iter().any(|x| x.id.as_str() == format!("n{n}")) {
                        n += 1;
                    }
                    r.notes.push(Note {
                        id: NoteId::new(format!("n{n}")),
                        participant: who,
                        date,
                        text,
                    });
                }
            }
            Ok(Record::EvaluationRound(r))
        })
        .await;
    match result {
        Ok(_) => {
            Redirect::to(&format!("/programmes/{id}/rounds/{key}/log#{anchor}")).into_response()
        }
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// `POST /programmes/{id}/rounds/{round}/log/remove`: `entry` (a log
/// entry's place) or `note` (a note's id), and `rev`: the round as the
/// user read it, so that a place that moved is never removed.
pub async fn log_remove(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, key)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let Some(rev) = revision(&form) else {
        return refusal(&state, v.lang, ProgrammeError::Stale);
    };
    let entry = form.get("entry").map(|e| e.trim().parse::<usize>());
    let note = form.text("note");
    if matches!(entry, Some(Err(_))) || (entry.is_none() && note.is_empty()) {
        let t = state.texts(v.lang);
        let mut p = Problems::new(t);
        p.say("ev-error-choice", "ev-field-entry-kind", &[]);
        return problems(&state, v.lang, &p.list);
    }
    let entry = entry.and_then(Result::ok);
    let result = h
        .modify(
            RecordKind::EvaluationRound,
            &key,
            Some(rev),
            move |before| {
                let Some(Record::EvaluationRound(b)) = before else {
                    return Err(StoreError::NotFound.into());
                };
                let mut r = b.clone();
                if let Some(i) = entry {
                    if i >= r.log.len() {
                        return Err(StoreError::NotFound.into());
                    }
                    r.log.remove(i);
                } else {
                    let before = r.notes.len();
                    r.notes.retain(|n| n.id.as_str() != note);
                    if r.notes.len() == before {
                        return Err(StoreError::NotFound.into());
                    }
                }
                Ok(Record::EvaluationRound(r))
            },
        )
        .await;
    match result {
        Ok(_) => Redirect::to(&format!("/programmes/{id}/rounds/{key}/log")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

// ---------------------------------------------------------------------
// The matrix as PDF

/// A cell's lines for print: a list cell's items each on a line of their
/// own after the lead, other cells as the page writes them; conflicts
/// after them.
fn cell_lines(cell: &Cell, r: &Renderer<'_>, t: &Texts) -> String {
    let mut out = match cell.layout {
        Layout::Items => {
            let (lead, items) = cell_texts(cell, r);
            let mut lines: Vec<String> = lead.into_iter().collect();
            for (text, children) in items {
                let list: Vec<samspill_programme::text::Value> = children
                    .into_iter()
                    .map(samspill_programme::text::Value::Text)
                    .collect();
                let item = if list.is_empty() {
                    text
                } else {
                    format!("{text} {}", r.list(&list))
                };
                lines.push(format!("– {}", capitalise(&item)));
            }
            lines.join("\n")
        }
        _ => render_cell(cell, r),
    };
    for k in &cell.conflicts {
        let found: Vec<String> = k.found_in.iter().map(|s| source(r, *s)).collect();
        let missing: Vec<String> = k.missing_from.iter().map(|s| source(r, *s)).collect();
        out.push('\n');
        out.push_str(&t.format(
            "pw-conflict",
            &[
                ("fact", Arg::Str(&r.value(&k.text))),
                ("found", Arg::Str(&found.join(", "))),
                ("missing", Arg::Str(&missing.join(", "))),
            ],
        ));
    }
    out
}

/// `GET /programmes/{id}/rounds/{round}/matrix.pdf`: landscape A4, the
/// participants' names repeated on every page, the sign-off row and the
/// caption.
pub async fn matrix_pdf(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, key)): Id<(i64, String)>,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let doc = match h.document().await {
        Ok(d) => d,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let Some(m) = generate(&doc, &RoundId::new(key.clone())) else {
        return not_found(&state, &v);
    };
    if let Err(e) = h.audit_read(&format!("matrix {key} pdf")).await {
        return refusal(&state, v.lang, e);
    }
    // The renderer borrows the catalogue, which may not cross an await.
    let grid = {
        let t = state.texts(v.lang);
        let cat = ProgrammeTexts(t);
        let r = Renderer::new(&cat, &doc.programme.vocabulary);
        Grid {
            lang: v.lang.code().to_string(),
            title: m.name.clone(),
            subtitle: Some(format!(
                "{} · {}",
                doc.programme.name,
                t.format("pw-as-of", &[("date", Arg::Str(&r.date(m.as_of)))])
            )),
            corner: t.get("pw-matrix-row"),
            columns: m.columns.iter().map(|c| c.name.clone()).collect(),
            sections: m
                .sections
                .iter()
                .map(|s| GridSection {
                    label: r.value(&s.label),
                    rows: s
                        .rows
                        .iter()
                        .map(|row| GridRow {
                            label: r.value(&row.label),
                            cells: row.cells.iter().map(|c| cell_lines(c, &r, t)).collect(),
                        })
                        .collect(),
                })
                .collect(),
            footer: vec![GridRow {
                label: t.get("pw-sign-off"),
                cells: m
                    .columns
                    .iter()
                    .map(|c| match &c.sign_off {
                        Some(s) => {
                            let role = t.get(&format!("pw-sign-role-{}", code(&s.role)));
                            let mut x = t.format(
                                "pw-signed-off",
                                &[
                                    ("date", Arg::Str(&r.date(s.date))),
                                    ("role", Arg::Str(&role)),
                                ],
                            );
                            if let Some(n) = &s.note {
                                x.push_str(": ");
                                x.push_str(n);
                            }
                            x
                        }
                        None => t.get("pw-not-signed-off"),
                    })
                    .collect(),
            }],
            notes: m.caption.iter().map(|c| r.message(c)).collect(),
        }
    };
    match crate::results::on_report_thread(move || samspill_report::grid::render(&grid)).await {
        Ok(Ok(pdf)) => (
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "application/pdf".to_string(),
                ),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"matrix-{}.pdf\"", safe_name(&key)),
                ),
            ],
            pdf,
        )
            .into_response(),
        Ok(Err(e)) => {
            crate::PageError::new(&state, v.lang, crate::WebError::Results(e.to_string()))
                .into_response()
        }
        Err(e) => crate::PageError::new(&state, v.lang, e).into_response(),
    }
}

/// A file name part of letters, digits, `-` and `_` only.
fn safe_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

// ---------------------------------------------------------------------
// The learning log

/// `GET /programmes/{id}/learning`: the entries the user may read (a
/// coordinator: their own participant's and those others shared), counted
/// by loop and area, the findings of a participant whose learning never
/// reaches the third loop, and the form for a new entry.
pub async fn learning(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    if let Err(e) = h.audit_read("learning").await {
        return refusal(&state, v.lang, e);
    }
    let doc = &stored.doc;
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let own = match h.standing() {
        Standing::Coordinator { participant, .. } => Some(participant.clone()),
        _ => None,
    };
    let mut entries: Vec<&LearningEntry> = doc.learning_log.iter().collect();
    entries.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    let list: Vec<Value> = entries
        .iter()
        .map(|e| {
            let created = stored
                .meta
                .get(&(RecordKind::Learning, e.id.to_string()))
                .and_then(|m| m.created_by);
            json!({
                "id": e.id.to_string(),
                "participant": name_of(doc, e.participant.as_ref()),
                "date": r.date(e.date),
                "author": e.author,
                "loop": e.learning_loop.number(),
                "area": code(&e.area).to_lowercase(),
                "actor_level": code(&e.actor_level),
                "form": e.form.map(|f| code(&f)),
                "text": e.text,
                "shared": e.shared,
                "from_others": own.is_some() && e.participant != own,
                "mine": created.is_some() && created == h.user(),
            })
        })
        .collect();
    let mut by_loop: BTreeMap<u8, u32> = BTreeMap::new();
    let mut by_area: BTreeMap<String, u32> = BTreeMap::new();
    for e in &entries {
        *by_loop.entry(e.learning_loop.number()).or_insert(0) += 1;
        *by_area.entry(code(&e.area).to_lowercase()).or_insert(0) += 1;
    }
    let at = today();
    let mut findings = Vec::new();
    for p in &doc.participants {
        if h.allows(&Action::Participant(&p.id)) {
            let (_, f) = learning_summary(doc, Some(&p.id), at);
            findings.extend(f.iter().map(|f| finding(&r, f, doc)));
        }
    }
    let choices: Vec<Value> = match &own {
        Some(o) => doc
            .participant(o)
            .map(|p| json!({"id": p.id.to_string(), "name": p.name}))
            .into_iter()
            .collect(),
        None => participant_options(doc),
    };
    let probe = Record::Learning(LearningEntry {
        id: LearningId::new(fresh_id("l")),
        participant: own.clone(),
        date: at,
        author: None,
        learning_loop: LearningLoop::First,
        area: KnowledgeArea::A,
        actor_level: ActorLevel::Organisation,
        form: None,
        measure: None,
        text: String::new(),
        shared: false,
    });
    let ctx = obj(json!({
        "id": id,
        "programme": doc.programme.name,
        "entries": list,
        "by_loop": (1..=3u8).map(|n| json!({"loop": n, "n": by_loop.get(&n).copied().unwrap_or(0)})).collect::<Vec<_>>(),
        "by_area": AREAS.iter().map(|a| code(a).to_lowercase()).map(|a| json!({"n": by_area.get(&a).copied().unwrap_or(0), "area": a})).collect::<Vec<_>>(),
        "findings": findings,
        "may_add": may_write(&h, &stored, &probe, false),
        "coordinator": own.is_some(),
        "choices": choices,
        "areas": options(&AREAS, "programme-knowledge-area-"),
        "actor_levels": options(&ACTOR_LEVELS, "programme-actor-level-"),
        "today": at.to_string(),
        "overview": h.allows(&Action::Overview),
        "own": own.map(|o| o.to_string()),
    }));
    render(
        &state,
        &v,
        role(&h),
        "evaluation_learning.html",
        ctx,
        StatusCode::OK,
    )
}

/// `POST /programmes/{id}/learning`: `participant` (a coordinator's is
/// always their own), `date`, `loop`, `area`, `actor_level`, `form`,
/// `text`, `shared`.
pub async fn learning_add(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    Form(form): Form,
) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let doc = &stored.doc;
    let t = state.texts(v.lang);
    let mut p = Problems::new(t);
    let participant = match h.standing() {
        Standing::Coordinator { participant, .. } => Some(participant.clone()),
        _ => p
            .participant(&form, doc, "participant", "ev-field-participant", true)
            .flatten(),
    };
    let date = p.date(&form, "date", "ev-field-date", true);
    let learning_loop = match form.text("loop").as_str() {
        "" => {
            p.say("ev-error-required", "ev-field-loop", &[]);
            None
        }
        s => {
            let l = from_wire::<LearningLoop>(s);
            if l.is_none() {
                p.say("ev-error-choice", "ev-field-loop", &[]);
            }
            l
        }
    };
    let area = p.choice::<KnowledgeArea>(&form, "area", "ev-field-area");
    let actor_level = p.choice::<ActorLevel>(&form, "actor_level", "ev-field-actor-level");
    let knowledge_form = match form.text("form").as_str() {
        "" => None,
        s => {
            let f = from_wire::<KnowledgeForm>(s);
            if f.is_none() {
                p.say("ev-error-choice", "ev-field-form", &[]);
            }
            f
        }
    };
    let text = p.text(
        &form,
        "text",
        "ev-field-learning",
        true,
        true,
        MAX_TEXT_CHARS,
    );
    if let Some(r) = p.page(&state, &v) {
        return r;
    }
    let (Some(date), Some(learning_loop), Some(area), Some(actor_level), Some(text)) =
        (date, learning_loop, area, actor_level, text)
    else {
        return forbidden(&state, &v);
    };
    let entry = LearningEntry {
        id: LearningId::new(fresh_id("l")),
        participant,
        date,
        author: Some(v.user.name.clone()),
        learning_loop,
        area,
        actor_level,
        form: knowledge_form,
        measure: None,
        text,
        shared: form.get("shared").is_some(),
    };
    match h.put(Record::Learning(entry), Some(0)).await {
        Ok(_) => Redirect::to(&format!("/programmes/{id}/learning")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

// ---------------------------------------------------------------------
// Gatherings

/// `GET /programmes/{id}/gatherings`: the gatherings the user sees with
/// attendance by level, and the forms the user's role allows (a funder's
/// adviser: any gathering; a coordinator: those their participant hosts).
pub async fn gatherings(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    if let Err(e) = h.audit_read("gatherings").await {
        return refusal(&state, v.lang, e);
    }
    let doc = &stored.doc;
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let own = match h.standing() {
        Standing::Coordinator { participant, .. } => Some(participant.clone()),
        _ => None,
    };
    let mut list: Vec<&Gathering> = doc.gatherings.iter().collect();
    list.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    let items: Vec<Value> = list
        .iter()
        .map(|g| {
            let rec = Record::Gathering((*g).clone());
            let mut by_level: BTreeMap<String, u32> = BTreeMap::new();
            for a in &g.attendance {
                *by_level.entry(code(&a.level)).or_insert(0) += a.count;
            }
            json!({
                "id": g.id.to_string(),
                "kind": code(&g.kind),
                "title": g.title,
                "status": code(&g.status),
                "date": g.date.map(|d| r.date(d)),
                "host": name_of(doc, g.host.as_ref()),
                "about_pre_analysis": g.about_pre_analysis,
                "audience": g.audience.iter().map(code).collect::<Vec<_>>(),
                "attendance": g.attendance.iter().map(|a| json!({
                    "participant": name_of(doc, a.participant.as_ref()),
                    "level": code(&a.level),
                    "count": a.count,
                })).collect::<Vec<_>>(),
                "by_level": by_level.iter().map(|(l, n)| json!({"level": l, "count": n})).collect::<Vec<_>>(),
                "total": g.attendance.iter().map(|a| a.count).sum::<u32>(),
                "editable": may_write(&h, &stored, &rec, true),
            })
        })
        .collect();
    let probe = Record::Gathering(Gathering {
        id: GatheringId::new(fresh_id("g")),
        kind: GatheringKind::ProgrammeGathering,
        title: None,
        status: Status::Planned,
        date: None,
        host: own.clone(),
        about_pre_analysis: false,
        audience: Vec::new(),
        attendance: Vec::new(),
    });
    let hosts: Vec<Value> = match &own {
        Some(o) => doc
            .participant(o)
            .map(|p| json!({"id": p.id.to_string(), "name": p.name}))
            .into_iter()
            .collect(),
        None => participant_options(doc),
    };
    let attendees = participant_options(doc);
    let ctx = obj(json!({
        "id": id,
        "programme": doc.programme.name,
        "gatherings": items,
        "may_add": may_write(&h, &stored, &probe, false),
        "coordinator": own.is_some(),
        "hosts": hosts,
        "attendees": attendees,
        "kinds": options(&GATHERINGS, "programme-gathering-"),
        "statuses": options(&STATUSES, "programme-status-"),
        "levels": options(&Level::ALL, "programme-level-"),
        "overview": h.allows(&Action::Overview),
        "own": own.map(|o| o.to_string()),
    }));
    render(
        &state,
        &v,
        role(&h),
        "evaluation_gatherings.html",
        ctx,
        StatusCode::OK,
    )
}

/// `POST /programmes/{id}/gatherings`: `kind`, `title`, `status`, `date`,
/// `host` (a coordinator's is always their own), `aud-{level}`.
pub async fn gathering_add(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    Form(form): Form,
) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let doc = &stored.doc;
    let t = state.texts(v.lang);
    let mut p = Problems::new(t);
    let kind = p.choice::<GatheringKind>(&form, "kind", "ev-field-gathering-kind");
    let title = p.text(
        &form,
        "title",
        "ev-field-title",
        false,
        false,
        MAX_LINE_CHARS,
    );
    let status = p.choice::<Status>(&form, "status", "ev-field-status");
    let date = p.date(&form, "date", "ev-field-date", false);
    if status == Some(Status::Realised) && date.is_none() && form.text("date").is_empty() {
        p.say("ev-error-required", "ev-field-date", &[]);
    }
    let host = match h.standing() {
        Standing::Coordinator { participant, .. } => Some(participant.clone()),
        _ => p
            .participant(&form, doc, "host", "ev-field-host", true)
            .flatten(),
    };
    let mut audience = Vec::new();
    for (k, _) in form.with_prefix("aud-") {
        match from_wire::<Level>(k) {
            Some(l) if !audience.contains(&l) => audience.push(l),
            Some(_) => {}
            None => {
                p.say("ev-error-choice", "ev-field-audience", &[]);
                break;
            }
        }
    }
    audience.sort();
    if let Some(r) = p.page(&state, &v) {
        return r;
    }
    let (Some(kind), Some(status)) = (kind, status) else {
        return forbidden(&state, &v);
    };
    let g = Gathering {
        id: GatheringId::new(fresh_id("g")),
        kind,
        title,
        status,
        date,
        host,
        about_pre_analysis: form.get("about_pre_analysis").is_some(),
        audience,
        attendance: Vec::new(),
    };
    let gid = g.id.to_string();
    match h.put(Record::Gathering(g), Some(0)).await {
        Ok(_) => Redirect::to(&format!("/programmes/{id}/gatherings#g-{gid}")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// `POST /programmes/{id}/gatherings/attendance`: `gathering`,
/// `participant` (none: the funder, the evaluator, guests), `level`,
/// `count`. The same participant and level again replaces the count (0
/// takes the line away).
pub async fn attendance_add(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    Form(form): Form,
) -> Response {
    let (h, stored) = match open_stored(&state, &v, id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let doc = &stored.doc;
    let gid = form.text("gathering");
    let Some(g) = doc.gatherings.iter().find(|g| g.id.as_str() == gid) else {
        return not_found(&state, &v);
    };
    if !may_write(&h, &stored, &Record::Gathering(g.clone()), true) {
        return forbidden(&state, &v);
    }
    let t = state.texts(v.lang);
    let mut p = Problems::new(t);
    let who = p
        .participant(&form, doc, "participant", "ev-field-participant", true)
        .flatten();
    let level = p.choice::<Level>(&form, "level", "ev-field-level");
    let count = p.count(&form, "count", "ev-field-count", true);
    if let Some(r) = p.page(&state, &v) {
        return r;
    }
    let (Some(level), Some(count)) = (level, count) else {
        return forbidden(&state, &v);
    };
    let result = h
        .modify(RecordKind::Gathering, &gid, None, move |before| {
            let Some(Record::Gathering(b)) = before else {
                return Err(StoreError::NotFound.into());
            };
            let mut g = b.clone();
            g.attendance
                .retain(|a| !(a.participant == who && a.level == level));
            if count > 0 {
                g.attendance.push(Attendance {
                    participant: who,
                    level,
                    count,
                    persons: Vec::new(),
                });
            }
            Ok(Record::Gathering(g))
        })
        .await;
    match result {
        Ok(_) => Redirect::to(&format!("/programmes/{id}/gatherings#g-{gid}")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

// ---------------------------------------------------------------------
// A participant's process anchoring

/// `GET /programmes/{id}/participants/{pid}/anchoring`: the participant's
/// anchoring at a glance as of today, with the attendance at realised
/// gatherings by level as the evidence of process anchoring (politicians
/// attending count towards political process anchoring), and the latest
/// rating per dimension.
pub async fn anchoring(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, pid)): Id<(i64, String)>,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let pid = ParticipantId::new(pid);
    if !h.allows(&Action::Participant(&pid)) {
        return not_found(&state, &v);
    }
    let stored = match stored(&state, &v, &h).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let doc = &stored.doc;
    let Some(p) = doc.participant(&pid) else {
        return not_found(&state, &v);
    };
    if let Err(e) = h.audit_read(&format!("anchoring {pid}")).await {
        return refusal(&state, v.lang, e);
    }
    let at = today();
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let prof = profile(doc, p, at);
    let by_level = attendance_by_level(doc, &pid, at);
    let mut attended: Vec<&Gathering> = doc
        .gatherings
        .iter()
        .filter(|g| {
            g.status == Status::Realised
                && g.date.is_some_and(|d| d.start() <= at.start())
                && g.attendance
                    .iter()
                    .any(|a| a.participant.as_ref() == Some(&pid))
        })
        .collect();
    attended.sort_by_key(|g| std::cmp::Reverse(g.date));
    let gatherings: Vec<Value> = attended
        .iter()
        .map(|g| {
            json!({
                "id": g.id.to_string(),
                "kind": code(&g.kind),
                "title": g.title,
                "date": g.date.map(|d| r.date(d)),
                "host": name_of(doc, g.host.as_ref()),
                "levels": g.attendance.iter().filter(|a| a.participant.as_ref() == Some(&pid)).map(|a| json!({
                    "level": code(&a.level),
                    "count": a.count,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let politicians = by_level.get(&Level::Politician).copied().unwrap_or(0);
    let ctx = obj(json!({
        "id": id,
        "pid": pid.to_string(),
        "name": p.name,
        "programme": doc.programme.name,
        "as_of": r.date(at),
        "by_level": by_level.iter().map(|(l, n)| json!({"level": code(l), "count": n})).collect::<Vec<_>>(),
        "total": by_level.values().sum::<u32>(),
        "politicians": politicians,
        "political_process": prof.political_process,
        "gatherings": gatherings,
        "ratings": prof.ratings.iter().map(|d| json!({
            "dimension": code(&d.dimension),
            "rating": code(&d.rating),
            "date": r.date(d.date),
            "previous": d.previous.map(|(x, when)| json!({"rating": code(&x), "date": r.date(when)})),
        })).collect::<Vec<_>>(),
        "overview": h.allows(&Action::Overview),
    }));
    render(
        &state,
        &v,
        role(&h),
        "evaluation_anchoring.html",
        ctx,
        StatusCode::OK,
    )
}
