//! Read-only results for funders' advisers and evaluators (issue 16): the
//! tenants they are granted (by the operator, or later by a programme),
//! their closed rounds, the cross-municipality overview of the latest
//! closed round of each (groups under five suppressed), and each round's
//! report, always pseudonymised. A round with fewer than
//! [`MIN_GROUP`] respondents is not shown at all: so few answers could be
//! traced to the people who gave them. Evaluators may also download the
//! pseudonymised network and analysis for their own analysis; funders see
//! reports only. Nothing here shows a name, an e-mail or an open answer
//! the coordinator has not released for quoting, and every read is
//! audited in the tenant's log.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samspill_formats::Format;
use samspill_report::programme::MIN_GROUP;
use samspill_results::{Options, ResultsError, RoundData};
use samspill_store::{Role, RoundId, RoundStatus, StoreError, Tenant};
use serde_json::{Value, json};

use crate::error::error_page;
use crate::extract::{Id, Reader};
use crate::results::{download, on_report_thread, report_body};
use crate::{AppState, PageError, WebError};

/// The funders' and evaluators' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/insight", get(home))
        .route("/insight/{slug}/rounds/{id}", get(round_page))
        .route("/insight/{slug}/rounds/{id}/report.pdf", get(round_pdf))
        .route(
            "/insight/{slug}/rounds/{id}/export/{file}",
            get(round_export),
        )
}

fn page(state: &AppState, r: &Reader, name: &str, mut ctx: Value, status: StatusCode) -> Response {
    if let Some(m) = ctx.as_object_mut() {
        m.insert("lang".into(), json!(r.lang.code()));
        m.insert("csrf".into(), json!(r.csrf));
        m.insert("user".into(), json!(r.user.name));
        m.insert("role".into(), json!(r.user.role.as_str()));
    }
    match state.render(name, ctx) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, r.lang, e).into_response(),
    }
}

fn fail(state: &AppState, r: &Reader, e: impl Into<WebError>) -> Response {
    PageError::new(state, r.lang, e).into_response()
}

fn results_fail(state: &AppState, r: &Reader, e: ResultsError) -> Response {
    match e {
        ResultsError::NotClosed => fail(state, r, WebError::NotClosed),
        ResultsError::Store(e) => fail(state, r, e),
        other => fail(state, r, WebError::Results(other.to_string())),
    }
}

fn respondents(d: &RoundData) -> usize {
    d.net.network.people.iter().filter(|p| p.responded).count()
}

fn options(r: &Reader, d: &RoundData) -> Options {
    Options {
        rules: d.rules,
        lang: r.lang,
        named: false,
    }
}

/// A granted tenant's closed round whose answers are held, or a
/// translated refusal.
async fn load(
    state: &AppState,
    r: &Reader,
    slug: &str,
    id: i64,
) -> Result<(Tenant, RoundData), Response> {
    let Some((tenant, _)) = r.tenant(state, slug) else {
        return Err(fail(state, r, StoreError::NotFound));
    };
    let d = samspill_results::load(&tenant, RoundId::from_raw(id))
        .await
        .map_err(|e| results_fail(state, r, e))?;
    if respondents(&d) < MIN_GROUP {
        return Err(error_page(
            state,
            r.lang,
            StatusCode::FORBIDDEN,
            "privacy-insight-too-few",
        ));
    }
    Ok((tenant, d))
}

/// The granted tenants, their closed rounds and the overview.
pub async fn home(State(state): State<AppState>, r: Reader) -> Response {
    let mut tenants = Vec::new();
    let mut latest = Vec::new();
    for info in &r.tenants {
        let Some((tenant, _)) = r.tenant(&state, &info.slug) else {
            continue;
        };
        let rounds = match tenant.rounds().await {
            Ok(x) => x,
            Err(e) => return fail(&state, &r, e),
        };
        let closed: Vec<_> = rounds
            .iter()
            .filter(|x| x.status == RoundStatus::Closed)
            .collect();
        let mut rows = Vec::new();
        for round in &closed {
            match samspill_results::load(&tenant, round.id).await {
                Ok(d) => {
                    let n = respondents(&d);
                    rows.push(json!({"id": round.id, "name": round.name, "respondents": n, "shown": n >= MIN_GROUP}));
                    if n >= MIN_GROUP && latest.len() < 40 && rows.len() == 1 {
                        latest.push(d);
                    }
                }
                Err(ResultsError::Store(StoreError::Purged)) => {
                    rows.push(json!({"id": round.id, "name": round.name, "purged": true}));
                }
                Err(e) => return results_fail(&state, &r, e),
            }
        }
        if let Err(e) = tenant.record_read("insight", "rounds").await {
            return fail(&state, &r, e);
        }
        tenants.push(json!({"slug": info.slug, "name": info.name, "rounds": rows}));
    }
    let lang = r.lang;
    let overview = if latest.is_empty() {
        None
    } else {
        let made = on_report_thread(move || -> Result<String, ResultsError> {
            let mut inputs = Vec::new();
            let mut facts = Vec::new();
            for d in &latest {
                let input = samspill_results::input(
                    d,
                    &Options {
                        rules: d.rules,
                        lang,
                        named: false,
                    },
                )?;
                facts.push(samspill_report::facts::Facts::compute(&input)?);
                inputs.push(input);
            }
            let name = samspill_i18n::Texts::new(lang).get("privacy-insight-overview");
            let doc = samspill_report::programme::document(&name, lang, &inputs, &facts);
            Ok(samspill_report::html::render(&doc))
        })
        .await;
        match made {
            Ok(Ok(html)) => Some(report_body(&html).to_string()),
            Ok(Err(e)) => return results_fail(&state, &r, e),
            Err(e) => return fail(&state, &r, e),
        }
    };
    page(
        &state,
        &r,
        "insight.html",
        json!({"tenants": tenants, "overview": overview, "min_group": MIN_GROUP}),
        StatusCode::OK,
    )
}

/// One round's pseudonymised report.
pub async fn round_page(
    State(state): State<AppState>,
    r: Reader,
    Id((slug, id)): Id<(String, i64)>,
) -> Response {
    let (tenant, d) = match load(&state, &r, &slug, id).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let opts = options(&r, &d);
    let round_name = d.round.name.clone();
    let tenant_name = d.tenant.name.clone();
    let made = on_report_thread(move || -> Result<String, ResultsError> {
        let input = samspill_results::input(&d, &opts)?;
        let facts = samspill_report::facts::Facts::compute(&input)?;
        Ok(samspill_report::html::render(
            &samspill_report::municipality::document(&input, &facts),
        ))
    })
    .await;
    let html = match made {
        Ok(Ok(h)) => h,
        Ok(Err(e)) => return results_fail(&state, &r, e),
        Err(e) => return fail(&state, &r, e),
    };
    if let Err(e) = tenant.record_read("insight", &format!("round {id}")).await {
        return fail(&state, &r, e);
    }
    page(
        &state,
        &r,
        "insight_round.html",
        json!({
            "slug": slug, "round_id": id, "round": round_name, "tenant": tenant_name,
            "report": report_body(&html),
            "exports": r.user.role == Role::Evaluator,
        }),
        StatusCode::OK,
    )
}

/// The pseudonymised report as PDF.
pub async fn round_pdf(
    State(state): State<AppState>,
    r: Reader,
    Id((slug, id)): Id<(String, i64)>,
) -> Response {
    let (tenant, d) = match load(&state, &r, &slug, id).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let opts = options(&r, &d);
    let stem = samspill_results::export::file_stem(&d);
    let made = on_report_thread(move || samspill_results::report(&d, &opts)).await;
    let pdf = match made {
        Ok(Ok(x)) => x.pdf,
        Ok(Err(e)) => return results_fail(&state, &r, e),
        Err(e) => return fail(&state, &r, e),
    };
    if let Err(e) = tenant
        .record_read("insight", &format!("round {id}: report.pdf"))
        .await
    {
        return fail(&state, &r, e);
    }
    download("application/pdf", &format!("{stem}.pdf"), pdf)
}

/// Evaluators only: the pseudonymised network (GraphML) or analysis.
pub async fn round_export(
    State(state): State<AppState>,
    r: Reader,
    Id((slug, id, file)): Id<(String, i64, String)>,
) -> Response {
    if r.user.role != Role::Evaluator {
        return error_page(&state, r.lang, StatusCode::FORBIDDEN, "web-error-forbidden");
    }
    if !["network.graphml", "analysis.json"].contains(&file.as_str()) {
        return fail(&state, &r, StoreError::NotFound);
    }
    let (tenant, d) = match load(&state, &r, &slug, id).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let stem = samspill_results::export::file_stem(&d);
    let made = if file == "analysis.json" {
        samspill_results::export::analysis_json(&d, &d.rules, r.lang, false).map(|s| {
            (
                s.into_bytes(),
                "application/json",
                format!("{stem}-analysis.json"),
            )
        })
    } else {
        samspill_results::export::network_file(&d, Format::GraphMl, r.lang, false)
            .map(|w| (w.bytes, "application/xml", format!("{stem}.graphml")))
    };
    match made {
        Ok((bytes, ct, name)) => {
            if let Err(e) = tenant
                .record_read("export", &format!("round {id}: {file} (evaluator)"))
                .await
            {
                return fail(&state, &r, e);
            }
            download(ct, &name, bytes)
        }
        Err(e) => results_fail(&state, &r, e),
    }
}
