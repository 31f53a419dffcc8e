//! What a closed round's results keep beside the frozen answers: the
//! coordinator's review of each open answer (theme, redacted text, whether
//! it may be quoted), the analysis rules chosen on the results page, and
//! the tenant's pseudonyms («Tildeling 5»), stable across rounds.
//!
//! None of this changes an answer: the answers stay frozen; a review is a
//! separate row, and reports quote the reviewed text, never the original.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use sqlx::Row;

use crate::tenant::Tenant;
use crate::*;

/// An open answer of a closed round with its review.
#[derive(Debug, Clone, Serialize)]
pub struct OpenAnswerRow {
    /// The respondent's invitation (identifies the answer, not shown).
    pub invitation: InvitationId,
    /// The question key.
    pub question: String,
    /// The text as the respondent wrote it.
    pub text: String,
    /// The review, once made.
    pub review: Option<Review>,
}

/// The coordinator's review of one open answer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Review {
    /// Theme key (one of the report's themes, or the tenant's own words).
    pub theme: Option<String>,
    /// The text as it may be quoted (words that identify someone removed).
    pub text: String,
    /// Whether reports may quote it.
    pub quote: bool,
    /// Who reviewed it.
    pub by: String,
    /// When (Unix seconds).
    pub at: i64,
}

/// A pseudonym: the function it is numbered under and the number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pseudonym {
    /// The function it is numbered under (as the caller named it).
    pub function: String,
    /// The number within that function (1, 2, …), never reused.
    pub number: u32,
}

/// Longest theme name.
pub const MAX_THEME: usize = 80;

impl Tenant {
    /// The open answers of a closed round (submitted respondents only),
    /// with their reviews, in question order.
    pub async fn open_answers(&self, round: RoundId) -> Result<Vec<OpenAnswerRow>> {
        let info = self.round(round).await?;
        if info.status != RoundStatus::Closed {
            return Err(StoreError::NotOpen);
        }
        let rows = sqlx::query(
            "SELECT a.invitation_id, a.question, a.text, r.theme, r.text AS rtext, r.quote, r.reviewed_by, r.reviewed_at FROM open_answers a JOIN invitations i ON i.id = a.invitation_id AND i.tenant_id = a.tenant_id LEFT JOIN open_answer_reviews r ON r.invitation_id = a.invitation_id AND r.question = a.question AND r.tenant_id = a.tenant_id WHERE i.round_id = $1 AND a.tenant_id = $2 AND i.submitted_at IS NOT NULL ORDER BY a.question, a.invitation_id",
        )
        .bind(round.0)
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        let order = |q: &str| OPEN_QUESTIONS.iter().position(|x| *x == q).unwrap_or(99);
        let mut out: Vec<OpenAnswerRow> = rows
            .iter()
            .map(|r| {
                let review = match r.try_get::<Option<String>, _>("rtext")? {
                    Some(text) => Some(Review {
                        theme: r.try_get("theme")?,
                        text,
                        quote: r.try_get::<i64, _>("quote")? != 0,
                        by: r.try_get("reviewed_by")?,
                        at: r.try_get("reviewed_at")?,
                    }),
                    None => None,
                };
                Ok(OpenAnswerRow {
                    invitation: InvitationId(r.try_get("invitation_id")?),
                    question: r.try_get("question")?,
                    text: r.try_get("text")?,
                    review,
                })
            })
            .collect::<Result<_>>()?;
        out.sort_by_key(|a| (order(&a.question), a.invitation.0));
        Ok(out)
    }

    /// Reviews one open answer of a closed round: its theme, the text as it
    /// may be quoted (the coordinator removes words that identify someone)
    /// and whether it may be quoted at all.
    pub async fn review_open_answer(
        &self,
        round: RoundId,
        invitation: InvitationId,
        question: &str,
        theme: Option<&str>,
        text: &str,
        quote: bool,
    ) -> Result<()> {
        let theme = theme.map(str::trim).filter(|t| !t.is_empty());
        if let Some(t) = theme {
            check_line("theme", t, MAX_THEME)?;
        }
        check_text("text", text, MAX_OPEN_ANSWER)?;
        let mut tx = self.store.begin_write().await?;
        let found = sqlx::query(
            "SELECT 1 AS x FROM open_answers a JOIN invitations i ON i.id = a.invitation_id AND i.tenant_id = a.tenant_id JOIN rounds r ON r.id = i.round_id AND r.tenant_id = i.tenant_id WHERE a.invitation_id = $1 AND a.question = $2 AND a.tenant_id = $3 AND i.round_id = $4 AND r.status = 'closed'",
        )
        .bind(invitation.0)
        .bind(question)
        .bind(self.id.0)
        .bind(round.0)
        .fetch_optional(&mut *tx)
        .await?;
        if found.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO open_answer_reviews (tenant_id, invitation_id, question, theme, text, quote, reviewed_by, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (invitation_id, question) DO UPDATE SET theme = excluded.theme, text = excluded.text, quote = excluded.quote, reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at",
        )
        .bind(self.id.0)
        .bind(invitation.0)
        .bind(question)
        .bind(theme.map(str::to_string))
        .bind(text.trim())
        .bind(quote as i64)
        .bind(self.actor.label())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        self.audit_in(
            &mut tx,
            "round.review",
            &format!("round {round}: answer {invitation}/{question}"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The analysis rules last chosen for a closed round's results (a JSON
    /// text the results layer reads), if any.
    pub async fn round_rules(&self, round: RoundId) -> Result<Option<String>> {
        let row = sqlx::query("SELECT rules FROM rounds WHERE id = $1 AND tenant_id = $2")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(row.try_get("rules")?)
    }

    /// Records the analysis rules chosen for a round's results (allowed on a
    /// closed round: the rules read the frozen answers, they change none).
    pub async fn set_round_rules(&self, round: RoundId, rules: &str) -> Result<()> {
        check_text("rules", rules, 2000)?;
        let mut tx = self.store.begin_write().await?;
        let r = sqlx::query("UPDATE rounds SET rules = $1 WHERE id = $2 AND tenant_id = $3")
            .bind(rules)
            .bind(round.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        self.audit_in(&mut tx, "round.rules", &format!("round {round}: {rules}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every pseudonym the tenant has given: a person has one per function
    /// they have been numbered under (a person whose primary function
    /// changed keeps the old one for the rounds that showed it).
    pub async fn pseudonyms(&self) -> Result<Vec<(PersonId, Pseudonym)>> {
        let rows = sqlx::query(
            "SELECT person_id, function, number FROM pseudonyms WHERE tenant_id = $1 ORDER BY function, number",
        )
        .bind(self.id.0)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    PersonId(r.try_get("person_id")?),
                    Pseudonym {
                        function: r.try_get("function")?,
                        number: r.try_get::<i64, _>("number")? as u32,
                    },
                ))
            })
            .collect()
    }

    /// Gives each `(person, function)` in `people` (in order) that has no
    /// pseudonym under that function yet the next free number of the
    /// function (the caller chooses what a function is: the report numbers
    /// by the function's key, `""` for none). Numbers are never reused and
    /// existing pseudonyms never change, so a person keeps «Tildeling 5» in
    /// every round; the whole assignment is one transaction, so two
    /// requests at once cannot give one number twice. Returns the
    /// pseudonym of each requested pair, by person.
    pub async fn assign_pseudonyms(
        &self,
        people: &[(PersonId, String)],
    ) -> Result<BTreeMap<PersonId, Pseudonym>> {
        let pick = |all: &[(PersonId, Pseudonym)]| -> Option<BTreeMap<PersonId, Pseudonym>> {
            people
                .iter()
                .map(|(p, f)| {
                    all.iter()
                        .find(|(q, ps)| q == p && &ps.function == f)
                        .map(|(_, ps)| (*p, ps.clone()))
                })
                .collect()
        };
        let current = self.pseudonyms().await?;
        if let Some(found) = pick(&current) {
            return Ok(found);
        }
        let mut tx = self.store.begin_write().await?;
        let rows =
            sqlx::query("SELECT person_id, function, number FROM pseudonyms WHERE tenant_id = $1")
                .bind(self.id.0)
                .fetch_all(&mut *tx)
                .await?;
        let mut have: Vec<(PersonId, Pseudonym)> = Vec::with_capacity(rows.len());
        let mut next: HashMap<String, u32> = HashMap::new();
        for r in &rows {
            let p = Pseudonym {
                function: r.try_get("function")?,
                number: r.try_get::<i64, _>("number")? as u32,
            };
            let n = next.entry(p.function.clone()).or_insert(1);
            *n = (*n).max(p.number + 1);
            have.push((PersonId(r.try_get("person_id")?), p));
        }
        let mut added = 0;
        for (person, function) in people {
            if have
                .iter()
                .any(|(q, ps)| q == person && &ps.function == function)
            {
                continue;
            }
            let n = next.entry(function.clone()).or_insert(1);
            let p = Pseudonym {
                function: function.clone(),
                number: *n,
            };
            *n += 1;
            sqlx::query("INSERT INTO pseudonyms (tenant_id, person_id, function, number) VALUES ($1, $2, $3, $4)")
                .bind(self.id.0)
                .bind(person.0)
                .bind(&p.function)
                .bind(p.number as i64)
                .execute(&mut *tx)
                .await?;
            have.push((*person, p));
            added += 1;
        }
        if added > 0 {
            self.audit_in(&mut tx, "pseudonyms.assign", &format!("{added} new"))
                .await?;
        }
        tx.commit().await?;
        pick(&have).ok_or(StoreError::NotFound)
    }
}
