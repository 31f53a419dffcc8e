//! Shared helpers: every storage test runs on SQLite and on PostgreSQL.
#![allow(dead_code)]

use samspill_engine::model::Level;
use samspill_store::testing::{PgCluster, sqlite_url};
use samspill_store::{NewPerson, Store, StoreConfig};

/// A store on a fresh SQLite file and, when PostgreSQL is available, one on
/// a fresh PostgreSQL database.
pub async fn backends() -> Vec<(&'static str, Store)> {
    let mut out = Vec::new();
    let (_dir, url) = sqlite_url();
    out.push((
        "sqlite",
        Store::open(&StoreConfig::url(url))
            .await
            .expect("open sqlite"),
    ));
    if let Some(pg) = PgCluster::shared() {
        let url = pg.database();
        out.push((
            "postgres",
            Store::open(&StoreConfig::url(url))
                .await
                .expect("open postgres"),
        ));
    }
    out
}

/// A person with one standard function.
pub fn person(name: &str, email: &str, unit: &str, function: &str) -> NewPerson {
    NewPerson {
        name: name.into(),
        email: email.into(),
        unit: Some(unit.into()),
        level: Some(Level::Professional),
        functions: vec![function.into()],
    }
}

/// A small roster (five people, four functions).
pub fn roster() -> Vec<NewPerson> {
    vec![
        person(
            "Kari Nordmann",
            "kari@kommune.example",
            "NAV",
            "Tildeling av bolig",
        ),
        person(
            "Ola Hansen",
            "ola@kommune.example",
            "Eiendom",
            "Drift og vedlikehold",
        ),
        person(
            "Siri Berg",
            "siri@kommune.example",
            "Plan",
            "Arealplanlegging",
        ),
        person(
            "Per Lie",
            "per@kommune.example",
            "NAV",
            "Økonomiske virkemidler/rådgivning",
        ),
        person(
            "Anne Dahl",
            "anne@kommune.example",
            "Helse",
            "Tjenester i bolig",
        ),
    ]
}
