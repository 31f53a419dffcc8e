//! How a round's answers are read: the analysis rules shown and changed on
//! the results page and stated in the report.

use samspill_engine::build::{BuildOptions, Combine, NonRespondents, Threshold};
use samspill_i18n::Lang;
use serde::{Deserialize, Serialize};

/// Which contacts the results page's network view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// Daily contact only.
    Daily,
    /// Daily and weekly contact (the 2015 reports' view).
    #[default]
    Weekly,
    /// Every reported contact.
    All,
}

impl View {
    /// The engine's threshold.
    pub fn threshold(self) -> Threshold {
        match self {
            View::Daily => Threshold::DAILY,
            View::Weekly => Threshold::WEEKLY,
            View::All => Threshold::All,
        }
    }

    /// Machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Daily => "daily",
            View::Weekly => "weekly",
            View::All => "all",
        }
    }

    /// Parses the machine name.
    pub fn parse(s: &str) -> Option<View> {
        match s {
            "daily" => Some(View::Daily),
            "weekly" => Some(View::Weekly),
            "all" => Some(View::All),
            _ => None,
        }
    }
}

/// The analysis rules (PRODUCT.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// How two reports of one contact combine: `either` (the default, as
    /// in 2015), `both` or `mean`.
    pub combine: CombineRule,
    /// Keep non-respondents with the ties others reported about them
    /// (reconstruction; the default) or leave them out.
    pub reconstruct: bool,
    /// The network view of the results page.
    pub view: View,
}

/// The combination rules a coordinator may choose (a survey's ties are
/// always combined into undirected contacts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CombineRule {
    /// A contact if either side reported it; the larger frequency.
    #[default]
    Either,
    /// A contact only if both sides reported it; the smaller frequency.
    Both,
    /// A contact if either side reported it; the mean frequency.
    Mean,
}

impl CombineRule {
    /// The engine's rule.
    pub fn engine(self) -> Combine {
        match self {
            CombineRule::Either => Combine::Either,
            CombineRule::Both => Combine::Both,
            CombineRule::Mean => Combine::Mean,
        }
    }

    /// Machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            CombineRule::Either => "either",
            CombineRule::Both => "both",
            CombineRule::Mean => "mean",
        }
    }

    /// Parses the machine name.
    pub fn parse(s: &str) -> Option<CombineRule> {
        match s {
            "either" => Some(CombineRule::Either),
            "both" => Some(CombineRule::Both),
            "mean" => Some(CombineRule::Mean),
            _ => None,
        }
    }
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            combine: CombineRule::Either,
            reconstruct: true,
            view: View::Weekly,
        }
    }
}

impl Rules {
    /// The rules from the page's choices; `None` where a value is unknown.
    pub fn parse(combine: &str, reconstruct: &str, view: &str) -> Option<Rules> {
        Some(Rules {
            combine: CombineRule::parse(combine)?,
            reconstruct: match reconstruct {
                "yes" | "true" | "1" => true,
                "no" | "false" | "0" => false,
                _ => return None,
            },
            view: View::parse(view)?,
        })
    }

    /// As stored with the round.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// From the stored text; the defaults when it is missing or unreadable.
    pub fn from_json(s: Option<&str>) -> Rules {
        s.and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    }

    /// The engine's build options for these rules at the page's view.
    pub fn build_options(&self) -> BuildOptions {
        BuildOptions {
            combine: self.combine.engine(),
            threshold: self.view.threshold(),
            non_respondents: if self.reconstruct {
                NonRespondents::Keep
            } else {
                NonRespondents::Drop
            },
            ..BuildOptions::survey()
        }
    }
}

/// Everything that shapes one rendering of a round's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The analysis rules.
    pub rules: Rules,
    /// Language of the report and pictures.
    pub lang: Lang,
    /// The internal, named version (names instead of pseudonyms; every page
    /// says so). Off by default.
    pub named: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_round_trip_and_refuse_unknown_values() {
        let r = Rules::parse("both", "no", "daily").unwrap();
        assert_eq!(Rules::from_json(Some(&r.to_json())), r);
        assert_eq!(Rules::from_json(None), Rules::default());
        assert_eq!(Rules::from_json(Some("{not json")), Rules::default());
        assert!(Rules::parse("max", "yes", "weekly").is_none());
        assert!(Rules::parse("either", "maybe", "weekly").is_none());
        assert!(Rules::parse("either", "yes", "hourly").is_none());
        let b = r.build_options();
        assert_eq!(b.combine, Combine::Both);
        assert_eq!(b.non_respondents, NonRespondents::Drop);
        assert_eq!(b.threshold, Threshold::DAILY);
    }
}
