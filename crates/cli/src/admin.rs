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
