//! The funder's portfolio as a PDF for reporting upward: the same rows as
//! the portfolio page and `portfolio.xlsx` (samspill-programme's
//! `rules::portfolio` as of today), written as a `samspill_report::Doc` and
//! typeset by the report crate's typst pipeline on landscape A4 pages, so
//! the table of every participant's calendar and real phase prints
//! readably. Findings per participant and the anchoring counts follow the
//! table.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use samspill_programme::ProgrammeDocument;
use samspill_programme::model::{Form, Term};
use samspill_programme::rules::portfolio::Portfolio;
use samspill_programme::rules::{self, portfolio};
use samspill_programme::text::{Renderer, capitalise};
use samspill_programme::{Message, Severity};
use samspill_report::doc::{Block, Doc};
use samspill_store::ProgrammeError;
use samspill_store::programme::Action;

use super::{ProgrammeTexts, open, position, refusal, today};
use crate::extract::{Id, Viewer};
use crate::{AppState, PageError, WebError};

/// The portfolio as a report document (landscape) in the renderer's
/// language.
pub(crate) fn portfolio_doc(
    doc: &ProgrammeDocument,
    p: &Portfolio,
    r: &Renderer<'_>,
    t: &samspill_i18n::Texts,
) -> Doc {
    let m = |k: &str| r.message(&Message::new(k.to_string()));
    let col = |k: &str| m(&format!("programme-portfolio-{k}"));
    let yes_no = |b: bool| col(if b { "yes" } else { "no" });
    let header = vec![
        capitalise(&r.term(Term::Participant, Form::Singular)),
        col("cohort"),
        col("calendar-phase"),
        col("real-phase"),
        col("overrun-days"),
        col("open-gates"),
        col("reports-late"),
        col("reports-due-soon"),
        col("agreement"),
        col("chief-executive-in-steering-group"),
        col("political-members"),
        col("problems"),
        col("warnings"),
    ];
    let rows: Vec<Vec<String>> = p
        .rows
        .iter()
        .map(|row| {
            let count = |s: Severity| row.severity_counts.get(&s).copied().unwrap_or(0);
            let a = &row.anchoring;
            let path = row.path.as_ref();
            let real = path
                .map(|s| {
                    let real = position(r, s, &s.real);
                    if s.behind_schedule() {
                        format!("{real} ({})", t.get("pp-pdf-behind"))
                    } else {
                        real
                    }
                })
                .unwrap_or_default();
            vec![
                row.name.clone(),
                row.cohort.map(|c| c.to_string()).unwrap_or_default(),
                path.map(|s| position(r, s, &s.calendar))
                    .unwrap_or_default(),
                real,
                path.and_then(|s| s.overrun())
                    .map(|o| o.2.to_string())
                    .unwrap_or_default(),
                path.map(|s| s.open_gates().len().to_string())
                    .unwrap_or_default(),
                row.reports_late.to_string(),
                row.reports_due_soon.to_string(),
                yes_no(a.agreement_signed),
                yes_no(a.chief_executive_in_steering_group),
                a.political_members.to_string(),
                count(Severity::Problem).to_string(),
                count(Severity::Warning).to_string(),
            ]
        })
        .collect();
    let heading = m("programme-portfolio-sheet");
    let mut blocks = vec![
        Block::Para {
            text: t.format(
                "pp-pdf-as-of",
                &[("date", samspill_i18n::Arg::Str(&r.date(p.at)))],
            ),
        },
        Block::Table {
            caption: heading.clone(),
            header,
            rows,
        },
        Block::Heading {
            level: 1,
            text: t.get("pp-pdf-counts"),
        },
    ];
    let c = &p.counts;
    blocks.push(Block::List {
        items: [
            ("chief-executive", &c.chief_executive_in_steering_group),
            ("political-representation", &c.political_representation),
            ("political-ownership", &c.political_ownership),
            ("agreement", &c.agreement_signed),
            ("leader-strategic", &c.leader_in_strategic_unit),
            ("user-participation", &c.user_participation),
            ("plan-approved", &c.action_plan_approved),
        ]
        .iter()
        .map(|(k, n)| {
            t.format(
                &format!("pw-count-{k}"),
                &[
                    ("n", samspill_i18n::Arg::Num(n.n() as f64)),
                    ("of", samspill_i18n::Arg::Num(n.of as f64)),
                ],
            )
        })
        .collect(),
    });
    blocks.push(Block::Heading {
        level: 1,
        text: t.get("pw-findings"),
    });
    for row in &p.rows {
        let items: Vec<String> = row
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| {
                format!(
                    "{}: {}",
                    m(&format!(
                        "programme-severity-{}",
                        serde_json::to_value(f.severity)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default()
                    )),
                    r.sentence(&f.message())
                )
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            level: 3,
            text: row.name.clone(),
        });
        blocks.push(Block::List { items });
    }
    let general: Vec<String> = rules::all_findings(doc, p.at, &[])
        .iter()
        .filter(|f| f.participant.is_none() && f.severity != Severity::Info)
        .map(|f| r.sentence(&f.message()))
        .collect();
    if !general.is_empty() {
        blocks.push(Block::Heading {
            level: 3,
            text: t.get("pw-programme-findings"),
        });
        blocks.push(Block::List { items: general });
    }
    Doc {
        lang: t.lang().code().to_string(),
        title: doc.programme.name.clone(),
        subtitle: format!("{heading} · {}", doc.programme.funder.name),
        notice: None,
        table_view: t.get("report-table-view"),
        figure_label: t.get("report-figure"),
        table_label: t.get("report-table"),
        landscape: true,
        blocks,
    }
}

/// `GET /programmes/{id}/portfolio.pdf`: the portfolio as of today for the
/// funder's adviser and the evaluator (those who see the overview).
pub async fn portfolio_pdf(State(state): State<AppState>, v: Viewer, Id(id): Id<i64>) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    if !h.allows(&Action::Overview) {
        return refusal(&state, v.lang, ProgrammeError::Forbidden);
    }
    let doc = match h.document().await {
        Ok(d) => d,
        Err(e) => return refusal(&state, v.lang, e),
    };
    if let Err(e) = h.audit_read("portfolio pdf").await {
        return refusal(&state, v.lang, e);
    }
    let p = portfolio::portfolio(&doc, today(), &[]);
    let texts = state.texts(v.lang);
    let report = {
        let cat = ProgrammeTexts(texts);
        let r = Renderer::new(&cat, &doc.programme.vocabulary);
        portfolio_doc(&doc, &p, &r, texts)
    };
    let name = format!(
        "{}-portfolio.pdf",
        super::transfer::stem(doc.programme.id.as_str())
    );
    let pdf = crate::results::on_report_thread(move || samspill_report::pdf::render(&report)).await;
    match pdf {
        Ok(Ok(bytes)) => {
            let mut res = bytes.into_response();
            let hd = res.headers_mut();
            hd.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                hd.insert(header::CONTENT_DISPOSITION, v);
            }
            res
        }
        Ok(Err(e)) => {
            PageError::new(&state, v.lang, WebError::Results(e.to_string())).into_response()
        }
        Err(e) => PageError::new(&state, v.lang, e).into_response(),
    }
}
