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

/// Closing the store closes every connection, the writer's too, so SQLite
/// folds the write-ahead log into the file: a copy of the file alone, made
/// after `close`, holds every committed change (what an operator copying
/// a stopped server's database gets).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_sqlite_database_is_whole_in_its_file() {
    let (dir, url) = sqlite_url();
    let cfg = StoreConfig::url(url);
    let store = Store::open(&cfg).await.unwrap();
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
    let file = dir.join("samspill.sqlite3");
    assert!(
        !dir.join("samspill.sqlite3-wal").exists(),
        "the write-ahead log is still there after close"
    );
    let copy = dir.join("copy.sqlite3");
    std::fs::copy(&file, &copy).unwrap();
    let store = Store::open(&StoreConfig {
        url: format!("sqlite://{}?mode=rwc", copy.display()),
        ..cfg
    })
    .await
    .unwrap();
    let t = store.tenant(store.tenant_by_slug("k").await.unwrap());
    assert_eq!(t.persons().await.unwrap().len(), 5);
    store.close().await;
}
