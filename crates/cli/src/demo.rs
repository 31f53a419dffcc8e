//! `samspill demo`: the whole product on embedded SQLite, populated.
//!
//! Five generated municipalities like those of the 2015 study
//! (`samspill-synth`), each with a closed survey round whose answers were
//! given through the same store API the survey pages use, reports made from
//! the frozen round data, and one open round a visitor can answer from a
//! printed link. Everything lives in one folder (`--dir`), recreated at
//! every start.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use samspill_engine::model::Frequency;
use samspill_i18n::{Arg, Lang, Texts};
use samspill_report::{Input, figures};
use samspill_store::{NewPerson, NewRound, NewTenant, PersonId, Role, Store};
use samspill_synth::Municipality;

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

/// What the seeding produced, for the start-up text and the demo page.
struct Seeded {
    name: String,
    slug: String,
    login: String,
    respondents: usize,
    invited: usize,
    open_links: Vec<(String, String)>,
}

/// A generated report kept in memory and served under `/demo/reports/`.
struct ReportFile {
    content_type: &'static str,
    bytes: Vec<u8>,
}

struct DemoState {
    web: samspill_web::AppState,
    files: HashMap<String, ReportFile>,
    page: String,
}

fn email(slug: &str, index: usize) -> String {
    format!("person{:02}@{slug}.kommune.example", index + 1)
}

/// Creates one municipality: tenant, coordinator, roster, a round answered
/// by the generated respondents and closed, and (for the first one) a second
/// round left open.
async fn seed_one(
    store: &Store,
    m: &Municipality,
    open_round: bool,
) -> Result<(Seeded, samspill_store::RoundId)> {
    let spec = &m.spec;
    let tenant_id = store
        .create_tenant(&NewTenant::municipality(&spec.slug, &spec.name, &spec.lang))
        .await?;
    let login = format!("koordinator@{}.kommune.example", spec.slug);
    store
        .create_user(
            Some(tenant_id),
            &login,
            "Demo koordinator",
            Role::Coordinator,
            DEMO_PASSWORD,
        )
        .await?;
    let tenant = store.tenant(tenant_id);
    let people: Vec<NewPerson> = m
        .network
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| NewPerson {
            name: p.label.clone(),
            email: email(&spec.slug, i),
            unit: p.unit.clone(),
            level: p.level,
            functions: p.functions.clone(),
        })
        .collect();
    tenant.import_roster(&people).await?;
    let by_email: HashMap<String, PersonId> = tenant
        .persons()
        .await?
        .into_iter()
        .map(|p| (p.email, p.id))
        .collect();
    let person_id = |i: usize| by_email.get(&email(&spec.slug, i)).copied();

    let mut round = NewRound::standard(&m.round, &spec.lang);
    round.bodies = m.political.bodies.clone();
    let round_id = tenant.create_round(&round).await?;
    let invited = tenant.open_round(round_id).await?;
    let links = tenant.invitation_links(round_id).await?;
    let index_of: HashMap<PersonId, usize> = (0..m.network.people.len())
        .filter_map(|i| person_id(i).map(|p| (p, i)))
        .collect();
    let contact = m
        .network
        .relation(Some(samspill_synth::CONTACT))
        .context("generated network has contacts")?;
    let respondents: Vec<usize> = (0..m.network.people.len())
        .filter(|&i| m.network.people[i].responded)
        .collect();
    // Ratings and open answers are not linked to people in the generator;
    // hand them out to the respondents in order.
    let mut open_by_respondent: Vec<Vec<(String, String)>> = vec![Vec::new(); respondents.len()];
    let mut next_for_question: HashMap<&str, usize> = HashMap::new();
    for a in &m.open_answers {
        let k = next_for_question.entry(a.question.as_str()).or_default();
        let slot = *k % respondents.len().max(1);
        *k += 1;
        if let Some(list) = open_by_respondent.get_mut(slot) {
            match list.iter_mut().find(|(q, _)| *q == a.question) {
                Some((_, text)) => {
                    text.push('\n');
                    text.push_str(&a.text);
                }
                None => list.push((a.question.clone(), a.text.clone())),
            }
        }
    }
    for link in &links {
        let Some(&i) = index_of.get(&link.invitation.person) else {
            continue;
        };
        let Some(r) = respondents.iter().position(|&x| x == i) else {
            continue;
        };
        let resp = store.respondent(&link.token).await?;
        let view = resp.view().await?;
        let mut chosen = Vec::new();
        let mut freqs = Vec::new();
        for t in contact.ties.iter().filter(|t| t.source == i) {
            if let Some(p) = person_id(t.target) {
                chosen.push(p);
                let f = Frequency::ALL
                    .into_iter()
                    .find(|f| f.strength() == t.value)
                    .unwrap_or(Frequency::Rarer);
                freqs.push((p, f));
            }
        }
        resp.save_contacts("contact", &chosen).await?;
        resp.save_frequencies("contact", &freqs).await?;
        let political: Vec<_> = m
            .political
            .contacts
            .iter()
            .filter(|c| c.0 == i)
            .filter_map(|c| view.round.bodies.get(c.1).map(|b| (b.id, c.2)))
            .collect();
        resp.save_political(&political).await?;
        let rating = |answers: &[Option<u8>]| answers.get(r).copied().flatten();
        let mut ratings = Vec::new();
        if r < m.coordination.answers.len() {
            ratings.push(("coordination".to_string(), rating(&m.coordination.answers)));
        }
        if r < m.meeting_places.answers.len() {
            ratings.push((
                "meeting_places".to_string(),
                rating(&m.meeting_places.answers),
            ));
        }
        resp.save_ratings(&ratings).await?;
        resp.save_open(&open_by_respondent[r]).await?;
        resp.submit().await?;
    }
    tenant.close_round(round_id).await?;

    let mut open_links = Vec::new();
    if open_round {
        let mut next = NewRound::standard(&format!("{} (2)", m.round), &spec.lang);
        next.bodies = m.political.bodies.clone();
        let next_id = tenant.create_round(&next).await?;
        tenant.open_round(next_id).await?;
        for link in tenant.invitation_links(next_id).await?.into_iter().take(3) {
            open_links.push((link.invitation.name.clone(), format!("/s/{}", link.token)));
        }
    }
    let seeded = Seeded {
        name: spec.name.clone(),
        slug: spec.slug.clone(),
        login,
        respondents: respondents.len(),
        invited,
        open_links,
    };
    Ok((seeded, round_id))
}

/// The report input of a closed round, from the frozen data in the store.
async fn report_input(
    store: &Store,
    m: &Municipality,
    round: samspill_store::RoundId,
) -> Result<Input> {
    let tenant_id = store.tenant_by_slug(&m.spec.slug).await?;
    let rn = store.tenant(tenant_id).round_network(round).await?;
    let rating = |key: &str| {
        rn.ratings
            .iter()
            .find(|r| r.question == key)
            .cloned()
            .unwrap_or_default()
    };
    // The store keeps no themes; the generator knows which theme each of its
    // texts belongs to.
    let themes: HashMap<&str, String> = m
        .open_answers
        .iter()
        .zip(&m.open_themes)
        .map(|(a, t)| (a.text.as_str(), t.key().to_string()))
        .collect();
    let mut open_answers = Vec::new();
    for a in &rn.open_answers {
        for line in a.text.lines() {
            open_answers.push(samspill_report::CodedAnswer {
                question: a.question.clone(),
                text: line.to_string(),
                theme: themes.get(line).cloned(),
                reviewed: true,
            });
        }
    }
    let mut input = Input::from_synth(m, None);
    input.network = rn.network;
    input.network.name = format!("{} {}", m.spec.name, m.round);
    input.political = rn.political;
    input.coordination = rating("coordination");
    input.meeting_places = rating("meeting_places");
    input.open_answers = open_answers;
    input.figures = figures::for_municipality(&input)?;
    Ok(input)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The demo's start page: logins, reports and survey links.
fn page(t: &Texts, seeded: &[Seeded], base: &str) -> String {
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
        for (name, path) in &s.open_links {
            links += &format!(
                "<li><a href=\"{}\">{}</a> ({})</li>\n",
                escape(path),
                escape(name),
                escape(&s.name)
            );
        }
    }
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main id=\"main\"><h1>{title}</h1><p>{intro}</p>\
<h2>{logins}</h2><p>{login_help}</p><table><thead><tr><th scope=\"col\">{col_name}</th><th scope=\"col\">{col_login}</th><th scope=\"col\">{col_answered}</th><th scope=\"col\">{col_reports}</th></tr></thead><tbody>{rows}</tbody></table>\
<p><a href=\"/demo/reports/programme.html\">{programme}</a> · <a href=\"/demo/reports/programme.pdf\">PDF</a></p>\
<h2>{answer}</h2><ul>{links}</ul><p><a href=\"{base}/login\">{login_link}</a></p></main></body></html>",
        lang = t.lang().code(),
        title = escape(&t.get("demo-title")),
        intro = escape(&t.get("demo-intro")),
        logins = escape(&t.get("demo-logins")),
        login_help = escape(&t.format("demo-login-help", &[("password", Arg::Str(DEMO_PASSWORD))])),
        col_name = escape(&t.get("demo-col-municipality")),
        col_login = escape(&t.get("demo-col-login")),
        col_answered = escape(&t.get("demo-col-answered")),
        col_reports = escape(&t.get("demo-col-reports")),
        programme = escape(&t.get("demo-programme-report")),
        answer = escape(&t.get("demo-answer")),
        login_link = escape(&t.get("demo-login-link")),
    )
}

async fn demo_page(State(s): State<Arc<DemoState>>) -> Html<String> {
    Html(s.page.clone())
}

async fn report_file(State(s): State<Arc<DemoState>>, UrlPath(name): UrlPath<String>) -> Response {
    match s.files.get(&name) {
        Some(f) => {
            let mut res = f.bytes.clone().into_response();
            res.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(f.content_type),
            );
            res.headers_mut().insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            res
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Runs the demo.
pub fn run(args: &Args, lang: Option<&str>, t: &Texts) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(run_async(args, lang.and_then(Lang::parse), t))
}

async fn run_async(args: &Args, lang: Option<Lang>, t: &Texts) -> Result<()> {
    let write_err = |e: std::io::Error| {
        UserError(t.format(
            "cli-cannot-write",
            &[
                ("path", Arg::Str(&args.dir.display().to_string())),
                ("reason", Arg::Str(&e.to_string())),
            ],
        ))
    };
    std::fs::create_dir_all(&args.dir).map_err(write_err)?;
    let db = args.dir.join("demo.sqlite3");
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            std::fs::remove_file(&p).map_err(write_err)?;
        }
    }
    let mut config = samspill_web::Config::new(&format!("sqlite://{}", db.display()));
    config.listen = args.listen;
    config.public_url = format!("http://{}", args.listen);
    // Plain HTTP on this machine: cookies cannot be `Secure`.
    config.secure_cookies = false;
    let state = samspill_web::AppState::open(config.clone()).await?;
    let store = state.store().clone();

    eprintln!("{}", t.get("demo-seeding"));
    let demo = samspill_synth::demo_programme();
    let mut seeded = Vec::new();
    let mut inputs = Vec::new();
    for (k, m) in demo.iter().enumerate() {
        let (s, round) = seed_one(&store, m, k == 0).await?;
        let mut input = report_input(&store, m, round).await?;
        if let Some(l) = lang {
            input.lang = l;
            input.figures = figures::for_municipality(&input)?;
        }
        inputs.push(input);
        seeded.push(s);
    }
    let mut files = HashMap::new();
    let reports_dir = args.dir.join("reports");
    std::fs::create_dir_all(&reports_dir).map_err(write_err)?;
    let mut keep = |stem: &str, r: &samspill_report::Rendered| -> Result<()> {
        std::fs::write(reports_dir.join(format!("{stem}.html")), &r.html).map_err(write_err)?;
        std::fs::write(reports_dir.join(format!("{stem}.pdf")), &r.pdf).map_err(write_err)?;
        files.insert(
            format!("{stem}.html"),
            ReportFile {
                content_type: "text/html; charset=utf-8",
                bytes: r.html.clone().into_bytes(),
            },
        );
        files.insert(
            format!("{stem}.pdf"),
            ReportFile {
                content_type: "application/pdf",
                bytes: r.pdf.clone(),
            },
        );
        Ok(())
    };
    for (s, input) in seeded.iter().zip(&inputs) {
        let r = samspill_report::municipality_report(input)?;
        keep(&s.slug, &r)?;
    }
    let programme = samspill_report::programme_report(
        &t.get("demo-programme-name"),
        lang.unwrap_or(Lang::Nb),
        &inputs,
    )?;
    keep("programme", &programme)?;

    let base = format!("http://{}", args.listen);
    let page = page(t, &seeded, &base);
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
    for s in &seeded {
        println!("  {}: {}", s.name, s.login);
    }
    println!("{}", t.get("demo-answer"));
    for s in &seeded {
        for (name, path) in &s.open_links {
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
    let demo_state = Arc::new(DemoState {
        web: state.clone(),
        files,
        page,
    });
    let router = samspill_web::app(state).merge(
        axum::Router::new()
            .route("/demo", get(demo_page))
            .route("/demo/reports/{name}", get(report_file))
            .with_state(demo_state.clone()),
    );
    let _ = &demo_state.web;
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
