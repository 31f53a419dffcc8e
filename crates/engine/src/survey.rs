//! Survey data beside the contact network: political contact (the two-mode
//! part), ratings 1–6 with "don't know", and open answers. Pure data and
//! the summaries the reports need; no I/O.

use serde::{Deserialize, Serialize};

/// A type of contact with a political body (PRODUCT.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactType {
    /// The person receives information from the body.
    ReceivesInformation,
    /// The person gives information to the body.
    GivesInformation,
    /// Political discussion.
    PoliticalDiscussion,
    /// Professional (technical) discussion.
    ProfessionalDiscussion,
}

impl ContactType {
    /// All four, in the questionnaire's order.
    pub const ALL: [ContactType; 4] = [
        ContactType::ReceivesInformation,
        ContactType::GivesInformation,
        ContactType::PoliticalDiscussion,
        ContactType::ProfessionalDiscussion,
    ];

    /// Stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactType::ReceivesInformation => "receives_information",
            ContactType::GivesInformation => "gives_information",
            ContactType::PoliticalDiscussion => "political_discussion",
            ContactType::ProfessionalDiscussion => "professional_discussion",
        }
    }

    /// Parses the machine name.
    pub fn parse(s: &str) -> Option<ContactType> {
        ContactType::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
    }
}

/// Political contact reported by people: people × political bodies, typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PoliticalContacts {
    /// The municipality's political bodies (ordfører, formannskap,
    /// kommunestyre, the relevant committee…), in display order.
    pub bodies: Vec<String>,
    /// `(person index in Network::people, body index, contact type)`.
    pub contacts: Vec<(usize, usize, ContactType)>,
}

impl PoliticalContacts {
    /// Number of distinct people with contact of `kind` to body `body`.
    pub fn people_with(&self, body: usize, kind: ContactType) -> usize {
        let mut p: Vec<usize> = self
            .contacts
            .iter()
            .filter(|c| c.1 == body && c.2 == kind)
            .map(|c| c.0)
            .collect();
        p.sort_unstable();
        p.dedup();
        p.len()
    }
}

/// Answers to one rating question: each `Some(1..=6)` or `None` for
/// "don't know" (vet ikke).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RatingAnswers {
    /// The question's key (e.g. `coordination`, `meeting_places`).
    pub question: String,
    /// One entry per respondent who answered the question.
    pub answers: Vec<Option<u8>>,
}

/// Summary of a rating question as the reports show it (the 2015 report's
/// Tabell 2 and Figur 6): the mean excludes "don't know", which is shown
/// apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingSummary {
    /// Respondents who answered (including "don't know").
    pub n: usize,
    /// Of them, "don't know".
    pub dont_know: usize,
    /// Count per value 1..=6.
    pub counts: [usize; 6],
    /// Mean of the 1–6 answers (`None` if there are none).
    pub mean: Option<f64>,
    /// Share per value 1..=6 among all `n` answers, in percent.
    pub percent: [f64; 6],
    /// Share of "don't know" among all `n` answers, in percent.
    pub dont_know_percent: f64,
}

impl RatingAnswers {
    /// Summarises the answers. Values outside 1..=6 are ignored (the survey
    /// never stores them).
    pub fn summary(&self) -> RatingSummary {
        let mut counts = [0usize; 6];
        let mut dont_know = 0;
        for a in &self.answers {
            match a {
                Some(v @ 1..=6) => counts[(*v - 1) as usize] += 1,
                Some(_) => {}
                None => dont_know += 1,
            }
        }
        let valued: usize = counts.iter().sum();
        let n = valued + dont_know;
        let mean = (valued > 0).then(|| {
            counts
                .iter()
                .enumerate()
                .map(|(i, c)| (i + 1) as f64 * *c as f64)
                .sum::<f64>()
                / valued as f64
        });
        let pct = |c: usize| {
            if n > 0 {
                100.0 * c as f64 / n as f64
            } else {
                0.0
            }
        };
        RatingSummary {
            n,
            dont_know,
            counts,
            mean,
            percent: counts.map(pct),
            dont_know_percent: pct(dont_know),
        }
    }
}

/// One open answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenAnswer {
    /// The question's key (e.g. `strengths`, `challenges`, `coordination`).
    pub question: String,
    /// The text as written (never rendered unescaped).
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_excludes_dont_know_which_is_shown_apart() {
        let r = RatingAnswers {
            question: "coordination".into(),
            answers: vec![Some(4), Some(5), None, Some(3), None],
        };
        let s = r.summary();
        assert_eq!(s.n, 5);
        assert_eq!(s.dont_know, 2);
        assert_eq!(s.mean, Some(4.0));
        assert_eq!(s.counts, [0, 0, 1, 1, 1, 0]);
        assert!((s.dont_know_percent - 40.0).abs() < 1e-12);
        assert!((s.percent.iter().sum::<f64>() + s.dont_know_percent - 100.0).abs() < 1e-9);
        assert_eq!(RatingAnswers::default().summary().mean, None);
    }

    #[test]
    fn people_with_counts_distinct_people() {
        let p = PoliticalContacts {
            bodies: vec!["ordfører".into(), "formannskap".into()],
            contacts: vec![
                (0, 0, ContactType::GivesInformation),
                (0, 0, ContactType::GivesInformation),
                (1, 0, ContactType::GivesInformation),
                (1, 1, ContactType::PoliticalDiscussion),
            ],
        };
        assert_eq!(p.people_with(0, ContactType::GivesInformation), 2);
        assert_eq!(p.people_with(1, ContactType::GivesInformation), 0);
    }
}
