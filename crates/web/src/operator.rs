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
    let (tenants, users) = match (store.tenants().await, store.users(None).await) {
        (Ok(t), Ok(u)) => (t, u),
        (Err(e), _) | (_, Err(e)) => return PageError::new(state, op.lang, e).into_response(),
    };
    let mut ctx = json!({
        "lang": op.lang.code(),
        "csrf": op.csrf,
        "user": op.user.name,
        "role": "operator",
        "tenants": tenants,
        "users": users,
        "roles": ["coordinator", "funder", "evaluator", "operator"],
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

/// Creates a user with a generated password, shown once.
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
    let password = generate_password();
    let email = f.text("email");
    match op
        .admin
        .create_user(tenant, &email, &f.text("name"), role, &password)
        .await
    {
        Ok(_) => {
            render(
                &state,
                &op,
                json!({"created": {"email": email.to_lowercase(), "password": password}}),
                StatusCode::OK,
            )
            .await
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

/// Resets a password (shown once), deactivates or activates a user.
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
        "reset" => {
            let password = generate_password();
            match op.admin.reset_password(&user.email, &password).await {
                Ok(()) => {
                    render(
                        &state,
                        &op,
                        json!({"reset": {"email": user.email, "password": password}}),
                        StatusCode::OK,
                    )
                    .await
                }
                Err(e) => PageError::new(&state, op.lang, e).into_response(),
            }
        }
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
