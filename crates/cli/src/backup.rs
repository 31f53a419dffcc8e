//! `samspill backup FILE` and `samspill restore FILE`.
//!
//! SQLite: the backup is an online, consistent copy taken while the server
//! runs (`VACUUM INTO`); the restore checks the file (integrity, schema
//! version, that it was used with the configured token key, so links keep
//! working), refuses while a server holds the database, and replaces the
//! database atomically. PostgreSQL: `pg_dump`/`pg_restore` in their custom
//! format; when they are not installed, the exact command is printed.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;
use samspill_i18n::{Arg, Texts};
use samspill_web::Config;

use crate::serve::{load_config, lock_path, open_state};
use crate::{UserError, user};

/// Arguments of `samspill backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The backup file to write (must not exist).
    pub file: PathBuf,
    /// Configuration file (as for `samspill serve`).
    #[arg(long, env = "SAMSPILL_CONFIG")]
    pub config: Option<PathBuf>,
}

/// Arguments of `samspill restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup file to restore.
    pub file: PathBuf,
    /// Configuration file (as for `samspill serve`).
    #[arg(long, env = "SAMSPILL_CONFIG")]
    pub config: Option<PathBuf>,
    /// Replace a database that already holds data.
    #[arg(long)]
    pub force: bool,
}

fn write_error(path: &Path, e: impl std::fmt::Display, t: &Texts) -> anyhow::Error {
    user(
        t,
        "cli-cannot-write",
        &[
            ("path", Arg::Str(&path.display().to_string())),
            ("reason", Arg::Str(&e.to_string())),
        ],
    )
}

/// Runs a PostgreSQL tool, or says exactly what to run when it is missing.
fn pg_tool(program: &str, args: &[String], t: &Texts) -> Result<()> {
    let shown = format!("{program} {}", args.join(" "));
    match Command::new(program).args(args).status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(user(
            t,
            "cli-pg-tool-failed",
            &[
                ("command", Arg::Str(&shown)),
                (
                    "code",
                    Arg::Str(&s.code().map(|c| c.to_string()).unwrap_or_default()),
                ),
            ],
        )),
        Err(_) => Err(user(
            t,
            "cli-pg-tool-missing",
            &[
                ("program", Arg::Str(program)),
                ("command", Arg::Str(&shown)),
            ],
        )),
    }
}

/// `samspill backup FILE`.
pub fn backup(args: &BackupArgs, t: &Texts) -> Result<()> {
    let config = load_config(args.config.as_deref(), t)?;
    if args.file.exists() {
        return Err(user(
            t,
            "cli-backup-exists",
            &[("path", Arg::Str(&args.file.display().to_string()))],
        ));
    }
    if config.sqlite_path().is_none() {
        // pg_dump keeps the mode of the file it writes into: owner only.
        samspill_store::create_private(&args.file).map_err(|e| write_error(&args.file, e, t))?;
        return pg_tool(
            "pg_dump",
            &[
                "--format=custom".into(),
                format!("--file={}", args.file.display()),
                format!("--dbname={}", config.database_url),
            ],
            t,
        )
        .map(|()| {
            println!(
                "{}",
                t.format(
                    "cli-backup-done",
                    &[("path", Arg::Str(&args.file.display().to_string()))]
                )
            );
        });
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let state = open_state(config, t).await?;
        let partial = PathBuf::from(format!("{}.partial", args.file.display()));
        let _ = std::fs::remove_file(&partial);
        if let Err(e) = state.store().backup_sqlite(&partial).await {
            let _ = std::fs::remove_file(&partial);
            return Err(write_error(&args.file, e, t));
        }
        std::fs::rename(&partial, &args.file).map_err(|e| write_error(&args.file, e, t))?;
        let info = samspill_store::inspect_sqlite_backup(&args.file)
            .await
            .map_err(|e| write_error(&args.file, e, t))?;
        state.store().close().await;
        println!(
            "{}",
            t.format(
                "cli-backup-done",
                &[("path", Arg::Str(&args.file.display().to_string()))]
            )
        );
        println!(
            "{}",
            t.format(
                "cli-backup-counts",
                &[
                    ("tenants", Arg::Num(info.tenants as f64)),
                    ("rounds", Arg::Num(info.rounds as f64)),
                    ("answers", Arg::Num(info.answers as f64)),
                ]
            )
        );
        println!("{}", t.get("cli-backup-key-reminder"));
        Ok(())
    })
}

fn sqlite_has_data(db: &Path) -> bool {
    std::fs::metadata(db).map(|m| m.len() > 0).unwrap_or(false)
}

/// `samspill restore FILE`.
pub fn restore(args: &RestoreArgs, t: &Texts) -> Result<()> {
    let config: Config = load_config(args.config.as_deref(), t)?;
    let Some(db) = config.sqlite_path() else {
        return pg_tool(
            "pg_restore",
            &[
                "--clean".into(),
                "--if-exists".into(),
                "--no-owner".into(),
                format!("--dbname={}", config.database_url),
                args.file.display().to_string(),
            ],
            t,
        );
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let info = match samspill_store::inspect_sqlite_backup(&args.file).await {
            Ok(i) => i,
            Err(samspill_store::StoreError::NotFound) => {
                return Err(user(
                    t,
                    "cli-restore-no-file",
                    &[("path", Arg::Str(&args.file.display().to_string()))],
                ));
            }
            Err(e) => {
                return Err(user(
                    t,
                    "cli-restore-damaged",
                    &[
                        ("path", Arg::Str(&args.file.display().to_string())),
                        ("reason", Arg::Str(&e.to_string())),
                    ],
                ));
            }
        };
        let mine = samspill_store::key_fingerprint(config.token_key);
        if let Some(theirs) = &info.key_fingerprint
            && *theirs != mine
        {
            return Err(user(
                t,
                "cli-key-mismatch",
                &[("expected", Arg::Str(theirs)), ("found", Arg::Str(&mine))],
            ));
        }
        // No server may hold the database while it is replaced.
        let lock = crate::serve::lock_database(&db, t).map_err(|_| {
            UserError(t.format(
                "cli-restore-server-running",
                &[("path", Arg::Str(&db.display().to_string()))],
            ))
        })?;
        if sqlite_has_data(&db) && !args.force {
            return Err(user(
                t,
                "cli-restore-would-replace",
                &[("path", Arg::Str(&db.display().to_string()))],
            ));
        }
        let partial = PathBuf::from(format!("{}.restore-partial", db.display()));
        std::fs::copy(&args.file, &partial).map_err(|e| write_error(&db, e, t))?;
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| write_error(&db, e, t))?;
        for suffix in ["-wal", "-shm"] {
            let p = PathBuf::from(format!("{}{suffix}", db.display()));
            if p.exists() {
                std::fs::remove_file(&p).map_err(|e| write_error(&p, e, t))?;
            }
        }
        std::fs::rename(&partial, &db).map_err(|e| write_error(&db, e, t))?;
        // Open it as the server will (migrations, key check).
        let state = open_state(config, t).await?;
        state.store().close().await;
        drop(lock);
        let _ = std::fs::remove_file(lock_path(&db));
        println!(
            "{}",
            t.format(
                "cli-restore-done",
                &[
                    ("path", Arg::Str(&db.display().to_string())),
                    ("tenants", Arg::Num(info.tenants as f64)),
                    ("rounds", Arg::Num(info.rounds as f64)),
                    ("answers", Arg::Num(info.answers as f64)),
                ]
            )
        );
        Ok(())
    })
}
