//! Defaults taken from the seeds: the phase model of Boligsosialt
//! utviklingsprogram, the layout of the 2010 overview matrix and the eleven
//! standard functions.

use crate::ids::{GateKey, PhaseKey, PhaseModelId};
use crate::model::{
    FunctionDef, GateDef, GateEvidence, MatrixRowSpec, MatrixSection, PhaseDef, PhaseModel,
    RowKind, Section,
};

/// The phase keys of the default model, whose labels the texts know
/// (`programme-phase-<key>`). Other keys need a label of their own.
pub const PHASE_KEYS: [&str; 4] = ["preparatory", "plan", "implementation", "phase_out"];

/// The gate keys of the default model, whose labels the texts know
/// (`programme-gate-<key>`). Other keys need a label of their own.
pub const GATE_KEYS: [&str; 9] = [
    "application_submitted",
    "political_decision",
    "admitted",
    "agreement_signed",
    "leader_appointed",
    "action_plan_approved",
    "action_plan_revised",
    "continuation_plan",
    "ordinary_operation",
];

fn gate(key: &str, required: bool, evidence: Option<GateEvidence>) -> GateDef {
    GateDef {
        key: GateKey::new(key),
        label: None,
        required,
        evidence,
    }
}

/// The phase model of Boligsosialt utviklingsprogram as the 2010 report
/// states it (seed 001, lines 275–278): forberedende fase up to 3 months,
/// program- og planfase up to 6 months, gjennomføringsfase up to 3 years,
/// utfasing og videreføring 1 to 2 years. The gates are what each phase
/// says must happen: apply with a political decision and be admitted; sign
/// the cooperation agreement, appoint the programme leader and have the
/// council approve the plan; revise the plan yearly and plan continuation;
/// continue in ordinary operation.
pub fn boso_phase_model() -> PhaseModel {
    PhaseModel {
        id: PhaseModelId::new("boso"),
        version: 1,
        name: "Rammemodell for Boligsosialt utviklingsprogram".into(),
        valid_from: None,
        note: None,
        phases: vec![
            PhaseDef {
                key: PhaseKey::new("preparatory"),
                label: None,
                min_months: None,
                max_months: Some(3),
                gates: vec![
                    gate(
                        "application_submitted",
                        true,
                        Some(GateEvidence::ApplicationSubmitted),
                    ),
                    gate(
                        "political_decision",
                        true,
                        Some(GateEvidence::PoliticalDecision),
                    ),
                    gate("admitted", true, Some(GateEvidence::Admitted)),
                ],
            },
            PhaseDef {
                key: PhaseKey::new("plan"),
                label: None,
                min_months: None,
                max_months: Some(6),
                gates: vec![
                    gate(
                        "agreement_signed",
                        true,
                        Some(GateEvidence::AgreementSigned),
                    ),
                    gate(
                        "leader_appointed",
                        true,
                        Some(GateEvidence::LeaderAppointed),
                    ),
                    gate(
                        "action_plan_approved",
                        true,
                        Some(GateEvidence::ActionPlanApproved),
                    ),
                ],
            },
            PhaseDef {
                key: PhaseKey::new("implementation"),
                label: None,
                min_months: None,
                max_months: Some(36),
                gates: vec![
                    gate(
                        "action_plan_revised",
                        false,
                        Some(GateEvidence::ActionPlanRevised),
                    ),
                    gate(
                        "continuation_plan",
                        true,
                        Some(GateEvidence::ContinuationPlan),
                    ),
                ],
            },
            PhaseDef {
                key: PhaseKey::new("phase_out"),
                label: None,
                min_months: Some(12),
                max_months: Some(24),
                gates: vec![gate("ordinary_operation", true, None)],
            },
        ],
    }
}

/// The layout of «Tabell 1: Oversiktsmatrise av kommunenes arbeid» (seed
/// 001, lines 446–461): ORGANISERING (steering group, project group, the
/// programme leader's placement and work), FORANKRING (political, external,
/// plan) and VIDERE (main goals of the preliminary action plan).
pub fn matrix_2010() -> Vec<MatrixSection> {
    let rows = |kinds: &[RowKind]| {
        kinds
            .iter()
            .map(|&row| MatrixRowSpec { row, label: None })
            .collect()
    };
    vec![
        MatrixSection {
            section: Section::Organisation,
            label: None,
            rows: rows(&[
                RowKind::SteeringGroup,
                RowKind::ProjectGroup,
                RowKind::LeaderPlacement,
                RowKind::LeaderOrientation,
            ]),
        },
        MatrixSection {
            section: Section::Anchoring,
            label: None,
            rows: rows(&[
                RowKind::PoliticalAnchoring,
                RowKind::ExternalAnchoring,
                RowKind::PlanAnchoring,
            ]),
        },
        MatrixSection {
            section: Section::Ahead,
            label: None,
            rows: rows(&[RowKind::MainGoals]),
        },
    ]
}

/// The eleven standard functions of the 2015 study (seed 003, Tabell 1),
/// with the codes samspill's roster uses.
pub fn standard_functions() -> Vec<FunctionDef> {
    [
        ("financial", "Økonomiske virkemidler/rådgivning"),
        ("services", "Tjenester i bolig"),
        ("allocation", "Tildeling av bolig"),
        ("tenancy", "Husleiekontrakter"),
        ("development", "Utbygging"),
        ("procurement", "Framskaffe boliger"),
        ("land_use", "Arealplanlegging"),
        ("maintenance", "Drift og vedlikehold"),
        ("housing_planning", "Boligsosial planlegging"),
        ("community_planning", "Samfunnsplanlegging"),
        ("politician", "Politisk folkevalgt"),
    ]
    .into_iter()
    .map(|(code, label)| FunctionDef {
        code: code.into(),
        label: label.into(),
    })
    .collect()
}
