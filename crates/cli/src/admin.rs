//! `samspill admin`: the operator's work without touching the database:
//! tenants (municipalities, housing areas), users, and a mail test. The
//! same actions as the operator pages; every change is audited (actor
//! `system:admin-cli`).

use std::io::BufRead;
use std::path::PathBuf;

use anyhow::Result;
use samspill_i18n::{Arg, Texts};
use samspill_store::{Actor, NewTenant, Role, StoreError, TenantKind};

use crate::serve::{load_config, open_state};
use crate::{UserError, user};

/// Arguments of `samspill admin`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Configuration file (as for `samspill serve`).
    #[arg(long, env = "SAMSPILL_CONFIG", global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Municipalities and housing areas.
    #[command(subcommand)]
    Tenant(TenantCmd),
    /// User accounts.
    #[command(subcommand)]
    User(UserCmd),
    /// Programmes (follow-up of a funder's development programme): create
    /// one from a document, make users its funder advisers or evaluators,
    /// link participants to municipalities.
    #[command(subcommand)]
    Programme(ProgrammeCmd),
    /// Send a test message through the configured SMTP server and show
    /// what the server answered.
    MailTest {
        /// Recipient.
        address: String,
        /// Sender (default: the recipient).
        #[arg(long)]
        from: Option<String>,
    },
}

#[derive(Debug, clap::Subcommand)]
enum TenantCmd {
    /// Create a municipality (or, with --kind housing-area, a Danish
    /// housing area) with the standard function catalogue.
    Create {
        /// Short name: a-z, 0-9 and hyphens (`oppdal`).
        slug: String,
        /// Display name (`Oppdal kommune`).
        #[arg(long)]
        name: String,
        /// municipality or housing-area.
        #[arg(long, default_value = "municipality", value_parser = ["municipality", "housing-area"])]
        kind: String,
        /// The tenant's language (surveys, reports, pages): nb, nn, da or
        /// en. (The global --lang is the language of this command's messages.)
        #[arg(long = "language", default_value = "nb")]
        language: String,
        /// Sender address of invitation mail.
        #[arg(long)]
        mail_from: Option<String>,
    },
    /// List every tenant.
    List,
    /// Rename a tenant.
    Rename {
        /// Short name.
        slug: String,
        /// New display name.
        #[arg(long)]
        name: String,
    },
    /// Deactivate a tenant: its users cannot log in and its links take no
    /// answers; nothing is deleted.
    Deactivate {
        /// Short name.
        slug: String,
    },
    /// Reactivate a tenant.
    Activate {
        /// Short name.
        slug: String,
    },
}

#[derive(Debug, clap::Subcommand)]
enum UserCmd {
    /// Create a user. The password is read from standard input with
    /// --password-stdin; otherwise one is generated and printed once.
    Create {
        /// E-mail (the login name).
        #[arg(long)]
        email: String,
        /// Name.
        #[arg(long)]
        name: String,
        /// coordinator, funder, evaluator or operator.
        #[arg(long, value_parser = ["coordinator", "funder", "evaluator", "operator"])]
        role: String,
        /// The user's tenant (not for operators).
        #[arg(long)]
        tenant: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List users, optionally of one tenant.
    List {
        /// Only this tenant's users.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Set a new password (generated, or from standard input) and end the
    /// user's sessions.
    ResetPassword {
        /// The user's e-mail.
        email: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Deactivate a user (ends their sessions).
    Deactivate {
        /// The user's e-mail.
        email: String,
    },
    /// Reactivate a user.
    Activate {
        /// The user's e-mail.
        email: String,
    },
}

#[derive(Debug, clap::Subcommand)]
enum ProgrammeCmd {
    /// Create a programme from a whole programme document (JSON or XLSX as
    /// exported by samspill), or the generated demo programme with --demo.
    Create {
        /// The document (.json or .xlsx).
        #[arg(required_unless_present = "demo")]
        file: Option<PathBuf>,
        /// The generated demo programme instead of a file.
        #[arg(long, conflicts_with = "file")]
        demo: bool,
    },
    /// List every programme.
    List,
    /// Make a user (role funder or evaluator) a member of a programme.
    Grant {
        /// The programme's id in its document.
        programme: String,
        /// The user's e-mail.
        #[arg(long)]
        email: String,
    },
    /// End a user's membership of a programme.
    Revoke {
        /// The programme's id in its document.
        programme: String,
        /// The user's e-mail.
        #[arg(long)]
        email: String,
    },
    /// List a programme's members.
    Members {
        /// The programme's id in its document.
        programme: String,
    },
    /// Link a participant of a programme to the municipality (tenant) whose
    /// coordinator keeps its records.
    Link {
        /// The programme's id in its document.
        programme: String,
        /// The participant's id in the document.
        #[arg(long)]
        participant: String,
        /// The tenant's short name.
        #[arg(long)]
        tenant: String,
    },
}

/// Reads a programme document (XLSX by its zip signature, else JSON);
/// problems are listed with the field they concern.
fn read_programme(
    path: &std::path::Path,
    t: &Texts,
) -> Result<samspill_programme::ProgrammeDocument> {
    let bytes = std::fs::read(path).map_err(|e| {
        user(
            t,
            "cli-admin-cannot-read",
            &[
                ("path", Arg::Str(&path.display().to_string())),
                ("reason", Arg::Str(&e.to_string())),
            ],
        )
    })?;
    let cat = samspill_web::ProgrammeTexts(t);
    let r = samspill_programme::Renderer::new(&cat, &[]);
    let messages: Vec<samspill_programme::Message> = if bytes.starts_with(b"PK") {
        match samspill_programme::xlsx::import(&bytes) {
            Ok(d) => return Ok(d),
            Err(e) => e.messages(),
        }
    } else {
        match samspill_programme::ProgrammeDocument::from_json(&bytes) {
            Ok(d) => return Ok(d),
            Err(e) => e.0.iter().map(|x| x.message()).collect(),
        }
    };
    let list: Vec<String> = messages.iter().map(|m| r.message(m)).collect();
    Err(user(
        t,
        "cli-admin-invalid",
        &[("message", Arg::Str(&list.join("\n")))],
    ))
}

/// Turns the store's programme refusals into messages.
fn explain_programme(e: samspill_store::ProgrammeError, what: &str, t: &Texts) -> anyhow::Error {
    use samspill_store::ProgrammeError;
    match e {
        ProgrammeError::Store(e) => explain(e, what, t),
        ProgrammeError::Invalid(errors) => {
            let cat = samspill_web::ProgrammeTexts(t);
            let r = samspill_programme::Renderer::new(&cat, &[]);
            let list: Vec<String> = errors.0.iter().map(|x| r.message(&x.message())).collect();
            user(
                t,
                "cli-admin-invalid",
                &[("message", Arg::Str(&list.join("\n")))],
            )
        }
        other => user(
            t,
            "cli-admin-invalid",
            &[("message", Arg::Str(&other.to_string()))],
        ),
    }
}

async fn run_programme(store: &samspill_store::Store, cmd: &ProgrammeCmd, t: &Texts) -> Result<()> {
    let tools = store.programmes(Actor::system("admin-cli"));
    let by_key = |key: &str| {
        let tools = tools.clone();
        let key = key.to_string();
        async move {
            tools
                .by_key(&key)
                .await
                .map_err(|e| explain_programme(e, &key, t))
        }
    };
    match cmd {
        ProgrammeCmd::Create { file, demo } => {
            let doc = match (file, demo) {
                (_, true) => samspill_seed::demo_programme_today(),
                (Some(f), false) => read_programme(f, t)?,
                (None, false) => unreachable!("clap requires a file unless --demo"),
            };
            let key = doc.programme.id.to_string();
            tools
                .create(&doc, None)
                .await
                .map_err(|e| explain_programme(e, &key, t))?;
            println!(
                "{}",
                t.format("cli-admin-programme-created", &[("key", Arg::Str(&key))])
            );
        }
        ProgrammeCmd::List => {
            for p in tools
                .list()
                .await
                .map_err(|e| explain_programme(e, "", t))?
            {
                println!("{}\t{}\t{}", p.key, p.name, p.funder);
            }
        }
        ProgrammeCmd::Grant { programme, email } => {
            let id = by_key(programme).await?;
            tools
                .grant(id, email)
                .await
                .map_err(|e| explain_programme(e, email, t))?;
            done(t, email);
        }
        ProgrammeCmd::Revoke { programme, email } => {
            let id = by_key(programme).await?;
            tools
                .revoke(id, email)
                .await
                .map_err(|e| explain_programme(e, email, t))?;
            done(t, email);
        }
        ProgrammeCmd::Members { programme } => {
            let id = by_key(programme).await?;
            for (email, name, role) in tools
                .members(id)
                .await
                .map_err(|e| explain_programme(e, programme, t))?
            {
                println!("{email}\t{name}\t{role}");
            }
        }
        ProgrammeCmd::Link {
            programme,
            participant,
            tenant,
        } => {
            let id = by_key(programme).await?;
            let tid = tenant_id(store, tenant, t).await?;
            tools
                .link(
                    id,
                    &samspill_programme::ids::ParticipantId::new(participant.clone()),
                    tid,
                )
                .await
                .map_err(|e| explain_programme(e, participant, t))?;
            done(t, participant);
        }
    }
    Ok(())
}

fn password(from_stdin: bool, t: &Texts) -> Result<(String, bool)> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let p = line.trim_end_matches(['\r', '\n']).to_string();
        if p.is_empty() {
            return Err(UserError(t.get("cli-admin-empty-password")).into());
        }
        Ok((p, false))
    } else {
        Ok((samspill_web::generate_password(), true))
    }
}

/// Turns the store's refusals into messages that say what to do.
fn explain(e: StoreError, what: &str, t: &Texts) -> anyhow::Error {
    match e {
        StoreError::NotFound => user(t, "cli-admin-not-found", &[("what", Arg::Str(what))]),
        StoreError::Conflict(v) => user(t, "cli-admin-exists", &[("what", Arg::Str(&v))]),
        StoreError::Invalid(m) => user(t, "cli-admin-invalid", &[("message", Arg::Str(&m))]),
        other => user(
            t,
            "cli-store-error",
            &[("message", Arg::Str(&other.to_string()))],
        ),
    }
}

/// Says that an action on `what` is done.
fn done(t: &Texts, what: &str) {
    println!(
        "{}",
        t.format("cli-admin-done", &[("what", Arg::Str(what))])
    );
}

/// A tenant by its short name, or a message that names it.
async fn tenant_id(
    store: &samspill_store::Store,
    slug: &str,
    t: &Texts,
) -> Result<samspill_store::TenantId> {
    store
        .tenant_by_slug(slug)
        .await
        .map_err(|e| explain(e, slug, t))
}

/// Runs an admin command.
pub fn run(args: &Args, t: &Texts) -> Result<()> {
    let config = load_config(args.config.as_deref(), t)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        if let Command::MailTest { address, from } = &args.command {
            let from = from.clone().unwrap_or_else(|| address.clone());
            return match samspill_web::send_test_mail(&config, &from, address).await {
                Ok(answer) => {
                    println!(
                        "{}",
                        t.format("cli-mail-test-ok", &[("answer", Arg::Str(&answer))])
                    );
                    Ok(())
                }
                Err(e) => Err(user(t, "cli-mail-test-failed", &[("reason", Arg::Str(&e))])),
            };
        }
        let state = open_state(config, t).await?;
        let store = state.store();
        let admin = store.admin(Actor::system("admin-cli"));
        match &args.command {
            Command::MailTest { .. } => {}
            Command::Programme(cmd) => run_programme(store, cmd, t).await?,
            Command::Tenant(TenantCmd::Create {
                slug,
                name,
                kind,
                language,
                mail_from,
            }) => {
                let nt = NewTenant {
                    slug: slug.clone(),
                    name: name.clone(),
                    kind: if kind == "housing-area" {
                        TenantKind::HousingArea
                    } else {
                        TenantKind::Municipality
                    },
                    lang: language.clone(),
                    mail_from: mail_from.clone(),
                };
                admin
                    .create_tenant(&nt)
                    .await
                    .map_err(|e| explain(e, slug, t))?;
                println!(
                    "{}",
                    t.format("cli-admin-tenant-created", &[("slug", Arg::Str(slug))])
                );
            }
            Command::Tenant(TenantCmd::List) => {
                for tn in store.tenants().await? {
                    let status = if tn.active {
                        t.get("cli-admin-active")
                    } else {
                        t.get("cli-admin-inactive")
                    };
                    println!(
                        "{}\t{}\t{}\t{}\t{status}",
                        tn.slug,
                        tn.name,
                        tn.kind.as_str(),
                        tn.lang
                    );
                }
            }
            Command::Tenant(TenantCmd::Rename { slug, name }) => {
                admin
                    .rename_tenant(slug, name)
                    .await
                    .map_err(|e| explain(e, slug, t))?;
                done(t, slug);
            }
            Command::Tenant(TenantCmd::Deactivate { slug })
            | Command::Tenant(TenantCmd::Activate { slug }) => {
                let active = matches!(args.command, Command::Tenant(TenantCmd::Activate { .. }));
                admin
                    .set_tenant_active(slug, active)
                    .await
                    .map_err(|e| explain(e, slug, t))?;
                done(t, slug);
            }
            Command::User(UserCmd::Create {
                email,
                name,
                role,
                tenant,
                password_stdin,
            }) => {
                let role = Role::parse(role).unwrap_or(Role::Coordinator);
                let tenant_id = match tenant {
                    Some(slug) => Some(tenant_id(store, slug, t).await?),
                    None => None,
                };
                let (pw, generated) = password(*password_stdin, t)?;
                admin
                    .create_user(tenant_id, email, name, role, &pw)
                    .await
                    .map_err(|e| explain(e, email, t))?;
                println!(
                    "{}",
                    t.format("cli-admin-user-created", &[("email", Arg::Str(email))])
                );
                if generated {
                    println!(
                        "{}",
                        t.format("cli-admin-password", &[("password", Arg::Str(&pw))])
                    );
                }
            }
            Command::User(UserCmd::List { tenant }) => {
                let tid = match tenant {
                    Some(slug) => Some(tenant_id(store, slug, t).await?),
                    None => None,
                };
                for u in store.users(tid).await? {
                    let status = if u.active {
                        t.get("cli-admin-active")
                    } else {
                        t.get("cli-admin-inactive")
                    };
                    println!(
                        "{}\t{}\t{}\t{}\t{status}",
                        u.email,
                        u.name,
                        u.role.as_str(),
                        u.tenant.as_deref().unwrap_or("-")
                    );
                }
            }
            Command::User(UserCmd::ResetPassword {
                email,
                password_stdin,
            }) => {
                let (pw, generated) = password(*password_stdin, t)?;
                admin
                    .reset_password(email, &pw)
                    .await
                    .map_err(|e| explain(e, email, t))?;
                done(t, email);
                if generated {
                    println!(
                        "{}",
                        t.format("cli-admin-password", &[("password", Arg::Str(&pw))])
                    );
                }
            }
            Command::User(UserCmd::Deactivate { email })
            | Command::User(UserCmd::Activate { email }) => {
                let active = matches!(args.command, Command::User(UserCmd::Activate { .. }));
                admin
                    .set_user_active(email, active)
                    .await
                    .map_err(|e| explain(e, email, t))?;
                done(t, email);
            }
        }
        state.store().close().await;
        Ok(())
    })
}
