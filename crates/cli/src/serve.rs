//! `samspill serve [--config FILE]`: the web application for a municipality
//! on its own server (SQLite) or a national service (PostgreSQL; several
//! instances may share the database).
//!
//! On SQLite the server holds an exclusive lock on `FILE.lock` beside the
//! database while it runs, so `samspill restore` cannot replace the file
//! under it.

use std::path::{Path, PathBuf};

use anyhow::Result;
use samspill_i18n::{Arg, Texts};
use samspill_web::{AppState, Config};

use crate::{UserError, user};

/// Arguments of `samspill serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Configuration file (TOML; see docs/samspill.example.toml). Also
    /// `SAMSPILL_CONFIG`. Environment variables override the file.
    #[arg(long, env = "SAMSPILL_CONFIG")]
    pub config: Option<PathBuf>,
}

/// Loads the configuration of `--config` (or the environment only).
pub fn load_config(config: Option<&Path>, t: &Texts) -> Result<Config> {
    Config::load(config).map_err(|e| {
        user(
            t,
            "cli-config-error",
            &[("message", Arg::Str(&e.to_string()))],
        )
    })
}

/// The lock file of an SQLite database (see the module documentation).
pub fn lock_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.lock", db.display()))
}

/// Takes the server's lock on an SQLite database; an error names the file
/// when another server holds it.
pub fn lock_database(db: &Path, t: &Texts) -> Result<std::fs::File> {
    let path = lock_path(db);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| {
            user(
                t,
                "cli-cannot-write",
                &[
                    ("path", Arg::Str(&path.display().to_string())),
                    ("reason", Arg::Str(&e.to_string())),
                ],
            )
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(_) => Err(user(
            t,
            "cli-serve-locked",
            &[("path", Arg::Str(&db.display().to_string()))],
        )),
    }
}

/// Opens the store of a configuration, with messages for the usual
/// mistakes (wrong key, database newer than the program, unreachable).
pub async fn open_state(config: Config, t: &Texts) -> Result<AppState> {
    match AppState::open(config).await {
        Ok(s) => Ok(s),
        Err(samspill_web::WebError::Store(samspill_store::StoreError::KeyMismatch {
            expected,
            found,
        })) => Err(user(
            t,
            "cli-key-mismatch",
            &[
                ("expected", Arg::Str(&expected)),
                ("found", Arg::Str(&found)),
            ],
        )),
        Err(e) => Err(user(
            t,
            "cli-store-error",
            &[("message", Arg::Str(&e.to_string()))],
        )),
    }
}

/// Runs the server until Ctrl-C or SIGTERM.
pub fn run(args: &Args, t: &Texts) -> Result<()> {
    let config = load_config(args.config.as_deref(), t)?;
    crate::init_logging("info", config.log_format == samspill_web::LogFormat::Json);
    let _lock = match config.sqlite_path() {
        Some(db) => Some(lock_database(&db, t)?),
        None => None,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let json = config.log_format == samspill_web::LogFormat::Json;
    // What the operator must read: a plain line, or a log record when the
    // logs are JSON (so every line stays one object).
    let say = |text: &str| {
        if json {
            tracing::warn!(message = text);
        } else {
            eprintln!("{text}");
        }
    };
    rt.block_on(async {
        let listen = config.listen;
        let public = config.public_url.clone();
        let state = open_state(config, t).await?;
        if !state.store().has_operator().await? {
            let cfg = args
                .config
                .as_ref()
                .map(|c| format!(" --config {}", c.display()))
                .unwrap_or_default();
            say(&format!(
                "{}\n  samspill admin{cfg} user create --role operator --email you@example.org --name \"Your Name\"",
                t.get("cli-serve-no-operator")
            ));
        }
        samspill_web::spawn_workers(&state);
        let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
            UserError(t.format(
                "cli-serve-cannot-listen",
                &[
                    ("addr", Arg::Str(&listen.to_string())),
                    ("reason", Arg::Str(&e.to_string())),
                ],
            ))
        })?;
        say(&t.format(
            "cli-serve-listening",
            &[
                ("addr", Arg::Str(&listen.to_string())),
                ("url", Arg::Str(&public)),
            ],
        ));
        samspill_web::serve_on(listener, samspill_web::app(state)).await?;
        Ok(())
    })
}
