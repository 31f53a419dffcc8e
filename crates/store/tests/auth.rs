//! Accounts and sessions on both databases.

mod common;

use samspill_store::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_are_argon2_hashed_and_sessions_are_hashed_tokens() {
    for (db, store) in common::backends().await {
        let tid = store
            .create_tenant(&NewTenant::municipality("k", "K", "nb"))
            .await
            .unwrap();
        store
            .create_user(
                Some(tid),
                "Koord@K.example",
                "Koordinator",
                Role::Coordinator,
                "riktig-passord-1",
            )
            .await
            .unwrap();
        assert!(matches!(
            store
                .create_user(
                    Some(tid),
                    "koord@k.example",
                    "X",
                    Role::Coordinator,
                    "riktig-passord-2"
                )
                .await,
            Err(StoreError::Conflict(_))
        ));
        assert!(matches!(
            store
                .create_user(Some(tid), "a@k.example", "X", Role::Coordinator, "kort")
                .await,
            Err(StoreError::Invalid(_))
        ));
        assert!(
            store
                .verify_login("koord@k.example", "feil-passord")
                .await
                .unwrap()
                .is_none(),
            "{db}"
        );
        assert!(
            store
                .verify_login("ukjent@k.example", "riktig-passord-1")
                .await
                .unwrap()
                .is_none()
        );
        let user = store
            .verify_login(" KOORD@k.example ", "riktig-passord-1")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.role, Role::Coordinator);
        assert_eq!(user.tenant, Some(tid));
        let token = store.create_session(user.id).await.unwrap();
        let s = store.session(&token).await.unwrap().unwrap();
        assert_eq!(s.user.email, "koord@k.example");
        assert!(s.csrf.len() >= 43);
        assert!(store.session("forged").await.unwrap().is_none());
        store.delete_session(&token).await.unwrap();
        assert!(store.session(&token).await.unwrap().is_none());
        // Operators may have no tenant; others must have one.
        store
            .create_user(
                None,
                "drift@it.example",
                "Drift",
                Role::Operator,
                "operator-passord",
            )
            .await
            .unwrap();
        assert!(
            store
                .create_user(None, "x@it.example", "X", Role::Funder, "operator-passord")
                .await
                .is_err()
        );
    }
}
