//! Results of a closed round (PRODUCT.md §2.6, §6): the results page (the
//! report's findings, pictures and numbers, under rules the coordinator
//! can change), the report downloads (HTML, PDF, facts), the exports, the
//! review of open answers, and the comparison with another closed round.
//! Everything is made by `samspill_results` from the frozen data; a round
//! that is not closed is refused with a page that says why.
//!
//! Making a report takes a few hundred milliseconds, so results are cached
//! per (round, rules, language, named, review state) for as long as the
//! server runs: the answers they are made from are frozen, and a review
//! changes the key.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samspill_formats::Format;
use samspill_i18n::Lang;
use samspill_results::{Options, ResultsError, RoundData, Rules};
use samspill_store::{InvitationId, RoundId, RoundStatus};
use serde::Deserialize;
use serde_json::json;

use crate::coord::{fail, obj, page};
use crate::error::error_page;
use crate::extract::{Coord, Form, Id, Q};
use crate::{AppState, WebError};

/// The results routes (coordinator only).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/coord/rounds/{id}/results", get(results_page))
        .route("/coord/rounds/{id}/rules", post(save_rules))
        .route("/coord/rounds/{id}/report/{file}", get(report_file))
        .route("/coord/rounds/{id}/export/{file}", get(export_file))
        .route(
            "/coord/rounds/{id}/answers",
            get(answers_page).post(answers_save),
        )
        .route("/coord/rounds/{id}/compare/{other}", get(compare_page))
        .route("/static/report.css", get(report_css))
}

/// One cached rendering.
struct Entry {
    key: String,
    html: String,
    facts: String,
    pdf: Mutex<Option<Arc<Vec<u8>>>>,
}

/// The cache of rendered results (at most [`Cache::CAPACITY`] entries).
#[derive(Default)]
pub struct Cache {
    entries: Mutex<Vec<Arc<Entry>>>,
}

impl Cache {
    const CAPACITY: usize = 24;

    fn get(&self, key: &str) -> Option<Arc<Entry>> {
        let mut v = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let i = v.iter().position(|e| e.key == key)?;
        let e = v.remove(i);
        v.push(e.clone());
        Some(e)
    }

    /// Forgets every rendering (after an erasure, rectification or
    /// retention changed data the renderings were made from).
    pub(crate) fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    fn put(&self, e: Arc<Entry>) {
        let mut v = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        v.retain(|x| x.key != e.key);
        if v.len() >= Self::CAPACITY {
            v.remove(0);
        }
        v.push(e);
    }
}

/// The page's and downloads' choices.
#[derive(Deserialize, Default)]
pub struct ResultsQuery {
    combine: Option<String>,
    reconstruct: Option<String>,
    view: Option<String>,
    lang: Option<String>,
    named: Option<String>,
}

impl ResultsQuery {
    fn options(&self, c: &Coord, saved: Rules) -> Result<Options, &'static str> {
        let rules = match (&self.combine, &self.reconstruct, &self.view) {
            (None, None, None) => saved,
            (combine, reconstruct, view) => Rules::parse(
                combine.as_deref().unwrap_or(saved.combine.as_str()),
                reconstruct
                    .as_deref()
                    .unwrap_or(if saved.reconstruct { "yes" } else { "no" }),
                view.as_deref().unwrap_or(saved.view.as_str()),
            )
            .ok_or("web-results-bad-rules")?,
        };
        let lang = match &self.lang {
            None => Lang::parse(&c.info.lang).unwrap_or(c.lang),
            Some(l) => Lang::parse(l).ok_or("web-results-bad-rules")?,
        };
        Ok(Options {
            rules,
            lang,
            named: self.named.as_deref() == Some("1"),
        })
    }
}

fn results_error(state: &AppState, c: &Coord, e: ResultsError) -> Response {
    match e {
        ResultsError::NotClosed => fail(state, c, WebError::NotClosed),
        ResultsError::Store(e) => fail(state, c, e),
        other => fail(state, c, WebError::Results(other.to_string())),
    }
}

/// Runs report work on the report crate's big-stack threads (typst
/// recurses deeply) without blocking the async workers.
pub(crate) async fn on_report_thread<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, WebError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("samspill-results".into())
        .stack_size(samspill_report::pdf::STACK)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .map_err(WebError::Io)?;
    rx.await
        .map_err(|_| WebError::Results("the report thread stopped".into()))
}

fn review_version(data: &RoundData) -> i64 {
    data.answers
        .iter()
        .filter_map(|a| a.review.as_ref().map(|r| r.at))
        .max()
        .unwrap_or(0)
        + data.answers.iter().filter(|a| a.review.is_some()).count() as i64
}

/// Loads, renders (HTML, facts) and caches one view of a round's results.
async fn rendered(
    state: &AppState,
    c: &Coord,
    round: RoundId,
    opts: Options,
) -> Result<(Arc<Entry>, Arc<RoundData>), ResultsError> {
    let data = Arc::new(samspill_results::load(&c.tenant, round).await?);
    let key = format!(
        "{}/{}/{}/{}/{}/{}/{}",
        c.info.id,
        round,
        opts.rules.to_json(),
        opts.lang.code(),
        opts.named,
        review_version(&data),
        data.privacy.version
    );
    if let Some(e) = state.0.results.get(&key) {
        return Ok((e, data));
    }
    let d = data.clone();
    let made = on_report_thread(move || -> Result<(String, String), ResultsError> {
        let input = samspill_results::input(&d, &opts)?;
        let facts = samspill_report::facts::Facts::compute(&input)?;
        let doc = samspill_report::municipality::document(&input, &facts);
        let html = samspill_report::html::render(&doc);
        let facts = samspill_results::export::facts_json(&input, &facts);
        Ok((html, facts))
    })
    .await
    .map_err(|e| ResultsError::Write(e.to_string()))??;
    let entry = Arc::new(Entry {
        key,
        html: made.0,
        facts: made.1,
        pdf: Mutex::new(None),
    });
    state.0.results.put(entry.clone());
    Ok((entry, data))
}

/// The round's saved rules and the options this request asks for (the
/// saved rules unless the query changes them); a refusal as a page.
async fn choices(
    state: &AppState,
    c: &Coord,
    round: RoundId,
    q: &ResultsQuery,
) -> Result<(Rules, Options), Response> {
    let saved = match c.tenant.round_rules(round).await {
        Ok(r) => Rules::from_json(r.as_deref()),
        Err(e) => return Err(fail(state, c, e)),
    };
    match q.options(c, saved) {
        Ok(o) => Ok((saved, o)),
        Err(k) => Err(error_page(state, c.lang, StatusCode::BAD_REQUEST, k)),
    }
}

/// The body of the report page, for embedding in the results page.
pub(crate) fn report_body(html: &str) -> &str {
    let start = html.find("<main>").map(|i| i + "<main>".len()).unwrap_or(0);
    let end = html.rfind("</main>").unwrap_or(html.len());
    html.get(start..end).unwrap_or("")
}

/// The results page.
pub async fn results_page(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Q(q): Q<ResultsQuery>,
) -> Response {
    let round = RoundId::from_raw(id);
    let info = match c.tenant.round(round).await {
        Ok(r) => r,
        Err(e) => return fail(&state, &c, e),
    };
    if info.status != RoundStatus::Closed {
        return fail(&state, &c, WebError::NotClosed);
    }
    let (saved, opts) = match choices(&state, &c, round, &q).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let (entry, data) = match rendered(&state, &c, round, opts).await {
        Ok(x) => x,
        Err(e) => return results_error(&state, &c, e),
    };
    if let Err(e) = c
        .tenant
        .record_read("results", &format!("round {round}"))
        .await
    {
        return fail(&state, &c, e);
    }
    let rounds = c.tenant.rounds().await.unwrap_or_default();
    let others: Vec<_> = rounds
        .iter()
        .filter(|r| r.status == RoundStatus::Closed && r.id != round)
        .map(|r| json!({"id": r.id, "name": r.name}))
        .collect();
    let (quoted, left_out) = data.quotable();
    let query = format!(
        "combine={}&reconstruct={}&view={}",
        opts.rules.combine.as_str(),
        if opts.rules.reconstruct { "yes" } else { "no" },
        opts.rules.view.as_str()
    );
    let ctx = obj(json!({
        "round": info,
        "rules": {
            "combine": opts.rules.combine.as_str(),
            "reconstruct": opts.rules.reconstruct,
            "view": opts.rules.view.as_str(),
        },
        "saved_rules": saved == opts.rules,
        "report_lang": opts.lang.code(),
        "query": query,
        "report": report_body(&entry.html),
        "others": others,
        "answers": {"total": data.answers.len(), "quoted": quoted.len(), "left_out": left_out},
        "formats": EXPORTS.iter().map(|(f, k)| json!({"file": f, "key": k})).collect::<Vec<_>>(),
        "all_languages": ["nb", "nn", "da", "en"],
    }));
    page(&state, &c, "coord_results.html", ctx, StatusCode::OK)
}

/// Saves the rules shown as the round's rules (the report uses them).
pub async fn save_rules(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Form(f): Form,
) -> Response {
    let Some(rules) = Rules::parse(&f.text("combine"), &f.text("reconstruct"), &f.text("view"))
    else {
        return error_page(
            &state,
            c.lang,
            StatusCode::BAD_REQUEST,
            "web-results-bad-rules",
        );
    };
    let round = RoundId::from_raw(id);
    match c.tenant.round(round).await {
        Ok(r) if r.status != RoundStatus::Closed => {
            return fail(&state, &c, WebError::NotClosed);
        }
        Ok(_) => {}
        Err(e) => return fail(&state, &c, e),
    }
    match c.tenant.set_round_rules(round, &rules.to_json()).await {
        Ok(()) => Redirect::to(&format!("/coord/rounds/{id}/results")).into_response(),
        Err(e) => fail(&state, &c, e),
    }
}

pub(crate) fn download(content_type: &'static str, name: &str, bytes: impl Into<Body>) -> Response {
    let mut res = (StatusCode::OK, bytes.into()).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// `report/report.html`, `report/report.pdf`, `report/facts.json`.
pub async fn report_file(
    State(state): State<AppState>,
    c: Coord,
    Id((id, file)): Id<(i64, String)>,
    Q(q): Q<ResultsQuery>,
) -> Response {
    let round = RoundId::from_raw(id);
    let (_, opts) = match choices(&state, &c, round, &q).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let (entry, data) = match rendered(&state, &c, round, opts).await {
        Ok(x) => x,
        Err(e) => return results_error(&state, &c, e),
    };
    let stem = format!(
        "{}{}",
        samspill_results::export::file_stem(&data),
        if opts.named { "-named" } else { "" }
    );
    let what = if opts.named { "report.named" } else { "report" };
    if let Err(e) = c
        .tenant
        .record_read(what, &format!("round {round}: {file}"))
        .await
    {
        return fail(&state, &c, e);
    }
    match file.as_str() {
        "report.html" => download(
            "text/html; charset=utf-8",
            &format!("{stem}.html"),
            entry.html.clone(),
        ),
        "facts.json" => download(
            "application/json",
            &format!("{stem}-facts.json"),
            entry.facts.clone(),
        ),
        "report.pdf" => {
            let cached = entry.pdf.lock().unwrap_or_else(|e| e.into_inner()).clone();
            let pdf = match cached {
                Some(p) => p,
                None => {
                    let d = data.clone();
                    let made = on_report_thread(move || samspill_results::report(&d, &opts)).await;
                    match made {
                        Ok(Ok(r)) => {
                            let p = Arc::new(r.pdf);
                            *entry.pdf.lock().unwrap_or_else(|e| e.into_inner()) = Some(p.clone());
                            p
                        }
                        Ok(Err(e)) => return results_error(&state, &c, e),
                        Err(e) => return fail(&state, &c, e),
                    }
                }
            };
            download("application/pdf", &format!("{stem}.pdf"), (*pdf).clone())
        }
        _ => fail(&state, &c, samspill_store::StoreError::NotFound),
    }
}

/// The export files offered: file name under `export/` and its label key.
const EXPORTS: [(&str, &str); 10] = [
    ("network.graphml", "web-export-graphml"),
    ("network.gexf", "web-export-gexf"),
    ("network.net", "web-export-pajek"),
    ("network.dl", "web-export-dl"),
    ("network.csv", "web-export-csv"),
    ("network-nodes.csv", "web-export-csv-nodes"),
    ("network.xlsx", "web-export-xlsx"),
    ("network.json", "web-export-json"),
    ("analysis.json", "web-export-analysis"),
    ("answers.xlsx", "web-export-answers"),
];

/// `export/{file}`: the round's network in a format, the analysis JSON or
/// the answers workbook; pseudonymised unless `named=1`.
pub async fn export_file(
    State(state): State<AppState>,
    c: Coord,
    Id((id, file)): Id<(i64, String)>,
    Q(q): Q<ResultsQuery>,
) -> Response {
    let round = RoundId::from_raw(id);
    if !EXPORTS.iter().any(|(f, _)| *f == file) {
        return fail(&state, &c, samspill_store::StoreError::NotFound);
    }
    let data = match samspill_results::load(&c.tenant, round).await {
        Ok(d) => d,
        Err(e) => return results_error(&state, &c, e),
    };
    let opts = match q.options(&c, data.rules) {
        Ok(o) => o,
        Err(k) => return error_page(&state, c.lang, StatusCode::BAD_REQUEST, k),
    };
    let what = if opts.named { "export.named" } else { "export" };
    if let Err(e) = c
        .tenant
        .record_read(what, &format!("round {round}: {file}"))
        .await
    {
        return fail(&state, &c, e);
    }
    let stem = format!(
        "{}{}",
        samspill_results::export::file_stem(&data),
        if opts.named { "-named" } else { "" }
    );
    let made: Result<(Vec<u8>, &'static str, String), ResultsError> = match file.as_str() {
        "analysis.json" => {
            samspill_results::export::analysis_json(&data, &opts.rules, opts.lang, opts.named).map(
                |s| {
                    (
                        s.into_bytes(),
                        "application/json",
                        format!("{stem}-analysis.json"),
                    )
                },
            )
        }
        "answers.xlsx" => {
            samspill_results::export::answers_xlsx(&data, opts.lang, opts.named).map(|b| {
                (
                    b,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    format!("{stem}-answers.xlsx"),
                )
            })
        }
        other => {
            let (format, companion) = match other {
                "network.graphml" => (Format::GraphMl, false),
                "network.gexf" => (Format::Gexf, false),
                "network.net" => (Format::Pajek, false),
                "network.dl" => (Format::Dl, false),
                "network.csv" => (Format::Csv, false),
                "network-nodes.csv" => (Format::Csv, true),
                "network.xlsx" => (Format::Xlsx, false),
                _ => (Format::Json, false),
            };
            samspill_results::export::network_file(&data, format, opts.lang, opts.named).map(|w| {
                let (bytes, name) = if companion {
                    (
                        w.extra
                            .into_iter()
                            .next()
                            .map(|(_, b)| b)
                            .unwrap_or_default(),
                        format!("{stem}-nodes.csv"),
                    )
                } else {
                    (w.bytes, format!("{stem}.{}", format.extension()))
                };
                let ct = match format {
                    Format::Xlsx => {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    }
                    Format::Json => "application/json",
                    Format::GraphMl | Format::Gexf => "application/xml",
                    _ => "text/plain; charset=utf-8",
                };
                (bytes, ct, name)
            })
        }
    };
    match made {
        Ok((bytes, ct, name)) => download(ct, &name, bytes),
        Err(e) => results_error(&state, &c, e),
    }
}

/// The open answers of a closed round, for review: theme, redaction, quote.
pub async fn answers_page(State(state): State<AppState>, c: Coord, Id(id): Id<i64>) -> Response {
    let round = RoundId::from_raw(id);
    let info = match c.tenant.round(round).await {
        Ok(r) => r,
        Err(e) => return fail(&state, &c, e),
    };
    if info.status != RoundStatus::Closed {
        return fail(&state, &c, WebError::NotClosed);
    }
    let answers = match c.tenant.open_answers(round).await {
        Ok(a) => a,
        Err(e) => return fail(&state, &c, e),
    };
    if let Err(e) = c
        .tenant
        .record_read("answers", &format!("round {round}"))
        .await
    {
        return fail(&state, &c, e);
    }
    let reviewed = answers.iter().filter(|a| a.review.is_some()).count();
    let rows: Vec<_> = answers
        .iter()
        .map(|a| {
            json!({
                "id": format!("{}-{}", a.invitation, a.question),
                "question": a.question,
                "text": a.text,
                "review": a.review,
            })
        })
        .collect();
    let ctx = obj(json!({
        "round": info,
        "answers": rows,
        "reviewed": reviewed,
        "themes": samspill_results::THEMES,
    }));
    page(&state, &c, "coord_answers.html", ctx, StatusCode::OK)
}

/// Saves the review of one answer (`answer` = `{invitation}-{question}`).
pub async fn answers_save(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Form(f): Form,
) -> Response {
    let round = RoundId::from_raw(id);
    let answer = f.text("answer");
    let Some((inv, question)) = answer
        .split_once('-')
        .and_then(|(i, q)| i.parse::<i64>().ok().map(|i| (i, q.to_string())))
    else {
        return error_page(&state, c.lang, StatusCode::BAD_REQUEST, "web-error-invalid");
    };
    let theme = f.text("theme");
    let result = c
        .tenant
        .review_open_answer(
            round,
            InvitationId::from_raw(inv),
            &question,
            Some(theme.as_str()),
            f.get("text").unwrap_or(""),
            f.get("quote").is_some(),
        )
        .await;
    match result {
        Ok(()) => Redirect::to(&format!("/coord/rounds/{id}/answers#a-{answer}")).into_response(),
        Err(e) => fail(&state, &c, e),
    }
}

/// The comparison of this round with another closed round: ties gained and
/// lost, change per measure, the two pictures on one layout.
pub async fn compare_page(
    State(state): State<AppState>,
    c: Coord,
    Id((id, other)): Id<(i64, i64)>,
    Q(q): Q<CompareQuery>,
) -> Response {
    let (a, b) = (RoundId::from_raw(other), RoundId::from_raw(id));
    let (da, db) = match (
        samspill_results::load(&c.tenant, a).await,
        samspill_results::load(&c.tenant, b).await,
    ) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return results_error(&state, &c, e),
    };
    let lang = q
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .or_else(|| Lang::parse(&c.info.lang))
        .unwrap_or(c.lang);
    let opts = Options {
        rules: db.rules,
        lang,
        named: false,
    };
    let format = q.format.clone();
    let made = on_report_thread(move || -> Result<samspill_report::Rendered, ResultsError> {
        let ia = samspill_results::input(&da, &opts)?;
        let ib = samspill_results::input(&db, &opts)?;
        Ok(samspill_report::comparison_report(&ia, &ib)?)
    })
    .await;
    let r = match made {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return results_error(&state, &c, e),
        Err(e) => return fail(&state, &c, e),
    };
    if let Err(e) = c
        .tenant
        .record_read("comparison", &format!("rounds {a} and {b}"))
        .await
    {
        return fail(&state, &c, e);
    }
    match format.as_deref() {
        Some("pdf") => download(
            "application/pdf",
            &format!("samspill-comparison-{other}-{id}.pdf"),
            r.pdf,
        ),
        Some("html") => download(
            "text/html; charset=utf-8",
            &format!("samspill-comparison-{other}-{id}.html"),
            r.html,
        ),
        _ => {
            let ctx = obj(json!({
                "round_id": id,
                "other_id": other,
                "report": report_body(&r.html),
            }));
            page(&state, &c, "coord_compare.html", ctx, StatusCode::OK)
        }
    }
}

/// Query of the comparison page.
#[derive(Deserialize, Default)]
pub struct CompareQuery {
    lang: Option<String>,
    format: Option<String>,
}

async fn report_css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        samspill_report::html::CSS,
    )
        .into_response()
}
