//! Server-rendered HTML: minijinja templates embedded in the binary, with
//! HTML auto-escaping (every template ends in `.html`) and a `t(key, …)`
//! function that takes every user-facing word from the Fluent files in the
//! page's language (the context variable `lang`).

use std::sync::Arc;

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State};
use samspill_i18n::{Arg, Lang, Texts};

/// The four languages' texts.
pub struct AllTexts {
    texts: Vec<Texts>,
}

impl AllTexts {
    /// Loads all four.
    pub fn new() -> AllTexts {
        AllTexts {
            texts: Lang::ALL.iter().map(|l| Texts::new(*l)).collect(),
        }
    }

    /// The texts of one language.
    pub fn get(&self, lang: Lang) -> &Texts {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.texts[i]
    }
}

impl Default for AllTexts {
    fn default() -> Self {
        AllTexts::new()
    }
}

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("login.html", include_str!("../templates/login.html")),
    (
        "coord_home.html",
        include_str!("../templates/coord_home.html"),
    ),
    (
        "coord_roster.html",
        include_str!("../templates/coord_roster.html"),
    ),
    (
        "coord_person.html",
        include_str!("../templates/coord_person.html"),
    ),
    (
        "coord_settings.html",
        include_str!("../templates/coord_settings.html"),
    ),
    (
        "coord_round.html",
        include_str!("../templates/coord_round.html"),
    ),
    (
        "coord_instrument.html",
        include_str!("../templates/coord_instrument.html"),
    ),
    (
        "coord_letters.html",
        include_str!("../templates/coord_letters.html"),
    ),
    (
        "survey_base.html",
        include_str!("../templates/survey_base.html"),
    ),
    (
        "survey_welcome.html",
        include_str!("../templates/survey_welcome.html"),
    ),
    (
        "survey_contacts.html",
        include_str!("../templates/survey_contacts.html"),
    ),
    (
        "survey_frequency.html",
        include_str!("../templates/survey_frequency.html"),
    ),
    (
        "survey_political.html",
        include_str!("../templates/survey_political.html"),
    ),
    (
        "survey_ratings.html",
        include_str!("../templates/survey_ratings.html"),
    ),
    (
        "survey_open.html",
        include_str!("../templates/survey_open.html"),
    ),
    (
        "survey_summary.html",
        include_str!("../templates/survey_summary.html"),
    ),
    (
        "survey_done.html",
        include_str!("../templates/survey_done.html"),
    ),
    (
        "survey_closed.html",
        include_str!("../templates/survey_closed.html"),
    ),
    ("operator.html", include_str!("../templates/operator.html")),
    (
        "coord_outbox.html",
        include_str!("../templates/coord_outbox.html"),
    ),
    (
        "coord_results.html",
        include_str!("../templates/coord_results.html"),
    ),
    (
        "coord_answers.html",
        include_str!("../templates/coord_answers.html"),
    ),
    (
        "coord_compare.html",
        include_str!("../templates/coord_compare.html"),
    ),
    (
        "login_totp.html",
        include_str!("../templates/login_totp.html"),
    ),
    (
        "login_forgot.html",
        include_str!("../templates/login_forgot.html"),
    ),
    (
        "account_link.html",
        include_str!("../templates/account_link.html"),
    ),
    ("account.html", include_str!("../templates/account.html")),
    (
        "survey_privacy.html",
        include_str!("../templates/survey_privacy.html"),
    ),
    (
        "coord_privacy.html",
        include_str!("../templates/coord_privacy.html"),
    ),
    (
        "coord_privacy_person.html",
        include_str!("../templates/coord_privacy_person.html"),
    ),
    (
        "coord_privacy_round.html",
        include_str!("../templates/coord_privacy_round.html"),
    ),
    (
        "coord_privacy_letters.html",
        include_str!("../templates/coord_privacy_letters.html"),
    ),
    (
        "privacy_doc.html",
        include_str!("../templates/privacy_doc.html"),
    ),
    ("audit.html", include_str!("../templates/audit.html")),
    ("insight.html", include_str!("../templates/insight.html")),
    (
        "insight_round.html",
        include_str!("../templates/insight_round.html"),
    ),
    (
        "operator_outbox.html",
        include_str!("../templates/operator_outbox.html"),
    ),
    (
        "survey_buttons.html",
        include_str!("../templates/survey_buttons.html"),
    ),
    (
        "coord_roster_preview.html",
        include_str!("../templates/coord_roster_preview.html"),
    ),
    ("language.html", include_str!("../templates/language.html")),
    (
        "programme_list.html",
        include_str!("../templates/programme_list.html"),
    ),
    (
        "programme_overview.html",
        include_str!("../templates/programme_overview.html"),
    ),
    (
        "programme_glossary.html",
        include_str!("../templates/programme_glossary.html"),
    ),
    (
        "programme_participant.html",
        include_str!("../templates/programme_participant.html"),
    ),
    (
        "programme_record.html",
        include_str!("../templates/programme_record.html"),
    ),
    (
        "programme_matrix.html",
        include_str!("../templates/programme_matrix.html"),
    ),
    (
        "programme_compare.html",
        include_str!("../templates/programme_compare.html"),
    ),
    (
        "programme_rounds.html",
        include_str!("../templates/programme_rounds.html"),
    ),
    (
        "programme_survey_report.html",
        include_str!("../templates/programme_survey_report.html"),
    ),
    (
        "programme_problems.html",
        include_str!("../templates/programme_problems.html"),
    ),
    // The evaluator's workspace (programme/workspace.rs).
    (
        "evaluation_rounds.html",
        include_str!("../templates/evaluation_rounds.html"),
    ),
    (
        "evaluation_settings.html",
        include_str!("../templates/evaluation_settings.html"),
    ),
    (
        "evaluation_log.html",
        include_str!("../templates/evaluation_log.html"),
    ),
    (
        "evaluation_learning.html",
        include_str!("../templates/evaluation_learning.html"),
    ),
    (
        "evaluation_gatherings.html",
        include_str!("../templates/evaluation_gatherings.html"),
    ),
    (
        "evaluation_anchoring.html",
        include_str!("../templates/evaluation_anchoring.html"),
    ),
    (
        "programme_agreement.html",
        include_str!("../templates/programme_agreement.html"),
    ),
    (
        "programme_reports.html",
        include_str!("../templates/programme_reports.html"),
    ),
    (
        "programme_vocabulary.html",
        include_str!("../templates/programme_vocabulary.html"),
    ),
];

/// Builds the template environment.
pub fn environment(texts: Arc<AllTexts>) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    let date_texts = texts.clone();
    // `d(value)`: a `YYYY-MM-DD` date in the page's language («17. desember
    // 2026»), or a Unix time in seconds as its UTC date; anything else as it is.
    env.add_function("d", move |state: &State, value: Value| -> String {
        let lang = state
            .lookup("lang")
            .and_then(|v| v.as_str().and_then(Lang::parse))
            .unwrap_or(Lang::Nb);
        let iso = match value.as_i64() {
            Some(secs) if value.is_number() => samspill_store::date_of(secs),
            _ => value.as_str().unwrap_or("").to_string(),
        };
        date_texts.get(lang).date_or_text(&iso)
    });
    for (name, src) in TEMPLATES {
        env.add_template(name, src)?;
    }
    env.add_function(
        "t",
        move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, Error> {
            let lang = state
                .lookup("lang")
                .and_then(|v| v.as_str().and_then(Lang::parse))
                .unwrap_or(Lang::Nb);
            let mut owned: Vec<(String, Value)> = Vec::new();
            for k in kwargs.args() {
                owned.push((k.to_string(), kwargs.get::<Value>(k)?));
            }
            let strings: Vec<(String, String)> = owned
                .iter()
                .map(|(k, v)| (k.clone(), v.to_string()))
                .collect();
            let args: Vec<(&str, Arg<'_>)> = owned
                .iter()
                .zip(&strings)
                .map(|((k, v), (_, s))| {
                    let arg = match v.as_i64() {
                        Some(n) if v.is_number() => Arg::Num(n as f64),
                        _ => Arg::Str(s.as_str()),
                    };
                    (k.as_str(), arg)
                })
                .collect();
            let text = texts.get(lang).format(key, &args);
            if text.starts_with('[') && text.ends_with(']') && text.contains(key) {
                return Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!("missing text {key}"),
                ));
            }
            Ok(text)
        },
    );
    Ok(env)
}
