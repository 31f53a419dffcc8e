//! Who writes evaluation rounds, their log and notes, enforced by the
//! store on both backends (issue 18): an evaluator and a funder's adviser
//! each write only the rounds they created, and never the programme
//! leaders' sign-offs; a second evaluator cannot touch the first one's
//! round; a coordinator changes only their own column's sign-off; a refused
//! write changes nothing.

mod common;

use samspill_programme::date::Date;
use samspill_programme::demo;
use samspill_programme::ids::{NoteId, ParticipantId, RoundId};
use samspill_programme::model::{
    EvaluationRound, LogEntry, Note, SignOff, SignOffRole, SourceKind,
};
use samspill_store::*;

const PASSWORD: &str = "correct horse battery staple";

async fn user(store: &Store, tenant: TenantId, email: &str, role: Role) -> AuthUser {
    store
        .create_user(Some(tenant), email, email, role, PASSWORD)
        .await
        .unwrap();
    store.verify_login(email, PASSWORD).await.unwrap().unwrap()
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn round(id: &str) -> EvaluationRound {
    EvaluationRound {
        id: RoundId::new(id),
        name: format!("Runde {id}"),
        evaluator: "Evaluator".into(),
        participants: vec![ParticipantId::new("brattvik")],
        from: d("2026-01"),
        as_of: d("2026-06-30"),
        matrix_sources: vec![SourceKind::Interview],
        matrix: Vec::new(),
        sign_offs: Vec::new(),
        log: Vec::new(),
        notes: Vec::new(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_writes_only_their_own_rounds_and_never_the_sign_offs() {
    for (db, store) in common::backends().await {
        let t = store
            .create_tenant(&NewTenant::municipality("org", "Org", "nb"))
            .await
            .unwrap();
        let b_t = store
            .create_tenant(&NewTenant::municipality("brattvik", "Brattvik", "nb"))
            .await
            .unwrap();
        let funder = user(&store, t, "adviser@hb.example", Role::Funder).await;
        let eva = user(&store, t, "eva@eval.example", Role::Evaluator).await;
        let ola = user(&store, t, "ola@eval.example", Role::Evaluator).await;
        let coord = user(&store, b_t, "coord@brattvik.example", Role::Coordinator).await;
        let tools = store.programmes(Actor::system("test"));
        let id = tools.create(&demo::programme(), None).await.unwrap();
        for e in ["adviser@hb.example", "eva@eval.example", "ola@eval.example"] {
            tools.grant(id, e).await.unwrap();
        }
        tools
            .link(id, &ParticipantId::new("brattvik"), b_t)
            .await
            .unwrap();
        let open = |u: &AuthUser| {
            let store = store.clone();
            let u = u.clone();
            async move { store.programme_for(&u, id).await.unwrap() }
        };
        let (hf, he, ho, hc) = (
            open(&funder).await,
            open(&eva).await,
            open(&ola).await,
            open(&coord).await,
        );
        let whole = || async { tools.handle(id).await.unwrap().export().await.unwrap() };

        // A new round with a sign-off already in it is refused.
        let mut forged = round("eva");
        forged.sign_offs.push(SignOff {
            participant: ParticipantId::new("brattvik"),
            role: SignOffRole::ProgrammeLeader,
            person: None,
            date: d("2026-03-01"),
            note: None,
        });
        assert!(
            matches!(
                he.put(Record::EvaluationRound(forged), Some(0)).await,
                Err(ProgrammeError::Forbidden)
            ),
            "{db}"
        );
        he.put(Record::EvaluationRound(round("eva")), Some(0))
            .await
            .unwrap();
        hf.put(Record::EvaluationRound(round("hb")), Some(0))
            .await
            .unwrap();

        // Eva adds to her own round's log and notes.
        he.modify(RecordKind::EvaluationRound, "eva", None, |b| {
            let Some(Record::EvaluationRound(r)) = b else {
                unreachable!()
            };
            let mut r = r.clone();
            r.log.push(LogEntry::Meeting {
                participant: None,
                title: "Samling".into(),
                date: d("2026-02-01"),
            });
            r.notes.push(Note {
                id: NoteId::new("n1"),
                participant: Some(ParticipantId::new("brattvik")),
                date: d("2026-02-02"),
                text: "Notat".into(),
            });
            Ok(Record::EvaluationRound(r))
        })
        .await
        .unwrap();
        let before = whole().await;
        // Nobody else adds to it: the other evaluator, the funder's adviser,
        // the coordinator; nor does Eva add to the adviser's or the demo's.
        let add = |r: &Record| {
            let Record::EvaluationRound(r) = r else {
                unreachable!()
            };
            let mut r = r.clone();
            r.notes.push(Note {
                id: NoteId::new("x"),
                participant: None,
                date: d("2026-03-01"),
                text: "Inntrenger".into(),
            });
            Record::EvaluationRound(r)
        };
        for (who, h, key) in [
            ("ola", &ho, "eva"),
            ("funder", &hf, "eva"),
            ("coordinator", &hc, "eva"),
            ("eva", &he, "hb"),
            ("eva", &he, "2026"),
        ] {
            let r = h
                .modify(RecordKind::EvaluationRound, key, None, |b| {
                    Ok(add(b.unwrap()))
                })
                .await;
            assert!(
                matches!(r, Err(ProgrammeError::Forbidden)),
                "{db}: {who} on {key}: {r:?}"
            );
            assert!(
                matches!(
                    h.remove(RecordKind::EvaluationRound, key, None).await,
                    Err(ProgrammeError::Forbidden)
                ),
                "{db}: {who} removes {key}"
            );
        }
        assert_eq!(whole().await, before, "{db}: nothing changed");
        // Eva cannot sign a column off in her own round either.
        let r = he
            .modify(RecordKind::EvaluationRound, "eva", None, |b| {
                let Some(Record::EvaluationRound(r)) = b else {
                    unreachable!()
                };
                let mut r = r.clone();
                r.sign_offs.push(SignOff {
                    participant: ParticipantId::new("brattvik"),
                    role: SignOffRole::ProgrammeLeader,
                    person: None,
                    date: d("2026-03-01"),
                    note: None,
                });
                Ok(Record::EvaluationRound(r))
            })
            .await;
        assert!(matches!(r, Err(ProgrammeError::Forbidden)), "{db}");
        // The coordinator signs their own column; Eva's later change keeps it.
        hc.sign_off(
            "eva",
            &ParticipantId::new("brattvik"),
            Some(SignOff {
                participant: ParticipantId::new("brattvik"),
                role: SignOffRole::Coordinator,
                person: None,
                date: d("2026-03-02"),
                note: None,
            }),
        )
        .await
        .unwrap();
        he.modify(RecordKind::EvaluationRound, "eva", None, |b| {
            let Some(Record::EvaluationRound(r)) = b else {
                unreachable!()
            };
            let mut r = r.clone();
            r.name = "Omdøpt".into();
            Ok(Record::EvaluationRound(r))
        })
        .await
        .unwrap();
        let after = whole().await;
        let eva_round = after.round(&RoundId::new("eva")).unwrap();
        assert_eq!(eva_round.name, "Omdøpt");
        assert_eq!(eva_round.sign_offs.len(), 1, "{db}");
        // The coordinator sees their column's log entries but no notes.
        let seen = hc.document().await.unwrap();
        assert!(
            seen.round(&RoundId::new("eva")).unwrap().notes.is_empty(),
            "{db}"
        );
        // Each removes their own.
        he.remove(RecordKind::EvaluationRound, "eva", None)
            .await
            .unwrap();
        hf.remove(RecordKind::EvaluationRound, "hb", None)
            .await
            .unwrap();
        assert_eq!(
            whole().await.evaluation_rounds.len(),
            demo::programme().evaluation_rounds.len(),
            "{db}"
        );
    }
}
