//! Accounts beyond the password check (issue 16): invitations and password
//! resets by one-time e-mail links, password changes, TOTP as a second
//! factor, identities at OpenID providers, access grants of funders and
//! evaluators, and the queue of service mail (account mail, retention
//! warnings, notices to people on a roster).
//!
//! ## One-time links
//! A link's token is derived from a random nonce with the store's key
//! (HMAC-SHA256, 256 bits, like respondents' links); the database keeps the
//! nonce and a SHA-256 of the token, so the mail worker can compose the link
//! at send time and a copy of the database alone cannot be used to take an
//! account over. A token is used once (a conditional update), invitations
//! last [`INVITE_SECONDS`], resets [`RESET_SECONDS`]; using one ends every
//! session of the account.
//!
//! ## Second factor
//! A password login of an account with TOTP (or one that must have it:
//! operators, users of a tenant that requires it, funders and evaluators
//! granted such a tenant) is not a session yet but a **challenge**: a
//! short-lived token ([`CHALLENGE_SECONDS`], at most [`CHALLENGE_ATTEMPTS`]
//! codes) answered with a code. An account that must have TOTP and has none
//! enrols in the challenge (the secret is shown once, and confirmed with a
//! code). TOTP secrets are stored sealed with a key derived from the token
//! key, so a copy of the database alone does not hold them.

use serde::Serialize;
use sqlx::Row;

use crate::auth::{check_password, user_from_row, verify_password};
use crate::tenant::{Tenant, tenant_info, valid_email};
use crate::*;

/// How long an invitation link works (7 days).
pub const INVITE_SECONDS: i64 = 7 * 86_400;
/// How long a password reset link works (1 hour).
pub const RESET_SECONDS: i64 = 3_600;
/// How long a second-factor challenge lasts (5 minutes).
pub const CHALLENGE_SECONDS: i64 = 300;
/// Codes one challenge accepts before it is spent.
pub const CHALLENGE_ATTEMPTS: i64 = 5;
/// How long an OpenID authorization request may take (10 minutes).
pub const OIDC_FLOW_SECONDS: i64 = 600;

/// What a one-time account link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenPurpose {
    /// A new account chooses its password (or its organisation login).
    Invite,
    /// An account chooses a new password.
    Reset,
}

impl TokenPurpose {
    /// Machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Invite => "invite",
            TokenPurpose::Reset => "reset",
        }
    }
}

/// A valid one-time link, as its page needs it.
#[derive(Debug, Clone, Serialize)]
pub struct AccountLink {
    /// The account.
    pub user: UserId,
    /// Its e-mail.
    pub email: String,
    /// Its name.
    pub name: String,
    /// What the link is for.
    pub purpose: TokenPurpose,
    /// When it stops working (Unix seconds).
    pub expires_at: i64,
}

/// What a password login still needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    /// Nothing: the login is complete.
    None,
    /// A code from the account's authenticator.
    Verify,
    /// The account must set up an authenticator first (then give a code).
    Enroll,
}

/// A pending second-factor challenge.
#[derive(Debug, Clone)]
pub struct Challenge {
    /// The account.
    pub user: AuthUser,
    /// The secret being enrolled (shown once), if the account enrols.
    pub enroll: Option<Vec<u8>>,
    /// Codes tried so far.
    pub attempts: i64,
}

/// What a code given to a challenge did.
#[derive(Debug, Clone)]
pub enum ChallengeOutcome {
    /// Right: the login is complete.
    Ok(AuthUser),
    /// Wrong code; this many tries are left.
    Wrong {
        /// Tries left.
        left: i64,
    },
    /// The challenge is unknown, expired or spent: log in again.
    Expired,
}

/// An identity at an OpenID provider bound to an account.
#[derive(Debug, Clone, Serialize)]
pub struct Identity {
    /// The provider's key in the configuration.
    pub provider: String,
    /// The value of the provider's identifying claim.
    pub subject: String,
    /// Bound (Unix seconds).
    pub created_at: i64,
}

/// A pending OpenID authorization request.
#[derive(Debug, Clone)]
pub struct OidcFlow {
    /// The provider's key.
    pub provider: String,
    /// The PKCE verifier.
    pub pkce_verifier: String,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// `login`, `link:{user}` or `invite:{token}`.
    pub purpose: String,
}

/// A funder's or evaluator's access to a tenant's pseudonymised results.
#[derive(Debug, Clone, Serialize)]
pub struct Grant {
    /// The account.
    pub user: UserId,
    /// Its e-mail.
    pub email: String,
    /// Its name.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// The tenant's slug.
    pub tenant: String,
    /// Where the grant comes from: `operator` (granted by hand) or a
    /// programme's key (`programme:{id}`), which [`Admin::sync_grants`]
    /// keeps equal to the programme's membership.
    pub source: String,
    /// Who granted it.
    pub created_by: String,
    /// When (Unix seconds).
    pub created_at: i64,
}

const USER_COLS: &str = "u.id, u.tenant_id, u.email, u.name, u.role, u.lang";

impl Store {
    // ------------------------------------------------------------- secrets

    fn keystream(&self, label: &[u8], nonce: &[u8]) -> [u8; 32] {
        use hmac::{Hmac, KeyInit, Mac};
        let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(&self.token_key)
            .expect("HMAC accepts any key length");
        mac.update(label);
        mac.update(nonce);
        let mut out = [0u8; 32];
        out.copy_from_slice(&mac.finalize().into_bytes());
        out
    }

    /// Seals a TOTP secret (at most 32 bytes): a random nonce and the
    /// secret XOR an HMAC-SHA256 keystream of the token key and the nonce.
    /// Confidentiality only: whoever can write the database can already
    /// change any account.
    pub(crate) fn seal(&self, secret: &[u8]) -> String {
        let nonce = random_bytes::<16>();
        let ks = self.keystream(b"samspill-totp\0", &nonce);
        let mut out = nonce.to_vec();
        out.extend(secret.iter().zip(ks.iter()).map(|(a, b)| a ^ b));
        hex(&out)
    }

    pub(crate) fn unseal(&self, sealed: &str) -> Option<Vec<u8>> {
        let bytes: Option<Vec<u8>> = (0..sealed.len() / 2)
            .map(|i| u8::from_str_radix(sealed.get(2 * i..2 * i + 2)?, 16).ok())
            .collect();
        let bytes = bytes?;
        if bytes.len() < 17 || bytes.len() > 48 {
            return None;
        }
        let (nonce, ct) = bytes.split_at(16);
        let ks = self.keystream(b"samspill-totp\0", nonce);
        Some(ct.iter().zip(ks.iter()).map(|(a, b)| a ^ b).collect())
    }

    pub(crate) fn derive_account_token(&self, nonce: &str) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(self.keystream(b"samspill-account\0", nonce.as_bytes()))
    }

    // --------------------------------------------------------------- users

    /// An active account by id (with an active tenant, if any).
    pub async fn user(&self, id: UserId) -> Result<AuthUser> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLS} FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id WHERE u.id = $1 AND u.active = 1 AND (t.id IS NULL OR t.active = 1)"
        )))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        user_from_row(&row)
    }

    /// An active account by e-mail (case-insensitive), with an active
    /// tenant if it has one.
    pub async fn user_by_email(&self, email: &str) -> Result<Option<AuthUser>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLS} FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id WHERE u.email = $1 AND u.active = 1 AND (t.id IS NULL OR t.active = 1)"
        )))
        .bind(email.trim().to_lowercase())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// Records a completed login (`method`: `password`, `totp`,
    /// `oidc:{provider}`).
    pub async fn record_login(&self, user: &AuthUser, method: &str) -> Result<()> {
        self.audit_system(
            user.tenant,
            &Actor::User {
                id: user.id,
                email: user.email.clone(),
            },
            "login.complete",
            method,
        )
        .await
    }

    // -------------------------------------------------------- second factor

    /// Whether the account has a confirmed authenticator.
    pub async fn totp_enabled(&self, user: UserId) -> Result<bool> {
        let row = sqlx::query("SELECT totp_secret FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(row.try_get::<Option<String>, _>("totp_secret")?.is_some())
    }

    /// Whether the account must use TOTP: operators (when
    /// `operators_required`), users of a tenant that requires it, and
    /// funders and evaluators granted such a tenant.
    pub async fn totp_required(&self, user: &AuthUser, operators_required: bool) -> Result<bool> {
        if user.role == Role::Operator {
            return Ok(operators_required);
        }
        let row = sqlx::query(
            "SELECT 1 AS x FROM tenant_privacy p WHERE p.require_totp = 1 AND (p.tenant_id = $1 OR p.tenant_id IN (SELECT tenant_id FROM access_grants WHERE user_id = $2)) LIMIT 1",
        )
        .bind(user.tenant.map(|t| t.0))
        .bind(user.id.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// What a password login of `user` still needs.
    pub async fn second_factor(
        &self,
        user: &AuthUser,
        operators_required: bool,
    ) -> Result<SecondFactor> {
        if self.totp_enabled(user.id).await? {
            Ok(SecondFactor::Verify)
        } else if self.totp_required(user, operators_required).await? {
            Ok(SecondFactor::Enroll)
        } else {
            Ok(SecondFactor::None)
        }
    }

    /// Starts a second-factor challenge after a right password; returns
    /// its secret token (for a short-lived cookie).
    pub async fn create_challenge(&self, user: UserId, enroll: bool) -> Result<String> {
        let token = random_token();
        let t = now();
        let secret = enroll.then(|| self.seal(&random_bytes::<{ totp::SECRET_BYTES }>()));
        sqlx::query("DELETE FROM login_challenges WHERE expires_at < $1")
            .bind(t)
            .execute(&self.pool)
            .await?;
        sqlx::query("INSERT INTO login_challenges (token_hash, user_id, method, enroll_secret, attempts, created_at, expires_at) VALUES ($1, $2, 'password', $3, 0, $4, $5)")
            .bind(token_hash(&token))
            .bind(user.0)
            .bind(secret)
            .bind(t)
            .bind(t + CHALLENGE_SECONDS)
            .execute(&self.pool)
            .await?;
        Ok(token)
    }

    /// The challenge of a cookie value, if it is still open.
    pub async fn challenge(&self, token: &str) -> Result<Option<Challenge>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLS}, c.enroll_secret, c.attempts FROM login_challenges c JOIN users u ON u.id = c.user_id LEFT JOIN tenants t ON t.id = u.tenant_id WHERE c.token_hash = $1 AND c.expires_at > $2 AND c.attempts < $3 AND u.active = 1 AND (t.id IS NULL OR t.active = 1)"
        )))
        .bind(token_hash(token))
        .bind(now())
        .bind(CHALLENGE_ATTEMPTS)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Challenge {
            user: user_from_row(&row)?,
            enroll: row
                .try_get::<Option<String>, _>("enroll_secret")?
                .and_then(|s| self.unseal(&s)),
            attempts: row.try_get("attempts")?,
        }))
    }

    /// Answers a challenge with a code at Unix time `at`. An attempt is
    /// counted (compare-and-set) before the code is checked, so parallel
    /// guesses are counted one by one; a used step is never accepted again.
    pub async fn answer_challenge(
        &self,
        token: &str,
        code: &str,
        at: i64,
    ) -> Result<ChallengeOutcome> {
        let hash = token_hash(token);
        let Some(ch) = self.challenge(token).await? else {
            return Ok(ChallengeOutcome::Expired);
        };
        let counted = sqlx::query("UPDATE login_challenges SET attempts = attempts + 1 WHERE token_hash = $1 AND attempts = $2")
            .bind(&hash)
            .bind(ch.attempts)
            .execute(&self.pool)
            .await?;
        if counted.rows_affected() == 0 {
            return Ok(ChallengeOutcome::Wrong {
                left: (CHALLENGE_ATTEMPTS - ch.attempts - 1).max(0),
            });
        }
        let secret = match &ch.enroll {
            Some(s) => s.clone(),
            None => {
                let row = sqlx::query("SELECT totp_secret FROM users WHERE id = $1")
                    .bind(ch.user.id.0)
                    .fetch_one(&self.pool)
                    .await?;
                match row
                    .try_get::<Option<String>, _>("totp_secret")?
                    .and_then(|s| self.unseal(&s))
                {
                    Some(s) => s,
                    None => return Ok(ChallengeOutcome::Expired),
                }
            }
        };
        let left = CHALLENGE_ATTEMPTS - ch.attempts - 1;
        let Some(step) = totp::matching_step(&secret, code, at) else {
            return Ok(ChallengeOutcome::Wrong { left: left.max(0) });
        };
        let mut tx = self.begin_write().await?;
        let actor = Actor::User {
            id: ch.user.id,
            email: ch.user.email.clone(),
        };
        let ok = if ch.enroll.is_some() {
            sqlx::query("UPDATE users SET totp_secret = $1, totp_pending = NULL, totp_last_step = $2 WHERE id = $3 AND totp_secret IS NULL")
                .bind(self.seal(&secret))
                .bind(step)
                .bind(ch.user.id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1
        } else {
            sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)")
                .bind(step)
                .bind(ch.user.id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1
        };
        if !ok {
            // A replayed code (its step was used) or a race with another
            // enrolment.
            return Ok(ChallengeOutcome::Wrong { left: left.max(0) });
        }
        sqlx::query("DELETE FROM login_challenges WHERE token_hash = $1")
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
        if ch.enroll.is_some() {
            audit::write(&mut tx, ch.user.tenant, &actor, "account.totp.enable", "").await?;
        }
        tx.commit().await?;
        Ok(ChallengeOutcome::Ok(ch.user))
    }

    /// Starts setting up an authenticator from the account page: a new
    /// secret, kept aside until a code confirms it.
    pub async fn begin_totp(&self, user: UserId) -> Result<Vec<u8>> {
        let secret = random_bytes::<{ totp::SECRET_BYTES }>().to_vec();
        sqlx::query("UPDATE users SET totp_pending = $1 WHERE id = $2")
            .bind(self.seal(&secret))
            .bind(user.0)
            .execute(&self.pool)
            .await?;
        Ok(secret)
    }

    /// The secret being set up, if any.
    pub async fn pending_totp(&self, user: UserId) -> Result<Option<Vec<u8>>> {
        let row = sqlx::query("SELECT totp_pending FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(row
            .try_get::<Option<String>, _>("totp_pending")?
            .and_then(|s| self.unseal(&s)))
    }

    /// Confirms the pending authenticator with a code; `false` when the
    /// code is wrong (nothing changes).
    pub async fn confirm_totp(&self, user: &AuthUser, code: &str, at: i64) -> Result<bool> {
        let Some(secret) = self.pending_totp(user.id).await? else {
            return Ok(false);
        };
        let Some(step) = totp::matching_step(&secret, code, at) else {
            return Ok(false);
        };
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET totp_secret = $1, totp_pending = NULL, totp_last_step = $2 WHERE id = $3")
            .bind(self.seal(&secret))
            .bind(step)
            .bind(user.id.0)
            .execute(&mut *tx)
            .await?;
        audit::write(
            &mut tx,
            user.tenant,
            &actor_of(user),
            "account.totp.enable",
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Turns TOTP off with a current code; `false` when the code is wrong.
    /// The caller refuses this to accounts that must have TOTP.
    pub async fn disable_totp(&self, user: &AuthUser, code: &str, at: i64) -> Result<bool> {
        let row = sqlx::query("SELECT totp_secret FROM users WHERE id = $1")
            .bind(user.id.0)
            .fetch_one(&self.pool)
            .await?;
        let Some(secret) = row
            .try_get::<Option<String>, _>("totp_secret")?
            .and_then(|s| self.unseal(&s))
        else {
            return Ok(false);
        };
        if totp::matching_step(&secret, code, at).is_none() {
            return Ok(false);
        }
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE id = $1")
            .bind(user.id.0)
            .execute(&mut *tx)
            .await?;
        audit::write(
            &mut tx,
            user.tenant,
            &actor_of(user),
            "account.totp.disable",
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    // ------------------------------------------------------------ passwords

    /// Changes the password of a logged-in user who gives the current one;
    /// every other session of the account ends. `false`: the current
    /// password was wrong (nothing changed).
    pub async fn change_password(
        &self,
        user: &AuthUser,
        current: &str,
        new: &str,
        keep_session: &str,
    ) -> Result<bool> {
        check_password(new)?;
        let row = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
            .bind(user.id.0)
            .fetch_one(&self.pool)
            .await?;
        let hash: String = row.try_get("password_hash")?;
        let current = current.to_string();
        let ok = tokio::task::spawn_blocking(move || verify_password(&current, &hash))
            .await
            .unwrap_or(false);
        if !ok {
            return Ok(false);
        }
        let new_hash = self.hash(new).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1, password_set = 1 WHERE id = $2")
            .bind(new_hash)
            .bind(user.id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user.id.0)
            .bind(token_hash(keep_session))
            .execute(&mut *tx)
            .await?;
        audit::write(
            &mut tx,
            user.tenant,
            &actor_of(user),
            "account.password.change",
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Makes a one-time link for an account inside a transaction: returns
    /// the token row's id (the mail worker derives the link from it).
    pub(crate) async fn create_account_token(
        &self,
        conn: &mut sqlx::AnyConnection,
        user: i64,
        purpose: TokenPurpose,
    ) -> Result<i64> {
        let nonce = hex(&random_bytes::<16>());
        let token = self.derive_account_token(&nonce);
        let t = now();
        let life = match purpose {
            TokenPurpose::Invite => INVITE_SECONDS,
            TokenPurpose::Reset => RESET_SECONDS,
        };
        // A new link replaces the account's unused links of the same kind.
        sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL")
            .bind(t)
            .bind(user)
            .bind(purpose.as_str())
            .execute(&mut *conn)
            .await?;
        let id: i64 = sqlx::query("INSERT INTO account_tokens (user_id, purpose, nonce, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(user)
            .bind(purpose.as_str())
            .bind(nonce)
            .bind(token_hash(&token))
            .bind(t)
            .bind(t + life)
            .fetch_one(&mut *conn)
            .await?
            .try_get("id")?;
        Ok(id)
    }

    /// The account behind a one-time link that still works.
    pub async fn account_link(&self, token: &str) -> Result<AccountLink> {
        if token.is_empty() || token.len() > 128 {
            return Err(StoreError::BadToken);
        }
        let row = sqlx::query("SELECT a.purpose, a.expires_at, u.id, u.email, u.name FROM account_tokens a JOIN users u ON u.id = a.user_id WHERE a.token_hash = $1 AND a.used_at IS NULL AND a.expires_at > $2 AND u.active = 1")
            .bind(token_hash(token))
            .bind(now())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::BadToken)?;
        Ok(AccountLink {
            user: UserId(row.try_get("id")?),
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            purpose: if row.try_get::<String, _>("purpose")? == "invite" {
                TokenPurpose::Invite
            } else {
                TokenPurpose::Reset
            },
            expires_at: row.try_get("expires_at")?,
        })
    }

    async fn spend_link(
        &self,
        tx: &mut sqlx::AnyConnection,
        token: &str,
    ) -> Result<(AccountLink, AuthUser)> {
        let link = self.account_link(token).await?;
        let r = sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1")
            .bind(now())
            .bind(token_hash(token))
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() != 1 {
            return Err(StoreError::BadToken);
        }
        let user = self.user(link.user).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.id.0)
            .execute(&mut *tx)
            .await?;
        Ok((link, user))
    }

    /// Sets the password through a one-time link (invitation or reset);
    /// the link is spent and every session of the account ends.
    pub async fn set_password_with_link(&self, token: &str, password: &str) -> Result<AuthUser> {
        check_password(password)?;
        self.account_link(token).await?;
        let hash = self.hash(password).await?;
        let mut tx = self.begin_write().await?;
        let (link, user) = self.spend_link(&mut tx, token).await?;
        sqlx::query("UPDATE users SET password_hash = $1, password_set = 1 WHERE id = $2")
            .bind(hash)
            .bind(user.id.0)
            .execute(&mut *tx)
            .await?;
        let action = match link.purpose {
            TokenPurpose::Invite => "account.invite.accept",
            TokenPurpose::Reset => "account.password.reset",
        };
        audit::write(&mut tx, user.tenant, &actor_of(&user), action, "password").await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Accepts an invitation by binding an identity at an OpenID provider
    /// instead of choosing a password (the link proves the e-mail address,
    /// the provider the person).
    pub async fn accept_invite_with_identity(
        &self,
        token: &str,
        provider: &str,
        subject: &str,
    ) -> Result<AuthUser> {
        let mut tx = self.begin_write().await?;
        let (link, user) = self.spend_link(&mut tx, token).await?;
        if link.purpose != TokenPurpose::Invite {
            return Err(StoreError::BadToken);
        }
        bind_identity(&mut tx, user.id, provider, subject).await?;
        audit::write(
            &mut tx,
            user.tenant,
            &actor_of(&user),
            "account.invite.accept",
            &format!("oidc:{provider}"),
        )
        .await?;
        tx.commit().await?;
        Ok(user)
    }

    /// «Forgot password»: queues a reset link to the account of `email`,
    /// if there is an active one. Says nothing about whether there is (the
    /// caller shows the same page either way); limited per e-mail and
    /// client address like logins. `Err(Limited)` is the only difference a
    /// caller sees.
    pub async fn request_password_reset(
        &self,
        email: &str,
        client: &str,
        lang: &str,
    ) -> Result<Result<(), i64>> {
        let email = email.trim().to_lowercase();
        let key = format!("reset:{}|{client}", token_hash(&email));
        if let Err(s) = self.reserve_limit(&key, auth::PAIR_FREE).await? {
            return Ok(Err(s));
        }
        if !valid_email(&email) {
            return Ok(Ok(()));
        }
        let Some(user) = self.user_by_email(&email).await? else {
            return Ok(Ok(()));
        };
        let lang = lang_code(lang).unwrap_or("nb");
        let mut tx = self.begin_write().await?;
        let token = self
            .create_account_token(&mut tx, user.id.0, TokenPurpose::Reset)
            .await?;
        self.queue_service_mail_in(
            &mut tx,
            &NewServiceMail {
                tenant: user.tenant,
                kind: "reset".into(),
                to: user.email.clone(),
                name: user.name.clone(),
                lang: user.lang.clone().unwrap_or_else(|| lang.to_string()),
                args: serde_json::json!({}),
                token_id: Some(token),
            },
        )
        .await?;
        audit::write(
            &mut tx,
            user.tenant,
            &Actor::system("password-reset"),
            "account.password.reset.request",
            &format!("user {}", user.id),
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    // ----------------------------------------------------------- identities

    /// The account bound to an identity at a provider, if any (active, with
    /// an active tenant).
    pub async fn identity_user(&self, provider: &str, subject: &str) -> Result<Option<AuthUser>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLS} FROM user_identities i JOIN users u ON u.id = i.user_id LEFT JOIN tenants t ON t.id = u.tenant_id WHERE i.provider = $1 AND i.subject = $2 AND u.active = 1 AND (t.id IS NULL OR t.active = 1)"
        )))
        .bind(provider)
        .bind(subject)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// Binds an identity to a logged-in account (`Conflict` when another
    /// account has it).
    pub async fn link_identity(
        &self,
        user: &AuthUser,
        provider: &str,
        subject: &str,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        bind_identity(&mut tx, user.id, provider, subject).await?;
        audit::write(
            &mut tx,
            user.tenant,
            &actor_of(user),
            "account.identity.link",
            provider,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes the account's identity at a provider.
    pub async fn unlink_identity(&self, user: &AuthUser, provider: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM user_identities WHERE user_id = $1 AND provider = $2")
            .bind(user.id.0)
            .bind(provider)
            .execute(&mut *tx)
            .await?;
        audit::write(
            &mut tx,
            user.tenant,
            &actor_of(user),
            "account.identity.unlink",
            provider,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account's identities.
    pub async fn identities(&self, user: UserId) -> Result<Vec<Identity>> {
        let rows = sqlx::query("SELECT provider, subject, created_at FROM user_identities WHERE user_id = $1 ORDER BY provider")
            .bind(user.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Identity {
                    provider: r.try_get("provider")?,
                    subject: r.try_get("subject")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Keeps a pending authorization request under the hash of its
    /// `state`.
    pub async fn save_oidc_flow(&self, state: &str, flow: &OidcFlow) -> Result<()> {
        let t = now();
        sqlx::query("DELETE FROM oidc_flows WHERE expires_at < $1")
            .bind(t)
            .execute(&self.pool)
            .await?;
        sqlx::query("INSERT INTO oidc_flows (state_hash, provider, pkce_verifier, nonce, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(token_hash(state))
            .bind(&flow.provider)
            .bind(&flow.pkce_verifier)
            .bind(&flow.nonce)
            .bind(&flow.purpose)
            .bind(t)
            .bind(t + OIDC_FLOW_SECONDS)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Takes (and removes) the pending request of a `state`: each works
    /// once, and only before it expires.
    pub async fn take_oidc_flow(&self, state: &str) -> Result<Option<OidcFlow>> {
        let hash = token_hash(state);
        let row = sqlx::query("SELECT provider, pkce_verifier, nonce, purpose, expires_at FROM oidc_flows WHERE state_hash = $1")
            .bind(&hash)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let r = sqlx::query("DELETE FROM oidc_flows WHERE state_hash = $1")
            .bind(&hash)
            .execute(&self.pool)
            .await?;
        if r.rows_affected() != 1 || row.try_get::<i64, _>("expires_at")? <= now() {
            return Ok(None);
        }
        Ok(Some(OidcFlow {
            provider: row.try_get("provider")?,
            pkce_verifier: row.try_get("pkce_verifier")?,
            nonce: row.try_get("nonce")?,
            purpose: row.try_get("purpose")?,
        }))
    }

    // --------------------------------------------------------------- grants

    /// The active tenants a funder or evaluator is granted.
    pub async fn granted_tenants(&self, user: UserId) -> Result<Vec<TenantInfo>> {
        let rows = sqlx::query("SELECT DISTINCT t.id, t.slug, t.name, t.kind, t.lang, t.mail_from, t.active FROM access_grants g JOIN tenants t ON t.id = g.tenant_id WHERE g.user_id = $1 AND t.active = 1 ORDER BY t.slug")
            .bind(user.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(tenant_info).collect()
    }

    /// Every grant, optionally of one tenant (operator and coordinator
    /// views).
    pub async fn grants(&self, tenant: Option<TenantId>) -> Result<Vec<Grant>> {
        let rows = sqlx::query("SELECT g.user_id, u.email, u.name, u.role, t.slug, g.source, g.created_by, g.created_at FROM access_grants g JOIN users u ON u.id = g.user_id JOIN tenants t ON t.id = g.tenant_id WHERE ($1 IS NULL OR g.tenant_id = $1) ORDER BY t.slug, u.email, g.source")
            .bind(tenant.map(|t| t.0))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let role: String = r.try_get("role")?;
                Ok(Grant {
                    user: UserId(r.try_get("user_id")?),
                    email: r.try_get("email")?,
                    name: r.try_get("name")?,
                    role: Role::parse(&role)
                        .ok_or_else(|| StoreError::Invalid(format!("unknown role {role}")))?,
                    tenant: r.try_get("slug")?,
                    source: r.try_get("source")?,
                    created_by: r.try_get("created_by")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }
}

pub(crate) fn actor_of(user: &AuthUser) -> Actor {
    Actor::User {
        id: user.id,
        email: user.email.clone(),
    }
}

async fn bind_identity(
    tx: &mut sqlx::AnyConnection,
    user: UserId,
    provider: &str,
    subject: &str,
) -> Result<()> {
    check_line("provider", provider, 64)?;
    if subject.is_empty() || subject.len() > 512 {
        return Err(StoreError::Invalid("subject".into()));
    }
    let existing =
        sqlx::query("SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2")
            .bind(provider)
            .bind(subject)
            .fetch_optional(&mut *tx)
            .await?;
    match existing {
        Some(r) if r.try_get::<i64, _>("user_id")? != user.0 => {
            return Err(StoreError::Conflict(provider.to_string()));
        }
        Some(_) => return Ok(()),
        None => {}
    }
    sqlx::query("DELETE FROM user_identities WHERE user_id = $1 AND provider = $2")
        .bind(user.0)
        .bind(provider)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO user_identities (provider, subject, user_id, created_at) VALUES ($1, $2, $3, $4)")
        .bind(provider)
        .bind(subject)
        .bind(user.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    Ok(())
}

impl Admin {
    /// Invites a person to an account by e-mail: the account is created
    /// without a password, and a one-time link (valid
    /// [`INVITE_SECONDS`]) lets them choose one or bind their
    /// organisation's login. Coordinators belong to a tenant; funders and
    /// evaluators belong to none and see the tenants they are granted
    /// (`tenant`, if given, becomes their first grant); operators belong
    /// to none.
    pub async fn invite_user(
        &self,
        tenant: Option<TenantId>,
        email: &str,
        name: &str,
        role: Role,
        lang: &str,
    ) -> Result<UserId> {
        let email = email.trim().to_lowercase();
        if !valid_email(&email) {
            return Err(StoreError::Invalid("e-mail".into()));
        }
        check_line("name", name, 200)?;
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("name".into()));
        }
        let lang = lang_code(lang)?;
        let (home, grant) = match (role, tenant) {
            (Role::Coordinator, Some(t)) => (Some(t), None),
            (Role::Coordinator, None) => {
                return Err(StoreError::Invalid(
                    "a coordinator belongs to a tenant".into(),
                ));
            }
            (Role::Operator, None) => (None, None),
            (Role::Operator, Some(_)) => {
                return Err(StoreError::Invalid(
                    "an operator belongs to no tenant".into(),
                ));
            }
            (Role::Funder | Role::Evaluator, t) => (None, t),
        };
        let store = self.store();
        let mut tx = store.begin_write().await?;
        if sqlx::query("SELECT id FROM users WHERE email = $1")
            .bind(&email)
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            return Err(StoreError::Conflict(email));
        }
        let id: i64 = sqlx::query("INSERT INTO users (tenant_id, email, name, role, password_hash, created_at, lang, password_set) VALUES ($1, $2, $3, $4, '', $5, $6, 0) RETURNING id")
            .bind(home.map(|t| t.0))
            .bind(&email)
            .bind(name.trim())
            .bind(role.as_str())
            .bind(now())
            .bind(lang)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
        if let Some(t) = grant {
            sqlx::query("INSERT INTO access_grants (user_id, tenant_id, source, created_by, created_at) VALUES ($1, $2, 'operator', $3, $4)")
                .bind(id)
                .bind(t.0)
                .bind(self.actor().label())
                .bind(now())
                .execute(&mut *tx)
                .await?;
        }
        let token = store
            .create_account_token(&mut tx, id, TokenPurpose::Invite)
            .await?;
        let tenant_name = match home.or(grant) {
            Some(t) => sqlx::query("SELECT name FROM tenants WHERE id = $1")
                .bind(t.0)
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| r.try_get::<String, _>("name"))
                .transpose()?,
            None => None,
        };
        store
            .queue_service_mail_in(
                &mut tx,
                &NewServiceMail {
                    tenant: home,
                    kind: "invite".into(),
                    to: email.clone(),
                    name: name.trim().to_string(),
                    lang: lang.to_string(),
                    args: serde_json::json!({"role": role.as_str(), "tenant": tenant_name.unwrap_or_default()}),
                    token_id: Some(token),
                },
            )
            .await?;
        audit::write(
            &mut tx,
            home.or(grant),
            self.actor(),
            "user.invite",
            &format!("user {id} ({})", role.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok(UserId(id))
    }

    /// Sends the account a password reset link by e-mail (the operator
    /// never sees a password or a link); ends its sessions.
    pub async fn send_password_reset(&self, user: UserId) -> Result<()> {
        let store = self.store();
        let row = sqlx::query(
            "SELECT email, name, tenant_id, lang, password_set FROM users WHERE id = $1",
        )
        .bind(user.0)
        .fetch_optional(&store.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let tenant = row.try_get::<Option<i64>, _>("tenant_id")?.map(TenantId);
        let invited = row.try_get::<i64, _>("password_set")? == 0;
        let purpose = if invited {
            TokenPurpose::Invite
        } else {
            TokenPurpose::Reset
        };
        let mut tx = store.begin_write().await?;
        let token = store.create_account_token(&mut tx, user.0, purpose).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        store
            .queue_service_mail_in(
                &mut tx,
                &NewServiceMail {
                    tenant,
                    kind: purpose.as_str().into(),
                    to: row.try_get("email")?,
                    name: row.try_get("name")?,
                    lang: row
                        .try_get::<Option<String>, _>("lang")?
                        .unwrap_or_else(|| "nb".into()),
                    args: serde_json::json!({"role": "", "tenant": ""}),
                    token_id: Some(token),
                },
            )
            .await?;
        let action = if invited {
            "user.invite.resend"
        } else {
            "user.password.reset.send"
        };
        audit::write(
            &mut tx,
            tenant,
            self.actor(),
            action,
            &format!("user {user}"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Grants a funder or evaluator the pseudonymised results of a tenant.
    /// `source`: `operator`, or a programme's key.
    pub async fn grant(&self, user: UserId, tenant: TenantId, source: &str) -> Result<()> {
        check_line("source", source, 100)?;
        let store = self.store();
        let row = sqlx::query("SELECT role FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(&store.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        let role: String = row.try_get("role")?;
        if !matches!(Role::parse(&role), Some(Role::Funder | Role::Evaluator)) {
            return Err(StoreError::Invalid(
                "only funders and evaluators are granted tenants".into(),
            ));
        }
        let mut tx = store.begin_write().await?;
        sqlx::query("INSERT INTO access_grants (user_id, tenant_id, source, created_by, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, tenant_id, source) DO NOTHING")
            .bind(user.0)
            .bind(tenant.0)
            .bind(source)
            .bind(self.actor().label())
            .bind(now())
            .execute(&mut *tx)
            .await?;
        audit::write(
            &mut tx,
            Some(tenant),
            self.actor(),
            "grant.add",
            &format!("user {user} ({source})"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a grant.
    pub async fn revoke_grant(&self, user: UserId, tenant: TenantId, source: &str) -> Result<()> {
        let mut tx = self.store().begin_write().await?;
        sqlx::query(
            "DELETE FROM access_grants WHERE user_id = $1 AND tenant_id = $2 AND source = $3",
        )
        .bind(user.0)
        .bind(tenant.0)
        .bind(source)
        .execute(&mut *tx)
        .await?;
        audit::write(
            &mut tx,
            Some(tenant),
            self.actor(),
            "grant.remove",
            &format!("user {user} ({source})"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Makes the grants of one `source` (a programme) exactly `pairs`:
    /// what a programme calls when its municipalities, advisers or
    /// evaluators change. Grants of other sources are left alone.
    pub async fn sync_grants(&self, source: &str, pairs: &[(UserId, TenantId)]) -> Result<()> {
        check_line("source", source, 100)?;
        let mut tx = self.store().begin_write().await?;
        sqlx::query("DELETE FROM access_grants WHERE source = $1")
            .bind(source)
            .execute(&mut *tx)
            .await?;
        for (u, t) in pairs {
            sqlx::query("INSERT INTO access_grants (user_id, tenant_id, source, created_by, created_at) SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM users WHERE id = $1 AND role IN ('funder', 'evaluator')) ON CONFLICT (user_id, tenant_id, source) DO NOTHING")
                .bind(u.0)
                .bind(t.0)
                .bind(source)
                .bind(self.actor().label())
                .bind(now())
                .execute(&mut *tx)
                .await?;
        }
        audit::write(
            &mut tx,
            None,
            self.actor(),
            "grant.sync",
            &format!("{source}: {} grants", pairs.len()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Tenant {
    /// Who is granted this tenant's pseudonymised results.
    pub async fn grants(&self) -> Result<Vec<Grant>> {
        self.store.grants(Some(self.id)).await
    }

    /// The coordinator (the controller's side) withdraws every grant of
    /// one account to this tenant.
    pub async fn revoke_grants_of(&self, user: UserId) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let r = sqlx::query("DELETE FROM access_grants WHERE user_id = $1 AND tenant_id = $2")
            .bind(user.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        self.audit_in(&mut tx, "grant.remove", &format!("user {user}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
