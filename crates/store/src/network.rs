//! A closed (or open) round's answers as the engine's input.

use std::collections::{HashMap, HashSet};

use samspill_engine::model::{Frequency, Network, Person, Relation, Tie};
use samspill_engine::survey::{ContactType, OpenAnswer, PoliticalContacts, RatingAnswers};
use sqlx::Row;

use crate::tenant::*;
use crate::*;

impl Tenant {
    // -------------------------------------------------------------- network

    /// The round's data as the engine's input: everyone invited, their
    /// reports as arcs (strength daily 3 / weekly 2 / monthly 1 / rarer 0;
    /// a contact chosen without a frequency counts as rarer), `responded`
    /// set for those who submitted; only submitted respondents' reports,
    /// political contacts, ratings and open answers are included, and of
    /// those only the parts the round asks ([`Parts`]): a part left out
    /// gives no political bodies, no rating, no open answers.
    pub async fn round_network(&self, round: RoundId) -> Result<RoundNetwork> {
        let info = self.round(round).await?;
        // A round reduced by retention keeps only its pseudonymised
        // network; one whose answers were deleted has none (`Purged`).
        if let Some(archived) = self.archived_network(round).await? {
            return Ok(archived);
        }
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
        let body_index: HashMap<i64, usize> = (if info.parts.political {
            &info.bodies[..]
        } else {
            &[]
        })
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.0, i))
        .collect();
        let asked_bodies: &[BodyInfo] = if info.parts.political {
            &info.bodies
        } else {
            &[]
        };
        let mut political = PoliticalContacts {
            bodies: asked_bodies.iter().map(|b| b.name.clone()).collect(),
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
        let mut ratings: Vec<RatingAnswers> = info
            .parts
            .ratings()
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
            let question: String = r.try_get("question")?;
            if !info.parts.asks_open(&question) {
                continue;
            }
            open_answers.push(OpenAnswer {
                question,
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
