//! The evaluator's overview matrix («Tabell 1: Oversiktsmatrise av
//! kommunenes arbeid», seed 001 lines 446–461), generated from the records
//! of an evaluation round: sections × rows × participants, each cell a list
//! of items with the records and sources they come from.
//!
//! How cells are built (at the round's `as_of` date):
//!
//! * **Facts.** Each row gathers facts from the records (members of a body,
//!   the ownership, a committee, the agreement, a gathering, a presentation
//!   of the pre-analysis, key-point evidence of the latest assessment per
//!   dimension, the action plan version in force). Evidence that is not a
//!   key point stays out of the matrix.
//! * **Sources.** A fact is shown when one of its sources is of a kind the
//!   round builds its matrix from (`matrix_sources`), or when it has no
//!   source at all. A fact only other sources report is not shown.
//! * **Conflicts.** Within one record group (a body, the owner, one
//!   dimension's evidence, …) every source that reports some fact is taken
//!   to list all of them: a fact one of those sources lacks is a conflict,
//!   flagged on its cell with the sources that have it and those that do
//!   not (the seed's caption: «stemmer ikke med informasjon fra kommunenes
//!   handlingsplan»).
//! * **Phrases.** Items from structured records are messages
//!   (`programme-matrix-*` keys); the recorder's own wording replaces the
//!   phrase where given. Lists are rendered as the seed writes them: inline
//!   («Rådmann, kommunalsjef og økonomisjef») or as dash items.
//! * **Project group.** Members are listed by unit («Representanter fra …»);
//!   unit representatives that cover every unit of the steering group are
//!   summarised as such; members sharing a unit kind are grouped under it;
//!   the programme leader is not listed as a representative. Without a
//!   project group, the descriptions of workshops and sub-projects stand in.
//! * **Placement.** A placement that started within the round's period is
//!   shown with the one before it («A (fra høsten 2010: B)»).
//! * **Plan anchoring.** When every item is planned, the cell leads with
//!   «Planlagt forankring i planverk gjennom:» and the items drop their own
//!   «Planlagt».
//! * **Caption.** The sources, a note when sources conflict, and the
//!   sign-off of the columns (role and month).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::plan_type_label;
use crate::ids::{ParticipantId, RoundId};
use crate::model::*;
use crate::rules::phases::{Position, path_status, phase_label};
use crate::text::{Message, Renderer, Value, capitalise};

/// A generated overview matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    /// The evaluation round.
    pub round: RoundId,
    /// Its name.
    pub name: String,
    /// The status date.
    pub as_of: Date,
    /// The columns.
    pub columns: Vec<Column>,
    /// The sections with their rows.
    pub sections: Vec<SectionOut>,
    /// The caption's sentences.
    pub caption: Vec<Message>,
}

impl Matrix {
    /// A finding for every column nobody has signed off.
    pub fn sign_off_findings(&self) -> Vec<crate::finding::Finding> {
        self.columns
            .iter()
            .filter(|c| c.sign_off.is_none())
            .map(|c| {
                crate::finding::Finding::new(
                    Some(&c.participant),
                    crate::finding::FindingKind::ColumnNotSignedOff,
                )
            })
            .collect()
    }
}

/// A column: one participant, and who signed it off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// The participant.
    pub participant: ParticipantId,
    /// Its name.
    pub name: String,
    /// The latest sign-off of the column.
    pub sign_off: Option<SignOff>,
}

/// A section of the generated matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionOut {
    /// Which section.
    pub section: Section,
    /// Its label.
    pub label: Value,
    /// Its rows.
    pub rows: Vec<RowOut>,
}

/// A row of the generated matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowOut {
    /// What it shows.
    pub row: RowKind,
    /// Its label.
    pub label: Value,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// How a cell's items are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Sentences one after the other.
    Text,
    /// A running list («a, b og c»).
    Inline,
    /// Dash items.
    Items,
}

/// A cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The column's participant.
    pub participant: ParticipantId,
    /// The layout.
    pub layout: Layout,
    /// A lead before the items («Hovedmål:»).
    pub lead: Option<Message>,
    /// The items.
    pub items: Vec<Item>,
    /// Facts the sources disagree on.
    pub conflicts: Vec<Conflict>,
}

impl Cell {
    /// Every source of the cell's items, without repeats.
    pub fn provenance(&self) -> Vec<&Provenance> {
        let mut out: Vec<&Provenance> = Vec::new();
        for s in self.items.iter().flat_map(|i| i.sources.iter()) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }
}

/// An item of a cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The item's text.
    pub text: Value,
    /// Items grouped under it («tjenesteområdene» + units).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Value>,
    /// Its sources.
    pub sources: Vec<Provenance>,
    /// The records it comes from (document paths).
    pub records: Vec<String>,
}

/// A fact the sources disagree on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The fact.
    pub text: Value,
    /// The record.
    pub record: String,
    /// Source kinds that report it.
    pub found_in: Vec<SourceKind>,
    /// Source kinds that report on the same record group but not this fact.
    pub missing_from: Vec<SourceKind>,
}

/// What one fact contributes before sources are weighed.
struct Piece {
    text: Value,
    children: Vec<Value>,
    sources: Vec<Provenance>,
    record: String,
    scope: String,
}

impl Piece {
    fn new(text: impl Into<Value>, sources: &[Provenance], record: String, scope: &str) -> Piece {
        Piece {
            text: text.into(),
            children: Vec::new(),
            sources: sources.to_vec(),
            record,
            scope: scope.to_string(),
        }
    }
}

fn msg(key: &str) -> Message {
    Message::new(format!("programme-matrix-{key}"))
}

fn kinds(sources: &[Provenance]) -> BTreeSet<SourceKind> {
    sources.iter().map(|s| s.source).collect()
}

fn shown(f: &Piece, primary: &[SourceKind]) -> bool {
    f.sources.is_empty() || f.sources.iter().any(|s| primary.contains(&s.source))
}

fn conflicts(facts: &[Piece]) -> Vec<Conflict> {
    let mut by_scope: BTreeMap<&str, BTreeSet<SourceKind>> = BTreeMap::new();
    for f in facts {
        by_scope
            .entry(&f.scope)
            .or_default()
            .extend(kinds(&f.sources));
    }
    facts
        .iter()
        .filter(|f| !f.sources.is_empty())
        .filter_map(|f| {
            let have = kinds(&f.sources);
            let missing: Vec<SourceKind> = by_scope[f.scope.as_str()]
                .difference(&have)
                .copied()
                .collect();
            (!missing.is_empty()).then(|| Conflict {
                text: f.text.clone(),
                record: f.record.clone(),
                found_in: have.into_iter().collect(),
                missing_from: missing,
            })
        })
        .collect()
}

fn into_items(facts: Vec<Piece>, primary: &[SourceKind]) -> Vec<Item> {
    facts
        .into_iter()
        .filter(|f| shown(f, primary))
        .map(|f| Item {
            text: f.text,
            children: f.children,
            sources: f.sources,
            records: vec![f.record],
        })
        .collect()
}

/// Where a participant's records are in the document.
struct Paths {
    participant: usize,
    organisation: Option<usize>,
    plan: Option<usize>,
}

/// The rows of the 2010 matrix when the round sets none.
fn sections_of(round: &EvaluationRound) -> Vec<MatrixSection> {
    if round.matrix.is_empty() {
        crate::defaults::matrix_2010()
    } else {
        round.matrix.clone()
    }
}

/// The default label of a row.
pub fn row_label(spec: &MatrixRowSpec) -> Value {
    match &spec.label {
        Some(l) => Value::Text(l.clone()),
        None => Message::new(format!("programme-matrix-row-{}", spec.row.code())).into(),
    }
}

/// The default label of a section.
pub fn section_label(s: &MatrixSection) -> Value {
    match &s.label {
        Some(l) => Value::Text(l.clone()),
        None => Message::new(format!("programme-matrix-section-{}", s.section.code())).into(),
    }
}

/// Generates the overview matrix of evaluation round `round`; `None` if the
/// document has no such round.
pub fn generate(doc: &ProgrammeDocument, round: &RoundId) -> Option<Matrix> {
    let round = doc.round(round)?;
    let followed: Vec<&Participant> = if round.participants.is_empty() {
        doc.participants.iter().collect()
    } else {
        round
            .participants
            .iter()
            .filter_map(|id| doc.participant(id))
            .collect()
    };
    let columns: Vec<Column> = followed
        .iter()
        .map(|p| Column {
            participant: p.id.clone(),
            name: p.name.clone(),
            sign_off: round
                .sign_offs
                .iter()
                .filter(|s| s.participant == p.id)
                .max_by_key(|s| s.date)
                .cloned(),
        })
        .collect();
    let mut all_conflicts = BTreeSet::new();
    let sections: Vec<SectionOut> = sections_of(round)
        .iter()
        .map(|s| SectionOut {
            section: s.section,
            label: section_label(s),
            rows: s
                .rows
                .iter()
                .map(|spec| RowOut {
                    row: spec.row,
                    label: row_label(spec),
                    cells: followed
                        .iter()
                        .map(|p| {
                            let cell = build_cell(doc, round, p, spec.row);
                            for c in &cell.conflicts {
                                for k in &c.missing_from {
                                    all_conflicts.insert(*k);
                                }
                                for k in &c.found_in {
                                    all_conflicts.insert(*k);
                                }
                            }
                            cell
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let caption = caption(doc, round, &columns, &all_conflicts);
    Some(Matrix {
        round: round.id.clone(),
        name: round.name.clone(),
        as_of: round.as_of,
        columns,
        sections,
        caption,
    })
}

fn caption(
    doc: &ProgrammeDocument,
    round: &EvaluationRound,
    columns: &[Column],
    conflicting: &BTreeSet<SourceKind>,
) -> Vec<Message> {
    let source_label = |k: SourceKind| -> Value {
        Message::new(format!(
            "programme-source-{}-definite-plural",
            k.code().replace('_', "-")
        ))
        .into()
    };
    let participants = Value::term(Term::Participant, Form::DefinitePlural);
    let mut out = vec![
        msg("caption-sources")
            .arg("participants", participants.clone())
            .arg(
                "sources",
                Value::List(
                    round
                        .matrix_sources
                        .iter()
                        .map(|k| source_label(*k))
                        .collect(),
                ),
            ),
    ];
    let primary: Vec<SourceKind> = round
        .matrix_sources
        .iter()
        .copied()
        .filter(|k| conflicting.contains(k))
        .collect();
    for other in conflicting
        .iter()
        .filter(|k| !round.matrix_sources.contains(k))
    {
        out.push(
            msg("caption-conflict")
                .arg(
                    "primary",
                    Value::List(primary.iter().map(|k| source_label(*k)).collect()),
                )
                .arg("participants", participants.clone())
                .arg(
                    "participants-genitive",
                    Value::term(Term::Participant, Form::Genitive),
                )
                .text("other", other.code())
                .arg("other-label", source_label(*other))
                .text("programme", doc.programme.name.clone()),
        );
    }
    let signed: Vec<&SignOff> = columns.iter().filter_map(|c| c.sign_off.as_ref()).collect();
    if !signed.is_empty() {
        let roles: BTreeSet<SignOffRole> = signed.iter().map(|s| s.role).collect();
        let role = if roles.len() == 1 {
            match signed[0].role {
                SignOffRole::ProgrammeLeader => {
                    Value::term(Term::ProgrammeLeader, Form::DefinitePlural)
                }
                SignOffRole::Coordinator => {
                    Message::new("programme-sign-off-role-coordinators").into()
                }
            }
        } else {
            Message::new("programme-sign-off-role-mixed").into()
        };
        let first = signed
            .iter()
            .map(|s| s.date.start())
            .min()
            .expect("non-empty");
        let last = signed
            .iter()
            .map(|s| s.date.end())
            .max()
            .expect("non-empty");
        let same_month = first.year() == last.year() && first.month() == last.month();
        let m = if signed.len() < columns.len() {
            msg("caption-sign-off-partial")
                .arg("signed", signed.len())
                .arg("columns", columns.len())
        } else {
            msg("caption-sign-off")
        }
        .arg("role", role)
        .arg("participants", participants);
        let m = if same_month {
            m.arg(
                "when",
                Date::month_of(first.year(), first.month()).expect("valid month"),
            )
        } else {
            m.arg(
                "when",
                msg("caption-from-to")
                    .arg(
                        "from",
                        Date::month_of(first.year(), first.month()).expect("valid"),
                    )
                    .arg(
                        "to",
                        Date::month_of(last.year(), last.month()).expect("valid"),
                    ),
            )
        };
        out.push(m);
    }
    out
}

fn paths(doc: &ProgrammeDocument, p: &Participant) -> Paths {
    Paths {
        participant: doc
            .participants
            .iter()
            .position(|x| x.id == p.id)
            .unwrap_or(0),
        organisation: doc.organisations.iter().position(|o| o.participant == p.id),
        plan: doc.action_plans.iter().position(|a| a.participant == p.id),
    }
}

/// Key-point evidence of the latest assessment(s) per dimension by `at`:
/// (assessment index, evidence index, dimension, evidence).
fn key_points<'a>(
    doc: &'a ProgrammeDocument,
    p: &ParticipantId,
    at: Date,
    dims: &[Dimension],
) -> Vec<(usize, usize, Dimension, &'a Evidence)> {
    let mut latest: BTreeMap<Dimension, Date> = BTreeMap::new();
    for a in doc
        .assessments
        .iter()
        .filter(|a| &a.participant == p && a.date.start() <= at)
    {
        let e = latest.entry(a.dimension).or_insert(a.date);
        if a.date > *e {
            *e = a.date;
        }
    }
    let mut out = Vec::new();
    for dim in dims {
        for (ai, a) in doc.assessments.iter().enumerate() {
            if &a.participant == p && a.dimension == *dim && latest.get(dim) == Some(&a.date) {
                for (ei, e) in a.evidence.iter().enumerate() {
                    if e.key_point {
                        out.push((ai, ei, a.dimension, e));
                    }
                }
            }
        }
    }
    out
}

fn build_cell(
    doc: &ProgrammeDocument,
    round: &EvaluationRound,
    p: &Participant,
    row: RowKind,
) -> Cell {
    let at = round.as_of.start();
    let primary = &round.matrix_sources;
    let paths = paths(doc, p);
    let org = doc.organisation(&p.id);
    let opath = paths.organisation.map(|i| format!("organisations[{i}]"));
    let mut lead = None;
    let (layout, facts): (Layout, Vec<Piece>) = match row {
        RowKind::SteeringGroup => (Layout::Inline, steering_facts(org, opath.as_deref(), at)),
        RowKind::ProjectGroup => {
            let (layout, l, items, facts) = project_group(org, opath.as_deref(), at, primary);
            let conflicts = conflicts(&facts);
            return Cell {
                participant: p.id.clone(),
                layout,
                lead: l,
                items,
                conflicts,
            };
        }
        RowKind::LeaderPlacement => (Layout::Text, placement_facts(org, opath.as_deref(), round)),
        RowKind::LeaderOrientation => (Layout::Text, orientation_facts(org, opath.as_deref(), at)),
        RowKind::AdministrativeAnchoring => (
            Layout::Items,
            administrative_facts(doc, p, org, opath.as_deref(), at),
        ),
        RowKind::PoliticalAnchoring => (
            Layout::Items,
            political_facts(doc, p, &paths, org, opath.as_deref(), at),
        ),
        RowKind::ExternalAnchoring => (
            Layout::Items,
            external_facts(doc, p, &paths, org, opath.as_deref(), at),
        ),
        RowKind::PlanAnchoring => {
            let (l, facts) = plan_facts(doc, p, at, primary);
            lead = l;
            (Layout::Items, facts)
        }
        RowKind::MainGoals => {
            let (l, facts) = goal_facts(doc, p, paths.plan, at);
            lead = l;
            (Layout::Items, facts)
        }
        RowKind::Measures => (Layout::Items, measure_facts(doc, p, paths.plan, at)),
        RowKind::Phase => (Layout::Text, phase_facts(doc, p, &paths, at)),
    };
    let conflicts = conflicts(&facts);
    let items = into_items(facts, primary);
    Cell {
        participant: p.id.clone(),
        layout,
        // A lead without items says nothing.
        lead: lead.filter(|_| !items.is_empty()),
        items,
        conflicts,
    }
}

fn top_bodies(org: Option<&Organisation>, kind: BodyKind, at: Date) -> Vec<(usize, &Body)> {
    org.map(|o| {
        o.bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == kind && b.parent.is_none() && b.exists_at(at))
            .collect()
    })
    .unwrap_or_default()
}

fn member_name(m: &Member) -> String {
    m.position
        .clone()
        .or_else(|| m.unit.clone())
        .or_else(|| m.person.as_ref().map(|p| p.to_string()))
        .unwrap_or_default()
}

fn steering_facts(org: Option<&Organisation>, opath: Option<&str>, at: Date) -> Vec<Piece> {
    let Some(opath) = opath else {
        return Vec::new();
    };
    top_bodies(org, BodyKind::SteeringGroup, at)
        .into_iter()
        .flat_map(|(bi, b)| {
            b.members
                .iter()
                .enumerate()
                .filter(|(_, m)| m.holds_at(at))
                .map(move |(mi, m)| {
                    Piece::new(
                        member_name(m),
                        &m.sources,
                        format!("{opath}.bodies[{bi}].members[{mi}]"),
                        &format!("body:{}", b.id),
                    )
                })
        })
        .collect()
}

type ProjectCell = (Layout, Option<Message>, Vec<Item>, Vec<Piece>);

fn project_group(
    org: Option<&Organisation>,
    opath: Option<&str>,
    at: Date,
    primary: &[SourceKind],
) -> ProjectCell {
    let Some(opath) = opath else {
        return (Layout::Text, None, Vec::new(), Vec::new());
    };
    let groups = top_bodies(org, BodyKind::ProjectGroup, at);
    let with_members: Vec<_> = groups
        .iter()
        .filter(|(_, b)| !b.members.is_empty())
        .collect();
    if with_members.is_empty() {
        // What stands in for a project group: descriptions of workshops and
        // sub-projects (or of a project group without members).
        let mut facts = Vec::new();
        for (bi, b) in org
            .map(|o| o.bodies.iter().enumerate().collect::<Vec<_>>())
            .unwrap_or_default()
        {
            if matches!(
                b.kind,
                BodyKind::ProjectGroup | BodyKind::Workshops | BodyKind::SubProject
            ) && b.parent.is_none()
                && b.exists_at(at)
                && let Some(d) = &b.description
            {
                facts.push(Piece::new(
                    d.clone(),
                    &b.sources,
                    format!("{opath}.bodies[{bi}]"),
                    &format!("body:{}", b.id),
                ));
            }
        }
        let conflicts_input: Vec<Piece> = facts
            .iter()
            .map(|f| Piece::new(f.text.clone(), &f.sources, f.record.clone(), &f.scope))
            .collect();
        return (
            Layout::Text,
            None,
            into_items(facts, primary),
            conflicts_input,
        );
    }
    // Units of the steering group, for the summary.
    let steering_units: BTreeSet<String> = top_bodies(org, BodyKind::SteeringGroup, at)
        .iter()
        .flat_map(|(_, b)| b.members.iter())
        .filter(|m| {
            m.holds_at(at)
                && (m.sources.is_empty() || m.sources.iter().any(|s| primary.contains(&s.source)))
        })
        .filter_map(|m| m.unit.clone())
        .collect();
    let mut all = Vec::new();
    let mut shown_members = Vec::new();
    for (bi, b) in with_members {
        for (mi, m) in b.members.iter().enumerate() {
            if !m.holds_at(at) || m.office == Some(Office::ProgrammeLeader) {
                continue;
            }
            let record = format!("{opath}.bodies[{bi}].members[{mi}]");
            let text: Value = match (&m.position, &m.unit) {
                (Some(pos), Some(unit)) => msg("member-from")
                    .text("position", pos.clone())
                    .text("unit", unit.clone())
                    .into(),
                _ => Value::Text(member_name(m)),
            };
            let f = Piece::new(text, &m.sources, record, &format!("body:{}", b.id));
            if shown(&f, primary) {
                shown_members.push((
                    m,
                    Piece::new(f.text.clone(), &f.sources, f.record.clone(), &f.scope),
                ));
            }
            all.push(f);
        }
    }
    let mut items: Vec<Item> = Vec::new();
    let reps_in_steering: Vec<usize> = shown_members
        .iter()
        .enumerate()
        .filter(|(_, (m, _))| {
            m.position.is_none() && m.unit.as_ref().is_some_and(|u| steering_units.contains(u))
        })
        .map(|(i, _)| i)
        .collect();
    let covered: BTreeSet<&String> = reps_in_steering
        .iter()
        .filter_map(|&i| shown_members[i].0.unit.as_ref())
        .collect();
    let summarise = steering_units.len() >= 2 && covered.len() == steering_units.len();
    let mut summary_at = None;
    let mut groups: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (m, f)) in shown_members.iter().enumerate() {
        if summarise && reps_in_steering.contains(&i) {
            match summary_at {
                None => {
                    summary_at = Some(items.len());
                    items.push(Item {
                        text: msg("units-of-steering-group").into(),
                        children: Vec::new(),
                        sources: f.sources.clone(),
                        records: vec![f.record.clone()],
                    });
                }
                Some(k) => {
                    items[k].records.push(f.record.clone());
                    for s in &f.sources {
                        if !items[k].sources.contains(s) {
                            items[k].sources.push(s.clone());
                        }
                    }
                }
            }
            continue;
        }
        if let (Some(kind), None) = (&m.unit_kind, &m.position) {
            match groups.get(kind) {
                Some(&k) => {
                    items[k].children.push(f.text.clone());
                    items[k].records.push(f.record.clone());
                }
                None => {
                    groups.insert(kind.clone(), items.len());
                    items.push(Item {
                        text: Value::Text(kind.clone()),
                        children: vec![f.text.clone()],
                        sources: f.sources.clone(),
                        records: vec![f.record.clone()],
                    });
                }
            }
            continue;
        }
        items.push(Item {
            text: f.text.clone(),
            children: Vec::new(),
            sources: f.sources.clone(),
            records: vec![f.record.clone()],
        });
    }
    (
        Layout::Inline,
        Some(msg("representatives-from")),
        items,
        all,
    )
}

fn placement_facts(
    org: Option<&Organisation>,
    opath: Option<&str>,
    round: &EvaluationRound,
) -> Vec<Piece> {
    let at = round.as_of.start();
    let (Some(leader), Some(opath)) = (org.and_then(|o| o.leader.as_ref()), opath) else {
        return Vec::new();
    };
    let Some((ci, current)) = leader
        .placements
        .iter()
        .enumerate()
        .rev()
        .find(|(_, p)| p.holds_at(at))
    else {
        return Vec::new();
    };
    let record = format!("{opath}.leader.placements[{ci}]");
    let before = current.from.and_then(|from| {
        (from.start() >= round.from.start())
            .then(|| {
                leader
                    .placements
                    .iter()
                    .rfind(|p| p.unit != current.unit && p.holds_at(from.start().add_days(-1)))
            })
            .flatten()
    });
    match (before, current.from) {
        (Some(b), Some(from)) => {
            let mut sources = b.sources.clone();
            for s in &current.sources {
                if !sources.contains(s) {
                    sources.push(s.clone());
                }
            }
            vec![Piece::new(
                msg("placement-changed")
                    .text("before", b.unit.clone())
                    .arg("when", from)
                    .text("after", current.unit.clone()),
                &sources,
                record,
                "leader",
            )]
        }
        _ => vec![Piece::new(
            current.unit.clone(),
            &current.sources,
            record,
            "leader",
        )],
    }
}

fn orientation_facts(org: Option<&Organisation>, opath: Option<&str>, at: Date) -> Vec<Piece> {
    let (Some(leader), Some(opath)) = (org.and_then(|o| o.leader.as_ref()), opath) else {
        return Vec::new();
    };
    let Some(o) = leader.orientation_at(at) else {
        return Vec::new();
    };
    let i = leader.orientation.iter().position(|x| x == o).unwrap_or(0);
    let key = match o.towards {
        Orientation::SteeringGroup => "orientation-steering-group",
        Orientation::ProjectGroup => "orientation-project-group",
        Orientation::Both => "orientation-both",
    };
    vec![Piece::new(
        msg(key),
        &o.sources,
        format!("{opath}.leader.orientation[{i}]"),
        "leader",
    )]
}

fn owner_fact(org: Option<&Organisation>, opath: Option<&str>, at: Date) -> Vec<Piece> {
    let (Some(org), Some(opath)) = (org, opath) else {
        return Vec::new();
    };
    org.owners
        .iter()
        .enumerate()
        .filter(|(_, w)| w.holds_at(at))
        .map(|(i, w)| {
            let holder = w.holder.clone().unwrap_or_default();
            let has = if w.holder.is_some() { "yes" } else { "no" };
            let text = match w.kind {
                OwnerKind::Administrative => msg("owner-administrative")
                    .text("holder", holder)
                    .text("has-holder", has),
                OwnerKind::Political => msg("owner-political")
                    .text("holder", holder)
                    .text("has-holder", has)
                    .arg("programme", Value::term(Term::Programme, Form::Definite)),
            };
            Piece::new(text, &w.sources, format!("{opath}.owners[{i}]"), "owner")
        })
        .collect()
}

fn evidence_text(doc: &ProgrammeDocument, e: &Evidence, lead_planned: bool) -> Value {
    if let Some(w) = &e.wording {
        return Value::Text(w.clone());
    }
    match &e.fact {
        Fact::Note => Value::Text(String::new()),
        Fact::PoliticalDecision {
            body,
            subject,
            date,
        } => {
            let m = msg("political-decision")
                .arg(
                    "subject",
                    Message::new(format!(
                        "programme-decision-subject-{}",
                        match subject {
                            DecisionSubject::Application => "application",
                            DecisionSubject::PreAnalysis => "pre-analysis",
                            DecisionSubject::ActionPlan => "action-plan",
                            DecisionSubject::Mandate => "mandate",
                            DecisionSubject::Budget => "budget",
                            DecisionSubject::Other => "other",
                        }
                    )),
                )
                .text("body", body.clone().unwrap_or_default())
                .text("has-body", if body.is_some() { "yes" } else { "no" });
            match date {
                Some(d) => m.arg("date", *d).text("has-date", "yes"),
                None => m.text("date", "").text("has-date", "no"),
            }
            .into()
        }
        Fact::ExternalInvolvement {
            actor,
            form,
            status,
            via,
            ..
        } => match (form, status, via) {
            (InvolvementForm::Information, Status::Realised, _) => msg("external-information")
                .text("programme", doc.programme.name.clone())
                .text("actor", actor.clone())
                .into(),
            (InvolvementForm::Contact, Status::Realised, Some(via)) => msg("external-contact")
                .text("via", via.clone())
                .text("actor", actor.clone())
                .into(),
            (InvolvementForm::ReferenceGroup, Status::Planned, _) => {
                msg("external-reference-groups-planned")
                    .text("actor", actor.clone())
                    .into()
            }
            _ => msg("external-involvement")
                .text("actor", actor.clone())
                .arg(
                    "form",
                    Message::new(format!(
                        "programme-involvement-{}",
                        form.code().replace('_', "-")
                    )),
                )
                .arg(
                    "status",
                    Message::new(format!("programme-status-{}", status.code())),
                )
                .into(),
        },
        Fact::UserParticipation {
            level,
            status,
            scope,
            who,
        } => match (status, scope, who) {
            (Status::Planned, Some(scope), _) => {
                msg("users-planned-in").text("scope", scope.clone()).into()
            }
            (Status::Considered, Some(scope), _) => msg("users-considered-in")
                .text("scope", scope.clone())
                .into(),
            (Status::Planned | Status::Considered, None, Some(who)) => {
                msg("users-plans-to-include")
                    .text("who", who.clone())
                    .into()
            }
            _ => msg("users-participation")
                .arg(
                    "level",
                    Message::new(format!(
                        "programme-user-level-{}",
                        level.unwrap_or(UserLevel::None).code()
                    )),
                )
                .arg(
                    "status",
                    Message::new(format!("programme-status-{}", status.code())),
                )
                .text(
                    "scope",
                    scope.clone().or_else(|| who.clone()).unwrap_or_default(),
                )
                .into(),
        },
        Fact::PlanAnchoring {
            plan,
            name,
            period,
            status,
            role,
            revision,
            year,
        } => {
            let plan_value: Value = match name {
                Some(n) => Value::Text(n.clone()),
                None => plan_type_label(*plan),
            };
            let named: Value = match period {
                Some(span) => msg("plan-with-period")
                    .arg("plan", plan_value.clone())
                    .text("from", span.from.to_string())
                    .text("to", span.to.to_string())
                    .into(),
                None => plan_value.clone(),
            };
            let planned = if *status == PlanStatus::Planned && !lead_planned {
                "yes"
            } else {
                "no"
            };
            match (status, plan, role, revision, year) {
                (PlanStatus::WorkingDocument, _, _, _, Some(y)) => msg("plan-working-document")
                    .text("year", y.to_string())
                    .into(),
                (_, PlanType::AnnualBudget, _, _, Some(y)) => {
                    msg("plan-budget").text("year", y.to_string()).into()
                }
                (_, _, Some(ActionPlanRole::ThematicPlan), _, _) => msg("plan-as-thematic")
                    .text("planned", planned)
                    .arg("plan", named)
                    .into(),
                (_, _, _, Some(Revision::Ongoing), _) => msg("plan-ongoing-revision")
                    .text("planned", planned)
                    .arg("plan", named)
                    .into(),
                (_, _, _, Some(Revision::Year(y)), _) => msg("plan-revision-year")
                    .text("planned", planned)
                    .arg("plan", named)
                    .text("year", y.to_string())
                    .into(),
                (_, _, _, Some(Revision::From(y)), _) => msg("plan-from-year")
                    .text("planned", planned)
                    .arg("plan", named)
                    .text("year", y.to_string())
                    .into(),
                _ => named,
            }
        }
    }
}

fn evidence_facts(
    doc: &ProgrammeDocument,
    p: &Participant,
    at: Date,
    dims: &[Dimension],
    lead_planned: bool,
) -> Vec<Piece> {
    key_points(doc, &p.id, at, dims)
        .into_iter()
        .map(|(ai, ei, dim, e)| {
            Piece::new(
                evidence_text(doc, e, lead_planned),
                &e.sources,
                format!("assessments[{ai}].evidence[{ei}]"),
                &format!("assessment:{}", dim.code()),
            )
        })
        .collect()
}

fn administrative_facts(
    doc: &ProgrammeDocument,
    p: &Participant,
    org: Option<&Organisation>,
    opath: Option<&str>,
    at: Date,
) -> Vec<Piece> {
    let mut facts = Vec::new();
    if let Some(opath) = opath {
        for (bi, b) in top_bodies(org, BodyKind::SteeringGroup, at) {
            for (mi, m) in b.members.iter().enumerate() {
                if m.holds_at(at) && m.office == Some(Office::ChiefExecutive) {
                    facts.push(Piece::new(
                        msg("chief-executive-in-steering-group"),
                        &m.sources,
                        format!("{opath}.bodies[{bi}].members[{mi}]"),
                        &format!("body:{}", b.id),
                    ));
                }
            }
        }
    }
    facts.extend(owner_fact(org, opath, at).into_iter().filter(
        |f| matches!(&f.text, Value::Message(m) if m.key.ends_with("owner-administrative")),
    ));
    facts.extend(evidence_facts(
        doc,
        p,
        at,
        &[Dimension::Administrative],
        false,
    ));
    facts
}

fn political_facts(
    doc: &ProgrammeDocument,
    p: &Participant,
    paths: &Paths,
    org: Option<&Organisation>,
    opath: Option<&str>,
    at: Date,
) -> Vec<Piece> {
    let mut facts = owner_fact(org, opath, at);
    if let (Some(o), Some(opath)) = (org, opath) {
        for (bi, b) in o.bodies.iter().enumerate() {
            if b.kind == BodyKind::PoliticalCommittee && b.exists_at(at) {
                let key = match b.follow_up.unwrap_or(FollowUp::Follows) {
                    FollowUp::Responsible => "committee-responsible",
                    FollowUp::Follows => "committee-follows",
                };
                facts.push(Piece::new(
                    msg(key).text("committee", b.name.clone()),
                    &b.sources,
                    format!("{opath}.bodies[{bi}]"),
                    &format!("body:{}", b.id),
                ));
            }
            if b.in_programme_organisation() && b.exists_at(at) {
                for (mi, m) in b.members.iter().enumerate() {
                    if m.holds_at(at) && m.level == Level::Politician {
                        facts.push(Piece::new(
                            msg("politician-in-body")
                                .text("member", member_name(m))
                                .arg("body", Value::term(b.kind.term(), Form::Definite)),
                            &m.sources,
                            format!("{opath}.bodies[{bi}].members[{mi}]"),
                            &format!("body:{}", b.id),
                        ));
                    }
                }
            }
        }
    }
    if let Some(pa) = &p.pre_analysis {
        for (i, pr) in pa.presentations.iter().enumerate() {
            if pr.political && known_from(pr.date, &pr.sources).is_some_and(|d| d <= at) {
                facts.push(Piece::new(
                    msg("pre-analysis-presented").text("to", pr.to.clone()),
                    &pr.sources,
                    format!(
                        "participants[{}].pre_analysis.presentations[{i}]",
                        paths.participant
                    ),
                    "pre_analysis",
                ));
            }
        }
    }
    for (gi, g) in doc.gatherings.iter().enumerate() {
        if g.host.as_ref() == Some(&p.id) && g.audience.contains(&Level::Politician) {
            if g.status == Status::Realised && g.date.is_none_or(|d| d.start() > at) {
                continue;
            }
            facts.push(Piece::new(
                gathering_text(g),
                &[],
                format!("gatherings[{gi}]"),
                &format!("gathering:{}", g.id),
            ));
        }
    }
    facts.extend(evidence_facts(
        doc,
        p,
        at,
        &[
            Dimension::PoliticalRepresentation,
            Dimension::PoliticalMandate,
            Dimension::PoliticalProcess,
        ],
        false,
    ));
    facts
}

fn gathering_text(g: &Gathering) -> Value {
    let kind: Value = Message::new(format!("programme-gathering-{}", g.kind.code())).into();
    let audience = Value::List(
        g.audience
            .iter()
            .map(|l| {
                Message::new(format!(
                    "programme-level-{}-plural",
                    l.code().replace('_', "-")
                ))
                .into()
            })
            .collect(),
    );
    let key = match g.status {
        Status::Realised => "gathering-held",
        Status::Planned => "gathering-planned",
        Status::Considered => "gathering-considered",
    };
    msg(key).arg("kind", kind).arg("audience", audience).into()
}

fn external_facts(
    doc: &ProgrammeDocument,
    p: &Participant,
    paths: &Paths,
    org: Option<&Organisation>,
    opath: Option<&str>,
    at: Date,
) -> Vec<Piece> {
    let mut facts = Vec::new();
    if let Some((i, a)) = p
        .agreements
        .iter()
        .enumerate()
        .filter(|(_, a)| a.signed && known_from(a.signed_on, &a.sources).is_some_and(|d| d <= at))
        .max_by_key(|(_, a)| a.version)
    {
        facts.push(Piece::new(
            msg("agreement").text("funder", doc.programme.funder.running_name()),
            &a.sources,
            format!("participants[{}].agreements[{i}]", paths.participant),
            "agreement",
        ));
    }
    for (gi, g) in doc.gatherings.iter().enumerate() {
        if g.host.as_ref() == Some(&p.id)
            && g.kind == GatheringKind::DialogueConference
            && g.status == Status::Realised
            && g.date.is_none_or(|d| d.start() <= at)
        {
            let text: Value = if g.about_pre_analysis {
                msg("dialogue-conference-pre-analysis").into()
            } else {
                gathering_text(g)
            };
            facts.push(Piece::new(
                text,
                &[],
                format!("gatherings[{gi}]"),
                &format!("gathering:{}", g.id),
            ));
        }
    }
    if let Some(opath) = opath {
        for (kind, key) in [
            (BodyKind::SteeringGroup, "external-in-steering-group"),
            (BodyKind::ProjectGroup, "external-in-project-group"),
        ] {
            for (bi, b) in top_bodies(org, kind, at) {
                for (mi, m) in b.members.iter().enumerate() {
                    if m.holds_at(at) && m.level.is_external() {
                        facts.push(Piece::new(
                            msg(key).text("actor", member_name(m)),
                            &m.sources,
                            format!("{opath}.bodies[{bi}].members[{mi}]"),
                            &format!("body:{}", b.id),
                        ));
                    }
                }
            }
        }
    }
    facts.extend(evidence_facts(
        doc,
        p,
        at,
        &[Dimension::External, Dimension::UserParticipation],
        false,
    ));
    facts
}

fn plan_facts(
    doc: &ProgrammeDocument,
    p: &Participant,
    at: Date,
    primary: &[SourceKind],
) -> (Option<Message>, Vec<Piece>) {
    let points = key_points(doc, &p.id, at, &[Dimension::Plan]);
    let visible: Vec<_> = points
        .iter()
        .filter(|(_, _, _, e)| {
            e.sources.is_empty() || e.sources.iter().any(|s| primary.contains(&s.source))
        })
        .collect();
    let all_planned = !visible.is_empty()
        && visible.iter().all(|(_, _, _, e)| {
            matches!(
                e.fact,
                Fact::PlanAnchoring {
                    status: PlanStatus::Planned,
                    ..
                }
            )
        });
    let facts = evidence_facts(doc, p, at, &[Dimension::Plan], all_planned);
    (all_planned.then(|| msg("plan-all-planned")), facts)
}

fn goal_facts(
    doc: &ProgrammeDocument,
    p: &Participant,
    plan_index: Option<usize>,
    at: Date,
) -> (Option<Message>, Vec<Piece>) {
    let Some(plan) = doc.action_plan(&p.id) else {
        return (None, Vec::new());
    };
    let Some(v) = plan.version_at(at) else {
        return (None, Vec::new());
    };
    let vi = plan.versions.iter().position(|x| x == v).unwrap_or(0);
    let pi = plan_index.unwrap_or(0);
    let lead = match v.top {
        TopLevel::MainGoals => msg("main-goals"),
        TopLevel::PriorityAreas => msg("priority-areas"),
    };
    let facts = v
        .goals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.parent.is_none())
        .map(|(gi, g)| {
            Piece::new(
                g.title.clone(),
                &v.sources,
                format!("action_plans[{pi}].versions[{vi}].goals[{gi}]"),
                "plan",
            )
        })
        .collect();
    (Some(lead), facts)
}

fn measure_facts(
    doc: &ProgrammeDocument,
    p: &Participant,
    plan_index: Option<usize>,
    at: Date,
) -> Vec<Piece> {
    let Some(plan) = doc.action_plan(&p.id) else {
        return Vec::new();
    };
    let Some(v) = plan.version_at(at) else {
        return Vec::new();
    };
    let vi = plan.versions.iter().position(|x| x == v).unwrap_or(0);
    let pi = plan_index.unwrap_or(0);
    v.measures
        .iter()
        .enumerate()
        .filter(|(_, m)| m.status != MeasureStatus::Cancelled)
        .map(|(mi, m)| {
            Piece::new(
                m.title.clone(),
                &v.sources,
                format!("action_plans[{pi}].versions[{vi}].measures[{mi}]"),
                "plan",
            )
        })
        .collect()
}

fn phase_facts(doc: &ProgrammeDocument, p: &Participant, paths: &Paths, at: Date) -> Vec<Piece> {
    let Some(status) = path_status(doc, p, at) else {
        return Vec::new();
    };
    let Some(model) = p
        .path
        .as_ref()
        .and_then(|path| doc.phase_model(&path.model))
    else {
        return Vec::new();
    };
    let label = |pos: &Position| -> Value {
        match pos {
            Position::In(k) => model
                .phases
                .iter()
                .find(|d| &d.key == k)
                .map(phase_label)
                .unwrap_or_else(|| Value::Text(k.to_string())),
            Position::NotStarted => Message::new("programme-position-not-started").into(),
            Position::Finished => Message::new("programme-position-finished").into(),
        }
    };
    let text = if status.calendar == status.real {
        msg("phase-same").arg("phase", label(&status.real))
    } else {
        msg("phase-differs")
            .arg("calendar", label(&status.calendar))
            .arg("real", label(&status.real))
    };
    vec![Piece::new(
        text,
        &[],
        format!("participants[{}].path", paths.participant),
        "path",
    )]
}

/// A cell's items as text: the lead, and each item with its grouped children.
pub fn cell_texts(cell: &Cell, r: &Renderer<'_>) -> (Option<String>, Vec<(String, Vec<String>)>) {
    (
        cell.lead.as_ref().map(|m| r.message(m)),
        cell.items
            .iter()
            .map(|i| {
                (
                    r.value(&i.text),
                    i.children.iter().map(|c| r.value(c)).collect(),
                )
            })
            .collect(),
    )
}

fn item_text(r: &Renderer<'_>, text: &str, children: &[String]) -> String {
    if children.is_empty() {
        text.to_string()
    } else {
        let list: Vec<Value> = children.iter().map(|c| Value::Text(c.clone())).collect();
        format!("{text} {}", r.list(&list))
    }
}

/// A cell as one line of text, written as the 2010 matrix writes cells:
/// sentences; a running list after its lead, capitalised; dash items after
/// their lead, each capitalised.
pub fn render_cell(cell: &Cell, r: &Renderer<'_>) -> String {
    let (lead, items) = cell_texts(cell, r);
    let texts: Vec<String> = items.iter().map(|(t, c)| item_text(r, t, c)).collect();
    let body = match cell.layout {
        Layout::Text => texts.join(" "),
        Layout::Inline => r.list(
            &texts
                .iter()
                .map(|t| Value::Text(t.clone()))
                .collect::<Vec<_>>(),
        ),
        Layout::Items => texts
            .iter()
            .map(|t| format!("- {}", capitalise(t)))
            .collect::<Vec<_>>()
            .join(" "),
    };
    let joined = match lead {
        Some(l) if body.is_empty() => l,
        Some(l) => format!("{l} {body}"),
        None => body,
    };
    capitalise(&joined)
}

/// What changed in one cell between two matrices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellChange {
    /// The column.
    pub participant: ParticipantId,
    /// The row.
    pub row: RowKind,
    /// Items only in the later matrix.
    pub added: Vec<Value>,
    /// Items only in the earlier matrix.
    pub removed: Vec<Value>,
    /// Items in both.
    pub kept: usize,
}

/// Two matrices compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixDiff {
    /// The earlier round.
    pub from: RoundId,
    /// The later round.
    pub to: RoundId,
    /// Columns only in the later matrix.
    pub columns_added: Vec<ParticipantId>,
    /// Columns only in the earlier matrix.
    pub columns_removed: Vec<ParticipantId>,
    /// Rows only in the later matrix.
    pub rows_added: Vec<RowKind>,
    /// Rows only in the earlier matrix.
    pub rows_removed: Vec<RowKind>,
    /// Cells (in both) whose items changed.
    pub cells: Vec<CellChange>,
}

fn item_key(i: &Item) -> String {
    serde_json::to_string(&(&i.text, &i.children)).expect("values serialise")
}

/// Compares two matrices cell by cell; items are the same when their text
/// and grouped children are (their sources may differ).
pub fn diff(earlier: &Matrix, later: &Matrix) -> MatrixDiff {
    let cells = |m: &Matrix| -> BTreeMap<(RowKind, ParticipantId), Cell> {
        m.sections
            .iter()
            .flat_map(|s| s.rows.iter())
            .flat_map(|r| {
                r.cells
                    .iter()
                    .map(move |c| ((r.row, c.participant.clone()), c.clone()))
            })
            .collect()
    };
    let rows = |m: &Matrix| -> Vec<RowKind> {
        m.sections
            .iter()
            .flat_map(|s| s.rows.iter().map(|r| r.row))
            .collect()
    };
    let cols = |m: &Matrix| -> Vec<ParticipantId> {
        m.columns.iter().map(|c| c.participant.clone()).collect()
    };
    let (a, b) = (cells(earlier), cells(later));
    let mut changes = Vec::new();
    for ((row, pid), cb) in &b {
        let Some(ca) = a.get(&(*row, pid.clone())) else {
            continue;
        };
        let mut before: BTreeMap<String, (usize, &Item)> = BTreeMap::new();
        for i in &ca.items {
            before.entry(item_key(i)).or_insert((0, i)).0 += 1;
        }
        let mut added = Vec::new();
        let mut kept = 0;
        for i in &cb.items {
            match before.get_mut(&item_key(i)) {
                Some((n, _)) if *n > 0 => {
                    *n -= 1;
                    kept += 1;
                }
                _ => added.push(i.text.clone()),
            }
        }
        let removed: Vec<Value> = ca
            .items
            .iter()
            .filter(|i| {
                let k = item_key(i);
                match before.get_mut(&k) {
                    Some((n, _)) if *n > 0 => {
                        *n -= 1;
                        true
                    }
                    _ => false,
                }
            })
            .map(|i| i.text.clone())
            .collect();
        if !added.is_empty() || !removed.is_empty() {
            changes.push(CellChange {
                participant: pid.clone(),
                row: *row,
                added,
                removed,
                kept,
            });
        }
    }
    let (ra, rb) = (rows(earlier), rows(later));
    let (ka, kb) = (cols(earlier), cols(later));
    MatrixDiff {
        from: earlier.round.clone(),
        to: later.round.clone(),
        columns_added: kb.iter().filter(|c| !ka.contains(c)).cloned().collect(),
        columns_removed: ka.iter().filter(|c| !kb.contains(c)).cloned().collect(),
        rows_added: rb.iter().filter(|r| !ra.contains(r)).copied().collect(),
        rows_removed: ra.iter().filter(|r| !rb.contains(r)).copied().collect(),
        cells: changes,
    }
}
