//! Seeds a tenant with `N` persons and an open round, and prints one
//! respondent token per line (used by `bench/survey/run.sh`; also a small
//! example of seeding through the store's API).
//!
//! ```sh
//! cargo run -p samspill-store --example seed_round -- sqlite:///tmp/x.sqlite3 500
//! ```

use samspill_store::{NewPerson, NewRound, NewTenant, Role, Store, StoreConfig};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let url = args.next().ok_or("usage: seed_round URL [PERSONS]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(500);
    // The token key the server will use (SAMSPILL_TOKEN_KEY, 64 hex
    // digits): the database records its fingerprint.
    let hex = std::env::var("SAMSPILL_TOKEN_KEY").unwrap_or_else(|_| "0".repeat(64));
    let mut key = [0u8; 32];
    for (i, b) in key.iter_mut().enumerate() {
        *b = u8::from_str_radix(
            hex.get(2 * i..2 * i + 2)
                .ok_or("SAMSPILL_TOKEN_KEY: 64 hex digits")?,
            16,
        )?;
    }
    let store = Store::open(&StoreConfig::url(url).with_token_key(key)).await?;
    let tenant = store
        .create_tenant(&NewTenant::municipality("bench", "Benchmark kommune", "nb"))
        .await?;
    store
        .create_user(
            Some(tenant),
            "koordinator@bench.example",
            "Koordinator",
            Role::Coordinator,
            "benchmark-passord",
        )
        .await?;
    let t = store.tenant(tenant);
    let functions = [
        "Tildeling av bolig",
        "Tjenester i bolig",
        "Utbygging",
        "Drift og vedlikehold",
        "Arealplanlegging",
    ];
    let people: Vec<NewPerson> = (0..n)
        .map(|i| NewPerson {
            name: format!("Person {i}"),
            email: format!("person{i}@bench.example"),
            unit: Some(format!("Enhet {}", i % 7)),
            level: None,
            functions: vec![functions[i % functions.len()].to_string()],
        })
        .collect();
    t.import_roster(&people).await?;
    let round = t
        .create_round(&NewRound::standard("Benchmark", "nb"))
        .await?;
    t.open_round(round).await?;
    for link in t.invitation_links(round).await? {
        println!("{}\t{}", link.token, link.invitation.person);
    }
    store.close().await;
    Ok(())
}
