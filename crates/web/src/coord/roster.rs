//! The roster: people (stable ids), import from CSV/XLSX (all rows or
//! none; adding to the list, or replacing it after a preview of who is
//! added, changed and taken off), bulk actions, the function catalogue and
//! its coverage. Every action answers with a redirect to the roster page,
//! which says what was done.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_engine::model::Level;
use samspill_i18n::Lang;
use samspill_store::{
    FunctionId, ImportMode, NewPerson, PersonId, ProblemKind, RosterChanges, RowProblem, StoreError,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{coverage, fail, obj, page, problem_in_file, problem_what};
use crate::AppState;
use crate::error::error_page;
use crate::extract::{Coord, Form, Id, Q, Upload};
use crate::forms::FormData;
use crate::roster::{ReadRoster, RosterFile, parse_level, read_roster};

const LEVELS: [&str; 5] = [
    "top_management",
    "leader",
    "professional",
    "politician",
    "external",
];

/// Query of the roster page: the outcome of the action just done.
#[derive(Deserialize, Default)]
pub struct RosterQuery {
    added: Option<usize>,
    updated: Option<usize>,
    removed: Option<usize>,
    done: Option<String>,
    n: Option<usize>,
    id: Option<i64>,
}

async fn roster_ctx(c: &Coord) -> Result<serde_json::Map<String, Value>, StoreError> {
    let persons = c.tenant.persons().await?;
    let (table, gaps) = coverage(c).await?;
    let functions = c.tenant.functions().await?;
    let on_list = persons.iter().filter(|p| p.active).count();
    Ok(obj(json!({
        "persons": persons,
        "on_list": on_list,
        "table": table,
        "gaps": gaps,
        "functions": functions,
        "levels": LEVELS,
    })))
}

/// The message of an action just done (`?done=`), with the person's name
/// when the action was about one person.
async fn done_message(state: &AppState, c: &Coord, q: &RosterQuery) -> Option<String> {
    let t = state.texts(c.lang);
    let n = samspill_i18n::Arg::Num(q.n.unwrap_or(0) as f64);
    let person = match q.id {
        Some(id) => c
            .tenant
            .person(PersonId::from_raw(id))
            .await
            .ok()
            .map(|p| p.name),
        None => None,
    };
    let name = samspill_i18n::Arg::Str(person.as_deref().unwrap_or(""));
    Some(match q.done.as_deref()? {
        "person-added" => t.format("everyday-person-added", &[("name", name)]),
        "person-saved" => t.format("everyday-person-saved", &[("name", name)]),
        "function-added" => t.get("everyday-function-added"),
        "deactivate" => t.format("everyday-bulk-deactivated", &[("n", n)]),
        "activate" => t.format("everyday-bulk-activated", &[("n", n)]),
        "function_add" => t.format("everyday-bulk-function-added", &[("n", n)]),
        "function_remove" => t.format("everyday-bulk-function-removed", &[("n", n)]),
        _ => return None,
    })
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
                ctx.insert(
                    "imported".into(),
                    json!({"added": a, "updated": u, "removed": q.removed.unwrap_or(0)}),
                );
            }
            ctx.insert("done".into(), json!(done_message(&state, &c, &q).await));
            page(&state, &c, "coord_roster.html", ctx, StatusCode::OK)
        }
        Err(e) => fail(&state, &c, e),
    }
}

/// The roster page again with what went wrong: `extra` holds the problems
/// of an import (`problems`), of the add form (`add_errors`, `form`), of the
/// function form (`function_error`) or of a bulk action (`bulk_error`).
async fn roster_again(
    state: &AppState,
    c: &Coord,
    extra: serde_json::Map<String, Value>,
    status: StatusCode,
) -> Response {
    match roster_ctx(c).await {
        Ok(mut ctx) => {
            ctx.extend(extra);
            page(state, c, "coord_roster.html", ctx, status)
        }
        Err(e) => fail(state, c, e),
    }
}

async fn import_problems(state: &AppState, c: &Coord, problems: Vec<String>) -> Response {
    roster_again(
        state,
        c,
        obj(json!({"problems": problems})),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// Every problem of every row of a file, in file order: what the reader
/// found (unknown levels) and what the store's check found (names, e-mail
/// addresses, functions, repeated people), with row and column.
async fn all_problems(
    state: &AppState,
    c: &Coord,
    read: &ReadRoster,
) -> Result<Vec<String>, StoreError> {
    let mut problems: Vec<RowProblem> = read.problems.clone();
    for mut p in c.tenant.check_roster(&read.people).await? {
        // The store numbers persons 2, 3, …; map back to file rows.
        if let Some(line) = p.row.checked_sub(2).and_then(|i| read.rows.get(i)) {
            p.row = *line;
        }
        if let ProblemKind::DuplicateEmail { first_row, .. } = &mut p.kind
            && let Some(line) = first_row.checked_sub(2).and_then(|i| read.rows.get(i))
        {
            *first_row = *line;
        }
        problems.push(p);
    }
    let column_of = |p: &RowProblem| {
        let name = match &p.kind {
            ProblemKind::MissingName => "name",
            ProblemKind::BadEmail { .. } | ProblemKind::DuplicateEmail { .. } => "email",
            ProblemKind::UnknownFunction { .. } => "functions",
            ProblemKind::UnknownLevel { .. } => "level",
            ProblemKind::BadText { column } => column.as_str(),
            _ => "",
        };
        read.columns
            .iter()
            .find(|c| c.0 == name)
            .map(|c| c.1)
            .unwrap_or(0)
    };
    problems.sort_by_key(|p| (p.row, column_of(p)));
    Ok(problems
        .iter()
        .map(|p| problem_in_file(state, c.lang, p, &read.columns))
        .collect())
}

/// Imports a CSV or XLSX roster, all rows or none. `mode=add` (the
/// default) adds and updates at once; `mode=replace` shows what replacing
/// the list would do, and saves only when the coordinator confirms.
pub async fn roster_import(State(state): State<AppState>, c: Coord, up: Upload) -> Response {
    let mode = match up.fields.get("mode") {
        None | Some("add") => ImportMode::Add,
        Some("replace") => ImportMode::Replace,
        Some(_) => {
            return error_page(&state, c.lang, StatusCode::BAD_REQUEST, "web-error-invalid");
        }
    };
    let Some((fname, bytes)) = up.file.filter(|(_, b)| !b.is_empty()) else {
        return import_problems(&state, &c, vec![state.text(c.lang, "web-import-no-file")]).await;
    };
    let kind = RosterFile::detect(&fname, &bytes);
    let read = match read_roster(kind, &bytes) {
        Ok(r) => r,
        Err(problems) => {
            let msgs = problems
                .iter()
                .map(|p| problem_in_file(&state, c.lang, p, &[]))
                .collect();
            return import_problems(&state, &c, msgs).await;
        }
    };
    let problems = match all_problems(&state, &c, &read).await {
        Ok(p) => p,
        Err(e) => return fail(&state, &c, e),
    };
    if !problems.is_empty() {
        return import_problems(&state, &c, problems).await;
    }
    match mode {
        ImportMode::Add => match c
            .tenant
            .import_roster_as(&read.people, ImportMode::Add, None)
            .await
        {
            Ok(s) => Redirect::to(&format!(
                "/coord/roster?added={}&updated={}",
                s.added, s.updated
            ))
            .into_response(),
            Err(StoreError::Roster(problems)) => {
                let msgs = problems
                    .iter()
                    .map(|p| problem_in_file(&state, c.lang, p, &read.columns))
                    .collect();
                import_problems(&state, &c, msgs).await
            }
            Err(e) => fail(&state, &c, e),
        },
        ImportMode::Replace => {
            match c
                .tenant
                .roster_changes(&read.people, ImportMode::Replace)
                .await
            {
                Ok(changes) => preview(&state, &c, &read.people, &changes, None).await,
                Err(e) => fail(&state, &c, e),
            }
        }
    }
}

/// A person as the preview's form carries them to the confirmation.
#[derive(Serialize, Deserialize)]
struct Carried {
    name: String,
    email: String,
    unit: Option<String>,
    level: Option<String>,
    functions: Vec<String>,
}

/// Largest list the confirmation takes back (the reader's own limit).
const MAX_CARRIED: usize = 5000;

/// The preview of replacing the list: who is added, changed and taken off;
/// the people travel in the form (nothing is stored before the
/// confirmation) with the fingerprint of what was shown.
async fn preview(
    state: &AppState,
    c: &Coord,
    people: &[NewPerson],
    changes: &RosterChanges,
    notice: Option<&str>,
) -> Response {
    let carried: Vec<Carried> = people
        .iter()
        .map(|p| Carried {
            name: p.name.clone(),
            email: p.email.clone(),
            unit: p.unit.clone(),
            level: p.level.map(|l| l.as_str().to_string()),
            functions: p.functions.clone(),
        })
        .collect();
    let payload = serde_json::to_string(&carried).unwrap_or_default();
    let ctx = obj(json!({
        "changes": changes,
        "payload": payload,
        "notice": notice,
        "levels": LEVELS,
    }));
    let status = if notice.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    page(state, c, "coord_roster_preview.html", ctx, status)
}

/// Replaces the list as the preview showed it: all or nothing, audited;
/// when the roster changed since the preview, the new preview is shown
/// instead and nothing is stored.
pub async fn roster_import_confirm(
    State(state): State<AppState>,
    c: Coord,
    up: Upload,
) -> Response {
    let bad = || error_page(&state, c.lang, StatusCode::BAD_REQUEST, "web-error-invalid");
    let (Some(payload), Some(fingerprint)) =
        (up.fields.get("people"), up.fields.get("fingerprint"))
    else {
        return bad();
    };
    let Ok(carried) = serde_json::from_str::<Vec<Carried>>(payload) else {
        return bad();
    };
    if carried.is_empty() || carried.len() > MAX_CARRIED {
        return bad();
    }
    let mut people = Vec::with_capacity(carried.len());
    for p in carried {
        let level = match p.level.as_deref() {
            None => None,
            Some(l) => match Level::parse(l) {
                Some(l) => Some(l),
                None => return bad(),
            },
        };
        people.push(NewPerson {
            name: p.name,
            email: p.email,
            unit: p.unit,
            level,
            functions: p.functions,
        });
    }
    match c
        .tenant
        .import_roster_as(&people, ImportMode::Replace, Some(fingerprint))
        .await
    {
        Ok(s) => Redirect::to(&format!(
            "/coord/roster?added={}&updated={}&removed={}",
            s.added, s.updated, s.removed
        ))
        .into_response(),
        Err(StoreError::Stale) => match c.tenant.roster_changes(&people, ImportMode::Replace).await
        {
            Ok(changes) => {
                preview(&state, &c, &people, &changes, Some("everyday-import-stale")).await
            }
            Err(e) => fail(&state, &c, e),
        },
        Err(StoreError::Roster(problems)) => {
            let msgs = problems
                .iter()
                .map(|p| problem_in_file(&state, c.lang, p, &[]))
                .collect();
            import_problems(&state, &c, msgs).await
        }
        Err(e) => fail(&state, &c, e),
    }
}

/// A bulk action on the people ticked in the roster table: take them off
/// the list, put them back, give them a function or take it from them.
pub async fn roster_bulk(State(state): State<AppState>, c: Coord, Form(f): Form) -> Response {
    let mut ids = Vec::new();
    for v in f.all("persons") {
        match v.parse::<i64>() {
            Ok(id) => ids.push(PersonId::from_raw(id)),
            Err(_) => {
                return error_page(&state, c.lang, StatusCode::BAD_REQUEST, "web-error-invalid");
            }
        }
    }
    let action = f.text("bulk_action");
    if ids.is_empty() {
        return bulk_again(&state, &c, "everyday-bulk-none").await;
    }
    let function = || {
        f.get("function")
            .and_then(|v| v.parse::<i64>().ok())
            .map(FunctionId::from_raw)
    };
    let result = match action.as_str() {
        "deactivate" => c.tenant.set_persons_active(&ids, false).await,
        "activate" => c.tenant.set_persons_active(&ids, true).await,
        "function_add" | "function_remove" => match function() {
            Some(fid) => {
                c.tenant
                    .set_persons_function(&ids, fid, action == "function_add")
                    .await
            }
            None => return bulk_again(&state, &c, "everyday-bulk-no-function").await,
        },
        _ => return bulk_again(&state, &c, "everyday-bulk-no-action").await,
    };
    match result {
        Ok(n) => Redirect::to(&format!("/coord/roster?done={action}&n={n}#people")).into_response(),
        Err(StoreError::NotFound) => bulk_again(&state, &c, "everyday-bulk-unknown").await,
        Err(e) => fail(&state, &c, e),
    }
}

async fn bulk_again(state: &AppState, c: &Coord, key: &str) -> Response {
    roster_again(
        state,
        c,
        obj(json!({"bulk_error": key})),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
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

/// The store's refusal of one person as messages beside the fields.
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
                m.insert(field.to_string(), problem_what(state, lang, &p.kind));
            }
        }
        StoreError::Conflict(_) => {
            m.insert("email".into(), state.text(lang, "web-person-email-taken"));
        }
        _ => return None,
    }
    Some(m)
}

/// The form's values, to fill the form in again after a refusal.
fn form_values(f: &FormData) -> Value {
    json!({
        "name": f.text("name"),
        "email": f.text("email"),
        "unit": f.text("unit"),
        "level": f.text("level"),
        "functions": f.all("functions"),
    })
}

/// Adds one person.
pub async fn person_add(State(state): State<AppState>, c: Coord, Form(f): Form) -> Response {
    let result = match person_from_form(&f) {
        Ok(p) => c.tenant.add_person(&p).await,
        Err(v) => Err(StoreError::Roster(vec![RowProblem {
            row: 1,
            kind: ProblemKind::UnknownLevel { value: v },
        }])),
    };
    match result {
        Ok(id) => {
            Redirect::to(&format!("/coord/roster?done=person-added&id={id}#people")).into_response()
        }
        Err(e) => match person_errors(&state, c.lang, &e) {
            Some(errs) => {
                roster_again(
                    &state,
                    &c,
                    obj(json!({"add_errors": errs, "form": form_values(&f)})),
                    StatusCode::UNPROCESSABLE_ENTITY,
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
    let functions = match c.tenant.functions().await {
        Ok(f) => f,
        Err(e) => return fail(&state, &c, e),
    };
    let ctx = obj(json!({
        "person": person,
        "functions": functions,
        "levels": LEVELS,
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
        Ok(()) => {
            Redirect::to(&format!("/coord/roster?done=person-saved&id={id}#people")).into_response()
        }
        Err(e) => match person_errors(&state, c.lang, &e) {
            Some(errors) => {
                let Ok(mut person) = c.tenant.person(id).await else {
                    return fail(&state, &c, StoreError::NotFound);
                };
                // Show what was typed, not what is stored.
                person.name = f.text("name");
                person.email = f.text("email");
                person.unit = Some(f.text("unit")).filter(|u| !u.is_empty());
                person.functions = f.all("functions").into_iter().map(str::to_string).collect();
                person.active = f.get("active").is_some();
                let functions = c.tenant.functions().await.unwrap_or_default();
                let ctx = obj(json!({
                    "person": person,
                    "functions": functions,
                    "levels": LEVELS,
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
        Ok(_) => Redirect::to("/coord/roster?done=function-added#functions").into_response(),
        Err(e @ (StoreError::Invalid(_) | StoreError::Conflict(_))) => {
            let key = if matches!(e, StoreError::Conflict(_)) {
                "web-function-exists"
            } else {
                "web-function-invalid"
            };
            roster_again(
                &state,
                &c,
                obj(json!({"function_error": key, "function_form": f.text("name")})),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => fail(&state, &c, e),
    }
}
