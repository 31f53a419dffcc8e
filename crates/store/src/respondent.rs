//! A respondent, known only by the secret token in their link.
//!
//! Every write runs in one transaction whose first statement updates the
//! respondent's own invitation row *only if it is not frozen*: that takes
//! the write lock (SQLite) or the row lock (PostgreSQL) before anything
//! else, so a concurrent close either happens before (the write is
//! rejected) or after (the write is part of the frozen data), and two
//! respondents never touch each other's rows. A method returns only after
//! the commit, so an acknowledged answer is durable.

use std::collections::HashSet;

use samspill_engine::model::Frequency;
use samspill_engine::survey::ContactType;
use serde::Serialize;
use sqlx::Row;

use crate::tenant::Participant;
use crate::*;

/// A respondent's handle, from [`Store::respondent`].
#[derive(Debug, Clone)]
pub struct Respondent {
    store: Store,
    tenant: TenantId,
    round: RoundId,
    invitation: InvitationId,
    person: PersonId,
}

/// Another person on the round's roster, as the respondent sees them.
#[derive(Debug, Clone, Serialize)]
pub struct RosterEntry {
    /// Stable person id.
    pub id: PersonId,
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: Option<String>,
    /// Functions, primary first.
    pub functions: Vec<String>,
}

/// Everything the survey pages need.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyView {
    /// The tenant's name.
    pub tenant_name: String,
    /// The round (bodies, languages, edited wording).
    pub round: RoundInfo,
    /// The respondent's own name.
    pub name: String,
    /// The others on the roster.
    pub roster: Vec<RosterEntry>,
    /// The respondent's answers so far.
    pub answers: Answers,
    /// Whether the respondent has submitted.
    pub submitted: bool,
    /// The language the respondent chose, if any.
    pub lang: Option<String>,
    /// Whether answers are accepted now (open, within dates, not frozen).
    pub accepting: bool,
    /// The last step saved.
    pub last_step: Option<String>,
}

impl Store {
    /// Finds the respondent of an invitation token. Unknown, forged and
    /// expired tokens all give [`StoreError::BadToken`].
    pub async fn respondent(&self, token: &str) -> Result<Respondent> {
        if token.is_empty()
            || token.len() > 128
            || !token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(StoreError::BadToken);
        }
        let row = sqlx::query(
            "SELECT id, tenant_id, round_id, person_id, expires_at FROM invitations WHERE token_hash = $1",
        )
        .bind(token_hash(token))
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::BadToken)?;
        if let Some(exp) = row.try_get::<Option<i64>, _>("expires_at")?
            && exp <= now()
        {
            return Err(StoreError::BadToken);
        }
        Ok(Respondent {
            store: self.clone(),
            tenant: TenantId(row.try_get("tenant_id")?),
            round: RoundId(row.try_get("round_id")?),
            invitation: InvitationId(row.try_get("id")?),
            person: PersonId(row.try_get("person_id")?),
        })
    }

    /// Sets when an invitation's link stops working (`None`: until the
    /// round closes). Operator/coordinator action through the tenant.
    pub async fn set_invitation_expiry(
        &self,
        tenant: TenantId,
        invitation: InvitationId,
        at: Option<i64>,
    ) -> Result<()> {
        let r =
            sqlx::query("UPDATE invitations SET expires_at = $1 WHERE id = $2 AND tenant_id = $3")
                .bind(at)
                .bind(invitation.0)
                .bind(tenant.0)
                .execute(&self.pool)
                .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}

impl Respondent {
    /// The tenant.
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }
    /// The round.
    pub fn round(&self) -> RoundId {
        self.round
    }
    /// The respondent's person id.
    pub fn person(&self) -> PersonId {
        self.person
    }
    /// The invitation.
    pub fn invitation(&self) -> InvitationId {
        self.invitation
    }

    fn scope(&self) -> Tenant {
        self.store.tenant(self.tenant)
    }

    async fn participants(&self) -> Result<Vec<Participant>> {
        let mut conn = self.store.pool.acquire().await?;
        self.scope().participants_in(&mut conn, self.round).await
    }

    /// The survey as this respondent sees it.
    pub async fn view(&self) -> Result<SurveyView> {
        let t = self.scope();
        let info = t.info().await?;
        let round = t.round(self.round).await?;
        let parts = self.participants().await?;
        let me = parts
            .iter()
            .find(|p| p.invitation == self.invitation.0)
            .ok_or(StoreError::NotFound)?;
        let row = sqlx::query("SELECT lang, frozen, submitted_at, last_step FROM invitations WHERE id = $1 AND tenant_id = $2")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .fetch_one(&self.store.pool)
            .await?;
        let frozen = row.try_get::<i64, _>("frozen")? != 0;
        let accepting = !frozen && round.status == RoundStatus::Open && within_dates(&round);
        Ok(SurveyView {
            tenant_name: info.name,
            name: me.snap.name.clone(),
            roster: parts
                .iter()
                .filter(|p| p.invitation != self.invitation.0)
                .map(|p| RosterEntry {
                    id: PersonId(p.person),
                    name: p.snap.name.clone(),
                    unit: p.snap.unit.clone(),
                    functions: p.snap.functions.clone(),
                })
                .collect(),
            answers: self.answers().await?,
            submitted: row.try_get::<Option<i64>, _>("submitted_at")?.is_some(),
            lang: row.try_get("lang")?,
            accepting,
            last_step: row.try_get("last_step")?,
            round,
        })
    }

    /// The respondent's answers as stored.
    pub async fn answers(&self) -> Result<Answers> {
        let pool = &self.store.pool;
        let mut a = Answers::default();
        for r in sqlx::query("SELECT relation, alter_id, frequency FROM contact_answers WHERE invitation_id = $1 AND tenant_id = $2 ORDER BY relation, alter_id")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .fetch_all(pool)
            .await?
        {
            a.contacts.push((
                r.try_get("relation")?,
                PersonId(r.try_get("alter_id")?),
                r.try_get::<Option<String>, _>("frequency")?.and_then(|f| Frequency::parse(&f)),
            ));
        }
        for r in sqlx::query("SELECT body_id, contact_type FROM political_answers WHERE invitation_id = $1 AND tenant_id = $2 ORDER BY body_id, contact_type")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .fetch_all(pool)
            .await?
        {
            if let Some(c) = ContactType::parse(&r.try_get::<String, _>("contact_type")?) {
                a.political.push((BodyId(r.try_get("body_id")?), c));
            }
        }
        for r in sqlx::query("SELECT question, value FROM rating_answers WHERE invitation_id = $1 AND tenant_id = $2 ORDER BY question")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .fetch_all(pool)
            .await?
        {
            let v: i64 = r.try_get("value")?;
            a.ratings.push((r.try_get("question")?, if v == 0 { None } else { Some(v as u8) }));
        }
        for r in sqlx::query("SELECT question, text FROM open_answers WHERE invitation_id = $1 AND tenant_id = $2 ORDER BY question")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .fetch_all(pool)
            .await?
        {
            a.open.push((r.try_get("question")?, r.try_get("text")?));
        }
        Ok(a)
    }

    /// Records that the link was opened (for the response-rate view).
    pub async fn mark_seen(&self) -> Result<()> {
        sqlx::query("UPDATE invitations SET first_seen_at = $1 WHERE id = $2 AND tenant_id = $3 AND first_seen_at IS NULL")
            .bind(now())
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .execute(&self.store.pool)
            .await?;
        Ok(())
    }

    /// Stores the language the respondent chose.
    pub async fn set_lang(&self, lang: &str) -> Result<()> {
        sqlx::query("UPDATE invitations SET lang = $1 WHERE id = $2 AND tenant_id = $3")
            .bind(lang_code(lang)?)
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .execute(&self.store.pool)
            .await?;
        Ok(())
    }

    /// Begins a write: locks the own invitation if not frozen, checks dates.
    async fn begin(&self, step: &str) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        let mut tx = self.store.begin_write().await?;
        let t = now();
        let r = sqlx::query(
            "UPDATE invitations SET updated_at = $1, last_step = $2, first_seen_at = COALESCE(first_seen_at, $1) WHERE id = $3 AND tenant_id = $4 AND frozen = 0",
        )
        .bind(t)
        .bind(step)
        .bind(self.invitation.0)
        .bind(self.tenant.0)
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::Frozen);
        }
        let round = sqlx::query(
            "SELECT status, opens_on, closes_on FROM rounds WHERE id = $1 AND tenant_id = $2",
        )
        .bind(self.round.0)
        .bind(self.tenant.0)
        .fetch_one(&mut *tx)
        .await?;
        let status: String = round.try_get("status")?;
        let today = today();
        let opens: Option<String> = round.try_get("opens_on")?;
        let closes: Option<String> = round.try_get("closes_on")?;
        if status != "open" || opens.is_some_and(|o| today < o) || closes.is_some_and(|c| today > c)
        {
            return Err(StoreError::NotOpen);
        }
        Ok(tx)
    }

    async fn round_people(&self, conn: &mut sqlx::AnyConnection) -> Result<HashSet<i64>> {
        let rows =
            sqlx::query("SELECT person_id FROM invitations WHERE round_id = $1 AND tenant_id = $2")
                .bind(self.round.0)
                .bind(self.tenant.0)
                .fetch_all(&mut *conn)
                .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<i64, _>("person_id")?))
            .collect()
    }

    /// Step 1 of the contact question: the people chosen for `relation`
    /// (`contact` or `advice`). People no longer chosen are removed with
    /// their frequency; people still chosen keep theirs.
    pub async fn save_contacts(&self, relation: &str, chosen: &[PersonId]) -> Result<()> {
        if !RELATIONS.contains(&relation) {
            return Err(StoreError::Invalid("relation".into()));
        }
        let mut tx = self.begin(&format!("contacts-{relation}")).await?;
        let allowed = self.round_people(&mut tx).await?;
        let mut want = HashSet::new();
        for p in chosen {
            if p.0 == self.person.0 || !allowed.contains(&p.0) {
                return Err(StoreError::Invalid(format!(
                    "person {} is not on this round's roster",
                    p.0
                )));
            }
            want.insert(p.0);
        }
        let have: HashSet<i64> = sqlx::query(
            "SELECT alter_id FROM contact_answers WHERE invitation_id = $1 AND tenant_id = $2 AND relation = $3",
        )
        .bind(self.invitation.0)
        .bind(self.tenant.0)
        .bind(relation)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>("alter_id"))
        .collect::<Result<_, _>>()?;
        for gone in have.difference(&want) {
            sqlx::query("DELETE FROM contact_answers WHERE invitation_id = $1 AND tenant_id = $2 AND relation = $3 AND alter_id = $4")
                .bind(self.invitation.0)
                .bind(self.tenant.0)
                .bind(relation)
                .bind(*gone)
                .execute(&mut *tx)
                .await?;
        }
        let mut new: Vec<i64> = want.difference(&have).copied().collect();
        new.sort_unstable();
        for p in new {
            sqlx::query("INSERT INTO contact_answers (tenant_id, invitation_id, relation, alter_id, frequency) VALUES ($1, $2, $3, $4, NULL)")
                .bind(self.tenant.0)
                .bind(self.invitation.0)
                .bind(relation)
                .bind(p)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Step 2: the frequency for people chosen in step 1.
    pub async fn save_frequencies(
        &self,
        relation: &str,
        answers: &[(PersonId, Frequency)],
    ) -> Result<()> {
        if !RELATIONS.contains(&relation) {
            return Err(StoreError::Invalid("relation".into()));
        }
        let mut tx = self.begin(&format!("frequency-{relation}")).await?;
        for (p, f) in answers {
            let r = sqlx::query("UPDATE contact_answers SET frequency = $1 WHERE invitation_id = $2 AND tenant_id = $3 AND relation = $4 AND alter_id = $5")
                .bind(f.as_str())
                .bind(self.invitation.0)
                .bind(self.tenant.0)
                .bind(relation)
                .bind(p.0)
                .execute(&mut *tx)
                .await?;
            if r.rows_affected() == 0 {
                return Err(StoreError::Invalid(format!(
                    "person {} was not chosen",
                    p.0
                )));
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Political contact: replaces all of the respondent's answers with
    /// these (body, type) pairs.
    pub async fn save_political(&self, answers: &[(BodyId, ContactType)]) -> Result<()> {
        let mut tx = self.begin("political").await?;
        let bodies: HashSet<i64> =
            sqlx::query("SELECT id FROM political_bodies WHERE round_id = $1 AND tenant_id = $2")
                .bind(self.round.0)
                .bind(self.tenant.0)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get::<i64, _>("id"))
                .collect::<Result<_, _>>()?;
        let mut seen = HashSet::new();
        for (b, _) in answers {
            if !bodies.contains(&b.0) {
                return Err(StoreError::Invalid(format!(
                    "body {} is not in this round",
                    b.0
                )));
            }
        }
        sqlx::query("DELETE FROM political_answers WHERE invitation_id = $1 AND tenant_id = $2")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .execute(&mut *tx)
            .await?;
        for (b, c) in answers {
            if !seen.insert((b.0, *c)) {
                continue;
            }
            sqlx::query("INSERT INTO political_answers (tenant_id, invitation_id, body_id, contact_type) VALUES ($1, $2, $3, $4)")
                .bind(self.tenant.0)
                .bind(self.invitation.0)
                .bind(b.0)
                .bind(c.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Ratings 1–6, `None` for "vet ikke"; replaces the answers to the
    /// questions given (others are kept).
    pub async fn save_ratings(&self, answers: &[(String, Option<u8>)]) -> Result<()> {
        for (q, v) in answers {
            if !RATING_QUESTIONS.contains(&q.as_str()) {
                return Err(StoreError::Invalid(format!("question {q}")));
            }
            if let Some(v) = v
                && !(1..=6).contains(v)
            {
                return Err(StoreError::Invalid("rating must be 1–6".into()));
            }
        }
        let mut tx = self.begin("ratings").await?;
        for (q, v) in answers {
            sqlx::query("DELETE FROM rating_answers WHERE invitation_id = $1 AND tenant_id = $2 AND question = $3")
                .bind(self.invitation.0)
                .bind(self.tenant.0)
                .bind(q)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO rating_answers (tenant_id, invitation_id, question, value) VALUES ($1, $2, $3, $4)")
                .bind(self.tenant.0)
                .bind(self.invitation.0)
                .bind(q)
                .bind(v.map(i64::from).unwrap_or(0))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Open answers; an empty text removes the answer. Texts are stored as
    /// written (at most [`MAX_OPEN_ANSWER`] characters, no control
    /// characters besides line breaks and tabs) and never interpreted.
    pub async fn save_open(&self, answers: &[(String, String)]) -> Result<()> {
        for (q, text) in answers {
            if !OPEN_QUESTIONS.contains(&q.as_str()) {
                return Err(StoreError::Invalid(format!("question {q}")));
            }
            check_len(q, text, MAX_OPEN_ANSWER)?;
        }
        let mut tx = self.begin("open").await?;
        for (q, text) in answers {
            sqlx::query("DELETE FROM open_answers WHERE invitation_id = $1 AND tenant_id = $2 AND question = $3")
                .bind(self.invitation.0)
                .bind(self.tenant.0)
                .bind(q)
                .execute(&mut *tx)
                .await?;
            if !text.trim().is_empty() {
                sqlx::query("INSERT INTO open_answers (tenant_id, invitation_id, question, text) VALUES ($1, $2, $3, $4)")
                    .bind(self.tenant.0)
                    .bind(self.invitation.0)
                    .bind(q)
                    .bind(text.trim())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Submits (or re-submits after a change). Answers can still be changed
    /// until the round closes.
    pub async fn submit(&self) -> Result<()> {
        let mut tx = self.begin("submitted").await?;
        sqlx::query("UPDATE invitations SET submitted_at = $1 WHERE id = $2 AND tenant_id = $3")
            .bind(now())
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

fn within_dates(r: &RoundInfo) -> bool {
    let t = today();
    r.opens_on.as_ref().is_none_or(|o| t >= *o) && r.closes_on.as_ref().is_none_or(|c| t <= *c)
}
