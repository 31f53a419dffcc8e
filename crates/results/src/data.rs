//! A closed round's data, read once from the store.

use std::collections::BTreeMap;

use samspill_draw::pseudonym::{Pseudonym, Pseudonyms, function_identity};
use samspill_store::{
    OpenAnswerRow, PersonId, RoundId, RoundInfo, RoundNetwork, RoundStatus, Tenant, TenantInfo,
};

use crate::{ResultsError, Rules};

/// Everything a closed round's results are made from.
#[derive(Debug, Clone)]
pub struct RoundData {
    /// The tenant (name, language).
    pub tenant: TenantInfo,
    /// The round.
    pub round: RoundInfo,
    /// The frozen answers as the engine's input (people with stable ids).
    pub net: RoundNetwork,
    /// The open answers with the coordinator's reviews.
    pub answers: Vec<OpenAnswerRow>,
    /// The participants' pseudonyms by their stable id (the network's
    /// people's `id`): every participant has one, kept by the store, so a
    /// person is «Tildeling 5» in every round of the municipality.
    pub pseudonyms: Pseudonyms,
    /// The rules last chosen on the results page (defaults otherwise).
    pub rules: Rules,
}

impl RoundData {
    /// A participant's stable person id (the network's people carry it as
    /// their `id`).
    pub fn person_id(&self, index: usize) -> Option<PersonId> {
        self.net
            .network
            .people
            .get(index)?
            .id
            .parse::<i64>()
            .ok()
            .map(PersonId::from_raw)
    }

    /// The reviewed open answers that may be quoted, and how many answers
    /// were left out (not reviewed yet, or marked not to be quoted).
    pub fn quotable(&self) -> (Vec<&OpenAnswerRow>, usize) {
        let quoted: Vec<&OpenAnswerRow> = self
            .answers
            .iter()
            .filter(|a| a.review.as_ref().is_some_and(|r| r.quote))
            .collect();
        let left_out = self.answers.len() - quoted.len();
        (quoted, left_out)
    }
}

/// Reads a closed round. Every participant gets a pseudonym under their
/// primary function if they had none (the report's numbering rule,
/// [`samspill_draw::pseudonym`]: numbered per function key, never reused;
/// kept by the store so people keep theirs across rounds).
pub async fn load(tenant: &Tenant, round: RoundId) -> Result<RoundData, ResultsError> {
    let info = tenant.info().await?;
    let round_info = tenant.round(round).await?;
    if round_info.status != RoundStatus::Closed {
        return Err(ResultsError::NotClosed);
    }
    let net = tenant.round_network(round).await?;
    let answers = tenant.open_answers(round).await?;
    let people: Vec<(PersonId, String)> = net
        .network
        .people
        .iter()
        .filter_map(|p| {
            let id = p.id.parse::<i64>().ok()?;
            Some((
                PersonId::from_raw(id),
                function_identity(p.primary_function()),
            ))
        })
        .collect();
    let assigned = tenant.assign_pseudonyms(&people).await?;
    let pseudonyms = pseudonym_map(&assigned);
    let rules = Rules::from_json(tenant.round_rules(round).await?.as_deref());
    Ok(RoundData {
        tenant: info,
        round: round_info,
        net,
        answers,
        pseudonyms,
        rules,
    })
}

/// The report's pseudonym map from the store's pseudonyms of this round's
/// participants.
fn pseudonym_map(assigned: &BTreeMap<PersonId, samspill_store::Pseudonym>) -> Pseudonyms {
    Pseudonyms::from_people(assigned.iter().map(|(id, p)| {
        (
            id.get().to_string(),
            Pseudonym {
                function: p.function.clone(),
                number: p.number,
            },
        )
    }))
}
