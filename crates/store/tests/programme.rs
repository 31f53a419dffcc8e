//! Programme storage on both backends: whole-document validation inside the
//! write, revisions against stale writes, the audit row with each change,
//! and who sees what (funder advisers and evaluators per programme,
//! coordinators per participant).

mod common;

use samspill_programme::demo;
use samspill_programme::ids::{ParticipantId, ProgrammeId as DocId};
use samspill_programme::model::Ownership;
use samspill_store::*;

const PASSWORD: &str = "correct horse battery staple";

struct World {
    store: Store,
    p1: samspill_store::ProgrammeId,
    p2: samspill_store::ProgrammeId,
    funder: AuthUser,
    funder2: AuthUser,
    evaluator: AuthUser,
    brattvik: AuthUser,
    strandoy: AuthUser,
    outsider: AuthUser,
}

async fn user(store: &Store, tenant: TenantId, email: &str, role: Role) -> AuthUser {
    store
        .create_user(Some(tenant), email, email, role, PASSWORD)
        .await
        .unwrap();
    store.verify_login(email, PASSWORD).await.unwrap().unwrap()
}

/// Two programmes (the demo and a copy under another id); a funder adviser
/// and an evaluator of the first, another adviser of the second; Brattvik
/// and Strandøy of the first linked to their own tenants.
async fn world(store: Store) -> World {
    let funder_t = store
        .create_tenant(&NewTenant::municipality("husbanken", "Husbanken", "nb"))
        .await
        .unwrap();
    let eval_t = store
        .create_tenant(&NewTenant::municipality("evaluator", "Evaluator", "nb"))
        .await
        .unwrap();
    let b_t = store
        .create_tenant(&NewTenant::municipality("brattvik", "Brattvik", "nb"))
        .await
        .unwrap();
    let s_t = store
        .create_tenant(&NewTenant::municipality("strandoy", "Strandøy", "nn"))
        .await
        .unwrap();
    let o_t = store
        .create_tenant(&NewTenant::municipality("outside", "Utenfor", "nb"))
        .await
        .unwrap();
    let funder = user(&store, funder_t, "adviser@hb.example", Role::Funder).await;
    let funder2 = user(&store, funder_t, "other@hb.example", Role::Funder).await;
    let evaluator = user(&store, eval_t, "eval@nibr.example", Role::Evaluator).await;
    let brattvik = user(&store, b_t, "coord@brattvik.example", Role::Coordinator).await;
    let strandoy = user(&store, s_t, "coord@strandoy.example", Role::Coordinator).await;
    let outsider = user(&store, o_t, "coord@outside.example", Role::Coordinator).await;
    let tools = store.programmes(Actor::system("test"));
    let doc = demo::programme();
    let p1 = tools.create(&doc, None).await.unwrap();
    let mut other = demo::programme();
    other.programme.id = DocId::new("another-programme");
    other.programme.name = "Another programme".into();
    let p2 = tools.create(&other, None).await.unwrap();
    tools.grant(p1, "adviser@hb.example").await.unwrap();
    tools.grant(p1, "eval@nibr.example").await.unwrap();
    tools.grant(p2, "other@hb.example").await.unwrap();
    tools
        .link(p1, &ParticipantId::new("brattvik"), b_t)
        .await
        .unwrap();
    tools
        .link(p1, &ParticipantId::new("strandoy"), s_t)
        .await
        .unwrap();
    World {
        store,
        p1,
        p2,
        funder,
        funder2,
        evaluator,
        brattvik,
        strandoy,
        outsider,
    }
}

fn pid(s: &str) -> ParticipantId {
    ParticipantId::new(s)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stored_programme_reads_back_as_the_same_document() {
    for (db, store) in common::backends().await {
        let w = world(store).await;
        let tools = w.store.programmes(Actor::system("test"));
        let h = tools.handle(w.p1).await.unwrap();
        assert_eq!(h.export().await.unwrap(), demo::programme(), "{db}");
        let list = tools.list().await.unwrap();
        assert_eq!(list.len(), 2, "{db}");
        // A second programme with the same document id is refused.
        assert!(
            matches!(
                tools.create(&demo::programme(), None).await,
                Err(ProgrammeError::Store(StoreError::Conflict(_)))
            ),
            "{db}"
        );
        // Only funder advisers and evaluators become members.
        assert!(
            tools.grant(w.p1, "coord@brattvik.example").await.is_err(),
            "{db}"
        );
        let members = tools.members(w.p1).await.unwrap();
        assert_eq!(members.len(), 2, "{db}: {members:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_write_is_refused_and_changes_nothing() {
    for (db, store) in common::backends().await {
        let w = world(store).await;
        let h = w.store.programme_for(&w.brattvik, w.p1).await.unwrap();
        let read = h.stored().await.unwrap();
        let rev = read.revision_of(RecordKind::Organisation, "brattvik");
        assert_eq!(rev, 1, "{db}");
        let mut org = read.doc.organisation(&pid("brattvik")).unwrap().clone();
        org.owners.push(Ownership {
            kind: org.owners[0].kind,
            holder: Some("formannskapet".into()),
            from: None,
            to: None,
            sources: Vec::new(),
        });
        let new = h
            .put(Record::Organisation(org.clone()), Some(rev))
            .await
            .unwrap();
        assert_eq!(new, 2, "{db}");
        // A second form that read revision 1 too.
        let mut other = read.doc.organisation(&pid("brattvik")).unwrap().clone();
        other.owners.clear();
        assert!(
            matches!(
                h.put(Record::Organisation(other), Some(rev)).await,
                Err(ProgrammeError::Stale)
            ),
            "{db}"
        );
        let after = h.stored().await.unwrap();
        assert_eq!(after.doc.organisation(&pid("brattvik")), Some(&org), "{db}");
        assert_eq!(after.revision_of(RecordKind::Organisation, "brattvik"), 2);
        // Adding a record that exists (expected revision 0) is stale too.
        assert!(
            matches!(
                h.put(Record::Organisation(org), Some(0)).await,
                Err(ProgrammeError::Stale)
            ),
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_change_is_refused_with_its_path_and_nothing_changes() {
    for (db, store) in common::backends().await {
        let w = world(store).await;
        let h = w.store.programme_for(&w.funder, w.p1).await.unwrap();
        let before = h.stored().await.unwrap();
        let audit_before = w.store.audit_log(&AuditFilter::default()).await.unwrap();
        let mut p = before.doc.participant(&pid("lyngnes")).unwrap().clone();
        p.cohort = Some(samspill_programme::ids::CohortId::new("pulje-99"));
        let rev = before.revision_of(RecordKind::Participant, "lyngnes");
        match h.put(Record::Participant(p), Some(rev)).await {
            Err(ProgrammeError::Invalid(errors)) => {
                assert!(
                    errors
                        .0
                        .iter()
                        .any(|e| e.path.starts_with("participants[") && e.path.ends_with("cohort")),
                    "{db}: {errors:?}"
                );
            }
            other => panic!("{db}: expected Invalid, got {other:?}"),
        }
        let after = h.stored().await.unwrap();
        assert_eq!(after.doc, before.doc, "{db}");
        assert_eq!(after.revision, before.revision, "{db}: revision moved");
        assert_eq!(
            after.revision_of(RecordKind::Participant, "lyngnes"),
            rev,
            "{db}"
        );
        let audit_after = w.store.audit_log(&AuditFilter::default()).await.unwrap();
        assert_eq!(audit_after.len(), audit_before.len(), "{db}: audit row");
        // A whole imported document that is invalid replaces nothing.
        let mut bad = demo::programme();
        bad.reports[0].participant = pid("nobody");
        assert!(
            matches!(h.replace(&bad).await, Err(ProgrammeError::Invalid(_))),
            "{db}"
        );
        // A document of another programme replaces nothing either.
        let mut other = demo::programme();
        other.programme.id = DocId::new("someone-else");
        assert!(
            matches!(
                h.replace(&other).await,
                Err(ProgrammeError::OtherProgramme { .. })
            ),
            "{db}"
        );
        assert_eq!(h.stored().await.unwrap().doc, before.doc, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_change_writes_its_audit_row_with_it() {
    for (db, store) in common::backends().await {
        let w = world(store).await;
        let h = w.store.programme_for(&w.brattvik, w.p1).await.unwrap();
        let read = h.stored().await.unwrap();
        let mut org = read.doc.organisation(&pid("brattvik")).unwrap().clone();
        org.owners[0].holder = Some("rådmannen".into());
        h.put(
            Record::Organisation(org),
            Some(read.revision_of(RecordKind::Organisation, "brattvik")),
        )
        .await
        .unwrap();
        let rows = w
            .store
            .audit_log(&AuditFilter {
                action: Some("programme.change".into()),
                ..AuditFilter::default()
            })
            .await
            .unwrap();
        assert_eq!(rows.len(), 1, "{db}: {rows:?}");
        assert_eq!(rows[0].actor, "coord@brattvik.example", "{db}");
        assert!(
            rows[0].detail.contains("organisation brattvik"),
            "{db}: {}",
            rows[0].detail
        );
        // The row is in Brattvik's own log: the coordinator sees who changed
        // their records.
        let brattvik = w.store.tenant_by_slug("brattvik").await.unwrap();
        assert_eq!(rows[0].tenant, Some(brattvik.get()), "{db}");
        // A refused change (the coordinator may not touch the cohorts)
        // writes no row.
        let cohort = read.doc.cohorts[0].clone();
        assert!(matches!(
            h.put(Record::Cohort(cohort), None).await,
            Err(ProgrammeError::Forbidden)
        ));
        let all = w
            .store
            .audit_log(&AuditFilter {
                action: Some("programme.".into()),
                ..AuditFilter::default()
            })
            .await
            .unwrap();
        assert_eq!(
            all.iter()
                .filter(|r| r.action == "programme.change")
                .count(),
            1,
            "{db}"
        );
        // Exports are recorded as reads.
        let f = w.store.programme_for(&w.funder, w.p1).await.unwrap();
        f.export().await.unwrap();
        let reads = w
            .store
            .audit_log(&AuditFilter {
                action: Some("read.programme-export".into()),
                ..AuditFilter::default()
            })
            .await
            .unwrap();
        assert_eq!(reads.len(), 1, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_adviser_of_one_programme_cannot_see_another() {
    for (db, store) in common::backends().await {
        let w = world(store).await;
        let mine: Vec<_> = w
            .store
            .programmes_for(&w.funder)
            .await
            .unwrap()
            .into_iter()
            .map(|(s, st)| (s.id, st))
            .collect();
        assert_eq!(mine, vec![(w.p1, Standing::Funder)], "{db}");
        assert!(
            matches!(
                w.store.programme_for(&w.funder, w.p2).await,
                Err(ProgrammeError::Store(StoreError::NotFound))
            ),
            "{db}"
        );
        assert!(
            matches!(
                w.store.programme_for(&w.funder2, w.p1).await,
                Err(ProgrammeError::Store(StoreError::NotFound))
            ),
            "{db}"
        );
        // The evaluator of p1 sees nothing of p2, and an unlinked
        // coordinator sees no programme at all.
        assert!(w.store.programme_for(&w.evaluator, w.p2).await.is_err());
        assert!(
            w.store
                .programmes_for(&w.outsider)
                .await
                .unwrap()
                .is_empty(),
            "{db}"
        );
        assert!(w.store.programme_for(&w.outsider, w.p1).await.is_err());
        // Membership ends with revoke.
        let tools = w.store.programmes(Actor::system("test"));
        tools.revoke(w.p1, "adviser@hb.example").await.unwrap();
        assert!(w.store.programme_for(&w.funder, w.p1).await.is_err());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_sees_and_keeps_only_their_own_participant() {
    for (db, store) in common::backends().await {
        let w = world(store).await;
        let h = w.store.programme_for(&w.brattvik, w.p1).await.unwrap();
        assert!(
            matches!(h.standing(), Standing::Coordinator { participant, .. } if participant.as_str() == "brattvik")
        );
        let doc = h.document().await.unwrap();
        let own = pid("brattvik");
        assert!(
            doc.organisations.iter().all(|o| o.participant == own),
            "{db}"
        );
        assert_eq!(doc.organisations.len(), 1, "{db}");
        assert!(doc.action_plans.iter().all(|a| a.participant == own));
        assert!(doc.assessments.iter().all(|a| a.participant == own));
        assert!(doc.reports.iter().all(|r| r.participant == own));
        assert!(!doc.reports.is_empty());
        // Others by name only.
        let s = doc.participant(&pid("strandoy")).unwrap();
        assert!(s.path.is_none() && s.agreements.is_empty(), "{db}: {s:?}");
        assert!(doc.participant(&own).unwrap().path.is_some());
        // Nothing of Strandøy can be changed, not even blindly.
        let full = w
            .store
            .programmes(Actor::system("test"))
            .handle(w.p1)
            .await
            .unwrap()
            .export()
            .await
            .unwrap();
        let their = full.organisation(&pid("strandoy")).unwrap().clone();
        assert!(
            matches!(
                h.put(Record::Organisation(their.clone()), None).await,
                Err(ProgrammeError::Store(StoreError::NotFound))
            ),
            "{db}"
        );
        // Nor their own participant's funder side (the cohort).
        let mut me = doc.participant(&own).unwrap().clone();
        me.cohort = Some(samspill_programme::ids::CohortId::new("pulje-2"));
        assert!(
            matches!(
                h.put(Record::Participant(me), None).await,
                Err(ProgrammeError::Forbidden)
            ),
            "{db}"
        );
        // No export, no import.
        assert!(matches!(h.export().await, Err(ProgrammeError::Forbidden)));
        assert!(matches!(
            h.replace(&full).await,
            Err(ProgrammeError::Forbidden)
        ));
        // Strandøy's coordinator sees Strandøy, not Brattvik.
        let s = w.store.programme_for(&w.strandoy, w.p1).await.unwrap();
        let sd = s.document().await.unwrap();
        assert!(
            sd.organisations
                .iter()
                .all(|o| o.participant.as_str() == "strandoy")
        );
        assert_eq!(sd.organisations.len(), 1);
        // The evaluator reads everything but writes no organisation.
        let e = w.store.programme_for(&w.evaluator, w.p1).await.unwrap();
        assert_eq!(e.document().await.unwrap().organisations.len(), 5);
        assert!(matches!(
            e.put(Record::Organisation(their), None).await,
            Err(ProgrammeError::Forbidden)
        ));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_replaces_the_whole_programme_and_sign_offs_are_the_leaders() {
    for (db, store) in common::backends().await {
        let w = world(store).await;
        let f = w.store.programme_for(&w.funder, w.p1).await.unwrap();
        let mut doc = f.export().await.unwrap();
        doc.programme.name = "Renamed".into();
        doc.learning_log.clear();
        f.replace(&doc).await.unwrap();
        assert_eq!(f.export().await.unwrap(), doc, "{db}");
        // Sign-off of the own column only.
        let round = doc.evaluation_rounds[0].id.to_string();
        let b = w.store.programme_for(&w.brattvik, w.p1).await.unwrap();
        let so = samspill_programme::model::SignOff {
            participant: pid("brattvik"),
            role: samspill_programme::model::SignOffRole::ProgrammeLeader,
            person: None,
            date: samspill_programme::Date::parse("2026-02-01").unwrap(),
            note: None,
        };
        b.sign_off(&round, &pid("brattvik"), Some(so.clone()))
            .await
            .unwrap();
        let mut wrong = so.clone();
        wrong.participant = pid("strandoy");
        assert!(
            b.sign_off(&round, &pid("strandoy"), Some(wrong))
                .await
                .is_err(),
            "{db}"
        );
        let stored = f.export().await.unwrap();
        let r = stored.round(&doc.evaluation_rounds[0].id).unwrap();
        assert!(r.sign_offs.contains(&so), "{db}");
        // The evaluator may not forge it.
        let e = w.store.programme_for(&w.evaluator, w.p1).await.unwrap();
        let mut forged = r.clone();
        forged.sign_offs.clear();
        assert!(e.put(Record::EvaluationRound(forged), None).await.is_err());
    }
}
