//! Stable pseudonyms, on both databases: one per (person, function), never
//! renumbered, never given twice, also when two requests assign at once.

mod common;

use samspill_store::*;

async fn tenant_with_roster(store: &Store) -> (Tenant, Vec<PersonId>) {
    let tid = store
        .create_tenant(&NewTenant::municipality("k", "K", "nb"))
        .await
        .unwrap();
    let t = store.tenant(tid);
    t.import_roster(&common::roster()).await.unwrap();
    let ids = t
        .persons()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    (t, ids)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pseudonyms_are_stable_per_person_and_function() {
    for (db, store) in common::backends().await {
        let (t, ids) = tenant_with_roster(&store).await;
        let (a, b, c) = (ids[0], ids[1], ids[2]);
        let first = t
            .assign_pseudonyms(&[(a, "tildeling".into()), (b, "tildeling".into())])
            .await
            .unwrap();
        assert_eq!(first[&a].number, 1, "{db}");
        assert_eq!(first[&b].number, 2, "{db}");
        // Asking again changes nothing, in any order.
        let again = t
            .assign_pseudonyms(&[(b, "tildeling".into()), (a, "tildeling".into())])
            .await
            .unwrap();
        assert_eq!(again, first, "{db}");
        // A new primary function gives a new pseudonym; the old one stays
        // for the rounds that showed it, and its number is not given again.
        let moved = t.assign_pseudonyms(&[(a, "helse".into())]).await.unwrap();
        assert_eq!(moved[&a].function, "helse", "{db}");
        assert_eq!(moved[&a].number, 1, "{db}");
        let newcomer = t
            .assign_pseudonyms(&[(c, "tildeling".into())])
            .await
            .unwrap();
        assert_eq!(newcomer[&c].number, 3, "{db}: numbers are never reused");
        let all = t.pseudonyms().await.unwrap();
        assert_eq!(all.len(), 4, "{db}: {all:?}");
        assert!(
            all.iter()
                .any(|(p, ps)| *p == a && ps.function == "tildeling" && ps.number == 1),
            "{db}: the old pseudonym is kept"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_assignments_never_give_one_number_twice() {
    for (db, store) in common::backends().await {
        let (t, ids) = tenant_with_roster(&store).await;
        let mut tasks = Vec::new();
        for id in ids.clone() {
            let t = t.clone();
            tasks.push(tokio::spawn(async move {
                t.assign_pseudonyms(&[(id, "samme".into())]).await
            }));
        }
        for task in tasks {
            // A writer that lost a race may be refused; none may succeed
            // with a number another person holds.
            let _ = task.await.unwrap();
        }
        t.assign_pseudonyms(&ids.iter().map(|&p| (p, "samme".into())).collect::<Vec<_>>())
            .await
            .unwrap();
        let mut numbers: Vec<u32> = t
            .pseudonyms()
            .await
            .unwrap()
            .into_iter()
            .map(|(_, p)| p.number)
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=ids.len() as u32).collect::<Vec<_>>(), "{db}");
    }
}
