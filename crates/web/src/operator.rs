//! The operator's pages: municipalities and housing areas (tenants) and
//! user accounts. The operator sees no survey data. The same actions are
//! `samspill admin` commands.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samspill_store::{NewTenant, Role, StoreError, TenantKind};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::store_error_key;
use crate::extract::{Form, Id, Operator, Q};
use crate::{AppState, PageError};

/// The operator's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/operator", get(home))
        .route("/operator/tenants", post(tenant_create))
        .route("/operator/tenants/{slug}", post(tenant_action))
        .route("/operator/users", post(user_create))
        .route("/operator/users/{id}", post(user_action))
        .route("/operator/grants", post(grant_action))
}

/// A password for a new account or a reset: 20 characters from an
/// unambiguous alphabet (about 110 bits), shown once to the operator.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let bytes = samspill_store::random_token();
    bytes
        .bytes()
        .take(20)
        .map(|b| ALPHABET[b as usize % ALPHABET.len()] as char)
        .collect()
}

/// Query of the operator page: the outcome of the last action.
#[derive(Deserialize, Default)]
pub struct OpQuery {
    done: Option<String>,
}

async fn render(state: &AppState, op: &Operator, extra: Value, status: StatusCode) -> Response {
    let store = state.store();
    let (tenants, users, grants) = match (
        store.tenants().await,
        store.users(None).await,
        store.grants(None).await,
    ) {
        (Ok(t), Ok(u), Ok(g)) => (t, u, g),
        (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => {
            return PageError::new(state, op.lang, e).into_response();
        }
    };
    let readers: Vec<_> = users
        .iter()
        .filter(|u| matches!(u.role, Role::Funder | Role::Evaluator))
        .map(|u| json!({"id": u.id, "email": u.email}))
        .collect();
    let mut ctx = json!({
        "lang": op.lang.code(),
        "csrf": op.csrf,
        "user": op.user.name,
        "role": "operator",
        "tenants": tenants,
        "users": users,
        "roles": ["coordinator", "funder", "evaluator", "operator"],
        "grants": grants,
        "readers": readers,
        "outbox": matches!(state.config().mail, crate::MailTransport::Outbox),
    });
    if let (Some(m), Value::Object(e)) = (ctx.as_object_mut(), extra) {
        m.extend(e);
    }
    match state.render("operator.html", ctx) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, op.lang, e).into_response(),
    }
}

/// The operator's page.
pub async fn home(State(state): State<AppState>, op: Operator, Q(q): Q<OpQuery>) -> Response {
    let done = q.done.filter(|d| {
        [
            "tenant-created",
            "tenant-renamed",
            "tenant-deactivated",
            "tenant-activated",
            "user-deactivated",
            "user-activated",
            "user-invited",
            "reset-sent",
            "granted",
            "revoked",
        ]
        .contains(&d.as_str())
    });
    render(
        &state,
        &op,
        json!({"done": done.map(|d| format!("web-op-done-{d}"))}),
        StatusCode::OK,
    )
    .await
}

fn refused(e: &StoreError) -> &'static str {
    match e {
        StoreError::Conflict(_) => "web-op-exists",
        StoreError::Invalid(_) => "web-error-invalid",
        _ => store_error_key(e).1,
    }
}

/// Creates a tenant.
pub async fn tenant_create(State(state): State<AppState>, op: Operator, Form(f): Form) -> Response {
    let kind = if f.text("kind") == "housing_area" {
        TenantKind::HousingArea
    } else {
        TenantKind::Municipality
    };
    let mail_from = Some(f.text("mail_from")).filter(|m| !m.is_empty());
    let t = NewTenant {
        slug: f.text("slug").to_lowercase(),
        name: f.text("name"),
        kind,
        lang: f.text("lang"),
        mail_from,
    };
    match op.admin.create_tenant(&t).await {
        Ok(_) => Redirect::to("/operator?done=tenant-created").into_response(),
        Err(e @ (StoreError::Conflict(_) | StoreError::Invalid(_))) => {
            let form = json!({"slug": t.slug, "name": t.name, "mail_from": t.mail_from});
            render(
                &state,
                &op,
                json!({"tenant_error": refused(&e), "tenant_form": form}),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => PageError::new(&state, op.lang, e).into_response(),
    }
}

/// Renames, deactivates or activates a tenant (`action` field).
pub async fn tenant_action(
    State(state): State<AppState>,
    op: Operator,
    Id(slug): Id<String>,
    Form(f): Form,
) -> Response {
    let (result, done) = match f.text("action").as_str() {
        "rename" => (
            op.admin.rename_tenant(&slug, &f.text("name")).await,
            "tenant-renamed",
        ),
        "deactivate" => (
            op.admin.set_tenant_active(&slug, false).await,
            "tenant-deactivated",
        ),
        "activate" => (
            op.admin.set_tenant_active(&slug, true).await,
            "tenant-activated",
        ),
        _ => (Err(StoreError::NotFound), ""),
    };
    match result {
        Ok(()) => Redirect::to(&format!("/operator?done={done}")).into_response(),
        Err(e @ (StoreError::Invalid(_) | StoreError::Conflict(_))) => {
            render(
                &state,
                &op,
                json!({"tenant_error": refused(&e)}),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => PageError::new(&state, op.lang, e).into_response(),
    }
}

/// Invites a user by e-mail: the account gets a one-time link (valid a
/// week) to choose a password or bind an organisation login; the operator
/// never sees a password or a link.
pub async fn user_create(State(state): State<AppState>, op: Operator, Form(f): Form) -> Response {
    let role = Role::parse(&f.text("role")).unwrap_or(Role::Coordinator);
    let slug = f.text("tenant");
    let tenant = if role == Role::Operator || slug.is_empty() {
        None
    } else {
        match state.store().tenant_by_slug(&slug).await {
            Ok(t) => Some(t),
            Err(e) => {
                return render(
                    &state,
                    &op,
                    json!({"user_error": refused(&e)}),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        }
    };
    let email = f.text("email");
    let lang = Some(f.text("lang"))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| op.lang.code().to_string());
    match op
        .admin
        .invite_user(tenant, &email, &f.text("name"), role, &lang)
        .await
    {
        Ok(_) => {
            state.wake_mail();
            Redirect::to("/operator?done=user-invited").into_response()
        }
        Err(e @ (StoreError::Conflict(_) | StoreError::Invalid(_))) => {
            let form = json!({"email": email, "name": f.text("name"), "tenant": slug, "role": role.as_str()});
            render(
                &state,
                &op,
                json!({"user_error": refused(&e), "user_form": form}),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => PageError::new(&state, op.lang, e).into_response(),
    }
}

/// Grants (`action=grant`) or withdraws (`action=revoke`) a funder's or
/// evaluator's access to a tenant's pseudonymised results.
pub async fn grant_action(State(state): State<AppState>, op: Operator, Form(f): Form) -> Response {
    let user = f
        .text("user")
        .parse::<i64>()
        .map(samspill_store::UserId::from_raw);
    let tenant = state.store().tenant_by_slug(&f.text("tenant")).await;
    let (Ok(user), Ok(tenant)) = (user, tenant) else {
        return render(
            &state,
            &op,
            json!({"grant_error": "web-error-invalid"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let (result, done) = match f.text("action").as_str() {
        "grant" => (op.admin.grant(user, tenant, "operator").await, "granted"),
        "revoke" => {
            let source = Some(f.text("source"))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "operator".into());
            (
                op.admin.revoke_grant(user, tenant, &source).await,
                "revoked",
            )
        }
        _ => (Err(StoreError::Invalid("action".into())), ""),
    };
    match result {
        Ok(()) => Redirect::to(&format!("/operator?done={done}")).into_response(),
        Err(e @ (StoreError::Invalid(_) | StoreError::NotFound)) => {
            render(
                &state,
                &op,
                json!({"grant_error": refused(&e)}),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => PageError::new(&state, op.lang, e).into_response(),
    }
}

/// Sends a password reset link, deactivates or activates a user.
pub async fn user_action(
    State(state): State<AppState>,
    op: Operator,
    Id(id): Id<i64>,
    Form(f): Form,
) -> Response {
    let users = match state.store().users(None).await {
        Ok(u) => u,
        Err(e) => return PageError::new(&state, op.lang, e).into_response(),
    };
    let Some(user) = users.into_iter().find(|u| u.id.get() == id) else {
        return PageError::new(&state, op.lang, StoreError::NotFound).into_response();
    };
    match f.text("action").as_str() {
        "reset" => match op.admin.send_password_reset(user.id).await {
            Ok(()) => {
                state.wake_mail();
                Redirect::to("/operator?done=reset-sent").into_response()
            }
            Err(e) => PageError::new(&state, op.lang, e).into_response(),
        },
        a @ ("deactivate" | "activate") => {
            if user.id == op.user.id && a == "deactivate" {
                return render(
                    &state,
                    &op,
                    json!({"user_error": "web-op-not-yourself"}),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            match op.admin.set_user_active(&user.email, a == "activate").await {
                Ok(()) => Redirect::to(&format!("/operator?done=user-{a}d")).into_response(),
                Err(e) => PageError::new(&state, op.lang, e).into_response(),
            }
        }
        _ => PageError::new(&state, op.lang, StoreError::NotFound).into_response(),
    }
}
