//! Findings: what the rules say about the records, as data with a severity
//! and a [`Message`] (key `programme-finding-<code>`). A finding carries the
//! labels it needs, so a store can keep it and a page can show it without
//! the records at hand.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{GateKey, GoalId, IndicatorId, MeasureId, ParticipantId, PhaseKey};
use crate::model::{Dimension, Form, PartnerKind, PlanType, Rating, ReportKind, Term};
use crate::text::{Message, Value};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Needs attention.
    Warning,
    /// Something is late or wrong.
    Problem,
}

/// A finding about a participant (or the programme when `participant` is
/// `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// About whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<ParticipantId>,
    /// What was found.
    pub kind: FindingKind,
}

impl Finding {
    /// A finding of `kind` about `participant`, with the kind's severity.
    pub fn new(participant: Option<&ParticipantId>, kind: FindingKind) -> Finding {
        Finding {
            severity: kind.severity(),
            participant: participant.cloned(),
            kind,
        }
    }

    /// The finding as a message.
    pub fn message(&self) -> Message {
        self.kind.message()
    }
}

/// A phase or gate as findings name it: its key and its label (the default
/// label's message, or the programme's own label).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Labelled<K> {
    /// The key.
    pub key: K,
    /// The label.
    pub label: Value,
}

/// What was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FindingKind {
    /// The calendar says a later phase than the participant is really in.
    BehindSchedule {
        /// The phase the calendar says.
        calendar: Labelled<PhaseKey>,
        /// The phase the participant is in.
        real: Labelled<PhaseKey>,
    },
    /// The current phase has run past its allowed end.
    PhaseOverrun {
        /// The phase.
        phase: Labelled<PhaseKey>,
        /// The allowed end (the maximum duration or the last extension).
        allowed_end: Date,
        /// Whole months past it.
        months: i32,
        /// Days past it.
        days: i64,
        /// The reason of the last extension, if the phase was extended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        extension_reason: Option<String>,
    },
    /// The current phase is extended; within the extension.
    PhaseExtended {
        /// The phase.
        phase: Labelled<PhaseKey>,
        /// The new end.
        until: Date,
        /// Why.
        reason: String,
    },
    /// A finished phase took longer than allowed.
    PhaseCompletedLate {
        /// The phase.
        phase: Labelled<PhaseKey>,
        /// Whole months over.
        months: i32,
        /// Days over.
        days: i64,
    },
    /// A finished phase took less than its minimum.
    PhaseShorterThanMinimum {
        /// The phase.
        phase: Labelled<PhaseKey>,
        /// Whole months it took.
        months: i32,
        /// The minimum in months.
        minimum: u32,
    },
    /// A required gate of the current phase is past its planned date.
    GateOverdue {
        /// The phase.
        phase: Labelled<PhaseKey>,
        /// The gate.
        gate: Labelled<GateKey>,
        /// When it was planned.
        planned: Date,
    },
    /// A phase was ended with a required gate not passed.
    GateOpenAtPhaseEnd {
        /// The phase.
        phase: Labelled<PhaseKey>,
        /// The gate.
        gate: Labelled<GateKey>,
    },
    /// The action plan will be approved after the next revision of a plan
    /// it should feed.
    ActionPlanMissesRevision {
        /// The plan.
        plan: PlanType,
        /// The revision's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        revision: Option<String>,
        /// The revision's deadline for input.
        deadline: Date,
        /// When the action plan is expected to be approved.
        expected: Date,
        /// The deadline of the revision after it, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next: Option<Date>,
    },
    /// No date is planned for approving the action plan.
    ActionPlanApprovalNotPlanned,
    /// The planned approval date has passed without approval.
    ActionPlanApprovalOverdue {
        /// The planned date.
        planned: Date,
    },
    /// The approved action plan is more than a year old (annual revision).
    ActionPlanRevisionOverdue {
        /// When the current version was approved.
        approved: Date,
    },
    /// A measure serves no goal.
    MeasureServesNoGoal {
        /// The measure.
        measure: MeasureId,
        /// Its title.
        title: String,
    },
    /// A goal has no measure (neither it nor any sub-goal).
    GoalWithoutMeasure {
        /// The goal.
        goal: GoalId,
        /// Its title.
        title: String,
    },
    /// An indicator has no baseline and no value.
    IndicatorWithoutData {
        /// The indicator.
        indicator: IndicatorId,
        /// Its name.
        name: String,
    },
    /// A measure has nobody responsible.
    MeasureWithoutResponsible {
        /// The measure.
        measure: MeasureId,
        /// Its title.
        title: String,
    },
    /// A measure has no indicator.
    MeasureWithoutIndicator {
        /// The measure.
        measure: MeasureId,
        /// Its title.
        title: String,
    },
    /// Functions of the catalogue are in neither the steering nor the project group.
    FunctionsNotRepresented {
        /// The functions' labels.
        functions: Vec<String>,
    },
    /// No member has functions recorded, so representation cannot be shown.
    FunctionsNotRecorded,
    /// No politician takes part in the programme organisation.
    NoPoliticalRepresentation,
    /// The chief executive is neither in the steering group nor the owner.
    ChiefExecutiveNotInvolved,
    /// The programme leader sits in a service unit, not a strategic one.
    LeaderInServiceUnit {
        /// The unit.
        unit: String,
    },
    /// Users were informants only; that is not participation.
    UsersOnlyInformants,
    /// No external actor takes part or is involved.
    NoExternalActors,
    /// An assessor rated a dimension lower than before.
    AnchoringWeakened {
        /// The dimension.
        dimension: Dimension,
        /// The earlier rating.
        from: Rating,
        /// The new rating.
        to: Rating,
        /// The date of the new rating.
        date: Date,
    },
    /// A report is past due and not submitted.
    ReportLate {
        /// Which report.
        report: ReportKind,
        /// Its year.
        year: i32,
        /// Due date.
        due: Date,
        /// Days past due.
        days: i64,
    },
    /// A report is due soon.
    ReportDueSoon {
        /// Which report.
        report: ReportKind,
        /// Its year.
        year: i32,
        /// Due date.
        due: Date,
        /// Days left.
        days: i64,
    },
    /// A submitted report was not dealt with by the steering group.
    ReportNotTreatedBySteeringGroup {
        /// Which report.
        report: ReportKind,
        /// Its year.
        year: i32,
    },
    /// The funder has not read a submitted report in time.
    ReportUnread {
        /// Which report.
        report: ReportKind,
        /// Its year.
        year: i32,
        /// When submitted.
        submitted: Date,
        /// Days since.
        days: i64,
    },
    /// Admitted without a political decision to apply.
    AdmittedWithoutPoliticalDecision {
        /// The applicant.
        applicant: String,
    },
    /// Admitted without a plan for the programme organisation.
    AdmittedWithoutOrganisationPlan {
        /// The applicant.
        applicant: String,
    },
    /// A housing area lacks a municipality or a housing organisation partner.
    HousingAreaPartnerMissing {
        /// The missing kind.
        missing: PartnerKind,
    },
    /// A partner's role is not agreed.
    PartnerRoleNotAgreed {
        /// The partner.
        partner: String,
    },
    /// An obligation under the cooperation agreement is overdue.
    ObligationOverdue {
        /// What.
        text: String,
        /// By when.
        due: Date,
    },
    /// Learning is recorded, but none about goals and actors (loop 3).
    NoThirdLoopLearning {
        /// Entries recorded.
        entries: usize,
    },
    /// An expected document has not been received in the evaluation round.
    DocumentNotReceived {
        /// Which kind.
        document: crate::model::DocumentKind,
    },
    /// A matrix column is not signed off.
    ColumnNotSignedOff,
}

fn phase(p: &Labelled<PhaseKey>) -> Value {
    p.label.clone()
}

fn report(kind: ReportKind) -> Value {
    Value::term(
        match kind {
            ReportKind::HalfYear => Term::HalfYearReport,
            ReportKind::Annual => Term::AnnualReport,
            ReportKind::Final => Term::FinalReport,
        },
        Form::Definite,
    )
}

/// The label of a plan type.
pub fn plan_type_label(plan: PlanType) -> Value {
    Message::new(format!(
        "programme-plan-type-{}",
        plan.code().replace('_', "-")
    ))
    .into()
}

impl FindingKind {
    /// The code (the key is `programme-finding-<code>` with `_` as `-`).
    pub fn code(&self) -> &'static str {
        match self {
            FindingKind::BehindSchedule { .. } => "behind_schedule",
            FindingKind::PhaseOverrun { .. } => "phase_overrun",
            FindingKind::PhaseExtended { .. } => "phase_extended",
            FindingKind::PhaseCompletedLate { .. } => "phase_completed_late",
            FindingKind::PhaseShorterThanMinimum { .. } => "phase_shorter_than_minimum",
            FindingKind::GateOverdue { .. } => "gate_overdue",
            FindingKind::GateOpenAtPhaseEnd { .. } => "gate_open_at_phase_end",
            FindingKind::ActionPlanMissesRevision { .. } => "action_plan_misses_revision",
            FindingKind::ActionPlanApprovalNotPlanned => "action_plan_approval_not_planned",
            FindingKind::ActionPlanApprovalOverdue { .. } => "action_plan_approval_overdue",
            FindingKind::ActionPlanRevisionOverdue { .. } => "action_plan_revision_overdue",
            FindingKind::MeasureServesNoGoal { .. } => "measure_serves_no_goal",
            FindingKind::GoalWithoutMeasure { .. } => "goal_without_measure",
            FindingKind::IndicatorWithoutData { .. } => "indicator_without_data",
            FindingKind::MeasureWithoutResponsible { .. } => "measure_without_responsible",
            FindingKind::MeasureWithoutIndicator { .. } => "measure_without_indicator",
            FindingKind::FunctionsNotRepresented { .. } => "functions_not_represented",
            FindingKind::FunctionsNotRecorded => "functions_not_recorded",
            FindingKind::NoPoliticalRepresentation => "no_political_representation",
            FindingKind::ChiefExecutiveNotInvolved => "chief_executive_not_involved",
            FindingKind::LeaderInServiceUnit { .. } => "leader_in_service_unit",
            FindingKind::UsersOnlyInformants => "users_only_informants",
            FindingKind::NoExternalActors => "no_external_actors",
            FindingKind::AnchoringWeakened { .. } => "anchoring_weakened",
            FindingKind::ReportLate { .. } => "report_late",
            FindingKind::ReportDueSoon { .. } => "report_due_soon",
            FindingKind::ReportNotTreatedBySteeringGroup { .. } => {
                "report_not_treated_by_steering_group"
            }
            FindingKind::ReportUnread { .. } => "report_unread",
            FindingKind::AdmittedWithoutPoliticalDecision { .. } => {
                "admitted_without_political_decision"
            }
            FindingKind::AdmittedWithoutOrganisationPlan { .. } => {
                "admitted_without_organisation_plan"
            }
            FindingKind::HousingAreaPartnerMissing { .. } => "housing_area_partner_missing",
            FindingKind::PartnerRoleNotAgreed { .. } => "partner_role_not_agreed",
            FindingKind::ObligationOverdue { .. } => "obligation_overdue",
            FindingKind::NoThirdLoopLearning { .. } => "no_third_loop_learning",
            FindingKind::DocumentNotReceived { .. } => "document_not_received",
            FindingKind::ColumnNotSignedOff => "column_not_signed_off",
        }
    }

    /// Every code, for completeness tests of the texts.
    pub const CODES: [&'static str; 36] = [
        "behind_schedule",
        "phase_overrun",
        "phase_extended",
        "phase_completed_late",
        "phase_shorter_than_minimum",
        "gate_overdue",
        "gate_open_at_phase_end",
        "action_plan_misses_revision",
        "action_plan_approval_not_planned",
        "action_plan_approval_overdue",
        "action_plan_revision_overdue",
        "measure_serves_no_goal",
        "goal_without_measure",
        "indicator_without_data",
        "measure_without_responsible",
        "measure_without_indicator",
        "functions_not_represented",
        "functions_not_recorded",
        "no_political_representation",
        "chief_executive_not_involved",
        "leader_in_service_unit",
        "users_only_informants",
        "no_external_actors",
        "anchoring_weakened",
        "report_late",
        "report_due_soon",
        "report_not_treated_by_steering_group",
        "report_unread",
        "admitted_without_political_decision",
        "admitted_without_organisation_plan",
        "housing_area_partner_missing",
        "partner_role_not_agreed",
        "obligation_overdue",
        "no_third_loop_learning",
        "document_not_received",
        "column_not_signed_off",
    ];

    /// How much it matters.
    pub fn severity(&self) -> Severity {
        use FindingKind::*;
        match self {
            PhaseOverrun { .. } | ReportLate { .. } | ActionPlanApprovalOverdue { .. } => {
                Severity::Problem
            }
            BehindSchedule { .. }
            | GateOverdue { .. }
            | GateOpenAtPhaseEnd { .. }
            | ActionPlanMissesRevision { .. }
            | ActionPlanApprovalNotPlanned
            | ActionPlanRevisionOverdue { .. }
            | MeasureServesNoGoal { .. }
            | GoalWithoutMeasure { .. }
            | IndicatorWithoutData { .. }
            | MeasureWithoutResponsible { .. }
            | UsersOnlyInformants
            | AnchoringWeakened { .. }
            | ReportNotTreatedBySteeringGroup { .. }
            | ReportUnread { .. }
            | AdmittedWithoutPoliticalDecision { .. }
            | AdmittedWithoutOrganisationPlan { .. }
            | HousingAreaPartnerMissing { .. }
            | PartnerRoleNotAgreed { .. }
            | ObligationOverdue { .. } => Severity::Warning,
            PhaseExtended { .. }
            | PhaseCompletedLate { .. }
            | PhaseShorterThanMinimum { .. }
            | MeasureWithoutIndicator { .. }
            | FunctionsNotRepresented { .. }
            | FunctionsNotRecorded
            | NoPoliticalRepresentation
            | ChiefExecutiveNotInvolved
            | LeaderInServiceUnit { .. }
            | NoExternalActors
            | ReportDueSoon { .. }
            | NoThirdLoopLearning { .. }
            | DocumentNotReceived { .. }
            | ColumnNotSignedOff => Severity::Info,
        }
    }

    /// The finding as a message.
    pub fn message(&self) -> Message {
        use FindingKind::*;
        let m = Message::new(format!(
            "programme-finding-{}",
            self.code().replace('_', "-")
        ));
        match self {
            BehindSchedule { calendar, real } => {
                m.arg("calendar", phase(calendar)).arg("real", phase(real))
            }
            PhaseOverrun {
                phase: p,
                allowed_end,
                months,
                days,
                extension_reason,
            } => m
                .arg("phase", phase(p))
                .arg("end", *allowed_end)
                .arg("months", *months)
                .arg("days", *days)
                .text("reason", extension_reason.clone().unwrap_or_default())
                .text(
                    "extended",
                    if extension_reason.is_some() {
                        "yes"
                    } else {
                        "no"
                    },
                ),
            PhaseExtended {
                phase: p,
                until,
                reason,
            } => m
                .arg("phase", phase(p))
                .arg("until", *until)
                .text("reason", reason.clone()),
            PhaseCompletedLate {
                phase: p,
                months,
                days,
            } => m
                .arg("phase", phase(p))
                .arg("months", *months)
                .arg("days", *days),
            PhaseShorterThanMinimum {
                phase: p,
                months,
                minimum,
            } => m
                .arg("phase", phase(p))
                .arg("months", *months)
                .arg("minimum", *minimum),
            GateOverdue {
                phase: p,
                gate,
                planned,
            } => m
                .arg("phase", phase(p))
                .arg("gate", gate.label.clone())
                .arg("planned", *planned),
            GateOpenAtPhaseEnd { phase: p, gate } => {
                m.arg("phase", phase(p)).arg("gate", gate.label.clone())
            }
            ActionPlanMissesRevision {
                plan,
                revision,
                deadline,
                expected,
                next,
            } => {
                // The revision's own name says which plan; else the kind.
                let plan = match revision {
                    Some(name) => Value::Text(name.clone()),
                    None => plan_type_label(*plan),
                };
                let m = m
                    .arg("plan", plan)
                    .arg("deadline", *deadline)
                    .arg("expected", *expected)
                    .text("has-next", if next.is_some() { "yes" } else { "no" });
                match next {
                    Some(n) => m.arg("next", *n),
                    None => m.text("next", ""),
                }
            }
            ActionPlanApprovalNotPlanned
            | FunctionsNotRecorded
            | NoPoliticalRepresentation
            | ChiefExecutiveNotInvolved
            | UsersOnlyInformants
            | NoExternalActors
            | ColumnNotSignedOff => m,
            ActionPlanApprovalOverdue { planned } => m.arg("planned", *planned),
            ActionPlanRevisionOverdue { approved } => m.arg("approved", *approved),
            MeasureServesNoGoal { title, .. }
            | MeasureWithoutResponsible { title, .. }
            | MeasureWithoutIndicator { title, .. }
            | GoalWithoutMeasure { title, .. } => m.text("title", title.clone()),
            IndicatorWithoutData { name, .. } => m.text("name", name.clone()),
            FunctionsNotRepresented { functions } => m
                .arg("count", functions.len())
                .arg("functions", Value::texts(functions.iter().cloned())),
            LeaderInServiceUnit { unit } => m.text("unit", unit.clone()),
            AnchoringWeakened {
                dimension,
                from,
                to,
                date,
            } => m
                .arg(
                    "dimension",
                    Message::new(format!(
                        "programme-dimension-{}",
                        dimension.code().replace('_', "-")
                    )),
                )
                .arg("from", rating_label(*from))
                .arg("to", rating_label(*to))
                .arg("date", *date),
            ReportLate {
                report: r,
                year,
                due,
                days,
            }
            | ReportDueSoon {
                report: r,
                year,
                due,
                days,
            } => m
                .arg("report", report(*r))
                .text("year", year.to_string())
                .arg("due", *due)
                .arg("days", *days),
            ReportNotTreatedBySteeringGroup { report: r, year } => {
                m.arg("report", report(*r)).text("year", year.to_string())
            }
            ReportUnread {
                report: r,
                year,
                submitted,
                days,
            } => m
                .arg("report", report(*r))
                .text("year", year.to_string())
                .arg("submitted", *submitted)
                .arg("days", *days),
            AdmittedWithoutPoliticalDecision { applicant }
            | AdmittedWithoutOrganisationPlan { applicant } => {
                m.text("applicant", applicant.clone())
            }
            HousingAreaPartnerMissing { missing } => m.arg(
                "missing",
                Message::new(match missing {
                    PartnerKind::Municipality => "programme-partner-municipality",
                    PartnerKind::HousingOrganisation => "programme-partner-housing-organisation",
                    PartnerKind::Other => "programme-partner-other",
                }),
            ),
            PartnerRoleNotAgreed { partner } => m.text("partner", partner.clone()),
            ObligationOverdue { text, due } => m.text("text", text.clone()).arg("due", *due),
            NoThirdLoopLearning { entries } => m.arg("entries", *entries),
            DocumentNotReceived { document } => m.arg(
                "document",
                Message::new(format!(
                    "programme-document-{}",
                    document.code().replace('_', "-")
                )),
            ),
        }
    }
}

/// The label of a rating.
pub fn rating_label(r: Rating) -> Value {
    Message::new(match r {
        Rating::None => "programme-rating-none",
        Rating::Weak => "programme-rating-weak",
        Rating::Partial => "programme-rating-partial",
        Rating::Strong => "programme-rating-strong",
    })
    .into()
}
