//! Hostile input and bursts against the store, on both databases: logins
//! at once for one e-mail and from many addresses, lockout attempts,
//! names that would break mail headers or spoof a person, and the token
//! key check.

mod common;

use std::time::{Duration, Instant};

use samspill_store::*;

async fn with_user(store: &Store) -> TenantId {
    let tid = store
        .create_tenant(&NewTenant::municipality("k", "K", "nb"))
        .await
        .unwrap();
    store
        .create_user(
            Some(tid),
            "kari@k.example",
            "Kari",
            Role::Coordinator,
            "riktig-passord-1",
        )
        .await
        .unwrap();
    tid
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_wrong_passwords_at_once_are_not_all_checked() {
    for (db, store) in common::backends().await {
        with_user(&store).await;
        let mut tasks = Vec::new();
        for _ in 0..50 {
            let s = store.clone();
            tasks.push(tokio::spawn(async move {
                s.login("kari@k.example", "feil-passord-1", "10.0.0.9")
                    .await
                    .unwrap()
            }));
        }
        let mut wrong = 0;
        let mut limited = 0;
        let mut busy = 0;
        for t in tasks {
            match t.await.unwrap() {
                LoginOutcome::Wrong => wrong += 1,
                LoginOutcome::Limited { .. } => limited += 1,
                LoginOutcome::Busy => busy += 1,
                LoginOutcome::Ok(_) => panic!("{db}: a wrong password logged in"),
            }
        }
        assert!(
            wrong <= PAIR_FREE as usize + 1,
            "{db}: {wrong} passwords checked (limited {limited}, busy {busy})"
        );
        assert_eq!(wrong + limited + busy, 50, "{db}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attacker_elsewhere_cannot_lock_the_user_out_and_a_success_resets() {
    for (db, store) in common::backends().await {
        with_user(&store).await;
        // Someone guesses from another address until they are slowed down.
        for _ in 0..10 {
            store
                .login("kari@k.example", "gjetting-123", "203.0.113.7")
                .await
                .unwrap();
        }
        assert!(
            matches!(
                store
                    .login("kari@k.example", "gjetting-123", "203.0.113.7")
                    .await
                    .unwrap(),
                LoginOutcome::Limited { .. }
            ),
            "{db}: the guesser is slowed"
        );
        // The real user, from their own address, logs in at once.
        assert!(
            matches!(
                store
                    .login("kari@k.example", "riktig-passord-1", "192.0.2.10")
                    .await
                    .unwrap(),
                LoginOutcome::Ok(_)
            ),
            "{db}: the user is not locked out"
        );
        // The user's own mistakes are forgiven by a success.
        for _ in 0..2 {
            store
                .login("kari@k.example", "skrivefeil-1", "192.0.2.10")
                .await
                .unwrap();
        }
        assert!(matches!(
            store
                .login("kari@k.example", "riktig-passord-1", "192.0.2.10")
                .await
                .unwrap(),
            LoginOutcome::Ok(_)
        ));
        for _ in 0..(PAIR_FREE - 1) {
            assert!(matches!(
                store
                    .login("kari@k.example", "skrivefeil-1", "192.0.2.10")
                    .await
                    .unwrap(),
                LoginOutcome::Wrong
            ));
        }
        // Logins from one office address do not add up to a limit.
        for _ in 0..(ADDRESS_FREE + 5) {
            assert!(
                matches!(
                    store
                        .login("kari@k.example", "riktig-passord-1", "198.51.100.1")
                        .await
                        .unwrap(),
                    LoginOutcome::Ok(_)
                ),
                "{db}: successes are not counted against the address"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_logins_from_two_hundred_addresses_are_bounded() {
    let (_dir, url) = samspill_store::testing::sqlite_url();
    let mut cfg = StoreConfig::url(url);
    cfg.max_hashes = 1;
    let store = Store::open(&cfg).await.unwrap();
    with_user(&store).await;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..200 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            let o = s
                .login(
                    "kari@k.example",
                    "feil-passord-1",
                    &format!("10.1.{}.{}", i / 250, i % 250),
                )
                .await
                .unwrap();
            (o, t.elapsed())
        }));
    }
    let mut busy = 0;
    let mut checked = 0;
    let mut slowest_busy = Duration::ZERO;
    for t in tasks {
        let (o, took) = t.await.unwrap();
        match o {
            LoginOutcome::Busy => {
                busy += 1;
                slowest_busy = slowest_busy.max(took);
            }
            LoginOutcome::Wrong => checked += 1,
            other => panic!("{other:?}"),
        }
    }
    // Only a handful are hashed; the rest are told at once to try again.
    assert!(busy >= 150, "{busy} busy, {checked} checked");
    assert!(checked >= 1);
    assert!(
        slowest_busy < Duration::from_secs(6),
        "refused at once or after a short wait: {slowest_busy:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_that_would_break_a_mail_header_or_spoof_a_person_are_refused() {
    for (db, store) in common::backends().await {
        let tid = with_user(&store).await;
        let t = store.tenant(tid);
        for bad in [
            "Kari\r\nBcc: alle@k.example",
            "Kari\nNordmann",
            "Ka\u{200B}ri",
            "\u{202E}iraK",
            "Kari\u{0007}",
            "Kari\u{FEFF}",
        ] {
            // The tenant's name and settings.
            assert!(
                matches!(
                    t.update_settings(bad, "nb", None).await,
                    Err(StoreError::Invalid(_))
                ),
                "{db}: settings {bad:?}"
            );
            assert!(
                matches!(
                    store
                        .create_tenant(&NewTenant::municipality("x", bad, "nb"))
                        .await,
                    Err(StoreError::Invalid(_))
                ),
                "{db}: tenant {bad:?}"
            );
            // A person typed in or imported (an Excel cell with Alt+Enter).
            let p = NewPerson {
                name: bad.into(),
                email: "ny@k.example".into(),
                ..NewPerson::default()
            };
            assert!(
                matches!(t.add_person(&p).await, Err(StoreError::Roster(_))),
                "{db}: person {bad:?}"
            );
            assert!(
                matches!(t.import_roster(&[p]).await, Err(StoreError::Roster(_))),
                "{db}: import {bad:?}"
            );
            // Functions, political bodies, round names, users.
            assert!(t.add_function(bad).await.is_err(), "{db}: function {bad:?}");
            assert!(
                t.create_round(&NewRound::standard(bad, "nb"))
                    .await
                    .is_err(),
                "{db}: round {bad:?}"
            );
            assert!(
                store
                    .create_user(
                        Some(tid),
                        "x@k.example",
                        bad,
                        Role::Coordinator,
                        "langt-passord-1"
                    )
                    .await
                    .is_err(),
                "{db}: user {bad:?}"
            );
        }
        // A zero-width space does not make a second person of one e-mail.
        let p = |email: &str| NewPerson {
            name: "Ola".into(),
            email: email.into(),
            ..NewPerson::default()
        };
        t.add_person(&p("ola@k.example")).await.unwrap();
        assert!(
            t.add_person(&p("ola\u{200B}@k.example")).await.is_err(),
            "{db}"
        );
        assert!(t.add_person(&p("OLA@k.example")).await.is_err(), "{db}");
        assert_eq!(t.persons().await.unwrap().len(), 1, "{db}");
        // Text where line breaks belong still takes them.
        let round = t
            .create_round(&NewRound::standard("R", "nb"))
            .await
            .unwrap();
        t.set_round_text(round, "nb", "intro", "Linje 1\nLinje 2")
            .await
            .unwrap();
        assert!(
            t.set_round_text(round, "nb", "intro", "a\u{202E}b")
                .await
                .is_err(),
            "{db}: bidi override in wording"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_opened_with_another_token_key_refuses() {
    let (_dir, url) = samspill_store::testing::sqlite_url();
    let a = StoreConfig::url(url.clone()).with_token_key([1; 32]);
    let store = Store::open(&a).await.unwrap();
    store.close().await;
    assert!(Store::open(&a).await.is_ok(), "the same key opens");
    match Store::open(&StoreConfig::url(url).with_token_key([2; 32])).await {
        Err(StoreError::KeyMismatch { expected, found }) => {
            assert_eq!(expected, key_fingerprint([1; 32]));
            assert_eq!(found, key_fingerprint([2; 32]));
            assert_ne!(expected, found);
        }
        other => panic!("{other:?}"),
    }
}
