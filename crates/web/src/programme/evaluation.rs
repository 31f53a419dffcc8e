//! The evaluator's overview matrix of an evaluation round, generated from
//! the programme's data by `samspill-programme`: sections × rows ×
//! participants, each cell with the sources and records it comes from,
//! facts only some sources report flagged as conflicts, the sign-off of
//! each column (by the participant's programme leader or coordinator, who
//! signs their own column here), the caption; two rounds side by side with
//! what changed; the matrix as XLSX for printing.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_programme::ids::{ParticipantId, RoundId};
use samspill_programme::matrix::{Matrix, cell_texts, diff, generate, render_cell};
use samspill_programme::model::{SignOff, SignOffRole};
use samspill_programme::text::Renderer;
use samspill_store::programme::Action;
use samspill_store::{Standing, StoreError};
use serde::Deserialize;
use serde_json::{Value, json};

use super::participant::code;
use super::{ProgrammeTexts, finding, open, refusal, render, role, source, today};
use crate::AppState;
use crate::coord::obj;
use crate::extract::{Form, Id, Q, Viewer};

fn matrix_view(m: &Matrix, r: &Renderer<'_>, own: Option<&ParticipantId>) -> Value {
    let columns: Vec<Value> = m
        .columns
        .iter()
        .map(|c| {
            json!({
                "id": c.participant.to_string(),
                "name": c.name,
                "sign_off": c.sign_off.as_ref().map(|s| json!({
                    "role": code(&s.role),
                    "date": r.date(s.date),
                    "person": s.person.as_ref().map(|p| p.to_string()),
                    "note": s.note,
                })),
                "may_sign": own == Some(&c.participant),
            })
        })
        .collect();
    let sections: Vec<Value> = m
        .sections
        .iter()
        .map(|s| {
            json!({
                "label": r.value(&s.label),
                "rows": s.rows.iter().map(|row| json!({
                    "label": r.value(&row.label),
                    "cells": row.cells.iter().map(|c| {
                        let (_, items) = cell_texts(c, r);
                        json!({
                            "text": render_cell(c, r),
                            "sources": c.provenance().iter().map(|p| {
                                let mut s = source(r, p.source);
                                if let Some(x) = &p.reference {
                                    s.push_str(&format!(" «{x}»"));
                                }
                                if let Some(d) = p.date {
                                    s.push(' ');
                                    s.push_str(&r.date(d));
                                }
                                s
                            }).collect::<Vec<_>>(),
                            "items": items.iter().zip(&c.items).map(|((text, children), item)| json!({
                                "text": text,
                                "children": children,
                                "sources": item.sources.iter().map(|p| json!({
                                    "source": source(r, p.source),
                                    "reference": p.reference,
                                    "date": p.date.map(|d| r.date(d)),
                                })).collect::<Vec<_>>(),
                                "records": item.records,
                            })).collect::<Vec<_>>(),
                            "conflicts": c.conflicts.iter().map(|k| json!({
                                "text": r.value(&k.text),
                                "record": k.record,
                                "found_in": k.found_in.iter().map(|s| source(r, *s)).collect::<Vec<_>>(),
                                "missing_from": k.missing_from.iter().map(|s| source(r, *s)).collect::<Vec<_>>(),
                            })).collect::<Vec<_>>(),
                        })
                    }).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "round": m.round.to_string(),
        "name": m.name,
        "as_of": r.date(m.as_of),
        "columns": columns,
        "sections": sections,
        "caption": m.caption.iter().map(|c| r.message(c)).collect::<Vec<_>>(),
    })
}

/// `/programmes/{id}/rounds/{round}`.
pub async fn matrix(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, round)): Id<(i64, String)>,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let doc = match h.document().await {
        Ok(d) => d,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let Some(m) = generate(&doc, &RoundId::new(round.clone())) else {
        return refusal(&state, v.lang, StoreError::NotFound.into());
    };
    if let Err(e) = h.audit_read(&format!("matrix {round}")).await {
        return refusal(&state, v.lang, e);
    }
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let own = match h.standing() {
        Standing::Coordinator { participant, .. } => Some(participant.clone()),
        _ => None,
    };
    let unsigned: Vec<Value> = m
        .sign_off_findings()
        .iter()
        .map(|f| finding(&r, f, &doc))
        .collect();
    let others: Vec<Value> = doc
        .evaluation_rounds
        .iter()
        .filter(|e| e.id.as_str() != round)
        .map(|e| json!({"id": e.id.to_string(), "name": e.name}))
        .collect();
    let ctx = obj(json!({
        "id": id,
        "programme": doc.programme.name,
        "matrix": matrix_view(&m, &r, own.as_ref()),
        "unsigned": unsigned,
        "others": others,
        "today": today().to_string(),
        "evaluation": h.allows(&Action::Evaluation),
    }));
    render(
        &state,
        &v,
        role(&h),
        "programme_matrix.html",
        ctx,
        StatusCode::OK,
    )
}

/// `/programmes/{id}/rounds/{round}/matrix.xlsx`: landscape, header rows
/// repeated, sign-offs and caption (samspill-programme's workbook).
pub async fn matrix_xlsx(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, round)): Id<(i64, String)>,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let doc = match h.document().await {
        Ok(d) => d,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let Some(m) = generate(&doc, &RoundId::new(round.clone())) else {
        return refusal(&state, v.lang, StoreError::NotFound.into());
    };
    if let Err(e) = h.audit_read(&format!("matrix {round} xlsx")).await {
        return refusal(&state, v.lang, e);
    }
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    match samspill_programme::xlsx::matrix_workbook(&m, &r) {
        Ok(bytes) => super::transfer::download(bytes, &format!("matrix-{round}.xlsx")),
        Err(e) => crate::PageError::new(&state, v.lang, crate::WebError::Results(e.to_string()))
            .into_response(),
    }
}

/// Query of the comparison.
#[derive(Deserialize)]
pub struct CompareQuery {
    from: String,
    to: String,
}

/// `/programmes/{id}/compare?from=…&to=…`: two rounds' matrices side by
/// side, cell by cell, with the items added and removed.
pub async fn compare(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    Q(q): Q<CompareQuery>,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let doc = match h.document().await {
        Ok(d) => d,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let (Some(a), Some(b)) = (
        generate(&doc, &RoundId::new(q.from.clone())),
        generate(&doc, &RoundId::new(q.to.clone())),
    ) else {
        return refusal(&state, v.lang, StoreError::NotFound.into());
    };
    if let Err(e) = h.audit_read(&format!("compare {} {}", q.from, q.to)).await {
        return refusal(&state, v.lang, e);
    }
    let cat = ProgrammeTexts(state.texts(v.lang));
    let r = Renderer::new(&cat, &doc.programme.vocabulary);
    let d = diff(&a, &b);
    let cell_of = |m: &Matrix, row: &samspill_programme::model::RowKind, p: &ParticipantId| {
        m.sections
            .iter()
            .flat_map(|s| s.rows.iter())
            .find(|x| &x.row == row)
            .and_then(|x| x.cells.iter().find(|c| &c.participant == p))
            .map(|c| render_cell(c, &r))
    };
    let mut rows = Vec::new();
    for s in &b.sections {
        for row in &s.rows {
            let cells: Vec<Value> = b
                .columns
                .iter()
                .map(|col| {
                    let change = d
                        .cells
                        .iter()
                        .find(|c| c.row == row.row && c.participant == col.participant);
                    json!({
                        "name": col.name,
                        "earlier": cell_of(&a, &row.row, &col.participant),
                        "later": cell_of(&b, &row.row, &col.participant),
                        "added": change.map(|c| c.added.iter().map(|x| r.value(x)).collect::<Vec<_>>()).unwrap_or_default(),
                        "removed": change.map(|c| c.removed.iter().map(|x| r.value(x)).collect::<Vec<_>>()).unwrap_or_default(),
                    })
                })
                .collect();
            rows.push(
                json!({"section": r.value(&s.label), "label": r.value(&row.label), "cells": cells}),
            );
        }
    }
    let name_of = |p: &ParticipantId| {
        doc.participant(p)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| p.to_string())
    };
    let ctx = obj(json!({
        "id": id,
        "programme": doc.programme.name,
        "from": {"id": a.round.to_string(), "name": a.name, "as_of": r.date(a.as_of)},
        "to": {"id": b.round.to_string(), "name": b.name, "as_of": r.date(b.as_of)},
        "rows": rows,
        "columns_added": d.columns_added.iter().map(name_of).collect::<Vec<_>>(),
        "columns_removed": d.columns_removed.iter().map(name_of).collect::<Vec<_>>(),
        "changed": d.cells.iter().filter(|c| !c.added.is_empty() || !c.removed.is_empty()).count(),
    }));
    render(
        &state,
        &v,
        role(&h),
        "programme_compare.html",
        ctx,
        StatusCode::OK,
    )
}

/// `POST /programmes/{id}/rounds/{round}/sign-off`: a programme leader or
/// coordinator signs their own column (`participant`, `as`: programme
/// leader or coordinator, `note`), or withdraws it (`withdraw`).
pub async fn sign_off(
    State(state): State<AppState>,
    v: Viewer,
    Id((id, round)): Id<(i64, String)>,
    Form(form): Form,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    let participant = ParticipantId::new(form.text("participant"));
    let note = form.text("note");
    let signed = if form.get("withdraw").is_some() {
        None
    } else {
        Some(SignOff {
            participant: participant.clone(),
            role: if form.text("as") == "coordinator" {
                SignOffRole::Coordinator
            } else {
                SignOffRole::ProgrammeLeader
            },
            person: None,
            date: today(),
            note: (!note.is_empty()).then_some(note),
        })
    };
    match h.sign_off(&round, &participant, signed).await {
        Ok(()) => Redirect::to(&format!("/programmes/{id}/rounds/{round}")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}
