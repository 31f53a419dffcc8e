//! Migrations are versioned, forward-only, idempotent, keep data, and a
//! database newer than the program is refused.

mod common;

use samspill_store::testing::{PgCluster, sqlite_url};
use samspill_store::*;

async fn unmigrated() -> Vec<(&'static str, StoreConfig)> {
    let mut out = vec![("sqlite", StoreConfig::url(sqlite_url().1))];
    if let Some(pg) = PgCluster::shared() {
        out.push(("postgres", StoreConfig::url(pg.database())));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_apply_in_order_keep_data_and_refuse_a_newer_schema() {
    for (db, cfg) in unmigrated().await {
        let store = Store::open_unmigrated(&cfg).await.unwrap();
        assert_eq!(store.schema_version().await.unwrap(), 0, "{db}");
        store.migrate_to(1).await.unwrap();
        assert_eq!(store.schema_version().await.unwrap(), 1);
        let tid = store
            .create_tenant(&NewTenant::municipality("k", "K", "nb"))
            .await
            .unwrap_err();
        // Version 1 has no audit log yet, so creating a tenant fails and
        // leaves nothing behind (one transaction).
        assert!(matches!(tid, StoreError::Db(_)), "{db}: {tid:?}");
        store.migrate().await.unwrap();
        let newest = schema::MIGRATIONS.last().unwrap().version;
        assert_eq!(store.schema_version().await.unwrap(), newest);
        let tid = store
            .create_tenant(&NewTenant::municipality("k", "K", "nb"))
            .await
            .unwrap();
        store
            .tenant(tid)
            .import_roster(&common::roster())
            .await
            .unwrap();
        store.close().await;

        // Re-opening migrates nothing and keeps the data.
        let store = Store::open(&cfg).await.unwrap();
        assert_eq!(store.schema_version().await.unwrap(), newest);
        assert_eq!(
            store
                .tenant(store.tenant_by_slug("k").await.unwrap())
                .persons()
                .await
                .unwrap()
                .len(),
            5
        );

        // A newer database is refused, untouched.
        sqlx_insert_version(&store, newest + 5).await;
        store.close().await;
        let err = Store::open(&cfg).await.unwrap_err();
        assert!(
            matches!(err, StoreError::Migration(ref m) if m.contains("newer")),
            "{db}: {err:?}"
        );
    }
}

async fn sqlx_insert_version(store: &Store, v: i64) {
    store.__insert_schema_version_for_tests(v).await.unwrap();
}
