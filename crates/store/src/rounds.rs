//! The round aggregate: instrument, political bodies, opening and closing,
//! invitations and response rates.

use std::collections::{BTreeMap, HashMap, HashSet};

use samspill_engine::model::Level;
use sqlx::Row;

use crate::tenant::*;
use crate::*;

/// The parts a round asks, from a row with its `second_relation`,
/// `ask_political`, `ask_meeting_places` and `open_questions` columns
/// (`open_questions` NULL: the standard seven).
pub(crate) fn parts_of(r: &sqlx::any::AnyRow) -> Result<Parts> {
    Ok(Parts {
        advice: r.try_get::<i64, _>("second_relation")? != 0,
        political: r.try_get::<i64, _>("ask_political")? != 0,
        meeting_places: r.try_get::<i64, _>("ask_meeting_places")? != 0,
        open: match r.try_get::<Option<String>, _>("open_questions")? {
            None => Parts::standard().open,
            Some(list) => list
                .split(',')
                .filter(|q| OPEN_QUESTIONS.contains(q))
                .map(str::to_string)
                .collect(),
        },
    })
}

impl Tenant {
    // --------------------------------------------------------------- rounds

    fn check_round_fields(
        name: &str,
        languages: &[String],
        lang: &str,
        opens: &Option<String>,
        closes: &Option<String>,
    ) -> Result<String> {
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("name".into()));
        }
        check_line("name", name, 200)?;
        let mut langs = Vec::new();
        for l in languages {
            let c = lang_code(l)?;
            if !langs.contains(&c) {
                langs.push(c);
            }
        }
        let lang = lang_code(lang)?;
        if !langs.contains(&lang) {
            langs.insert(0, lang);
        }
        for d in [opens, closes].into_iter().flatten() {
            if !is_date(d) {
                return Err(StoreError::Invalid(format!("date {d:?}")));
            }
        }
        if let (Some(o), Some(c)) = (opens, closes)
            && c < o
        {
            return Err(StoreError::Invalid("closes before it opens".into()));
        }
        Ok(langs.join(","))
    }

    /// The open questions of `parts`, checked and in instrument order, as
    /// stored (`a,b,c`).
    fn check_parts(parts: &Parts) -> Result<String> {
        for q in &parts.open {
            if !OPEN_QUESTIONS.contains(&q.as_str()) {
                return Err(StoreError::Invalid(format!("open question {q:?}")));
            }
        }
        Ok(parts.open_questions().join(","))
    }

    /// The contact details trimmed, empty ones as `None`, each checked.
    fn check_contact(c: &RoundContact) -> Result<RoundContact> {
        let clean = |field: &str, v: &Option<String>, max: usize| -> Result<Option<String>> {
            let v = opt_text(v);
            if let Some(v) = &v {
                check_line(field, v, max)?;
            }
            Ok(v)
        };
        let contact = RoundContact {
            name: clean("contact_name", &c.name, 200)?,
            email: clean("contact_email", &c.email, 254)?,
            phone: clean("contact_phone", &c.phone, 40)?,
            list_by: clean("list_by", &c.list_by, 200)?,
        };
        if let Some(e) = &contact.email
            && !valid_email(e)
        {
            return Err(StoreError::Invalid("contact_email".into()));
        }
        if let Some(p) = &contact.phone
            && (!p.chars().any(|c| c.is_ascii_digit())
                || !p
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-().".contains(c)))
        {
            return Err(StoreError::Invalid("contact_phone".into()));
        }
        Ok(contact)
    }

    /// Creates a round in draft status with its political bodies.
    pub async fn create_round(&self, r: &NewRound) -> Result<RoundId> {
        let langs =
            Self::check_round_fields(&r.name, &r.languages, &r.lang, &r.opens_on, &r.closes_on)?;
        let open = Self::check_parts(&r.parts)?;
        let contact = Self::check_contact(&r.contact)?;
        let mut tx = self.store.begin_write().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO rounds (tenant_id, name, status, languages, lang, opens_on, closes_on, second_relation, created_at, ask_political, ask_meeting_places, open_questions, contact_name, contact_email, contact_phone, list_by) VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
        )
        .bind(self.id.0)
        .bind(r.name.trim())
        .bind(langs)
        .bind(lang_code(&r.lang)?)
        .bind(r.opens_on.clone())
        .bind(r.closes_on.clone())
        .bind((r.second_relation || r.parts.advice) as i64)
        .bind(now())
        .bind(r.parts.political as i64)
        .bind(r.parts.meeting_places as i64)
        .bind(open)
        .bind(contact.name)
        .bind(contact.email)
        .bind(contact.phone)
        .bind(contact.list_by)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        self.write_bodies(&mut tx, id, &r.bodies).await?;
        self.audit_in(&mut tx, "round.create", &format!("round {id}"))
            .await?;
        tx.commit().await?;
        Ok(RoundId(id))
    }

    async fn write_bodies(
        &self,
        tx: &mut sqlx::AnyConnection,
        round: i64,
        bodies: &[String],
    ) -> Result<()> {
        let mut names: Vec<&str> = Vec::new();
        for b in bodies {
            let b = b.trim();
            if b.is_empty() {
                continue;
            }
            check_line("body", b, 120)?;
            if names.iter().any(|n| n.to_lowercase() == b.to_lowercase()) {
                return Err(StoreError::Conflict(b.to_string()));
            }
            names.push(b);
        }
        if names.len() > 20 {
            return Err(StoreError::Invalid("at most 20 political bodies".into()));
        }
        let existing = sqlx::query(
            "SELECT id, name FROM political_bodies WHERE round_id = $1 AND tenant_id = $2",
        )
        .bind(round)
        .bind(self.id.0)
        .fetch_all(&mut *tx)
        .await?;
        let mut kept = HashSet::new();
        for (pos, name) in names.iter().enumerate() {
            let found = existing
                .iter()
                .find(|r| r.try_get::<String, _>("name").ok().as_deref() == Some(*name));
            match found {
                Some(r) => {
                    let id: i64 = r.try_get("id")?;
                    kept.insert(id);
                    sqlx::query("UPDATE political_bodies SET position = $1 WHERE id = $2 AND tenant_id = $3")
                        .bind(pos as i64)
                        .bind(id)
                        .bind(self.id.0)
                        .execute(&mut *tx)
                        .await?;
                }
                None => {
                    sqlx::query(
                        "INSERT INTO political_bodies (tenant_id, round_id, name, position) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(self.id.0)
                    .bind(round)
                    .bind(*name)
                    .bind(pos as i64)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        for r in &existing {
            let id: i64 = r.try_get("id")?;
            if !kept.contains(&id) {
                sqlx::query("DELETE FROM political_answers WHERE body_id = $1 AND tenant_id = $2")
                    .bind(id)
                    .bind(self.id.0)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM political_bodies WHERE id = $1 AND tenant_id = $2")
                    .bind(id)
                    .bind(self.id.0)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        Ok(())
    }

    /// Locks a round for a change of its instrument or roster; a closed
    /// round is frozen.
    pub(crate) async fn guard_round(
        &self,
        tx: &mut sqlx::AnyConnection,
        round: RoundId,
    ) -> Result<RoundStatus> {
        let r = sqlx::query(
            "UPDATE rounds SET name = name WHERE id = $1 AND tenant_id = $2 AND status <> 'closed'",
        )
        .bind(round.0)
        .bind(self.id.0)
        .execute(&mut *tx)
        .await?;
        let status = sqlx::query("SELECT status FROM rounds WHERE id = $1 AND tenant_id = $2")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        if r.rows_affected() == 0 {
            return Err(StoreError::Frozen);
        }
        Ok(RoundStatus::parse(&status.try_get::<String, _>("status")?))
    }

    /// Changes a round's settings (not once closed).
    pub async fn update_round(&self, round: RoundId, s: &RoundSettings) -> Result<()> {
        let langs =
            Self::check_round_fields(&s.name, &s.languages, &s.lang, &s.opens_on, &s.closes_on)?;
        if let Some(d) = &s.remind_on
            && !is_date(d)
        {
            return Err(StoreError::Invalid(format!("date {d:?}")));
        }
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
        sqlx::query(
            "UPDATE rounds SET name = $1, languages = $2, lang = $3, opens_on = $4, closes_on = $5, second_relation = $6, remind_on = $9, reminded_at = CASE WHEN remind_on IS NOT DISTINCT FROM $9 THEN reminded_at ELSE NULL END WHERE id = $7 AND tenant_id = $8",
        )
        .bind(s.name.trim())
        .bind(langs)
        .bind(lang_code(&s.lang)?)
        .bind(s.opens_on.clone())
        .bind(s.closes_on.clone())
        .bind(s.second_relation as i64)
        .bind(round.0)
        .bind(self.id.0)
        .bind(s.remind_on.clone())
        .execute(&mut *tx)
        .await?;
        self.audit_in(&mut tx, "round.settings", &format!("round {round}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the round's political bodies (kept bodies keep their ids
    /// and answers).
    pub async fn set_bodies(&self, round: RoundId, bodies: &[String]) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
        self.write_bodies(&mut tx, round.0, bodies).await?;
        self.audit_in(
            &mut tx,
            "round.bodies",
            &format!("round {round}: {} bodies", bodies.len()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Chooses the parts of the instrument the round asks (not once
    /// closed). Answers already given to a part left out stay stored but are
    /// no longer asked, shown or analysed.
    pub async fn set_round_parts(&self, round: RoundId, parts: &Parts) -> Result<()> {
        let open = Self::check_parts(parts)?;
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
        sqlx::query(
            "UPDATE rounds SET second_relation = $1, ask_political = $2, ask_meeting_places = $3, open_questions = $4 WHERE id = $5 AND tenant_id = $6",
        )
        .bind(parts.advice as i64)
        .bind(parts.political as i64)
        .bind(parts.meeting_places as i64)
        .bind(&open)
        .bind(round.0)
        .bind(self.id.0)
        .execute(&mut *tx)
        .await?;
        self.audit_in(
            &mut tx,
            "round.parts",
            &format!(
                "round {round}: advice {}, political {}, meeting places {}, open [{open}]",
                parts.advice, parts.political, parts.meeting_places
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets whom respondents contact and who drew up the list (not once
    /// closed). Empty values are removed.
    pub async fn set_round_contact(&self, round: RoundId, contact: &RoundContact) -> Result<()> {
        let c = Self::check_contact(contact)?;
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
        sqlx::query(
            "UPDATE rounds SET contact_name = $1, contact_email = $2, contact_phone = $3, list_by = $4 WHERE id = $5 AND tenant_id = $6",
        )
        .bind(c.name)
        .bind(c.email)
        .bind(c.phone)
        .bind(c.list_by)
        .bind(round.0)
        .bind(self.id.0)
        .execute(&mut *tx)
        .await?;
        self.audit_in(&mut tx, "round.contact", &format!("round {round}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets (or, with an empty text, resets) the wording of one item of the
    /// instrument in one language; see [`Tenant::save_wording`].
    pub async fn set_round_text(
        &self,
        round: RoundId,
        lang: &str,
        key: &str,
        text: &str,
    ) -> Result<()> {
        self.save_wording(round, lang, &[(key.to_string(), text.to_string())], &[])
            .await
            .map(|_| ())
    }

    /// Saves the wording of one language in one transaction: `edits` sets
    /// items' texts (an empty text is the standard wording), `confirmed`
    /// marks items whose text in this language already says the same as the
    /// latest change in another. Returns how many items changed.
    ///
    /// The languages are kept in step per item: each change raises the
    /// item's revision when this language was up to date (so every other
    /// language falls behind and shows as "not updated"), or only brings
    /// this language up to date when it was behind. When every language is
    /// back to the standard wording, the item is in step again.
    pub async fn save_wording(
        &self,
        round: RoundId,
        lang: &str,
        edits: &[(String, String)],
        confirmed: &[String],
    ) -> Result<usize> {
        let lang = lang_code(lang)?;
        let check_key = |key: &str| {
            if key.is_empty()
                || key.len() > 64
                || !key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(StoreError::Invalid("key".into()));
            }
            Ok(())
        };
        let mut seen_keys = HashSet::new();
        for (key, text) in edits {
            check_key(key)?;
            check_text("text", text, 2000)?;
            if !seen_keys.insert(key.as_str()) {
                return Err(StoreError::Invalid(format!("{key} twice")));
            }
        }
        for key in confirmed {
            check_key(key)?;
        }
        if edits.len() + confirmed.len() > 200 {
            return Err(StoreError::Invalid("too many items".into()));
        }
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
        let mut changed = Vec::new();
        for (key, text) in edits {
            let text = text.trim();
            let new = (!text.is_empty()).then_some(text);
            let current: Option<String> = sqlx::query("SELECT text FROM round_texts WHERE round_id = $1 AND tenant_id = $2 AND lang = $3 AND key = $4")
                .bind(round.0)
                .bind(self.id.0)
                .bind(lang)
                .bind(key)
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| r.try_get("text"))
                .transpose()?;
            if current.as_deref() == new {
                continue;
            }
            sqlx::query("DELETE FROM round_texts WHERE round_id = $1 AND tenant_id = $2 AND lang = $3 AND key = $4")
                .bind(round.0)
                .bind(self.id.0)
                .bind(lang)
                .bind(key)
                .execute(&mut *tx)
                .await?;
            if let Some(text) = new {
                sqlx::query("INSERT INTO round_texts (tenant_id, round_id, lang, key, text) VALUES ($1, $2, $3, $4, $5)")
                    .bind(self.id.0)
                    .bind(round.0)
                    .bind(lang)
                    .bind(key)
                    .bind(text)
                    .execute(&mut *tx)
                    .await?;
            }
            let (rev, seen) = self.revisions_in(&mut tx, round, lang, key).await?;
            let target = if seen >= rev { rev + 1 } else { rev };
            self.set_revision_in(&mut tx, round, key, target).await?;
            self.set_seen_in(&mut tx, round, lang, key, target).await?;
            // Every language back at the standard wording: in step again.
            let edited: i64 = sqlx::query("SELECT COUNT(*) AS n FROM round_texts WHERE round_id = $1 AND tenant_id = $2 AND key = $3")
                .bind(round.0)
                .bind(self.id.0)
                .bind(key)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
            if edited == 0 {
                for table in ["round_text_revisions", "round_text_seen"] {
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DELETE FROM {table} WHERE round_id = $1 AND tenant_id = $2 AND key = $3"
                    )))
                    .bind(round.0)
                    .bind(self.id.0)
                    .bind(key)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            changed.push(key.as_str());
        }
        let mut confirmed_n = 0;
        for key in confirmed {
            let (rev, seen) = self.revisions_in(&mut tx, round, lang, key).await?;
            if rev > 0 && seen < rev {
                self.set_seen_in(&mut tx, round, lang, key, rev).await?;
                confirmed_n += 1;
            }
        }
        if !changed.is_empty() || confirmed_n > 0 {
            self.audit_in(
                &mut tx,
                "round.wording",
                &format!(
                    "round {round} {lang}: changed [{}], {confirmed_n} confirmed up to date",
                    changed.join(",")
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(changed.len())
    }

    /// The item's revision and the revision `lang` was brought up to.
    async fn revisions_in(
        &self,
        conn: &mut sqlx::AnyConnection,
        round: RoundId,
        lang: &str,
        key: &str,
    ) -> Result<(i64, i64)> {
        let rev: i64 = sqlx::query(
            "SELECT rev FROM round_text_revisions WHERE round_id = $1 AND tenant_id = $2 AND key = $3",
        )
        .bind(round.0)
        .bind(self.id.0)
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?
        .map(|r| r.try_get("rev"))
        .transpose()?
        .unwrap_or(0);
        let seen: i64 = sqlx::query("SELECT rev FROM round_text_seen WHERE round_id = $1 AND tenant_id = $2 AND lang = $3 AND key = $4")
            .bind(round.0)
            .bind(self.id.0)
            .bind(lang)
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?
            .map(|r| r.try_get("rev"))
            .transpose()?
            .unwrap_or(0);
        Ok((rev, seen))
    }

    async fn set_revision_in(
        &self,
        conn: &mut sqlx::AnyConnection,
        round: RoundId,
        key: &str,
        rev: i64,
    ) -> Result<()> {
        sqlx::query("INSERT INTO round_text_revisions (tenant_id, round_id, key, rev) VALUES ($1, $2, $3, $4) ON CONFLICT (round_id, key) DO UPDATE SET rev = excluded.rev")
            .bind(self.id.0)
            .bind(round.0)
            .bind(key)
            .bind(rev)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    async fn set_seen_in(
        &self,
        conn: &mut sqlx::AnyConnection,
        round: RoundId,
        lang: &str,
        key: &str,
        rev: i64,
    ) -> Result<()> {
        sqlx::query("INSERT INTO round_text_seen (tenant_id, round_id, lang, key, rev) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (round_id, lang, key) DO UPDATE SET rev = excluded.rev")
            .bind(self.id.0)
            .bind(round.0)
            .bind(lang)
            .bind(key)
            .bind(rev)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// «Ny runde fra denne»: a new draft round with this round's settings,
    /// languages, political bodies and edited wording; it invites the
    /// people on the roster when opened (people keep their stable ids, so
    /// the two rounds can be compared). Dates are not copied.
    pub async fn copy_round(&self, from: RoundId, name: &str) -> Result<RoundId> {
        let src = self.round(from).await?;
        let bodies: Vec<String> = src.bodies.iter().map(|b| b.name.clone()).collect();
        let langs = Self::check_round_fields(name, &src.languages, &src.lang, &None, &None)?;
        let open = Self::check_parts(&src.parts)?;
        let mut tx = self.store.begin_write().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO rounds (tenant_id, name, status, languages, lang, second_relation, copied_from, created_at, ask_political, ask_meeting_places, open_questions, contact_name, contact_email, contact_phone, list_by) VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(self.id.0)
        .bind(name.trim())
        .bind(langs)
        .bind(&src.lang)
        .bind(src.second_relation as i64)
        .bind(from.0)
        .bind(now())
        .bind(src.parts.political as i64)
        .bind(src.parts.meeting_places as i64)
        .bind(open)
        .bind(src.contact.name.clone())
        .bind(src.contact.email.clone())
        .bind(src.contact.phone.clone())
        .bind(src.contact.list_by.clone())
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        for table in ["round_text_revisions", "round_text_seen"] {
            let cols = if table == "round_text_seen" {
                "lang, key, rev"
            } else {
                "key, rev"
            };
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO {table} (tenant_id, round_id, {cols}) SELECT tenant_id, $1, {cols} FROM {table} WHERE round_id = $2 AND tenant_id = $3"
            )))
            .bind(id)
            .bind(from.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        }
        self.write_bodies(&mut tx, id, &bodies).await?;
        for (lang, key, text) in &src.texts {
            sqlx::query("INSERT INTO round_texts (tenant_id, round_id, lang, key, text) VALUES ($1, $2, $3, $4, $5)")
                .bind(self.id.0)
                .bind(id)
                .bind(lang)
                .bind(key)
                .bind(text)
                .execute(&mut *tx)
                .await?;
        }
        self.audit_in(
            &mut tx,
            "round.copy",
            &format!("round {id} from round {from}"),
        )
        .await?;
        tx.commit().await?;
        Ok(RoundId(id))
    }

    /// Every round, newest first.
    pub async fn rounds(&self) -> Result<Vec<RoundInfo>> {
        let rows = sqlx::query("SELECT id FROM rounds WHERE tenant_id = $1 ORDER BY id DESC")
            .bind(self.id.0)
            .fetch_all(self.pool())
            .await?;
        let mut out = Vec::new();
        for r in rows {
            out.push(self.round(RoundId(r.try_get("id")?)).await?);
        }
        Ok(out)
    }

    /// One round with its bodies and edited wording.
    pub async fn round(&self, round: RoundId) -> Result<RoundInfo> {
        let mut conn = self.pool().acquire().await?;
        self.round_in(&mut conn, round).await
    }

    /// One round, read on a connection (inside a transaction when the
    /// caller holds one).
    pub(crate) async fn round_in(
        &self,
        conn: &mut sqlx::AnyConnection,
        round: RoundId,
    ) -> Result<RoundInfo> {
        let r = sqlx::query(
            "SELECT id, name, status, languages, lang, opens_on, closes_on, second_relation, remind_on, reminded_at, copied_from, closed_at, ask_political, ask_meeting_places, open_questions, contact_name, contact_email, contact_phone, list_by FROM rounds WHERE id = $1 AND tenant_id = $2",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
        let bodies = sqlx::query("SELECT id, name FROM political_bodies WHERE round_id = $1 AND tenant_id = $2 ORDER BY position, id")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|b| Ok(BodyInfo { id: BodyId(b.try_get("id")?), name: b.try_get("name")? }))
            .collect::<Result<Vec<_>>>()?;
        let texts = sqlx::query("SELECT lang, key, text FROM round_texts WHERE round_id = $1 AND tenant_id = $2 ORDER BY lang, key")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|t| Ok((t.try_get("lang")?, t.try_get("key")?, t.try_get("text")?)))
            .collect::<Result<Vec<_>>>()?;
        let revisions = sqlx::query("SELECT key, rev FROM round_text_revisions WHERE round_id = $1 AND tenant_id = $2 AND rev > 0 ORDER BY key")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(&mut *conn)
            .await?;
        let seen = sqlx::query(
            "SELECT lang, key, rev FROM round_text_seen WHERE round_id = $1 AND tenant_id = $2",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_all(&mut *conn)
        .await?;
        let mut seen_at: HashMap<(String, String), i64> = HashMap::new();
        for row in &seen {
            seen_at.insert(
                (row.try_get("lang")?, row.try_get("key")?),
                row.try_get("rev")?,
            );
        }
        let mut wording = Vec::new();
        for row in &revisions {
            let key: String = row.try_get("key")?;
            let rev: i64 = row.try_get("rev")?;
            let current = ["nb", "nn", "da", "en"]
                .iter()
                .filter(|l| {
                    seen_at
                        .get(&(l.to_string(), key.clone()))
                        .is_some_and(|s| *s >= rev)
                })
                .map(|l| l.to_string())
                .collect();
            wording.push(WordingState { key, current });
        }
        let second_relation = r.try_get::<i64, _>("second_relation")? != 0;
        let parts = parts_of(&r)?;
        Ok(RoundInfo {
            id: RoundId(r.try_get("id")?),
            name: r.try_get("name")?,
            status: RoundStatus::parse(&r.try_get::<String, _>("status")?),
            languages: r
                .try_get::<String, _>("languages")?
                .split(',')
                .map(str::to_string)
                .collect(),
            lang: r.try_get("lang")?,
            opens_on: r.try_get("opens_on")?,
            closes_on: r.try_get("closes_on")?,
            second_relation,
            bodies,
            texts,
            remind_on: r.try_get("remind_on")?,
            reminded_at: r.try_get("reminded_at")?,
            copied_from: r.try_get::<Option<i64>, _>("copied_from")?.map(RoundId),
            closed_at: r.try_get("closed_at")?,
            parts,
            contact: RoundContact {
                name: r.try_get("contact_name")?,
                email: r.try_get("contact_email")?,
                phone: r.try_get("contact_phone")?,
                list_by: r.try_get("list_by")?,
            },
            wording,
        })
    }

    /// Opens a round for answers and invites every active person on the
    /// roster who is not yet invited. Returns the number of new invitations.
    /// May be called again while open to invite persons added since.
    ///
    /// A draft whose wording was changed in one offered language without the
    /// others being brought up to date is refused with
    /// [`StoreError::Unsynced`]: the languages would ask different things.
    /// [`Tenant::open_round_confirmed`] opens it anyway.
    pub async fn open_round(&self, round: RoundId) -> Result<usize> {
        self.open_round_with(round, false).await
    }

    /// [`Tenant::open_round`] after the coordinator confirmed that the
    /// languages may say different things (recorded in the audit row).
    pub async fn open_round_confirmed(&self, round: RoundId) -> Result<usize> {
        self.open_round_with(round, true).await
    }

    async fn open_round_with(&self, round: RoundId, accept_unsynced: bool) -> Result<usize> {
        let mut tx = self.store.begin_write().await?;
        let status = self.guard_round(&mut tx, round).await?;
        let mut unsynced = 0;
        if status == RoundStatus::Draft {
            let info = self.round_in(&mut tx, round).await?;
            let differ = info.unsynced_offered();
            if !differ.is_empty() && !accept_unsynced {
                return Err(StoreError::Unsynced(differ));
            }
            unsynced = differ.len();
        }
        sqlx::query("UPDATE rounds SET status = 'open', opened_at = COALESCE(opened_at, $1) WHERE id = $2 AND tenant_id = $3")
            .bind(now())
            .bind(round.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        let missing = sqlx::query(
            "SELECT p.id FROM persons p WHERE p.tenant_id = $1 AND p.active = 1 AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.round_id = $2 AND i.tenant_id = $1 AND i.person_id = p.id) ORDER BY p.id",
        )
        .bind(self.id.0)
        .bind(round.0)
        .fetch_all(&mut *tx)
        .await?;
        for r in &missing {
            let person: i64 = r.try_get("id")?;
            let nonce = hex(&random_bytes::<16>());
            let token = self.store.derive_token(&nonce);
            sqlx::query(
                "INSERT INTO invitations (tenant_id, round_id, person_id, token_hash, nonce, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(self.id.0)
            .bind(round.0)
            .bind(person)
            .bind(token_hash(&token))
            .bind(nonce)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        let detail = if unsynced > 0 {
            format!(
                "round {round}: {} invited; opened with {unsynced} item(s) not updated in every language (confirmed)",
                missing.len()
            )
        } else {
            format!("round {round}: {} invited", missing.len())
        };
        self.audit_in(&mut tx, "round.open", &detail).await?;
        tx.commit().await?;
        Ok(missing.len())
    }

    /// Closes a round: answers stop, the participants' names, functions,
    /// units and levels are frozen with the answers, and every later change
    /// to the round is rejected with [`StoreError::Frozen`].
    pub async fn close_round(&self, round: RoundId) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let status = self.guard_round(&mut tx, round).await?;
        if status != RoundStatus::Open {
            return Err(StoreError::NotOpen);
        }
        sqlx::query(
            "UPDATE rounds SET status = 'closed', closed_at = $1 WHERE id = $2 AND tenant_id = $3",
        )
        .bind(now())
        .bind(round.0)
        .bind(self.id.0)
        .execute(&mut *tx)
        .await?;
        let parts = self.participants_in(&mut tx, round).await?;
        for p in &parts {
            let snap =
                serde_json::to_string(&p.snap).map_err(|e| StoreError::Invalid(e.to_string()))?;
            sqlx::query(
                "UPDATE invitations SET frozen = 1, snapshot = $1 WHERE id = $2 AND tenant_id = $3",
            )
            .bind(snap)
            .bind(p.invitation)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        }
        self.audit_in(&mut tx, "round.close", &format!("round {round}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The participants of a round: the frozen snapshot once closed, the
    /// live roster before.
    pub(crate) async fn participants_in(
        &self,
        conn: &mut sqlx::AnyConnection,
        round: RoundId,
    ) -> Result<Vec<Participant>> {
        let rows = sqlx::query(
            "SELECT i.id AS iid, i.person_id, i.nonce, i.snapshot, i.first_seen_at, i.submitted_at, p.name, p.email, p.unit, p.level FROM invitations i JOIN persons p ON p.id = i.person_id AND p.tenant_id = i.tenant_id WHERE i.round_id = $1 AND i.tenant_id = $2 ORDER BY i.person_id",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_all(&mut *conn)
        .await?;
        let frows = sqlx::query(
            "SELECT pf.person_id AS p, f.name AS name FROM person_functions pf JOIN functions f ON f.id = pf.function_id AND f.tenant_id = pf.tenant_id WHERE pf.tenant_id = $1 ORDER BY pf.person_id, pf.position",
        )
        .bind(self.id.0)
        .fetch_all(&mut *conn)
        .await?;
        let mut funcs: HashMap<i64, Vec<String>> = HashMap::new();
        for r in frows {
            funcs
                .entry(r.try_get("p")?)
                .or_default()
                .push(r.try_get("name")?);
        }
        rows.iter()
            .map(|r| {
                let person: i64 = r.try_get("person_id")?;
                let snap = match r.try_get::<Option<String>, _>("snapshot")? {
                    Some(s) => {
                        serde_json::from_str(&s).map_err(|e| StoreError::Invalid(e.to_string()))?
                    }
                    None => Snapshot {
                        name: r.try_get("name")?,
                        email: r.try_get("email")?,
                        unit: r.try_get("unit")?,
                        level: r
                            .try_get::<Option<String>, _>("level")?
                            .and_then(|l| Level::parse(&l)),
                        functions: funcs.get(&person).cloned().unwrap_or_default(),
                    },
                };
                Ok(Participant {
                    invitation: r.try_get("iid")?,
                    person,
                    snap,
                    started: r.try_get::<Option<i64>, _>("first_seen_at")?.is_some(),
                    submitted: r.try_get::<Option<i64>, _>("submitted_at")?.is_some(),
                    nonce: r.try_get("nonce")?,
                })
            })
            .collect()
    }

    pub(crate) async fn participants(&self, round: RoundId) -> Result<Vec<Participant>> {
        // Existence check first so another tenant's round is "not found".
        self.round(round).await?;
        let mut conn = self.pool().acquire().await?;
        self.participants_in(&mut conn, round).await
    }

    // ---------------------------------------------------------- invitations

    /// The invitations of a round with progress and mail status (no answers).
    pub async fn invitations(&self, round: RoundId) -> Result<Vec<InvitationInfo>> {
        let parts = self.participants(round).await?;
        let mail = sqlx::query(
            "SELECT invitation_id, status FROM mail_outbox WHERE tenant_id = $1 AND invitation_id IN (SELECT id FROM invitations WHERE round_id = $2 AND tenant_id = $1) ORDER BY id",
        )
        .bind(self.id.0)
        .bind(round.0)
        .fetch_all(self.pool())
        .await?;
        let mut latest: HashMap<i64, String> = HashMap::new();
        for m in mail {
            latest.insert(m.try_get("invitation_id")?, m.try_get("status")?);
        }
        Ok(parts
            .into_iter()
            .map(|p| InvitationInfo {
                id: InvitationId(p.invitation),
                person: PersonId(p.person),
                name: p.snap.name,
                email: p.snap.email,
                unit: p.snap.unit,
                functions: p.snap.functions,
                started: p.started,
                submitted: p.submitted,
                mail_status: latest.get(&p.invitation).cloned(),
            })
            .collect())
    }

    /// The invitations with their personal link tokens (for the CSV of
    /// links and printable letters). The tokens are derived from the
    /// store's key; the database holds only their hashes.
    pub async fn invitation_links(&self, round: RoundId) -> Result<Vec<InvitationLink>> {
        let parts = self.participants(round).await?;
        let infos = self.invitations(round).await?;
        Ok(infos
            .into_iter()
            .zip(parts)
            .map(|(invitation, p)| InvitationLink {
                token: self.store.derive_token(&p.nonce),
                invitation,
            })
            .collect())
    }

    /// Response rates, overall, per function and per unit. No answers.
    pub async fn response_stats(&self, round: RoundId) -> Result<ResponseStats> {
        let parts = self.participants(round).await?;
        let mut overall = Rate::default();
        let mut per_f: BTreeMap<String, Rate> = BTreeMap::new();
        let mut per_u: BTreeMap<String, Rate> = BTreeMap::new();
        let order: Vec<String> = self
            .functions()
            .await?
            .into_iter()
            .map(|f| f.name)
            .collect();
        let add = |r: &mut Rate, p: &Participant| {
            r.invited += 1;
            r.started += p.started as usize;
            r.submitted += p.submitted as usize;
        };
        for p in &parts {
            add(&mut overall, p);
            for f in &p.snap.functions {
                add(
                    per_f.entry(f.clone()).or_insert_with(|| Rate {
                        group: f.clone(),
                        ..Rate::default()
                    }),
                    p,
                );
            }
            let u = p.snap.unit.clone().unwrap_or_default();
            add(
                per_u.entry(u.clone()).or_insert_with(|| Rate {
                    group: u,
                    ..Rate::default()
                }),
                p,
            );
        }
        let mut per_function: Vec<Rate> = per_f.into_values().collect();
        per_function.sort_by_key(|r| {
            order
                .iter()
                .position(|n| *n == r.group)
                .unwrap_or(usize::MAX)
        });
        Ok(ResponseStats {
            overall,
            per_function,
            per_unit: per_u.into_values().collect(),
        })
    }
}
