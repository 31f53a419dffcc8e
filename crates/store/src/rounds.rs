//! The round aggregate: instrument, political bodies, opening and closing,
//! invitations and response rates.

use std::collections::{BTreeMap, HashMap, HashSet};

use samspill_engine::model::Level;
use sqlx::Row;

use crate::tenant::*;
use crate::*;

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

    /// Creates a round in draft status with its political bodies.
    pub async fn create_round(&self, r: &NewRound) -> Result<RoundId> {
        let langs =
            Self::check_round_fields(&r.name, &r.languages, &r.lang, &r.opens_on, &r.closes_on)?;
        let mut tx = self.store.begin_write().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO rounds (tenant_id, name, status, languages, lang, opens_on, closes_on, second_relation, created_at) VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(self.id.0)
        .bind(r.name.trim())
        .bind(langs)
        .bind(lang_code(&r.lang)?)
        .bind(r.opens_on.clone())
        .bind(r.closes_on.clone())
        .bind(r.second_relation as i64)
        .bind(now())
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

    /// Sets (or, with an empty text, resets) the wording of one item of the
    /// instrument in one language.
    pub async fn set_round_text(
        &self,
        round: RoundId,
        lang: &str,
        key: &str,
        text: &str,
    ) -> Result<()> {
        let lang = lang_code(lang)?;
        if key.is_empty()
            || key.len() > 64
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(StoreError::Invalid("key".into()));
        }
        check_text("text", text, 2000)?;
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
        sqlx::query("DELETE FROM round_texts WHERE round_id = $1 AND tenant_id = $2 AND lang = $3 AND key = $4")
            .bind(round.0)
            .bind(self.id.0)
            .bind(lang)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        if !text.trim().is_empty() {
            sqlx::query("INSERT INTO round_texts (tenant_id, round_id, lang, key, text) VALUES ($1, $2, $3, $4, $5)")
                .bind(self.id.0)
                .bind(round.0)
                .bind(lang)
                .bind(key)
                .bind(text.trim())
                .execute(&mut *tx)
                .await?;
        }
        self.audit_in(
            &mut tx,
            "round.wording",
            &format!("round {round} {lang} {key}"),
        )
        .await?;
        tx.commit().await?;
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
        let mut tx = self.store.begin_write().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO rounds (tenant_id, name, status, languages, lang, second_relation, copied_from, created_at) VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(self.id.0)
        .bind(name.trim())
        .bind(langs)
        .bind(&src.lang)
        .bind(src.second_relation as i64)
        .bind(from.0)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
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
        let r = sqlx::query(
            "SELECT id, name, status, languages, lang, opens_on, closes_on, second_relation, remind_on, reminded_at, copied_from, closed_at FROM rounds WHERE id = $1 AND tenant_id = $2",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_optional(self.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
        let bodies = sqlx::query("SELECT id, name FROM political_bodies WHERE round_id = $1 AND tenant_id = $2 ORDER BY position, id")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|b| Ok(BodyInfo { id: BodyId(b.try_get("id")?), name: b.try_get("name")? }))
            .collect::<Result<Vec<_>>>()?;
        let texts = sqlx::query("SELECT lang, key, text FROM round_texts WHERE round_id = $1 AND tenant_id = $2 ORDER BY lang, key")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|t| Ok((t.try_get("lang")?, t.try_get("key")?, t.try_get("text")?)))
            .collect::<Result<Vec<_>>>()?;
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
            second_relation: r.try_get::<i64, _>("second_relation")? != 0,
            bodies,
            texts,
            remind_on: r.try_get("remind_on")?,
            reminded_at: r.try_get("reminded_at")?,
            copied_from: r.try_get::<Option<i64>, _>("copied_from")?.map(RoundId),
            closed_at: r.try_get("closed_at")?,
        })
    }

    /// Opens a round for answers and invites every active person on the
    /// roster who is not yet invited. Returns the number of new invitations.
    /// May be called again while open to invite persons added since.
    pub async fn open_round(&self, round: RoundId) -> Result<usize> {
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
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
        self.audit_in(
            &mut tx,
            "round.open",
            &format!("round {round}: {} invited", missing.len()),
        )
        .await?;
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
