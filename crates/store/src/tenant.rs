//! Everything a tenant owns, reached through [`Tenant`]: every query here
//! binds `self.id` and filters by `tenant_id`.

use std::collections::{BTreeMap, HashMap, HashSet};

use samspill_engine::model::{Frequency, Level, Network, Person, Relation, Tie};
use samspill_engine::survey::{ContactType, OpenAnswer, PoliticalContacts, RatingAnswers};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::*;

/// A handle on one tenant's data. Every method filters by the tenant, so
/// ids of another tenant's rows behave as if they did not exist.
#[derive(Clone, Debug)]
pub struct Tenant {
    pub(crate) store: Store,
    pub(crate) id: TenantId,
}

pub(crate) fn tenant_info(row: &AnyRow) -> Result<TenantInfo> {
    Ok(TenantInfo {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        kind: TenantKind::parse(&row.try_get::<String, _>("kind")?),
        lang: row.try_get("lang")?,
        mail_from: row.try_get("mail_from")?,
    })
}

/// A rough but strict e-mail check: one `@`, a dot in the domain, no
/// spaces or angle brackets, at most 254 characters.
pub(crate) fn valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && s.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && s.chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"<>\"(),;:[]\\".contains(c))
}

/// A participant of a round as the store sees it (internal).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Snapshot {
    pub name: String,
    pub email: String,
    pub unit: Option<String>,
    pub level: Option<Level>,
    pub functions: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Participant {
    pub invitation: i64,
    pub person: i64,
    pub snap: Snapshot,
    pub started: bool,
    pub submitted: bool,
    pub nonce: String,
}

fn opt_text(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
}

impl Tenant {
    /// The tenant's id.
    pub fn id(&self) -> TenantId {
        self.id
    }

    fn pool(&self) -> &sqlx::AnyPool {
        &self.store.pool
    }

    /// The tenant's settings.
    pub async fn info(&self) -> Result<TenantInfo> {
        let row =
            sqlx::query("SELECT id, slug, name, kind, lang, mail_from FROM tenants WHERE id = $1")
                .bind(self.id.0)
                .fetch_optional(self.pool())
                .await?
                .ok_or(StoreError::NotFound)?;
        tenant_info(&row)
    }

    /// Changes name, default language and the sender address of mail.
    pub async fn update_settings(
        &self,
        name: &str,
        lang: &str,
        mail_from: Option<&str>,
    ) -> Result<()> {
        check_len("name", name, 200)?;
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("name".into()));
        }
        let mail_from = mail_from.map(str::trim).filter(|s| !s.is_empty());
        if let Some(m) = mail_from
            && !valid_email(m)
        {
            return Err(StoreError::Invalid("mail_from".into()));
        }
        sqlx::query("UPDATE tenants SET name = $1, lang = $2, mail_from = $3 WHERE id = $4")
            .bind(name.trim())
            .bind(lang_code(lang)?)
            .bind(mail_from.map(str::to_string))
            .bind(self.id.0)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    // ---------------------------------------------------------------- audit

    /// Writes an audit entry (who did what; never answers).
    pub async fn audit(&self, actor: &str, action: &str, detail: &str) -> Result<()> {
        sqlx::query("INSERT INTO audit_log (tenant_id, actor, action, detail, at) VALUES ($1, $2, $3, $4, $5)")
            .bind(self.id.0)
            .bind(actor)
            .bind(action)
            .bind(detail)
            .bind(now())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The latest audit entries, newest first.
    pub async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT actor, action, detail, at FROM audit_log WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(self.id.0)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    detail: r.try_get("detail")?,
                    at: r.try_get("at")?,
                })
            })
            .collect()
    }

    // ------------------------------------------------------------ functions

    /// The function catalogue, standard functions first.
    pub async fn functions(&self) -> Result<Vec<FunctionInfo>> {
        let rows = sqlx::query(
            "SELECT id, code, name FROM functions WHERE tenant_id = $1 ORDER BY position, id",
        )
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FunctionInfo {
                    id: FunctionId(r.try_get("id")?),
                    code: r.try_get("code")?,
                    name: r.try_get("name")?,
                })
            })
            .collect()
    }

    /// Adds one of the tenant's own functions.
    pub async fn add_function(&self, name: &str) -> Result<FunctionId> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("name".into()));
        }
        check_len("name", name, 120)?;
        let mut tx = self.store.begin_write().await?;
        let existing = sqlx::query("SELECT id, name FROM functions WHERE tenant_id = $1")
            .bind(self.id.0)
            .fetch_all(&mut *tx)
            .await?;
        for r in &existing {
            if r.try_get::<String, _>("name")?.to_lowercase() == name.to_lowercase() {
                return Err(StoreError::Conflict(name.to_string()));
            }
        }
        let id: i64 = sqlx::query(
            "INSERT INTO functions (tenant_id, code, name, position) VALUES ($1, NULL, $2, $3) RETURNING id",
        )
        .bind(self.id.0)
        .bind(name)
        .bind(existing.len() as i64 + 100)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        tx.commit().await?;
        Ok(FunctionId(id))
    }

    /// Active persons per function (the 2015 report's Tabell 1), in
    /// catalogue order; a function with 0 is a coverage gap.
    pub async fn persons_per_function(&self) -> Result<Vec<(FunctionInfo, usize)>> {
        let functions = self.functions().await?;
        let rows = sqlx::query(
            "SELECT pf.function_id AS f, COUNT(*) AS n FROM person_functions pf JOIN persons p ON p.id = pf.person_id AND p.tenant_id = pf.tenant_id WHERE pf.tenant_id = $1 AND p.active = 1 GROUP BY pf.function_id",
        )
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        let mut counts = HashMap::new();
        for r in rows {
            counts.insert(
                r.try_get::<i64, _>("f")?,
                r.try_get::<i64, _>("n")? as usize,
            );
        }
        Ok(functions
            .into_iter()
            .map(|f| {
                let n = counts.get(&f.id.0).copied().unwrap_or(0);
                (f, n)
            })
            .collect())
    }

    // --------------------------------------------------------------- roster

    async fn function_map(&self, conn: &mut sqlx::AnyConnection) -> Result<HashMap<String, i64>> {
        let rows = sqlx::query("SELECT id, code, name FROM functions WHERE tenant_id = $1")
            .bind(self.id.0)
            .fetch_all(&mut *conn)
            .await?;
        let mut m = HashMap::new();
        for r in rows {
            let id: i64 = r.try_get("id")?;
            m.insert(r.try_get::<String, _>("name")?.trim().to_lowercase(), id);
            if let Some(code) = r.try_get::<Option<String>, _>("code")? {
                m.insert(code.to_lowercase(), id);
            }
        }
        Ok(m)
    }

    /// Every person on the roster (active and not), by name.
    pub async fn persons(&self) -> Result<Vec<PersonInfo>> {
        let rows = sqlx::query(
            "SELECT id, name, email, unit, level, active FROM persons WHERE tenant_id = $1 ORDER BY name, id",
        )
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        let funcs = self.person_functions().await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                Ok(PersonInfo {
                    id: PersonId(id),
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                    unit: r.try_get("unit")?,
                    level: r
                        .try_get::<Option<String>, _>("level")?
                        .and_then(|l| Level::parse(&l)),
                    functions: funcs.get(&id).cloned().unwrap_or_default(),
                    active: r.try_get::<i64, _>("active")? != 0,
                })
            })
            .collect()
    }

    /// One person.
    pub async fn person(&self, id: PersonId) -> Result<PersonInfo> {
        self.persons()
            .await?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(StoreError::NotFound)
    }

    async fn person_functions(&self) -> Result<HashMap<i64, Vec<String>>> {
        let rows = sqlx::query(
            "SELECT pf.person_id AS p, f.name AS name FROM person_functions pf JOIN functions f ON f.id = pf.function_id AND f.tenant_id = pf.tenant_id WHERE pf.tenant_id = $1 ORDER BY pf.person_id, pf.position",
        )
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        let mut m: HashMap<i64, Vec<String>> = HashMap::new();
        for r in rows {
            m.entry(r.try_get("p")?)
                .or_default()
                .push(r.try_get("name")?);
        }
        Ok(m)
    }

    /// Validates persons against the catalogue and each other. Row numbers
    /// are `first_row + index`.
    fn validate_persons(
        people: &[NewPerson],
        functions: &HashMap<String, i64>,
        first_row: usize,
    ) -> (Vec<RowProblem>, Vec<Vec<i64>>) {
        let mut problems = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut resolved = Vec::new();
        for (i, p) in people.iter().enumerate() {
            let row = first_row + i;
            let mut push = |kind| problems.push(RowProblem { row, kind });
            if p.name.trim().is_empty() {
                push(ProblemKind::MissingName);
            }
            for (col, v, max) in [
                ("name", Some(&p.name), 200),
                ("email", Some(&p.email), 254),
                ("unit", p.unit.as_ref(), 200),
            ] {
                if let Some(v) = v
                    && check_len(col, v, max).is_err()
                {
                    push(ProblemKind::BadText { column: col.into() });
                }
            }
            let email = p.email.trim().to_lowercase();
            if !valid_email(&email) {
                push(ProblemKind::BadEmail {
                    value: p.email.clone(),
                });
            } else if let Some(&first_row) = seen.get(&email) {
                push(ProblemKind::DuplicateEmail {
                    value: p.email.clone(),
                    first_row,
                });
            } else {
                seen.insert(email, row);
            }
            let mut ids = Vec::new();
            for f in &p.functions {
                match functions.get(&f.trim().to_lowercase()) {
                    Some(id) if !ids.contains(id) => ids.push(*id),
                    Some(_) => {}
                    None => push(ProblemKind::UnknownFunction { value: f.clone() }),
                }
            }
            resolved.push(ids);
        }
        (problems, resolved)
    }

    async fn write_person(
        &self,
        tx: &mut sqlx::AnyConnection,
        existing: Option<i64>,
        p: &NewPerson,
        functions: &[i64],
    ) -> Result<i64> {
        let email = p.email.trim().to_lowercase();
        let id = match existing {
            Some(id) => {
                sqlx::query(
                    "UPDATE persons SET name = $1, email = $2, unit = $3, level = $4, active = 1 WHERE id = $5 AND tenant_id = $6",
                )
                .bind(p.name.trim())
                .bind(&email)
                .bind(opt_text(&p.unit))
                .bind(p.level.map(|l| l.as_str().to_string()))
                .bind(id)
                .bind(self.id.0)
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM person_functions WHERE person_id = $1 AND tenant_id = $2")
                    .bind(id)
                    .bind(self.id.0)
                    .execute(&mut *tx)
                    .await?;
                id
            }
            None => sqlx::query(
                "INSERT INTO persons (tenant_id, name, email, unit, level, active, created_at) VALUES ($1, $2, $3, $4, $5, 1, $6) RETURNING id",
            )
            .bind(self.id.0)
            .bind(p.name.trim())
            .bind(&email)
            .bind(opt_text(&p.unit))
            .bind(p.level.map(|l| l.as_str().to_string()))
            .bind(now())
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?,
        };
        for (pos, f) in functions.iter().enumerate() {
            sqlx::query("INSERT INTO person_functions (tenant_id, person_id, function_id, position) VALUES ($1, $2, $3, $4)")
                .bind(self.id.0)
                .bind(id)
                .bind(*f)
                .bind(pos as i64)
                .execute(&mut *tx)
                .await?;
        }
        Ok(id)
    }

    async fn email_ids(&self, conn: &mut sqlx::AnyConnection) -> Result<HashMap<String, i64>> {
        let rows = sqlx::query("SELECT id, email FROM persons WHERE tenant_id = $1")
            .bind(self.id.0)
            .fetch_all(&mut *conn)
            .await?;
        let mut m = HashMap::new();
        for r in rows {
            m.insert(r.try_get::<String, _>("email")?, r.try_get::<i64, _>("id")?);
        }
        Ok(m)
    }

    /// Imports a roster: all rows or nothing. A row whose e-mail is already
    /// on the roster updates that person (same stable id); others are added;
    /// persons not in the file are left as they are. Rows are numbered from
    /// 2 (row 1 is the file's header).
    pub async fn import_roster(&self, people: &[NewPerson]) -> Result<ImportSummary> {
        let mut tx = self.store.begin_write().await?;
        let functions = self.function_map(&mut tx).await?;
        let (problems, resolved) = Self::validate_persons(people, &functions, 2);
        if !problems.is_empty() {
            return Err(StoreError::Roster(problems));
        }
        let emails = self.email_ids(&mut tx).await?;
        let mut summary = ImportSummary {
            added: 0,
            updated: 0,
        };
        for (p, f) in people.iter().zip(&resolved) {
            let existing = emails.get(&p.email.trim().to_lowercase()).copied();
            self.write_person(&mut tx, existing, p, f).await?;
            if existing.is_some() {
                summary.updated += 1;
            } else {
                summary.added += 1;
            }
        }
        sqlx::query("INSERT INTO audit_log (tenant_id, actor, action, detail, at) VALUES ($1, 'coordinator', 'roster.import', $2, $3)")
            .bind(self.id.0)
            .bind(format!("added {}, updated {}", summary.added, summary.updated))
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Adds one person.
    pub async fn add_person(&self, p: &NewPerson) -> Result<PersonId> {
        let mut tx = self.store.begin_write().await?;
        let functions = self.function_map(&mut tx).await?;
        let (problems, resolved) = Self::validate_persons(std::slice::from_ref(p), &functions, 1);
        if !problems.is_empty() {
            return Err(StoreError::Roster(problems));
        }
        if self
            .email_ids(&mut tx)
            .await?
            .contains_key(&p.email.trim().to_lowercase())
        {
            return Err(StoreError::Conflict(p.email.trim().to_lowercase()));
        }
        let id = self.write_person(&mut tx, None, p, &resolved[0]).await?;
        tx.commit().await?;
        Ok(PersonId(id))
    }

    /// Changes one person (the id stays the same).
    pub async fn update_person(&self, id: PersonId, p: &NewPerson) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let emails = self.email_ids(&mut tx).await?;
        if !emails.values().any(|v| *v == id.0) {
            return Err(StoreError::NotFound);
        }
        if let Some(other) = emails.get(&p.email.trim().to_lowercase())
            && *other != id.0
        {
            return Err(StoreError::Conflict(p.email.trim().to_lowercase()));
        }
        let functions = self.function_map(&mut tx).await?;
        let (problems, resolved) = Self::validate_persons(std::slice::from_ref(p), &functions, 1);
        if !problems.is_empty() {
            return Err(StoreError::Roster(problems));
        }
        self.write_person(&mut tx, Some(id.0), p, &resolved[0])
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a person off (or back onto) the current roster. The person and
    /// their answers in earlier rounds stay.
    pub async fn set_person_active(&self, id: PersonId, active: bool) -> Result<()> {
        let r = sqlx::query("UPDATE persons SET active = $1 WHERE id = $2 AND tenant_id = $3")
            .bind(active as i64)
            .bind(id.0)
            .bind(self.id.0)
            .execute(self.pool())
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

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
        check_len("name", name, 200)?;
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
            check_len("body", b, 120)?;
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
    async fn guard_round(
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
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
        sqlx::query(
            "UPDATE rounds SET name = $1, languages = $2, lang = $3, opens_on = $4, closes_on = $5, second_relation = $6 WHERE id = $7 AND tenant_id = $8",
        )
        .bind(s.name.trim())
        .bind(langs)
        .bind(lang_code(&s.lang)?)
        .bind(s.opens_on.clone())
        .bind(s.closes_on.clone())
        .bind(s.second_relation as i64)
        .bind(round.0)
        .bind(self.id.0)
        .execute(&mut *tx)
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
        check_len("text", text, 2000)?;
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
        tx.commit().await?;
        Ok(())
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
            "SELECT id, name, status, languages, lang, opens_on, closes_on, second_relation FROM rounds WHERE id = $1 AND tenant_id = $2",
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
        sqlx::query("INSERT INTO audit_log (tenant_id, actor, action, detail, at) VALUES ($1, 'coordinator', 'round.open', $2, $3)")
            .bind(self.id.0)
            .bind(format!("round {}: {} invited", round.0, missing.len()))
            .bind(now())
            .execute(&mut *tx)
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
        sqlx::query("INSERT INTO audit_log (tenant_id, actor, action, detail, at) VALUES ($1, 'coordinator', 'round.close', $2, $3)")
            .bind(self.id.0)
            .bind(format!("round {}", round.0))
            .bind(now())
            .execute(&mut *tx)
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

    async fn participants(&self, round: RoundId) -> Result<Vec<Participant>> {
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

    /// Queues mail for a round: invitations to everyone not yet mailed an
    /// invitation (a bounced invitation is sent again only to a corrected
    /// address), or reminders to everyone who has not submitted. Returns
    /// the number queued.
    pub async fn queue_mail(&self, round: RoundId, kind: MailKind) -> Result<usize> {
        let mut tx = self.store.begin_write().await?;
        let status = self.guard_round(&mut tx, round).await?;
        if status != RoundStatus::Open {
            return Err(StoreError::NotOpen);
        }
        let sql = match kind {
            MailKind::Invitation => {
                "SELECT i.id, p.email FROM invitations i JOIN persons p ON p.id = i.person_id AND p.tenant_id = i.tenant_id WHERE i.round_id = $1 AND i.tenant_id = $2 AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.invitation_id = i.id AND m.tenant_id = i.tenant_id AND m.kind = 'invitation' AND (m.status IN ('queued', 'sent', 'failed') OR m.to_addr = p.email)) ORDER BY i.id"
            }
            MailKind::Reminder => {
                "SELECT i.id, p.email FROM invitations i JOIN persons p ON p.id = i.person_id AND p.tenant_id = i.tenant_id WHERE i.round_id = $1 AND i.tenant_id = $2 AND i.submitted_at IS NULL ORDER BY i.id"
            }
        };
        let rows = sqlx::query(sql)
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(&mut *tx)
            .await?;
        for r in &rows {
            sqlx::query(
                "INSERT INTO mail_outbox (tenant_id, invitation_id, kind, to_addr, status, attempts, created_at) VALUES ($1, $2, $3, $4, 'queued', 0, $5)",
            )
            .bind(self.id.0)
            .bind(r.try_get::<i64, _>("id")?)
            .bind(kind.as_str())
            .bind(r.try_get::<String, _>("email")?)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("INSERT INTO audit_log (tenant_id, actor, action, detail, at) VALUES ($1, 'coordinator', $2, $3, $4)")
            .bind(self.id.0)
            .bind(format!("mail.{}", kind.as_str()))
            .bind(format!("round {}: {} queued", round.0, rows.len()))
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(rows.len())
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

    // -------------------------------------------------------------- network

    /// The round's data as the engine's input: everyone invited, their
    /// reports as arcs (strength daily 3 / weekly 2 / monthly 1 / rarer 0;
    /// a contact chosen without a frequency counts as rarer), `responded`
    /// set for those who submitted; only submitted respondents' reports,
    /// political contacts, ratings and open answers are included.
    pub async fn round_network(&self, round: RoundId) -> Result<RoundNetwork> {
        let info = self.round(round).await?;
        let parts = self.participants(round).await?;
        let index: HashMap<i64, usize> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.person, i))
            .collect();
        let by_inv: HashMap<i64, usize> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.invitation, i))
            .collect();
        let submitted: HashSet<i64> = parts
            .iter()
            .filter(|p| p.submitted)
            .map(|p| p.invitation)
            .collect();
        let people = parts
            .iter()
            .map(|p| Person {
                functions: p.snap.functions.clone(),
                unit: p.snap.unit.clone(),
                level: p.snap.level,
                responded: p.submitted,
                ..Person::new(p.person.to_string(), p.snap.name.clone())
            })
            .collect();
        let mut relations: Vec<Relation> = RELATIONS[..if info.second_relation { 2 } else { 1 }]
            .iter()
            .map(|r| Relation {
                name: r.to_string(),
                ties: Vec::new(),
            })
            .collect();
        let rows = sqlx::query(
            "SELECT c.invitation_id, c.relation, c.alter_id, c.frequency FROM contact_answers c JOIN invitations i ON i.id = c.invitation_id AND i.tenant_id = c.tenant_id WHERE i.round_id = $1 AND c.tenant_id = $2 ORDER BY c.invitation_id, c.relation, c.alter_id",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        for r in rows {
            let inv: i64 = r.try_get("invitation_id")?;
            if !submitted.contains(&inv) {
                continue;
            }
            let rel: String = r.try_get("relation")?;
            let (Some(&src), Some(&tgt)) = (
                by_inv.get(&inv),
                index.get(&r.try_get::<i64, _>("alter_id")?),
            ) else {
                continue;
            };
            let f = r
                .try_get::<Option<String>, _>("frequency")?
                .and_then(|f| Frequency::parse(&f))
                .unwrap_or(Frequency::Rarer);
            if let Some(relation) = relations.iter_mut().find(|x| x.name == rel)
                && src != tgt
            {
                relation.ties.push(Tie::arc(src, tgt, f.strength()));
            }
        }
        let network = Network {
            name: info.name.clone(),
            people,
            relations,
            ..Network::default()
        };
        let body_index: HashMap<i64, usize> = info
            .bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.0, i))
            .collect();
        let mut political = PoliticalContacts {
            bodies: info.bodies.iter().map(|b| b.name.clone()).collect(),
            contacts: vec![],
        };
        let rows = sqlx::query(
            "SELECT a.invitation_id, a.body_id, a.contact_type FROM political_answers a JOIN invitations i ON i.id = a.invitation_id AND i.tenant_id = a.tenant_id WHERE i.round_id = $1 AND a.tenant_id = $2 ORDER BY a.invitation_id, a.body_id, a.contact_type",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        for r in rows {
            let inv: i64 = r.try_get("invitation_id")?;
            if !submitted.contains(&inv) {
                continue;
            }
            if let (Some(&p), Some(&b), Some(c)) = (
                by_inv.get(&inv),
                body_index.get(&r.try_get::<i64, _>("body_id")?),
                ContactType::parse(&r.try_get::<String, _>("contact_type")?),
            ) {
                political.contacts.push((p, b, c));
            }
        }
        let mut ratings: Vec<RatingAnswers> = RATING_QUESTIONS
            .iter()
            .map(|q| RatingAnswers {
                question: q.to_string(),
                answers: vec![],
            })
            .collect();
        let rows = sqlx::query(
            "SELECT a.invitation_id, a.question, a.value FROM rating_answers a JOIN invitations i ON i.id = a.invitation_id AND i.tenant_id = a.tenant_id WHERE i.round_id = $1 AND a.tenant_id = $2 ORDER BY a.question, a.invitation_id",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        for r in rows {
            if !submitted.contains(&r.try_get::<i64, _>("invitation_id")?) {
                continue;
            }
            let q: String = r.try_get("question")?;
            let v: i64 = r.try_get("value")?;
            if let Some(ra) = ratings.iter_mut().find(|x| x.question == q) {
                ra.answers.push(if v == 0 { None } else { Some(v as u8) });
            }
        }
        let rows = sqlx::query(
            "SELECT a.invitation_id, a.question, a.text FROM open_answers a JOIN invitations i ON i.id = a.invitation_id AND i.tenant_id = a.tenant_id WHERE i.round_id = $1 AND a.tenant_id = $2 ORDER BY a.question, a.invitation_id",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        let mut open_answers = Vec::new();
        for r in rows {
            if !submitted.contains(&r.try_get::<i64, _>("invitation_id")?) {
                continue;
            }
            open_answers.push(OpenAnswer {
                question: r.try_get("question")?,
                text: r.try_get("text")?,
            });
        }
        Ok(RoundNetwork {
            network,
            political,
            ratings,
            open_answers,
        })
    }
}

impl Store {
    /// The invitation token for a nonce: HMAC-SHA256 with the store's key,
    /// base64url (256 bits).
    pub(crate) fn derive_token(&self, nonce: &str) -> String {
        use base64::Engine;
        use hmac::{Hmac, KeyInit, Mac};
        let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(&self.token_key)
            .expect("HMAC accepts any key length");
        mac.update(b"samspill-invitation\0");
        mac.update(nonce.as_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// Mail waiting to be sent (queued, or failed fewer than 5 times), for
    /// the mail worker. System-level: spans tenants by design.
    pub async fn due_mail(&self, limit: i64) -> Result<Vec<OutgoingMail>> {
        let rows = sqlx::query(
            "SELECT m.id, m.tenant_id, m.kind, m.to_addr, m.attempts, t.name AS tenant_name, t.mail_from, t.lang AS tlang, r.name AS round_name, r.lang AS rlang, r.closes_on, i.nonce, i.lang AS ilang, p.name AS pname FROM mail_outbox m JOIN tenants t ON t.id = m.tenant_id JOIN invitations i ON i.id = m.invitation_id AND i.tenant_id = m.tenant_id JOIN rounds r ON r.id = i.round_id AND r.tenant_id = i.tenant_id JOIN persons p ON p.id = i.person_id AND p.tenant_id = i.tenant_id WHERE (m.status = 'queued' OR (m.status = 'failed' AND m.attempts < 5)) AND r.status = 'open' ORDER BY m.id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get("kind")?;
                let lang = r
                    .try_get::<Option<String>, _>("ilang")?
                    .unwrap_or(r.try_get::<String, _>("rlang")?);
                Ok(OutgoingMail {
                    id: r.try_get("id")?,
                    tenant: TenantId(r.try_get("tenant_id")?),
                    tenant_name: r.try_get("tenant_name")?,
                    from: r.try_get("mail_from")?,
                    to: r.try_get("to_addr")?,
                    name: r.try_get("pname")?,
                    kind: if kind == "reminder" {
                        MailKind::Reminder
                    } else {
                        MailKind::Invitation
                    },
                    round_name: r.try_get("round_name")?,
                    lang,
                    closes_on: r.try_get("closes_on")?,
                    token: self.derive_token(&r.try_get::<String, _>("nonce")?),
                    attempts: r.try_get("attempts")?,
                })
            })
            .collect()
    }

    /// Records the outcome of a send attempt.
    pub async fn mark_mail(&self, id: i64, status: MailStatus, error: Option<&str>) -> Result<()> {
        sqlx::query(
            "UPDATE mail_outbox SET status = $1, attempts = attempts + 1, last_error = $2, sent_at = CASE WHEN $3 = 1 THEN $4 ELSE sent_at END WHERE id = $5",
        )
        .bind(status.as_str())
        .bind(error.map(|e| e.chars().take(500).collect::<String>()))
        .bind((status == MailStatus::Sent) as i64)
        .bind(now())
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a bounce that arrived later (a delivery status notification
    /// for an address): the latest sent mail to it becomes `bounced`.
    pub async fn record_bounce(&self, to_addr: &str) -> Result<bool> {
        let row = sqlx::query("SELECT id FROM mail_outbox WHERE to_addr = $1 AND status = 'sent' ORDER BY id DESC LIMIT 1")
            .bind(to_addr.trim().to_lowercase())
            .fetch_optional(&self.pool)
            .await?;
        match row {
            None => Ok(false),
            Some(r) => {
                sqlx::query("UPDATE mail_outbox SET status = 'bounced' WHERE id = $1")
                    .bind(r.try_get::<i64, _>("id")?)
                    .execute(&self.pool)
                    .await?;
                Ok(true)
            }
        }
    }
}
