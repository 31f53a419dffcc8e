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
    /// The respondent's functions on the list, primary first (why they were
    /// asked).
    pub functions: Vec<String>,
    /// The respondent's unit on the list.
    pub unit: Option<String>,
    /// The others on the roster.
    pub roster: Vec<RosterEntry>,
    /// The respondent's answers so far.
    pub answers: Answers,
    /// Whether the respondent has submitted.
    pub submitted: bool,
    /// When the respondent last submitted (Unix seconds).
    pub submitted_at: Option<i64>,
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
        let accepting =
            info.active && !frozen && round.status == RoundStatus::Open && within_dates(&round);
        Ok(SurveyView {
            tenant_name: info.name,
            name: me.snap.name.clone(),
            functions: me.snap.functions.clone(),
            unit: me.snap.unit.clone(),
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
            submitted_at: row.try_get("submitted_at")?,
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

    /// Begins a write: locks the own invitation if not frozen, checks dates;
    /// returns the transaction and the parts of the instrument the round
    /// asks (answers to a part left out are refused).
    async fn begin(&self, step: &str) -> Result<(sqlx::Transaction<'static, sqlx::Any>, Parts)> {
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
            "SELECT r.status, r.opens_on, r.closes_on, r.second_relation, r.ask_political, r.ask_meeting_places, r.open_questions, t.active FROM rounds r JOIN tenants t ON t.id = r.tenant_id WHERE r.id = $1 AND r.tenant_id = $2",
        )
        .bind(self.round.0)
        .bind(self.tenant.0)
        .fetch_one(&mut *tx)
        .await?;
        let status: String = round.try_get("status")?;
        let today = today();
        let opens: Option<String> = round.try_get("opens_on")?;
        let closes: Option<String> = round.try_get("closes_on")?;
        if round.try_get::<i64, _>("active")? == 0
            || status != "open"
            || opens.is_some_and(|o| today < o)
            || closes.is_some_and(|c| today > c)
        {
            return Err(StoreError::NotOpen);
        }
        let parts = crate::rounds::parts_of(&round)?;
        Ok((tx, parts))
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
    /// their frequency; people still chosen keep theirs. One statement
    /// removes, one adds, however long the list.
    pub async fn save_contacts(&self, relation: &str, chosen: &[PersonId]) -> Result<()> {
        if !RELATIONS.contains(&relation) {
            return Err(StoreError::Invalid("relation".into()));
        }
        let mut want: Vec<i64> = chosen.iter().map(|p| p.0).collect();
        want.sort_unstable();
        want.dedup();
        let (mut tx, parts) = self.begin(&format!("contacts-{relation}")).await?;
        if relation == "advice" && !parts.advice {
            return Err(StoreError::Invalid(
                "the advice relation is not asked".into(),
            ));
        }
        let allowed = self.round_people(&mut tx).await?;
        if let Some(p) = want
            .iter()
            .find(|p| **p == self.person.0 || !allowed.contains(p))
        {
            return Err(StoreError::Invalid(format!(
                "person {p} is not on this round's roster"
            )));
        }
        // `want` holds only ids checked against the roster above (integers),
        // so the lists are written into the statement; nothing from the
        // request reaches the SQL text.
        let list = want
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let keep = if want.is_empty() {
            String::new()
        } else {
            format!(" AND alter_id NOT IN ({list})")
        };
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM contact_answers WHERE invitation_id = $1 AND tenant_id = $2 AND relation = $3{keep}"
        )))
        .bind(self.invitation.0)
        .bind(self.tenant.0)
        .bind(relation)
        .execute(&mut *tx)
        .await?;
        if !want.is_empty() {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO contact_answers (tenant_id, invitation_id, relation, alter_id, frequency) SELECT $1, $2, $3, p.id, NULL FROM persons p WHERE p.tenant_id = $1 AND p.id IN ({list}) AND NOT EXISTS (SELECT 1 FROM contact_answers c WHERE c.invitation_id = $2 AND c.relation = $3 AND c.alter_id = p.id)"
            )))
            .bind(self.tenant.0)
            .bind(self.invitation.0)
            .bind(relation)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Step 2: the frequency for people chosen in step 1 (one statement per
    /// frequency value).
    pub async fn save_frequencies(
        &self,
        relation: &str,
        answers: &[(PersonId, Frequency)],
    ) -> Result<()> {
        if !RELATIONS.contains(&relation) {
            return Err(StoreError::Invalid("relation".into()));
        }
        let mut seen = HashSet::new();
        if answers.iter().any(|(p, _)| !seen.insert(p.0)) {
            return Err(StoreError::Invalid("a person is answered twice".into()));
        }
        let (mut tx, parts) = self.begin(&format!("frequency-{relation}")).await?;
        if relation == "advice" && !parts.advice && !answers.is_empty() {
            return Err(StoreError::Invalid(
                "the advice relation is not asked".into(),
            ));
        }
        let mut updated = 0u64;
        for f in Frequency::ALL {
            let ids: Vec<String> = answers
                .iter()
                .filter(|(_, x)| *x == f)
                .map(|(p, _)| p.0.to_string())
                .collect();
            if ids.is_empty() {
                continue;
            }
            // Integers only (parsed ids), see `save_contacts`.
            let r = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE contact_answers SET frequency = $1 WHERE invitation_id = $2 AND tenant_id = $3 AND relation = $4 AND alter_id IN ({})",
                ids.join(",")
            )))
            .bind(f.as_str())
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .bind(relation)
            .execute(&mut *tx)
            .await?;
            updated += r.rows_affected();
        }
        if updated != answers.len() as u64 {
            return Err(StoreError::Invalid(
                "a frequency was given for a person who was not chosen".into(),
            ));
        }
        tx.commit().await?;
        Ok(())
    }

    /// Political contact: replaces all of the respondent's answers with
    /// these (body, type) pairs.
    pub async fn save_political(&self, answers: &[(BodyId, ContactType)]) -> Result<()> {
        let mut pairs: Vec<(i64, ContactType)> = answers.iter().map(|(b, c)| (b.0, *c)).collect();
        pairs.sort_by_key(|(b, c)| (*b, c.as_str()));
        pairs.dedup();
        let (mut tx, parts) = self.begin("political").await?;
        if !parts.political && !pairs.is_empty() {
            return Err(StoreError::Invalid(
                "the political section is not asked".into(),
            ));
        }
        let bodies: HashSet<i64> =
            sqlx::query("SELECT id FROM political_bodies WHERE round_id = $1 AND tenant_id = $2")
                .bind(self.round.0)
                .bind(self.tenant.0)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get::<i64, _>("id"))
                .collect::<Result<_, _>>()?;
        if let Some((b, _)) = pairs.iter().find(|(b, _)| !bodies.contains(b)) {
            return Err(StoreError::Invalid(format!(
                "body {b} is not in this round"
            )));
        }
        sqlx::query("DELETE FROM political_answers WHERE invitation_id = $1 AND tenant_id = $2")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .execute(&mut *tx)
            .await?;
        if !pairs.is_empty() {
            // Body ids are checked integers and contact types come from a
            // closed list, so the rows are written into one statement.
            let rows = pairs
                .iter()
                .map(|(b, c)| format!("($1, $2, {b}, '{}')", c.as_str()))
                .collect::<Vec<_>>()
                .join(", ");
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO political_answers (tenant_id, invitation_id, body_id, contact_type) VALUES {rows}"
            )))
            .bind(self.tenant.0)
            .bind(self.invitation.0)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Ratings 1–6, `None` for "vet ikke"; replaces the answers to the
    /// questions given (others are kept).
    pub async fn save_ratings(&self, answers: &[(String, Option<u8>)]) -> Result<()> {
        let mut seen = HashSet::new();
        for (q, v) in answers {
            if !RATING_QUESTIONS.contains(&q.as_str()) {
                return Err(StoreError::Invalid(format!("question {q}")));
            }
            if !seen.insert(q.as_str()) {
                return Err(StoreError::Invalid(format!("question {q} twice")));
            }
            if let Some(v) = v
                && !(1..=6).contains(v)
            {
                return Err(StoreError::Invalid("rating must be 1–6".into()));
            }
        }
        let (mut tx, parts) = self.begin("ratings").await?;
        if let Some((q, _)) = answers.iter().find(|(q, _)| !parts.asks_rating(q)) {
            return Err(StoreError::Invalid(format!("question {q} is not asked")));
        }
        for (q, v) in answers {
            // At most two questions: an upsert each.
            sqlx::query("INSERT INTO rating_answers (tenant_id, invitation_id, question, value) VALUES ($1, $2, $3, $4) ON CONFLICT (invitation_id, question) DO UPDATE SET value = excluded.value")
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
        let mut seen = HashSet::new();
        for (q, text) in answers {
            if !OPEN_QUESTIONS.contains(&q.as_str()) {
                return Err(StoreError::Invalid(format!("question {q}")));
            }
            if !seen.insert(q.as_str()) {
                return Err(StoreError::Invalid(format!("question {q} twice")));
            }
            check_text(q, text, MAX_OPEN_ANSWER)?;
        }
        let (mut tx, parts) = self.begin("open").await?;
        if let Some((q, _)) = answers.iter().find(|(q, _)| !parts.asks_open(q)) {
            return Err(StoreError::Invalid(format!("question {q} is not asked")));
        }
        for (q, text) in answers {
            // At most seven questions: one statement each.
            if text.trim().is_empty() {
                sqlx::query("DELETE FROM open_answers WHERE invitation_id = $1 AND tenant_id = $2 AND question = $3")
                    .bind(self.invitation.0)
                    .bind(self.tenant.0)
                    .bind(q)
                    .execute(&mut *tx)
                    .await?;
            } else {
                sqlx::query("INSERT INTO open_answers (tenant_id, invitation_id, question, text) VALUES ($1, $2, $3, $4) ON CONFLICT (invitation_id, question) DO UPDATE SET text = excluded.text")
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

    /// What is still unfinished: for each relation, the chosen people who
    /// have no frequency yet (`(relation, person)`). A respondent is led
    /// there before submitting, and cannot submit while it is not empty.
    pub async fn missing_frequencies(&self) -> Result<Vec<(String, PersonId)>> {
        let rows = sqlx::query("SELECT relation, alter_id FROM contact_answers WHERE invitation_id = $1 AND tenant_id = $2 AND frequency IS NULL ORDER BY relation, alter_id")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .fetch_all(&self.store.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("relation")?, PersonId(r.try_get("alter_id")?))))
            .collect()
    }

    /// Submits (or re-submits after a change). Answers can still be changed
    /// until the round closes.
    /// [`StoreError::Incomplete`] while a chosen person has no frequency.
    pub async fn submit(&self) -> Result<()> {
        let (mut tx, _) = self.begin("submitted").await?;
        let missing = sqlx::query("SELECT COUNT(*) AS n FROM contact_answers WHERE invitation_id = $1 AND tenant_id = $2 AND frequency IS NULL")
            .bind(self.invitation.0)
            .bind(self.tenant.0)
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("n")?;
        if missing > 0 {
            return Err(StoreError::Incomplete(missing as usize));
        }
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
