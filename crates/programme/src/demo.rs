//! A generated demo programme: five fictional participants with the same
//! names as samspill-synth's demo municipalities (Brattvik, Strandøy,
//! Lyngnes, Kvitfjord, Fjellstad), so a demo can attach their survey rounds;
//! a fictional funder. Deterministic: the same call gives the same
//! document. Each participant is built from a profile chosen to show a
//! different state at [`AS_OF`]:
//!
//! * **Brattvik**: on time in implementation, plan approved, politician in
//!   the steering group, reports in, a survey figure as indicator;
//! * **Strandøy**: plan phase extended (with its reason), approved late,
//!   the annual report late, a measure without anyone responsible, the
//!   leader in a service unit;
//! * **Lyngnes**: still in the plan phase while the calendar says
//!   implementation; the planned approval misses the økonomiplan revision;
//!   users only informants; a goal without a measure;
//! * **Kvitfjord** (cohort 2): within its plan phase, gates planned;
//! * **Fjellstad nord** (cohort 2): a housing area with a municipality and
//!   a housing organisation as partners (one role not agreed) and an area
//!   secretariat.
//!
//! Two evaluation rounds (2025 and 2026) give two matrices to compare.
//!
//! [`programme`] is the programme as it stands on [`AS_OF`];
//! [`programme_on`] is the same programme moved in time so that it stands
//! the same way on another day (the day a demo is run): every dated fact
//! moves by the whole months between the two days, and the reports are
//! those the participants owe by that day, submitted and dealt with by
//! their steering groups (the funder has read all but the latest), except
//! Strandøy's latest, which is deliberately late, and Lyngnes' latest,
//! which its steering group has not dealt with.

use crate::date::Date;
use crate::defaults::{boso_phase_model, standard_functions};
use crate::document::ProgrammeDocument;
use crate::ids::*;
use crate::model::*;

/// The date the demo is meant to be looked at.
pub const AS_OF: &str = "2026-03-01";

fn d(s: &str) -> Date {
    Date::parse(s).expect("demo dates are valid")
}

fn src(kind: SourceKind, date: &str) -> Vec<Provenance> {
    vec![Provenance {
        source: kind,
        reference: None,
        date: Some(d(date)),
    }]
}

/// What makes one demo participant differ from the others.
struct Profile {
    slug: &'static str,
    name: &'static str,
    kind: ParticipantKind,
    cohort: u32,
    lang: &'static str,
    admitted: &'static str,
    leader: (&'static str, PlacementKind, Orientation),
    owner: (OwnerKind, &'static str),
    politician_in_steering_group: bool,
    nav_in_project_group: bool,
    users: (Option<UserLevel>, Status, &'static str),
    plan: PlanState,
    extension: Option<(&'static str, &'static str)>,
    goals: &'static [&'static str],
    goal_without_measure: bool,
    measure_without_responsible: bool,
    annual_report_late: bool,
}

/// Where the participant's action plan stands.
enum PlanState {
    Approved(&'static str),
    Planned(&'static str),
}

fn profiles() -> Vec<Profile> {
    vec![
        Profile {
            slug: "brattvik",
            name: "Brattvik",
            kind: ParticipantKind::Municipality,
            cohort: 1,
            lang: "nn",
            admitted: "2024-09-01",
            leader: (
                "Stab for samfunnsutvikling",
                PlacementKind::Strategic,
                Orientation::Both,
            ),
            owner: (OwnerKind::Political, "kommunestyret"),
            politician_in_steering_group: true,
            nav_in_project_group: true,
            users: (
                Some(UserLevel::Active),
                Status::Realised,
                "arbeidsgruppa for buoppfølging",
            ),
            plan: PlanState::Approved("2025-02-20"),
            extension: None,
            goals: &[
                "Fleire vanskelegstilte får ein eigna bustad",
                "Betre samordning mellom bustadkontoret og NAV",
            ],
            goal_without_measure: false,
            measure_without_responsible: false,
            annual_report_late: false,
        },
        Profile {
            slug: "strandoy",
            name: "Strandøy",
            kind: ParticipantKind::Municipality,
            cohort: 1,
            lang: "nb",
            admitted: "2024-09-01",
            leader: (
                "Tildelingskontoret",
                PlacementKind::Service,
                Orientation::ProjectGroup,
            ),
            owner: (OwnerKind::Administrative, "rådmannen"),
            politician_in_steering_group: false,
            nav_in_project_group: true,
            users: (
                Some(UserLevel::Consultation),
                Status::Planned,
                "delprosjektene",
            ),
            plan: PlanState::Approved("2025-09-18"),
            extension: Some((
                "2025-09-30",
                "Ny rådmann fra mars 2025; planen legges fram for kommunestyret i september",
            )),
            goals: &[
                "Flere leier sin kommunale bolig med tidsbestemt kontrakt og oppfølging",
                "Raskere tildeling av bolig",
            ],
            goal_without_measure: false,
            measure_without_responsible: true,
            annual_report_late: true,
        },
        Profile {
            slug: "lyngnes",
            name: "Lyngnes",
            kind: ParticipantKind::Municipality,
            cohort: 1,
            lang: "nb",
            admitted: "2024-09-01",
            leader: (
                "Strategi og utvikling",
                PlacementKind::Strategic,
                Orientation::SteeringGroup,
            ),
            owner: (OwnerKind::Administrative, "rådmannen"),
            politician_in_steering_group: false,
            nav_in_project_group: false,
            users: (Some(UserLevel::Informant), Status::Realised, "foranalysen"),
            plan: PlanState::Planned("2026-06-18"),
            extension: None,
            goals: &[
                "Et helhetlig boligsosialt arbeid",
                "Flere boliger tilpasset unge i etableringsfasen",
                "Bedre bruk av startlån",
            ],
            goal_without_measure: true,
            measure_without_responsible: false,
            annual_report_late: false,
        },
        Profile {
            slug: "kvitfjord",
            name: "Kvitfjord",
            kind: ParticipantKind::Municipality,
            cohort: 2,
            lang: "nb",
            admitted: "2025-10-01",
            leader: (
                "Rådmannens stab",
                PlacementKind::Strategic,
                Orientation::SteeringGroup,
            ),
            owner: (OwnerKind::Political, "formannskapet"),
            politician_in_steering_group: true,
            nav_in_project_group: true,
            users: (None, Status::Considered, "prosjektgruppa"),
            plan: PlanState::Planned("2026-03-26"),
            extension: None,
            goals: &["Ingen skal bo i midlertidig bolig mer enn tre måneder"],
            goal_without_measure: false,
            measure_without_responsible: false,
            annual_report_late: false,
        },
        Profile {
            slug: "fjellstad",
            name: "Fjellstad nord",
            kind: ParticipantKind::HousingArea,
            cohort: 2,
            lang: "nb",
            admitted: "2025-10-01",
            leader: (
                "Områdesekretariatet",
                PlacementKind::Strategic,
                Orientation::ProjectGroup,
            ),
            owner: (OwnerKind::Administrative, "styret for helhetsplanen"),
            politician_in_steering_group: false,
            nav_in_project_group: true,
            users: (Some(UserLevel::Active), Status::Realised, "beboerrådet"),
            plan: PlanState::Planned("2026-04-02"),
            extension: None,
            goals: &["Tryggere bomiljø", "Flere beboere i arbeid eller utdanning"],
            goal_without_measure: false,
            measure_without_responsible: false,
            annual_report_late: false,
        },
    ]
}

fn programme_record() -> Programme {
    Programme {
        id: ProgrammeId::new("demo"),
        name: "Boligsosialt utviklingsprogram (demo)".into(),
        funder: Funder {
            name: "Boligfondet region Nord (fiktivt)".into(),
            short_name: Some("Boligfondet".into()),
            kind: FunderKind::Husbanken,
        },
        period: Period {
            start: d("2024-05"),
            end: Some(d("2030")),
        },
        vision: Some("Alle skal bo godt og trygt".into()),
        target_group: Some("kommuner og boligområder med store boligsosiale utfordringer".into()),
        goals: vec!["Flere vanskeligstilte på boligmarkedet skal ha egnede boliger".into()],
        governing_documents: vec![GoverningDocument {
            title: "Programplan for demoprogrammet".into(),
            date: Some(d("2024-04-15")),
            reference: None,
        }],
        lang: "nb".into(),
        vocabulary: vec![VocabularyEntry {
            term: Term::ProgrammeOwner,
            lang: "nb".into(),
            singular: Some("programeier".into()),
            definite: Some("programeieren".into()),
            plural: None,
            definite_plural: None,
            genitive: None,
        }],
        glossary: vec![GlossaryEntry {
            lang: "nb".into(),
            headword: "Helhetsplan".into(),
            definition: "Planen for et boligområde som kommunen og boligorganisasjonen lager sammen (dansk modell).".into(),
            term: None,
        }],
        phase_models: vec![boso_phase_model()],
        reporting: ReportingSchedule::default(),
        functions: standard_functions(),
        secretariats: vec![AreaSecretariat {
            id: SecretariatId::new("fjellstad-sekretariat"),
            name: "Områdesekretariatet i Fjellstad".into(),
            participants: vec![ParticipantId::new("fjellstad")],
            established: Some(d("2025-11-01")),
            partners: vec![Partner {
                name: "Fjellstad kommune".into(),
                kind: PartnerKind::Municipality,
                role: Some("Sekretariatsleder og kommunale tjenester".into()),
            }],
        }],
    }
}

fn person(slug: &str, n: u32) -> Option<PersonRef> {
    Some(PersonRef::new(format!("{slug}-{n:03}")))
}

fn member(
    slug: &str,
    n: u32,
    position: &str,
    unit: &str,
    level: Level,
    functions: &[&str],
    from: &str,
) -> Member {
    Member {
        id: Some(MemberId::new(format!("{slug}-m{n}"))),
        person: person(slug, n),
        position: (!position.is_empty()).then(|| position.to_string()),
        unit: (!unit.is_empty()).then(|| unit.to_string()),
        unit_kind: None,
        level,
        office: None,
        role: MemberRole::Member,
        functions: functions.iter().map(|f| f.to_string()).collect(),
        from: Some(d(from)),
        to: None,
        sources: src(SourceKind::Participant, from),
    }
}

fn organisation(p: &Profile) -> Organisation {
    let s = p.slug;
    let start = p.admitted;
    let mut chief = member(
        s,
        1,
        "rådmann",
        "",
        Level::TopAdministration,
        &["community_planning"],
        start,
    );
    chief.office = Some(Office::ChiefExecutive);
    chief.role = MemberRole::Chair;
    let mut steering = vec![
        chief,
        member(
            s,
            2,
            "kommunalsjef helse og omsorg",
            "",
            Level::TopAdministration,
            &["services"],
            start,
        ),
        member(
            s,
            3,
            "eiendomssjef",
            "Eiendom",
            Level::SectorLeader,
            &["procurement", "maintenance"],
            start,
        ),
        member(
            s,
            4,
            "leder for tildelingskontoret",
            "Tildelingskontoret",
            Level::SectorLeader,
            &["allocation", "tenancy"],
            start,
        ),
    ];
    if p.politician_in_steering_group {
        let mut mayor = member(
            s,
            5,
            "ordfører",
            "",
            Level::Politician,
            &["politician"],
            start,
        );
        mayor.office = Some(Office::Mayor);
        steering.push(mayor);
    }
    let mut project = vec![
        member(
            s,
            6,
            "",
            "Tildelingskontoret",
            Level::Professional,
            &["allocation"],
            start,
        ),
        member(
            s,
            7,
            "",
            "Tjenester i bolig",
            Level::Professional,
            &["services"],
            start,
        ),
        member(
            s,
            8,
            "",
            "Plan og utvikling",
            Level::Professional,
            &["land_use", "housing_planning"],
            start,
        ),
        member(
            s,
            9,
            "rådgiver",
            "Økonomi",
            Level::Professional,
            &["financial"],
            start,
        ),
    ];
    if p.nav_in_project_group {
        project.push(member(s, 10, "", "NAV", Level::Nav, &["financial"], start));
    }
    if p.slug == "strandoy" {
        // A member who left and a deputy who keeps the unit in the group.
        project[1].to = Some(d("2025-06-30"));
        let mut deputy = member(
            s,
            11,
            "",
            "Tjenester i bolig",
            Level::Professional,
            &["services"],
            "2025-07-01",
        );
        deputy.role = MemberRole::Deputy;
        project.push(deputy);
    }
    if p.kind == ParticipantKind::HousingArea {
        project.push(member(
            s,
            12,
            "",
            "Boligselskapet Fjellbo",
            Level::Private,
            &["maintenance"],
            start,
        ));
        project.push(member(
            s,
            13,
            "beboerrepresentant",
            "",
            Level::User,
            &[],
            start,
        ));
    }
    let leader = ProgrammeLeader {
        person: person(s, 20),
        title: Some("programleder".into()),
        appointed: Some(d(start).add_months(1)),
        placements: if p.slug == "strandoy" {
            vec![
                Placement {
                    unit: "Rådmannens stab".into(),
                    kind: PlacementKind::Strategic,
                    from: Some(d(start).add_months(1)),
                    to: Some(d("2025-04-01")),
                    sources: src(SourceKind::Participant, start),
                },
                Placement {
                    unit: p.leader.0.into(),
                    kind: p.leader.1,
                    from: Some(d("2025-04-01")),
                    to: None,
                    sources: src(SourceKind::Participant, "2025-04-01"),
                },
            ]
        } else {
            vec![Placement {
                unit: p.leader.0.into(),
                kind: p.leader.1,
                from: Some(d(start).add_months(1)),
                to: None,
                sources: src(SourceKind::Participant, start),
            }]
        },
        orientation: vec![OrientationSpell {
            towards: p.leader.2,
            from: Some(d(start).add_months(1)),
            sources: src(SourceKind::Participant, start),
        }],
        sources: Vec::new(),
    };
    let mut bodies = vec![
        Body {
            id: BodyId::new("sg"),
            kind: BodyKind::SteeringGroup,
            name: "Styringsgruppe".into(),
            parent: None,
            fixed_membership: true,
            planned: false,
            established: Some(d(start)),
            dissolved: None,
            description: None,
            follow_up: None,
            members: steering,
            sources: src(SourceKind::Participant, start),
        },
        Body {
            id: BodyId::new("pg"),
            kind: BodyKind::ProjectGroup,
            name: "Prosjektgruppe".into(),
            parent: None,
            fixed_membership: true,
            planned: false,
            established: Some(d(start)),
            dissolved: None,
            description: None,
            follow_up: None,
            members: project,
            sources: src(SourceKind::Participant, start),
        },
        Body {
            id: BodyId::new("utvalg"),
            kind: BodyKind::PoliticalCommittee,
            name: "Hovedutvalg for helse og omsorg".into(),
            parent: None,
            fixed_membership: true,
            planned: false,
            established: None,
            dissolved: None,
            description: None,
            follow_up: Some(if p.owner.0 == OwnerKind::Political {
                FollowUp::Responsible
            } else {
                FollowUp::Follows
            }),
            members: Vec::new(),
            sources: src(SourceKind::Participant, start),
        },
    ];
    if p.slug == "brattvik" {
        bodies.push(Body {
            id: BodyId::new("buoppfolging"),
            kind: BodyKind::SubProject,
            name: "Delprosjekt buoppfølging".into(),
            parent: Some(BodyId::new("pg")),
            fixed_membership: true,
            planned: false,
            established: Some(d("2025-04-01")),
            dissolved: None,
            description: Some("Oppfølging i bolig for unge med rusutfordringer".into()),
            follow_up: None,
            members: vec![member(
                s,
                14,
                "",
                "Brukarorganisasjonen",
                Level::Voluntary,
                &[],
                "2025-04-01",
            )],
            sources: src(SourceKind::Participant, "2025-04-01"),
        });
    }
    Organisation {
        participant: ParticipantId::new(s),
        owners: vec![Ownership {
            kind: p.owner.0,
            holder: Some(p.owner.1.into()),
            from: Some(d(start)),
            to: None,
            sources: src(SourceKind::Application, start),
        }],
        bodies,
        leader: Some(leader),
    }
}

fn participant(p: &Profile) -> Participant {
    let start = d(p.admitted);
    let mut phases = vec![
        PhaseRecord {
            phase: PhaseKey::new("preparatory"),
            planned_start: None,
            planned_end: None,
            actual_start: Some(start.add_months(-3)),
            actual_end: Some(start),
            extensions: Vec::new(),
            gates: Vec::new(),
        },
        PhaseRecord {
            phase: PhaseKey::new("plan"),
            planned_start: None,
            planned_end: None,
            actual_start: Some(start),
            actual_end: match p.plan {
                PlanState::Approved(a) => Some(d(a)),
                PlanState::Planned(_) => None,
            },
            extensions: p
                .extension
                .map(|(until, reason)| Extension {
                    until: d(until),
                    reason: reason.into(),
                    decided: Some(d("2025-03-10")),
                    decided_by: Some("Boligfondet".into()),
                })
                .into_iter()
                .collect(),
            gates: vec![GateRecord {
                gate: GateKey::new("action_plan_approved"),
                planned: Some(match p.plan {
                    PlanState::Approved(_) => start.add_months(6).add_days(-1),
                    PlanState::Planned(x) => d(x),
                }),
                done: None,
                note: None,
            }],
        },
    ];
    if let PlanState::Approved(a) = p.plan {
        phases.push(PhaseRecord {
            phase: PhaseKey::new("implementation"),
            planned_start: None,
            planned_end: None,
            actual_start: Some(d(a)),
            actual_end: None,
            extensions: Vec::new(),
            gates: Vec::new(),
        });
    }
    let calendar = (2025..=2027)
        .map(|y| PlanRevision {
            plan: PlanType::FinancialPlan,
            name: Some(format!("Økonomiplan {}–{}", y + 1, y + 4)),
            period: Some(crate::date::YearSpan {
                from: y + 1,
                to: y + 4,
            }),
            input_deadline: Date::ymd(y, 5, 1),
            adoption: Date::ymd(y, 12, 15).expect("valid"),
        })
        .chain(std::iter::once(PlanRevision {
            plan: PlanType::MunicipalPlan,
            name: Some("Kommuneplanens samfunnsdel".into()),
            period: Some(crate::date::YearSpan {
                from: 2028,
                to: 2040,
            }),
            input_deadline: Some(d("2027-09-01")),
            adoption: d("2028-06-15"),
        }))
        .collect();
    let partners = if p.kind == ParticipantKind::HousingArea {
        vec![
            Partner {
                name: "Fjellstad kommune".into(),
                kind: PartnerKind::Municipality,
                role: Some("Kommunale tjenester, tildeling og oppfølging".into()),
            },
            Partner {
                name: "Boligselskapet Fjellbo".into(),
                kind: PartnerKind::HousingOrganisation,
                role: None,
            },
        ]
    } else {
        Vec::new()
    };
    Participant {
        id: ParticipantId::new(p.slug),
        name: p.name.into(),
        kind: p.kind,
        cohort: Some(CohortId::new(format!("pulje-{}", p.cohort))),
        municipality_number: None,
        lang: Some(p.lang.into()),
        partners,
        admitted: Some(start),
        path: Some(ParticipantPath {
            model: PhaseModelRef {
                id: PhaseModelId::new("boso"),
                version: 1,
            },
            start,
            start_phase: Some(PhaseKey::new("plan")),
            phases,
        }),
        planning_calendar: calendar,
        agreements: vec![AgreementVersion {
            version: 1,
            title: Some("Samarbeidsavtale".into()),
            signed: true,
            signed_on: Some(start.add_months(1)),
            parties: vec![p.name.into(), "Boligfondet".into()],
            valid_to: None,
            obligations: vec![
                Obligation {
                    party: Party::Participant,
                    text: "Legge handlingsplanen fram for kommunestyret".into(),
                    due: Some(start.add_months(6)),
                    done: match p.plan {
                        PlanState::Approved(a) => Some(d(a)),
                        PlanState::Planned(_) => None,
                    },
                },
                Obligation {
                    party: Party::Funder,
                    text: "Programledersamling to ganger i året".into(),
                    due: None,
                    done: None,
                },
            ],
            note: None,
            sources: src(SourceKind::Document, p.admitted),
        }],
        pre_analysis: Some(PreAnalysis {
            provider: Some("Analysebyrået Nord (fiktivt)".into()),
            external: true,
            completed: Some(start.add_months(-1)),
            informants: vec![
                InformantGroup {
                    group: "ansatte i tjenestene".into(),
                    level: Level::Professional,
                    count: Some(14),
                },
                InformantGroup {
                    group: "brukerorganisasjoner".into(),
                    level: Level::Voluntary,
                    count: Some(2),
                },
            ],
            presentations: vec![Presentation {
                to: "formannskapet".into(),
                political: true,
                date: Some(start.add_months(2)),
                sources: Vec::new(),
            }],
            baseline_round: Some(SurveyRoundRef::new(format!("{}-2024", p.slug))),
            findings: vec![
                "Tildeling og oppfølging skjer i ulike enheter uten felles møteplass".into(),
            ],
            sources: Vec::new(),
        }),
        survey_rounds: std::iter::once(AttachedRound {
            round: SurveyRoundRef::new(format!("{}-2024", p.slug)),
            purpose: RoundPurpose::Baseline,
            phase: Some(PhaseKey::new("preparatory")),
            closed: Some(start.add_months(-2)),
        })
        .chain(
            matches!(p.plan, PlanState::Approved(_)).then(|| AttachedRound {
                round: SurveyRoundRef::new(format!("{}-2025", p.slug)),
                purpose: RoundPurpose::FollowUp,
                phase: Some(PhaseKey::new("implementation")),
                closed: Some(d("2025-11-20")),
            }),
        )
        .collect(),
        context: None,
    }
}

fn assessments(p: &Profile) -> Vec<Assessment> {
    let s = p.slug;
    let pid = ParticipantId::new(s);
    let by = Some("Følgeevaluator (demo)".to_string());
    let ev = |fact: Fact, key: bool| Evidence {
        fact,
        wording: None,
        key_point: key,
        sources: src(SourceKind::Interview, "2025-05"),
    };
    let mut out = vec![
        Assessment {
            id: AssessmentId::new(format!("{s}-users-2025")),
            participant: pid.clone(),
            dimension: Dimension::UserParticipation,
            date: d("2025-05-15"),
            by: by.clone(),
            rating: Some(if p.users.0 == Some(UserLevel::Active) {
                Rating::Strong
            } else {
                Rating::Weak
            }),
            comment: None,
            evidence: vec![ev(
                Fact::UserParticipation {
                    level: p.users.0,
                    status: p.users.1,
                    scope: Some(p.users.2.into()),
                    who: None,
                },
                true,
            )],
        },
        Assessment {
            id: AssessmentId::new(format!("{s}-plan-2025")),
            participant: pid.clone(),
            dimension: Dimension::Plan,
            date: d("2025-05-15"),
            by: by.clone(),
            rating: Some(Rating::Partial),
            comment: None,
            evidence: vec![
                ev(
                    Fact::PlanAnchoring {
                        plan: PlanType::FinancialPlan,
                        name: None,
                        period: None,
                        status: PlanStatus::Planned,
                        role: None,
                        revision: Some(Revision::From(2027)),
                        year: None,
                    },
                    true,
                ),
                ev(
                    Fact::PlanAnchoring {
                        plan: PlanType::MunicipalPlan,
                        name: None,
                        period: None,
                        status: PlanStatus::Planned,
                        role: None,
                        revision: Some(Revision::Year(2028)),
                        year: None,
                    },
                    true,
                ),
            ],
        },
        Assessment {
            id: AssessmentId::new(format!("{s}-external-2025")),
            participant: pid.clone(),
            dimension: Dimension::External,
            date: d("2025-05-15"),
            by: by.clone(),
            rating: Some(Rating::Partial),
            comment: None,
            evidence: if p.slug == "lyngnes" {
                Vec::new()
            } else {
                vec![ev(
                    Fact::ExternalInvolvement {
                        actor: "private utleiere".into(),
                        level: Some(Level::Private),
                        form: InvolvementForm::Contact,
                        status: Status::Realised,
                        via: Some("Tildelingskontoret".into()),
                        formal: false,
                    },
                    true,
                )]
            },
        },
        Assessment {
            id: AssessmentId::new(format!("{s}-administrative-2025")),
            participant: pid.clone(),
            dimension: Dimension::Administrative,
            date: d("2025-05-15"),
            by: by.clone(),
            rating: Some(Rating::Strong),
            comment: None,
            evidence: Vec::new(),
        },
    ];
    // A later rating of the administrative anchoring: weaker in Strandøy
    // after the change of chief executive.
    out.push(Assessment {
        id: AssessmentId::new(format!("{s}-administrative-2026")),
        participant: pid,
        dimension: Dimension::Administrative,
        date: d("2026-02-10"),
        by,
        rating: Some(if p.slug == "strandoy" {
            Rating::Partial
        } else {
            Rating::Strong
        }),
        comment: (p.slug == "strandoy")
            .then(|| "Ny rådmann har ikke tatt plass i styringsgruppen ennå".to_string()),
        evidence: vec![Evidence {
            fact: Fact::Note,
            wording: Some("Rådmannen leder styringsgruppen".into()),
            key_point: true,
            sources: src(SourceKind::Interview, "2026-02"),
        }],
    });
    out
}

/// Measure titles, one per goal in order.
const MEASURES: [&str; 3] = [
    "Felles inntaksmøte for tildeling og oppfølging",
    "Ny rutine for tildeling av kommunal bolig",
    "Kartlegging av boligbehov blant unge",
];

fn action_plan(p: &Profile) -> ActionPlan {
    let s = p.slug;
    let goals: Vec<Goal> = p
        .goals
        .iter()
        .enumerate()
        .map(|(i, t)| Goal {
            id: GoalId::new(format!("g{}", i + 1)),
            parent: None,
            title: (*t).into(),
            effect_level: Some(if i == 0 {
                EffectLevel::Users
            } else {
                EffectLevel::Municipality
            }),
        })
        .chain(std::iter::once(Goal {
            id: GoalId::new("g1.1"),
            parent: Some(GoalId::new("g1")),
            title: "Felles møteplass for tildeling og oppfølging".into(),
            effect_level: Some(EffectLevel::Municipality),
        }))
        .collect();
    let served = if p.goal_without_measure {
        1
    } else {
        p.goals.len()
    };
    let mut measures: Vec<Measure> = (0..served)
        .map(|i| Measure {
            id: MeasureId::new(format!("t{}", i + 1)),
            title: MEASURES[i].into(),
            goals: vec![GoalId::new(if i == 0 {
                "g1.1".to_string()
            } else {
                format!("g{}", i + 1)
            })],
            responsible: (!(p.measure_without_responsible && i == 1)).then(|| Responsible {
                person: person(s, 20),
                name: Some("programleder".into()),
            }),
            sub_project: None,
            start: Some(d(p.admitted).add_months(7)),
            end: Some(d(p.admitted).add_months(30)),
            budget: Some(250_000 * (i as i64 + 1)),
            status: MeasureStatus::Ongoing,
            continuation: false,
        })
        .collect();
    measures.push(Measure {
        id: MeasureId::new("t-drift"),
        title: "Plan for videreføring i ordinær drift".into(),
        goals: vec![GoalId::new(if p.goals.len() > 1 { "g2" } else { "g1" })],
        responsible: Some(Responsible {
            person: None,
            name: Some("rådmannen".into()),
        }),
        sub_project: None,
        start: Some(d(p.admitted).add_months(24)),
        end: Some(d(p.admitted).add_months(40)),
        budget: None,
        status: MeasureStatus::NotStarted,
        continuation: true,
    });
    let indicators = vec![
        Indicator {
            id: IndicatorId::new("i1"),
            name: "Andel i det ukentlige nettverkets største komponent".into(),
            measure: Some(MeasureId::new("t1")),
            goal: None,
            unit: Some("%".into()),
            source: IndicatorSource::Survey {
                figure: "weekly_largest_component_share".into(),
            },
            // Recorded from the pre-analysis' baseline survey round.
            baseline: Some(Observation {
                date: d(p.admitted).add_months(-2),
                value: 48.0 + 4.0 * p.goals.len() as f64,
            }),
            target: Some(Target {
                value: 80.0,
                by: Some(d("2027-12")),
            }),
            effect_level: Some(EffectLevel::Municipality),
            observations: Vec::new(),
        },
        Indicator {
            id: IndicatorId::new("i2"),
            name: "Husstander i midlertidig bolig over tre måneder".into(),
            measure: Some(MeasureId::new(if served > 1 { "t2" } else { "t1" })),
            goal: None,
            unit: Some("husstander".into()),
            source: IndicatorSource::Manual,
            baseline: Some(Observation {
                date: d(p.admitted),
                value: 12.0 + p.goals.len() as f64,
            }),
            target: Some(Target {
                value: 3.0,
                by: Some(d("2027-12")),
            }),
            effect_level: Some(EffectLevel::Users),
            observations: if matches!(p.plan, PlanState::Approved(_)) {
                vec![Observation {
                    date: d("2025-12-31"),
                    value: 9.0,
                }]
            } else {
                Vec::new()
            },
        },
    ];
    let (approved, planned) = match p.plan {
        PlanState::Approved(a) => (Some(d(a)), None),
        PlanState::Planned(x) => (None, Some(d(x))),
    };
    let first = PlanVersion {
        number: 1,
        title: Some("Handlingsplan for programmet".into()),
        drafted: Some(d(p.admitted).add_months(4)),
        planned_approval: planned,
        approved,
        approved_by: approved.map(|_| "kommunestyret".to_string()),
        top: TopLevel::MainGoals,
        goals,
        measures,
        indicators,
        sources: src(SourceKind::ActionPlan, p.admitted),
    };
    let mut versions = vec![first.clone()];
    if p.slug == "brattvik" {
        // The yearly revision: one measure done, the plan approved again.
        let mut revised = first;
        revised.number = 2;
        revised.title = Some("Handlingsplan for programmet, rullert 2026".into());
        revised.drafted = Some(d("2026-01-10"));
        revised.approved = Some(d("2026-02-19"));
        revised.measures[0].status = MeasureStatus::Completed;
        revised.indicators[1].observations.push(Observation {
            date: d("2026-01-31"),
            value: 7.0,
        });
        revised.sources = src(SourceKind::ActionPlan, "2026-02-19");
        versions.push(revised);
    }
    ActionPlan {
        participant: ParticipantId::new(s),
        scope: PlanScope::Programme,
        versions,
    }
}

fn reports(p: &Profile) -> Vec<Report> {
    let pid = ParticipantId::new(p.slug);
    if p.cohort != 1 {
        return Vec::new();
    }
    let mut out = vec![Report {
        id: ReportId::new(format!("{}-h2025", p.slug)),
        participant: pid.clone(),
        kind: ReportKind::HalfYear,
        year: 2025,
        steering_group_treated: (p.slug != "lyngnes").then(|| d("2025-08-20")),
        submitted: Some(d("2025-08-28")),
        read: Some(d("2025-09-15")),
        filled_in_by: Some("Programleder i samarbeid med prosjektgruppen".into()),
        measures: vec![MeasureReport {
            measure: MeasureId::new("t1"),
            status: MeasureStatus::Ongoing,
            comment: None,
        }],
        narrative: None,
    }];
    if !p.annual_report_late {
        out.push(Report {
            id: ReportId::new(format!("{}-a2025", p.slug)),
            participant: pid,
            kind: ReportKind::Annual,
            year: 2025,
            steering_group_treated: Some(d("2026-01-22")),
            submitted: Some(d("2026-01-29")),
            read: (p.slug == "brattvik").then(|| d("2026-02-05")),
            filled_in_by: Some("Programleder".into()),
            measures: vec![MeasureReport {
                measure: MeasureId::new("t1"),
                status: MeasureStatus::Ongoing,
                comment: Some("Møteplassen er i gang".into()),
            }],
            narrative: None,
        });
    }
    out
}

fn rounds(profiles: &[Profile]) -> Vec<EvaluationRound> {
    let ids: Vec<ParticipantId> = profiles
        .iter()
        .map(|p| ParticipantId::new(p.slug))
        .collect();
    let first: Vec<ParticipantId> = profiles
        .iter()
        .filter(|p| p.cohort == 1)
        .map(|p| ParticipantId::new(p.slug))
        .collect();
    let log = |ids: &[ParticipantId], month: &str| -> Vec<LogEntry> {
        ids.iter()
            .flat_map(|p| {
                [
                    LogEntry::Interviews {
                        participant: Some(p.clone()),
                        group: InformantGroupKind::ProgrammeLeader,
                        month: d(month),
                        until: None,
                        count: Some(1),
                    },
                    LogEntry::Interviews {
                        participant: Some(p.clone()),
                        group: InformantGroupKind::ProjectGroup,
                        month: d(month),
                        until: None,
                        count: Some(3),
                    },
                    LogEntry::Document {
                        participant: Some(p.clone()),
                        kind: DocumentKind::Application,
                        title: None,
                        received: d("2024-06"),
                    },
                    LogEntry::Document {
                        participant: Some(p.clone()),
                        kind: DocumentKind::PreAnalysis,
                        title: None,
                        received: d("2024-09"),
                    },
                ]
            })
            .collect()
    };
    let sign = |ids: &[ParticipantId], date: &str| -> Vec<SignOff> {
        ids.iter()
            .map(|p| SignOff {
                participant: p.clone(),
                role: SignOffRole::ProgrammeLeader,
                person: None,
                date: d(date),
                note: None,
            })
            .collect()
    };
    let sources = vec![
        SourceKind::Interview,
        SourceKind::Participant,
        SourceKind::Document,
        SourceKind::ActionPlan,
    ];
    let mut matrix = crate::defaults::matrix_2010();
    matrix[1].rows.insert(
        0,
        MatrixRowSpec {
            row: RowKind::AdministrativeAnchoring,
            label: None,
        },
    );
    matrix[2].rows.push(MatrixRowSpec {
        row: RowKind::Phase,
        label: None,
    });
    vec![
        EvaluationRound {
            id: RoundId::new("2025"),
            name: "Statusrapport 2025".into(),
            evaluator: "Følgeevaluator (demo)".into(),
            participants: first.clone(),
            from: d("2024-09"),
            as_of: d("2025-06-30"),
            matrix_sources: sources.clone(),
            matrix: matrix.clone(),
            sign_offs: sign(&first, "2025-06"),
            log: log(&first, "2025-05"),
            notes: vec![Note {
                id: NoteId::new("n1"),
                participant: Some(ParticipantId::new("lyngnes")),
                date: d("2025-05-20"),
                text: "Planarbeidet venter på den nye boligpolitiske planen.".into(),
            }],
        },
        EvaluationRound {
            id: RoundId::new("2026"),
            name: "Statusrapport 2026".into(),
            evaluator: "Følgeevaluator (demo)".into(),
            participants: ids.clone(),
            from: d("2025-07"),
            as_of: d(AS_OF),
            matrix_sources: sources,
            matrix,
            sign_offs: sign(&ids[..4], "2026-02"),
            log: log(&ids, "2026-02"),
            notes: Vec::new(),
        },
    ]
}

fn gatherings() -> Vec<Gathering> {
    let att = |slug: &str, level: Level, count: u32| Attendance {
        participant: Some(ParticipantId::new(slug)),
        level,
        count,
        persons: Vec::new(),
    };
    vec![
        Gathering {
            id: GatheringId::new("samling-2025-04"),
            kind: GatheringKind::ProgrammeGathering,
            title: Some("Programsamling våren 2025".into()),
            status: Status::Realised,
            date: Some(d("2025-04-10")),
            host: None,
            about_pre_analysis: false,
            audience: Vec::new(),
            attendance: vec![
                att("brattvik", Level::SectorLeader, 2),
                att("brattvik", Level::Politician, 1),
                att("strandoy", Level::Professional, 3),
                att("lyngnes", Level::TopAdministration, 1),
            ],
        },
        Gathering {
            id: GatheringId::new("lyngnes-dialog"),
            kind: GatheringKind::DialogueConference,
            title: Some("Dialogkonferanse om foranalysen".into()),
            status: Status::Realised,
            date: Some(d("2024-11-05")),
            host: Some(ParticipantId::new("lyngnes")),
            about_pre_analysis: true,
            audience: Vec::new(),
            attendance: vec![
                att("lyngnes", Level::Voluntary, 4),
                att("lyngnes", Level::User, 2),
            ],
        },
        Gathering {
            id: GatheringId::new("kvitfjord-temadag"),
            kind: GatheringKind::ThemeDay,
            title: Some("Temadag for politikere".into()),
            status: Status::Planned,
            date: Some(d("2026-04-20")),
            host: Some(ParticipantId::new("kvitfjord")),
            about_pre_analysis: false,
            audience: vec![Level::Politician],
            attendance: Vec::new(),
        },
    ]
}

fn learning() -> Vec<LearningEntry> {
    let entry =
        |i: u32, slug: &str, lp: LearningLoop, area: KnowledgeArea, shared: bool, text: &str| {
            LearningEntry {
                id: LearningId::new(format!("l{i}")),
                participant: Some(ParticipantId::new(slug)),
                date: d("2025-10-01").add_days(i64::from(i) * 9),
                author: Some("programleder".into()),
                learning_loop: lp,
                area,
                actor_level: ActorLevel::Organisation,
                form: Some(KnowledgeForm::Tacit),
                measure: None,
                text: text.into(),
                shared,
            }
        };
    vec![
        entry(
            1,
            "brattvik",
            LearningLoop::First,
            KnowledgeArea::A,
            true,
            "Felles inntaksmøte halverte ventetiden.",
        ),
        entry(
            2,
            "brattvik",
            LearningLoop::Second,
            KnowledgeArea::B,
            true,
            "Prosjektgruppa trenger vara for hver enhet.",
        ),
        entry(
            3,
            "brattvik",
            LearningLoop::Third,
            KnowledgeArea::D,
            false,
            "Målet om eigne bustader for unge må nå fleire.",
        ),
        entry(
            4,
            "strandoy",
            LearningLoop::First,
            KnowledgeArea::A,
            false,
            "Kortere kontrakter krever tettere oppfølging.",
        ),
        entry(
            5,
            "strandoy",
            LearningLoop::First,
            KnowledgeArea::A,
            false,
            "Tildelingsmøtet fungerer når NAV deltar.",
        ),
        entry(
            6,
            "strandoy",
            LearningLoop::Second,
            KnowledgeArea::C,
            true,
            "Delprosjektene trenger egen styringsgruppe.",
        ),
        entry(
            7,
            "strandoy",
            LearningLoop::First,
            KnowledgeArea::A,
            false,
            "Husleiestøtte må søkes tidligere.",
        ),
        entry(
            8,
            "strandoy",
            LearningLoop::Second,
            KnowledgeArea::B,
            false,
            "Programleder i fagenhet når ikke fram til rådmannen.",
        ),
    ]
}

/// The demo programme moved to `run` (see the module documentation):
/// every participant stands on `run` where it stands in [`programme`] on
/// [`AS_OF`]. Valid by [`ProgrammeDocument::validate`]; `programme()`
/// itself when `run` lies in the month of [`AS_OF`].
pub fn programme_on(run: Date) -> ProgrammeDocument {
    let base = programme();
    let as_of = d(AS_OF);
    let months =
        (run.year() - as_of.year()) * 12 + i32::from(run.month()) - i32::from(as_of.month());
    if months == 0 {
        return base;
    }
    let mut value = serde_json::to_value(&base).expect("the demo serialises");
    shift_dates(&mut value, months);
    let mut doc: ProgrammeDocument =
        serde_json::from_value(value).expect("moved dates are dates of the same kind");
    // The programme runs at least four years past the run day.
    let end = Date::year_of((run.year() + 4).min(*crate::date::YEARS.end()));
    if let (Some(e), Some(end)) = (doc.programme.period.end, end)
        && e < end
    {
        doc.programme.period.end = Some(end);
    }
    doc.reports = reports_owed(&doc, run.start());
    debug_assert!(doc.validate().is_ok(), "{:?}", doc.validate());
    doc
}

/// Moves every date of day or month precision in a document's JSON by
/// `months` (years and seasons, which also name rounds, stay).
fn shift_dates(v: &mut serde_json::Value, months: i32) {
    match v {
        serde_json::Value::String(s) => {
            let dated = s.len() >= 7
                && s.as_bytes().get(4) == Some(&b'-')
                && s.bytes().all(|b| b.is_ascii_digit() || b == b'-');
            if !dated {
                return;
            }
            let Ok(date) = Date::parse(s) else { return };
            let moved = match date.precision() {
                crate::date::Precision::Day => Some(date.add_months(months)),
                crate::date::Precision::Month => {
                    let m = date.add_months(months);
                    Date::month_of(m.year(), m.month())
                }
                _ => None,
            };
            if let Some(m) = moved {
                *s = m.to_string();
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|x| shift_dates(x, months)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|x| shift_dates(x, months)),
        _ => {}
    }
}

/// The reports every participant owes by `run`, as a live programme has
/// them (see the module documentation), with the status per measure of
/// the plan in force at the end of each period.
fn reports_owed(doc: &ProgrammeDocument, run: Date) -> Vec<Report> {
    use crate::rules::prefill::prefill;
    use crate::rules::reports::expected_reports;
    let mut out = Vec::new();
    for p in &doc.participants {
        let owed: Vec<(ReportKind, i32, Date)> = expected_reports(doc, p)
            .into_iter()
            .filter(|(_, _, due)| *due < run)
            .collect();
        for (i, (kind, year, due)) in owed.iter().enumerate() {
            let latest = i + 1 == owed.len();
            if latest && p.id.as_str() == "strandoy" {
                continue;
            }
            let submitted = due.add_days(-4);
            let read = submitted.add_days(14);
            let code = match kind {
                ReportKind::HalfYear => "h",
                ReportKind::Annual => "a",
                ReportKind::Final => "f",
            };
            let measures = prefill(doc, p, *kind, *year, &[])
                .map(|draft| {
                    draft
                        .measures
                        .iter()
                        .map(|m| MeasureReport {
                            measure: m.measure.clone(),
                            status: m.status,
                            comment: None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.push(Report {
                id: ReportId::new(format!("{}-{code}{year}", p.id)),
                participant: p.id.clone(),
                kind: *kind,
                year: *year,
                steering_group_treated: (!(latest && p.id.as_str() == "lyngnes"))
                    .then(|| due.add_days(-12)),
                submitted: Some(submitted),
                read: (read < run && (!latest || p.id.as_str() == "brattvik")).then_some(read),
                filled_in_by: Some("Programleder i samarbeid med prosjektgruppen".into()),
                measures,
                narrative: None,
            });
        }
    }
    out
}

/// The demo programme (see the module documentation); valid by
/// [`ProgrammeDocument::validate`].
pub fn programme() -> ProgrammeDocument {
    let profiles = profiles();
    let mut doc = ProgrammeDocument::new(programme_record());
    for n in [1, 2] {
        let members: Vec<&Profile> = profiles.iter().filter(|p| p.cohort == n).collect();
        doc.cohorts.push(Cohort {
            id: CohortId::new(format!("pulje-{n}")),
            number: n,
            name: None,
            phase_model: PhaseModelRef {
                id: PhaseModelId::new("boso"),
                version: 1,
            },
            invited: Some(if n == 1 { 8 } else { 6 }),
            applied: Some(if n == 1 { 5 } else { 4 }),
            application_deadline: Some(if n == 1 {
                d("2024-06-01")
            } else {
                d("2025-06-01")
            }),
            decision: Some(d(members[0].admitted)),
            applications: members
                .iter()
                .map(|p| Application {
                    applicant: p.name.into(),
                    participant: Some(ParticipantId::new(p.slug)),
                    received: Some(d(p.admitted).add_months(-3)),
                    political_decision: Some(PoliticalDecision {
                        body: Some("kommunestyret".into()),
                        date: Some(d(p.admitted).add_months(-4)),
                        reference: None,
                    }),
                    organisation_plan: true,
                    needs_assessment: true,
                    priority_areas: p.goals.iter().map(|g| g.to_string()).collect(),
                    assessment: Some(ApplicationAssessment {
                        by: Some("Programrådet".into()),
                        date: Some(d(p.admitted).add_months(-1)),
                        recommendation: Outcome::Admitted,
                        note: None,
                    }),
                    outcome: Some(Outcome::Admitted),
                })
                .collect(),
        });
    }
    for p in &profiles {
        doc.participants.push(participant(p));
        doc.organisations.push(organisation(p));
        doc.assessments.extend(assessments(p));
        doc.action_plans.push(action_plan(p));
        doc.reports.extend(reports(p));
    }
    doc.gatherings = gatherings();
    doc.evaluation_rounds = rounds(&profiles);
    doc.learning_log = learning();
    doc
}
