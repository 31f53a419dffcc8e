//! The roster: people (stable ids), import from CSV/XLSX (all rows or
//! none), the function catalogue and its coverage.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::Lang;
use samspill_store::{NewPerson, PersonId, ProblemKind, RowProblem, StoreError};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{coverage, fail, obj, page, problem_text};
use crate::AppState;
use crate::extract::{Coord, Form, Id, Q, Upload};
use crate::forms::FormData;
use crate::roster::{RosterFile, parse_level, parse_roster, row_numbers};

/// Query of the roster page.
#[derive(Deserialize, Default)]
pub struct RosterQuery {
    added: Option<usize>,
    updated: Option<usize>,
}

async fn roster_ctx(c: &Coord) -> Result<serde_json::Map<String, Value>, StoreError> {
    let persons = c.tenant.persons().await?;
    let (table, gaps) = coverage(c).await?;
    let functions = c.tenant.functions().await?;
    Ok(obj(json!({
        "persons": persons,
        "table": table,
        "gaps": gaps,
        "functions": functions,
        "levels": ["top_management", "leader", "professional", "politician", "external"],
    })))
}

/// The roster: people, import, functions and coverage.
pub async fn roster_page(
    State(state): State<AppState>,
    c: Coord,
    Q(q): Q<RosterQuery>,
) -> Response {
    if let Err(e) = c.tenant.record_read("roster", "").await {
        return fail(&state, &c, e);
    }
    match roster_ctx(&c).await {
        Ok(mut ctx) => {
            if let (Some(a), Some(u)) = (q.added, q.updated) {
                ctx.insert("imported".into(), json!({"added": a, "updated": u}));
            }
            page(&state, &c, "coord_roster.html", ctx, StatusCode::OK)
        }
        Err(e) => fail(&state, &c, e),
    }
}

async fn roster_problems(
    state: &AppState,
    c: &Coord,
    problems: Vec<String>,
    form: Value,
) -> Response {
    match roster_ctx(c).await {
        Ok(mut ctx) => {
            ctx.insert("problems".into(), json!(problems));
            ctx.insert("form".into(), form);
            page(
                state,
                c,
                "coord_roster.html",
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => fail(state, c, e),
    }
}

/// Imports a CSV or XLSX roster: all rows or none.
pub async fn roster_import(State(state): State<AppState>, c: Coord, up: Upload) -> Response {
    let Some((fname, bytes)) = up.file.filter(|(_, b)| !b.is_empty()) else {
        return roster_problems(
            &state,
            &c,
            vec![state.text(c.lang, "web-import-no-file")],
            json!({}),
        )
        .await;
    };
    let kind = RosterFile::detect(&fname, &bytes);
    let people = match parse_roster(kind, &bytes) {
        Ok(p) => p,
        Err(problems) => {
            let msgs = problems
                .iter()
                .map(|p| problem_text(&state, c.lang, p))
                .collect();
            return roster_problems(&state, &c, msgs, json!({})).await;
        }
    };
    match c.tenant.import_roster(&people).await {
        Ok(s) => Redirect::to(&format!(
            "/coord/roster?added={}&updated={}",
            s.added, s.updated
        ))
        .into_response(),
        Err(StoreError::Roster(problems)) => {
            let lines = row_numbers(kind, &bytes);
            let msgs = problems
                .into_iter()
                .map(|mut p| {
                    // The store numbers persons 2, 3, …; map back to file rows.
                    if let Some(line) = p.row.checked_sub(2).and_then(|i| lines.get(i)) {
                        p.row = *line;
                    }
                    if let ProblemKind::DuplicateEmail { first_row, .. } = &mut p.kind
                        && let Some(line) = first_row.checked_sub(2).and_then(|i| lines.get(i))
                    {
                        *first_row = *line;
                    }
                    problem_text(&state, c.lang, &p)
                })
                .collect();
            roster_problems(&state, &c, msgs, json!({})).await
        }
        Err(e) => fail(&state, &c, e),
    }
}

fn person_from_form(f: &FormData) -> Result<NewPerson, String> {
    let level = match f.text("level").as_str() {
        "" => None,
        l => Some(parse_level(l).ok_or_else(|| l.to_string())?),
    };
    let unit = f.text("unit");
    Ok(NewPerson {
        name: f.text("name"),
        email: f.text("email"),
        unit: (!unit.is_empty()).then_some(unit),
        level,
        functions: f.all("functions").into_iter().map(str::to_string).collect(),
    })
}

fn person_errors(state: &AppState, lang: Lang, e: &StoreError) -> Option<HashMap<String, String>> {
    let mut m = HashMap::new();
    match e {
        StoreError::Roster(problems) => {
            for p in problems {
                let field = match &p.kind {
                    ProblemKind::MissingName => "name",
                    ProblemKind::BadEmail { .. } | ProblemKind::DuplicateEmail { .. } => "email",
                    ProblemKind::UnknownFunction { .. } => "functions",
                    ProblemKind::UnknownLevel { .. } => "level",
                    ProblemKind::BadText { column } => column.as_str(),
                    _ => "name",
                };
                m.insert(
                    field.to_string(),
                    problem_text(
                        state,
                        lang,
                        &RowProblem {
                            row: 1,
                            kind: p.kind.clone(),
                        },
                    ),
                );
            }
        }
        StoreError::Conflict(_) => {
            m.insert("email".into(), state.text(lang, "web-person-email-taken"));
        }
        _ => return None,
    }
    Some(m)
}

/// Adds one person.
pub async fn person_add(State(state): State<AppState>, c: Coord, Form(f): Form) -> Response {
    let p = match person_from_form(&f) {
        Ok(p) => p,
        Err(v) => {
            return roster_problems(
                &state,
                &c,
                vec![problem_text(
                    &state,
                    c.lang,
                    &RowProblem {
                        row: 1,
                        kind: ProblemKind::UnknownLevel { value: v },
                    },
                )],
                json!({}),
            )
            .await;
        }
    };
    match c.tenant.add_person(&p).await {
        Ok(_) => Redirect::to("/coord/roster").into_response(),
        Err(e) => match person_errors(&state, c.lang, &e) {
            Some(errs) => {
                let msgs: Vec<String> = errs.into_values().collect();
                roster_problems(
                    &state,
                    &c,
                    msgs,
                    json!({"name": p.name, "email": p.email, "unit": p.unit}),
                )
                .await
            }
            None => fail(&state, &c, e),
        },
    }
}

/// The edit form of one person.
pub async fn person_page(State(state): State<AppState>, c: Coord, Id(id): Id<i64>) -> Response {
    let person = match c.tenant.person(PersonId::from_raw(id)).await {
        Ok(p) => p,
        Err(e) => return fail(&state, &c, e),
    };
    let functions = c.tenant.functions().await.unwrap_or_default();
    let ctx = obj(json!({
        "person": person,
        "functions": functions,
        "levels": ["top_management", "leader", "professional", "politician", "external"],
        "errors": {},
    }));
    page(&state, &c, "coord_person.html", ctx, StatusCode::OK)
}

/// Saves one person (or takes them off the roster).
pub async fn person_save(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Form(f): Form,
) -> Response {
    let id = PersonId::from_raw(id);
    let result = match person_from_form(&f) {
        Ok(p) => c.tenant.update_person(id, &p).await,
        Err(v) => Err(StoreError::Roster(vec![RowProblem {
            row: 1,
            kind: ProblemKind::UnknownLevel { value: v },
        }])),
    };
    let result = match result {
        Ok(()) => {
            c.tenant
                .set_person_active(id, f.get("active").is_some())
                .await
        }
        e => e,
    };
    match result {
        Ok(()) => Redirect::to("/coord/roster").into_response(),
        Err(e) => match person_errors(&state, c.lang, &e) {
            Some(errors) => {
                let person = c.tenant.person(id).await.ok();
                let functions = c.tenant.functions().await.unwrap_or_default();
                let ctx = obj(json!({
                    "person": person,
                    "functions": functions,
                    "levels": ["top_management", "leader", "professional", "politician", "external"],
                    "errors": errors,
                }));
                page(
                    &state,
                    &c,
                    "coord_person.html",
                    ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
            }
            None => fail(&state, &c, e),
        },
    }
}

/// Adds one of the tenant's own functions.
pub async fn function_add(State(state): State<AppState>, c: Coord, Form(f): Form) -> Response {
    match c.tenant.add_function(&f.text("name")).await {
        Ok(_) => Redirect::to("/coord/roster#functions").into_response(),
        Err(e @ (StoreError::Invalid(_) | StoreError::Conflict(_))) => {
            let key = if matches!(e, StoreError::Conflict(_)) {
                "web-function-exists"
            } else {
                "web-function-invalid"
            };
            roster_problems(&state, &c, vec![state.text(c.lang, key)], json!({})).await
        }
        Err(e) => fail(&state, &c, e),
    }
}
