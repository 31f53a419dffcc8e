//! `samspill demo`: the product on embedded SQLite, with seeded data.
//!
//! Everything a visitor sees is made by the same code a real service runs:
//! an operator and five municipalities are created through the operator's
//! API; each municipality's roster, round, answers (given through the
//! respondent API the survey pages use), close and open-answer review go
//! through the store; the reports under `--dir/reports` are written by
//! `samspill_results`, the code behind the results page and its downloads.
//! The first municipality has two closed rounds (the second made with «Ny
//! runde fra denne», so the results page compares them) and an open third
//! round whose invitations were sent to the built-in outbox, which a
//! visitor reads on the coordinator's «Utboks» page. Everything lives in
//! one folder, recreated at every start.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use samspill_i18n::{Arg, Lang, Texts};
use samspill_results::Options;
use samspill_seed::Seeded;
use samspill_store::{Actor, Role};

use crate::UserError;

/// Arguments of `samspill demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder for the demo database and reports (emptied of old demo files).
    #[arg(long, default_value = "samspill-demo")]
    dir: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Populate and write the reports, print what a visitor needs, then exit
    /// without serving (for tests and scripts).
    #[arg(long)]
    no_serve: bool,
}

/// Password of every demo login (printed at start; demo data only).
const DEMO_PASSWORD: &str = "samspill-demo";
/// The demo's operator account.
const OPERATOR: &str = "drift@samspill.example";

/// A report file kept in memory and served under `/demo/reports/`.
struct ReportFile {
    content_type: &'static str,
    bytes: Vec<u8>,
}

struct DemoState {
    files: HashMap<String, ReportFile>,
    page: String,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The demo's start page: what samspill is for, the logins, the reports
/// and the survey links.
fn page(t: &Texts, seeded: &[Seeded], programme: &samspill_seed::SeededProgramme) -> String {
    let e = |k: &str| escape(&t.get(k));
    let mut rows = String::new();
    for s in seeded {
        rows += &format!(
            "<tr><th scope=\"row\">{}</th><td><code>{}</code></td><td>{}/{}</td><td><a href=\"/demo/reports/{slug}.html\">HTML</a> · <a href=\"/demo/reports/{slug}.pdf\">PDF</a></td></tr>\n",
            escape(&s.name),
            escape(&s.login),
            s.respondents,
            s.invited,
            slug = escape(&s.slug)
        );
    }
    let mut links = String::new();
    for s in seeded {
        for (name, path) in s.open_round.iter().flat_map(|o| &o.1) {
            links += &format!(
                "<li><a href=\"{}\">{}</a> ({})</li>\n",
                escape(path),
                escape(name),
                escape(&s.name)
            );
        }
    }
    let roles: String = [
        "coordinator",
        "respondent",
        "funder",
        "evaluator",
        "operator",
    ]
    .iter()
    .map(|r| format!("<li>{}</li>", e(&format!("demo-role-{r}"))))
    .collect();
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main id=\"main\"><h1>{title}</h1>\
<p>{what}</p><h2>{who}</h2><ul>{roles}</ul><p>{intro}</p>\
<h2>{logins}</h2><p>{login_help}</p><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">{col_name}</th><th scope=\"col\">{col_login}</th><th scope=\"col\">{col_answered}</th><th scope=\"col\">{col_reports}</th></tr></thead><tbody>{rows}</tbody></table></div>\
<p>{operator}</p><p>{programme_help}</p><p>{results_help}</p>\
<p><a href=\"/demo/reports/programme.html\">{programme}</a> · <a href=\"/demo/reports/programme.pdf\">PDF</a></p>\
<h2>{answer}</h2><ul>{links}</ul><p>{outbox}</p><p><a href=\"/login\">{login_link}</a></p></main></body></html>",
        lang = t.lang().code(),
        title = e("demo-title"),
        what = e("demo-what"),
        who = e("demo-who"),
        intro = e("demo-intro"),
        logins = e("demo-logins"),
        login_help = escape(&t.format("demo-login-help", &[("password", Arg::Str(DEMO_PASSWORD))])),
        operator = escape(&t.format("demo-operator", &[("login", Arg::Str(OPERATOR))])),
        results_help = e("demo-results-help"),
        programme_help = escape(&t.format(
            "demo-programme-help",
            &[
                ("funder", Arg::Str(&programme.funder)),
                ("evaluator", Arg::Str(&programme.evaluator)),
            ]
        )),
        col_name = e("demo-col-municipality"),
        col_login = e("demo-col-login"),
        col_answered = e("demo-col-answered"),
        col_reports = e("demo-col-reports"),
        programme = e("demo-programme-report"),
        answer = e("demo-answer"),
        outbox = e("demo-outbox"),
        login_link = e("demo-login-link"),
    )
}

async fn demo_page(State(s): State<Arc<DemoState>>) -> Html<String> {
    Html(s.page.clone())
}

async fn to_demo() -> Redirect {
    Redirect::to("/demo")
}

async fn report_file(State(s): State<Arc<DemoState>>, UrlPath(name): UrlPath<String>) -> Response {
    match s.files.get(&name) {
        Some(f) => {
            let mut res = f.bytes.clone().into_response();
            let h = res.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(f.content_type),
            );
            // The HTML report carries its own styles and no script.
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
                ),
            );
            res
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Runs the demo.
pub fn run(args: &Args, lang: Option<&str>, t: &Texts) -> Result<()> {
    crate::init_logging("warn", false);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(run_async(args, lang.and_then(Lang::parse), t))
}

fn clear(dir: &Path, t: &Texts) -> Result<PathBuf> {
    let write_err = |e: std::io::Error| {
        UserError(t.format(
            "cli-cannot-write",
            &[
                ("path", Arg::Str(&dir.display().to_string())),
                ("reason", Arg::Str(&e.to_string())),
            ],
        ))
    };
    std::fs::create_dir_all(dir).map_err(write_err)?;
    let db = dir.join("demo.sqlite3");
    for suffix in ["", "-wal", "-shm", ".key", ".lock"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            std::fs::remove_file(&p).map_err(write_err)?;
        }
    }
    Ok(db)
}

async fn run_async(args: &Args, lang: Option<Lang>, t: &Texts) -> Result<()> {
    let db = clear(&args.dir, t)?;
    let mut config = samspill_web::Config::new(&format!("sqlite://{}", db.display()));
    config.listen = args.listen;
    config.public_url = format!("http://{}", args.listen);
    // Plain HTTP on this machine: cookies cannot be `Secure`.
    config.secure_cookies = false;
    // Invitations and reminders go to the built-in outbox.
    config.mail = samspill_web::MailTransport::Outbox;
    config.mail_interval = std::time::Duration::from_secs(2);
    config.landing = "/demo".into();
    let state = samspill_web::AppState::open(config.clone()).await?;
    let store = state.store().clone();

    eprintln!("{}", t.get("demo-seeding"));
    store
        .admin(Actor::system("demo"))
        .create_user(None, OPERATOR, "Demo drift", Role::Operator, DEMO_PASSWORD)
        .await?;
    let demo = samspill_synth::demo_programme();
    let mut seeded = Vec::new();
    for (k, m) in demo.iter().enumerate() {
        let extras = samspill_seed::Extras {
            second_round: k == 0,
            open_round: k == 0,
        };
        seeded.push(samspill_seed::municipality(&store, m, DEMO_PASSWORD, extras).await?);
    }
    // The programme follow-up: the demo programme with its five
    // participants linked to the municipalities just made.
    let programme = samspill_seed::programme(&store, DEMO_PASSWORD).await?;
    // Deliver the queued invitations to the outbox before anyone looks.
    samspill_web::run_mail_once(&state).await;

    // The reports, made by the results code the web pages use.
    let mut datas = Vec::new();
    for s in &seeded {
        let tid = store.tenant_by_slug(&s.slug).await?;
        let tenant = store.tenant(tid).acting_as(Actor::system("demo"));
        datas.push(samspill_results::load(&tenant, s.closed_round).await?);
    }
    let reports_dir = args.dir.join("reports");
    std::fs::create_dir_all(&reports_dir)?;
    let programme_name = t.get("demo-programme-name");
    let programme_lang = lang.unwrap_or(Lang::Nb);
    let made = std::thread::Builder::new()
        .stack_size(samspill_report::pdf::STACK)
        .spawn(
            move || -> Result<Vec<(String, samspill_report::Rendered)>> {
                let mut out = Vec::new();
                let mut inputs = Vec::new();
                for d in &datas {
                    let opts = Options {
                        rules: d.rules,
                        lang: lang
                            .or_else(|| Lang::parse(&d.tenant.lang))
                            .unwrap_or(Lang::Nb),
                        named: false,
                    };
                    let input = samspill_results::input(d, &opts)?;
                    out.push((
                        d.tenant.slug.clone(),
                        samspill_report::municipality_report(&input)?,
                    ));
                    inputs.push(input);
                }
                out.push((
                    "programme".into(),
                    samspill_report::programme_report(&programme_name, programme_lang, &inputs)?,
                ));
                Ok(out)
            },
        )?
        .join()
        .map_err(|_| anyhow::anyhow!("the report thread panicked"))??;
    let mut files = HashMap::new();
    for (stem, r) in made {
        std::fs::write(reports_dir.join(format!("{stem}.html")), &r.html)?;
        std::fs::write(reports_dir.join(format!("{stem}.pdf")), &r.pdf)?;
        files.insert(
            format!("{stem}.html"),
            ReportFile {
                content_type: "text/html; charset=utf-8",
                bytes: r.html.into_bytes(),
            },
        );
        files.insert(
            format!("{stem}.pdf"),
            ReportFile {
                content_type: "application/pdf",
                bytes: r.pdf,
            },
        );
    }

    let base = format!("http://{}", args.listen);
    if !args.no_serve {
        println!(
            "{}",
            t.format("demo-ready", &[("url", Arg::Str(&format!("{base}/demo")))])
        );
    }
    println!(
        "{}",
        t.format("demo-login-help", &[("password", Arg::Str(DEMO_PASSWORD))])
    );
    println!("  {}: {OPERATOR}", t.get("demo-operator-label"));
    println!(
        "{}",
        t.format(
            "demo-programme-help",
            &[
                ("funder", Arg::Str(&programme.funder)),
                ("evaluator", Arg::Str(&programme.evaluator)),
            ]
        )
    );
    for s in &seeded {
        println!("  {}: {}", s.name, s.login);
    }
    println!("{}", t.get("demo-answer"));
    for s in &seeded {
        for (name, path) in s.open_round.iter().flat_map(|o| &o.1) {
            println!("  {name}: {base}{path}");
        }
    }
    println!(
        "{}",
        t.format(
            "demo-reports-written",
            &[("path", Arg::Str(&reports_dir.display().to_string()))]
        )
    );
    if args.no_serve {
        return Ok(());
    }
    samspill_web::spawn_workers(&state);
    let demo_state = Arc::new(DemoState {
        files,
        page: page(t, &seeded, &programme),
    });
    let router = samspill_web::app(state).merge(
        axum::Router::new()
            .route("/demo", get(demo_page))
            .route("/demo/", get(to_demo))
            .route("/demo/reports/{name}", get(report_file))
            .with_state(demo_state),
    );
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    samspill_web::serve_on(listener, router).await?;
    Ok(())
}
