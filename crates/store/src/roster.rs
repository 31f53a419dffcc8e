//! The roster aggregate: the function catalogue and the persons on it.

use std::collections::HashMap;

use samspill_engine::model::Level;
use sqlx::Row;

use crate::tenant::*;
use crate::*;

impl Tenant {
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
        check_line("name", name, 120)?;
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
        self.audit_in(&mut tx, "function.add", &format!("function {id}"))
            .await?;
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
                    && check_line(col, v, max).is_err()
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
        self.import_roster_as(people, ImportMode::Add, None).await
    }

    /// Checks persons as an import would, without storing anything: every
    /// problem of every row (numbered from 2), empty when the import would
    /// be accepted.
    pub async fn check_roster(&self, people: &[NewPerson]) -> Result<Vec<RowProblem>> {
        let mut conn = self.pool().acquire().await?;
        let functions = self.function_map(&mut conn).await?;
        Ok(Self::validate_persons(people, &functions, 2).0)
    }

    /// What importing `people` in `mode` would do (who is added, changed and
    /// taken off the list), computed without changing anything; the rows'
    /// problems as [`StoreError::Roster`] when it would be refused.
    pub async fn roster_changes(
        &self,
        people: &[NewPerson],
        mode: ImportMode,
    ) -> Result<RosterChanges> {
        let mut conn = self.pool().acquire().await?;
        let functions = self.function_map(&mut conn).await?;
        let (problems, resolved) = Self::validate_persons(people, &functions, 2);
        if !problems.is_empty() {
            return Err(StoreError::Roster(problems));
        }
        self.changes_in(&mut conn, people, &resolved, mode).await
    }

    /// Imports a roster in `mode`, all rows or nothing, in one transaction
    /// with its audit row. With `expected` (the fingerprint of the
    /// [`RosterChanges`] the coordinator confirmed), the import runs only if
    /// it still does exactly that; otherwise [`StoreError::Stale`] and
    /// nothing is stored.
    pub async fn import_roster_as(
        &self,
        people: &[NewPerson],
        mode: ImportMode,
        expected: Option<&str>,
    ) -> Result<ImportSummary> {
        let mut tx = self.store.begin_write().await?;
        let functions = self.function_map(&mut tx).await?;
        let (problems, resolved) = Self::validate_persons(people, &functions, 2);
        if !problems.is_empty() {
            return Err(StoreError::Roster(problems));
        }
        let changes = self.changes_in(&mut tx, people, &resolved, mode).await?;
        if let Some(fp) = expected
            && fp != changes.fingerprint
        {
            return Err(StoreError::Stale);
        }
        let emails = self.email_ids(&mut tx).await?;
        let mut summary = ImportSummary {
            added: 0,
            updated: 0,
            removed: 0,
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
        for r in &changes.removed {
            if let Some(id) = r.id {
                sqlx::query("UPDATE persons SET active = 0 WHERE id = $1 AND tenant_id = $2")
                    .bind(id.0)
                    .bind(self.id.0)
                    .execute(&mut *tx)
                    .await?;
                summary.removed += 1;
            }
        }
        let detail = match mode {
            ImportMode::Add => format!("{} added, {} updated", summary.added, summary.updated),
            ImportMode::Replace => format!(
                "list replaced: {} added, {} updated, {} taken off",
                summary.added, summary.updated, summary.removed
            ),
        };
        self.audit_in(&mut tx, "roster.import", &detail).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Compares validated persons with the roster.
    async fn changes_in(
        &self,
        conn: &mut sqlx::AnyConnection,
        people: &[NewPerson],
        resolved: &[Vec<i64>],
        mode: ImportMode,
    ) -> Result<RosterChanges> {
        let rows = sqlx::query(
            "SELECT id, name, email, unit, level, active FROM persons WHERE tenant_id = $1 ORDER BY name, id",
        )
        .bind(self.id.0)
        .fetch_all(&mut *conn)
        .await?;
        let frows = sqlx::query(
            "SELECT pf.person_id AS p, pf.function_id AS f, fn.name AS name FROM person_functions pf JOIN functions fn ON fn.id = pf.function_id AND fn.tenant_id = pf.tenant_id WHERE pf.tenant_id = $1 ORDER BY pf.person_id, pf.position",
        )
        .bind(self.id.0)
        .fetch_all(&mut *conn)
        .await?;
        let mut fids: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut fnames: HashMap<i64, String> = HashMap::new();
        for r in frows {
            let f: i64 = r.try_get("f")?;
            fids.entry(r.try_get("p")?).or_default().push(f);
            fnames.insert(f, r.try_get("name")?);
        }
        let all_names = sqlx::query("SELECT id, name FROM functions WHERE tenant_id = $1")
            .bind(self.id.0)
            .fetch_all(&mut *conn)
            .await?;
        for r in all_names {
            fnames.insert(r.try_get("id")?, r.try_get("name")?);
        }
        let names_of = |ids: &[i64]| {
            ids.iter()
                .map(|i| fnames.get(i).cloned().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(", ")
        };
        struct Current {
            id: i64,
            name: String,
            unit: Option<String>,
            level: Option<String>,
            active: bool,
        }
        let mut by_email: HashMap<String, Current> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for r in &rows {
            let email: String = r.try_get("email")?;
            order.push(email.clone());
            by_email.insert(
                email,
                Current {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    unit: r.try_get("unit")?,
                    level: r.try_get("level")?,
                    active: r.try_get::<i64, _>("active")? != 0,
                },
            );
        }
        let mut in_file = std::collections::HashSet::new();
        let mut changes = RosterChanges {
            mode,
            added: Vec::new(),
            changed: Vec::new(),
            removed: Vec::new(),
            unchanged: 0,
            fingerprint: String::new(),
        };
        for (i, (p, f)) in people.iter().zip(resolved).enumerate() {
            let email = p.email.trim().to_lowercase();
            in_file.insert(email.clone());
            let row = Some(i + 2);
            let Some(cur) = by_email.get(&email) else {
                changes.added.push(PersonChange {
                    id: None,
                    row,
                    name: p.name.trim().to_string(),
                    email,
                    fields: Vec::new(),
                });
                continue;
            };
            let mut fields = Vec::new();
            let mut diff = |field: &str, before: String, after: String| {
                if before != after {
                    fields.push(FieldChange {
                        field: field.into(),
                        before,
                        after,
                    });
                }
            };
            diff("name", cur.name.clone(), p.name.trim().to_string());
            diff(
                "unit",
                cur.unit.clone().unwrap_or_default(),
                opt_text(&p.unit).unwrap_or_default(),
            );
            diff(
                "level",
                cur.level.clone().unwrap_or_default(),
                p.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
            );
            let before_f = fids.get(&cur.id).cloned().unwrap_or_default();
            if before_f != *f {
                diff("functions", names_of(&before_f), names_of(f));
            }
            if !cur.active {
                diff("active", "0".into(), "1".into());
            }
            if fields.is_empty() {
                changes.unchanged += 1;
            } else {
                changes.changed.push(PersonChange {
                    id: Some(PersonId(cur.id)),
                    row,
                    name: p.name.trim().to_string(),
                    email,
                    fields,
                });
            }
        }
        if mode == ImportMode::Replace {
            for email in &order {
                let cur = &by_email[email];
                if cur.active && !in_file.contains(email) {
                    changes.removed.push(PersonChange {
                        id: Some(PersonId(cur.id)),
                        row: None,
                        name: cur.name.clone(),
                        email: email.clone(),
                        fields: Vec::new(),
                    });
                }
            }
        }
        let canonical =
            serde_json::to_string(&changes).map_err(|e| StoreError::Invalid(e.to_string()))?;
        changes.fingerprint = hex(&sha256(canonical.as_bytes()));
        Ok(changes)
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
        self.audit_in(&mut tx, "person.add", &format!("person {id}"))
            .await?;
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
        self.audit_in(&mut tx, "person.update", &format!("person {id}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks a list of persons for a bulk action: at most 5 000, no
    /// repeats, every one on this tenant's roster ([`StoreError::NotFound`]
    /// otherwise, and nothing changes).
    async fn bulk_ids(
        &self,
        conn: &mut sqlx::AnyConnection,
        persons: &[PersonId],
    ) -> Result<Vec<i64>> {
        if persons.len() > 5000 {
            return Err(StoreError::Invalid("at most 5000 persons at once".into()));
        }
        let mut ids: Vec<i64> = persons.iter().map(|p| p.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let known: std::collections::HashSet<i64> =
            sqlx::query("SELECT id FROM persons WHERE tenant_id = $1")
                .bind(self.id.0)
                .fetch_all(&mut *conn)
                .await?
                .iter()
                .map(|r| r.try_get::<i64, _>("id"))
                .collect::<std::result::Result<_, _>>()?;
        if ids.iter().any(|i| !known.contains(i)) {
            return Err(StoreError::NotFound);
        }
        Ok(ids)
    }

    /// Takes several persons off (or back onto) the list in one
    /// transaction; returns how many changed.
    pub async fn set_persons_active(&self, persons: &[PersonId], active: bool) -> Result<usize> {
        let mut tx = self.store.begin_write().await?;
        let ids = self.bulk_ids(&mut tx, persons).await?;
        let mut n = 0;
        for id in &ids {
            n += sqlx::query(
                "UPDATE persons SET active = $1 WHERE id = $2 AND tenant_id = $3 AND active <> $1",
            )
            .bind(active as i64)
            .bind(*id)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected() as usize;
        }
        let action = if active {
            "roster.bulk.activate"
        } else {
            "roster.bulk.deactivate"
        };
        self.audit_in(
            &mut tx,
            action,
            &format!("{n} of persons {}", id_list(&ids)),
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Gives several persons a function (added last, so a primary function
    /// stays primary), or takes it from them; returns how many changed.
    pub async fn set_persons_function(
        &self,
        persons: &[PersonId],
        function: FunctionId,
        give: bool,
    ) -> Result<usize> {
        let mut tx = self.store.begin_write().await?;
        let ids = self.bulk_ids(&mut tx, persons).await?;
        let exists = sqlx::query("SELECT id FROM functions WHERE id = $1 AND tenant_id = $2")
            .bind(function.0)
            .bind(self.id.0)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Err(StoreError::NotFound);
        }
        let mut n = 0;
        for id in &ids {
            let has = sqlx::query("SELECT position FROM person_functions WHERE person_id = $1 AND function_id = $2 AND tenant_id = $3")
                .bind(*id)
                .bind(function.0)
                .bind(self.id.0)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            if give && !has {
                sqlx::query("INSERT INTO person_functions (tenant_id, person_id, function_id, position) SELECT $1, $2, $3, COALESCE(MAX(position) + 1, 0) FROM person_functions WHERE person_id = $2 AND tenant_id = $1")
                    .bind(self.id.0)
                    .bind(*id)
                    .bind(function.0)
                    .execute(&mut *tx)
                    .await?;
                n += 1;
            } else if !give && has {
                sqlx::query("DELETE FROM person_functions WHERE person_id = $1 AND function_id = $2 AND tenant_id = $3")
                    .bind(*id)
                    .bind(function.0)
                    .bind(self.id.0)
                    .execute(&mut *tx)
                    .await?;
                n += 1;
            }
        }
        let action = if give {
            "roster.bulk.function_add"
        } else {
            "roster.bulk.function_remove"
        };
        self.audit_in(
            &mut tx,
            action,
            &format!("function {function}: {n} of persons {}", id_list(&ids)),
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Takes a person off (or back onto) the current roster. The person and
    /// their answers in earlier rounds stay.
    pub async fn set_person_active(&self, id: PersonId, active: bool) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        let r = sqlx::query("UPDATE persons SET active = $1 WHERE id = $2 AND tenant_id = $3")
            .bind(active as i64)
            .bind(id.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let action = if active {
            "person.activate"
        } else {
            "person.deactivate"
        };
        self.audit_in(&mut tx, action, &format!("person {id}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Ids for an audit row (the row keeps its first 500 characters).
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}
