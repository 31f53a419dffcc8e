//! The respondent's survey, reached through the personal link `/s/{token}`.
//!
//! Every step is a form that works without JavaScript: "Next" posts the
//! step, which is committed before the next page is shown. With JavaScript,
//! `survey.js` also posts each change as it is made (`X-Autosave: 1`) and
//! shows "saved" only after the server acknowledged the commit. Leaving and
//! coming back with the same link resumes where the respondent left off.
//! The steps are the parts of the instrument the round asks.
//!
//! The same pages are the coordinator's **preview** ([`preview`]): the
//! survey as a person on the list would see it, in any language, with
//! links instead of forms that post, so nothing is saved or recorded.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::Ordering;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use samspill_engine::model::Frequency;
use samspill_engine::survey::ContactType;
use samspill_i18n::Lang;
use samspill_store::{
    BodyId, MAX_OPEN_ANSWER, OPEN_QUESTIONS, PersonId, RATING_QUESTIONS, Respondent, StoreError,
    SurveyView,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::extract::{Coord, Id, Q};
use crate::forms::FormData;
use crate::invite::{Invitee, function_name};
use crate::{AppState, PageError, WebError, estimate_minutes};

/// Keys of the instrument's editable wording; the default text of `key`
/// is the Fluent message `survey-q-{key}`.
pub const INSTRUMENT_KEYS: [&str; 16] = [
    "intro",
    "contacts",
    "frequency",
    "advice",
    "advice-frequency",
    "political",
    "rating-coordination",
    "rating-meeting_places",
    "open-strengths",
    "open-challenges",
    "open-coordination",
    "open-responsibility",
    "open-turnover",
    "open-refugees",
    "open-focus",
    "open-meeting_points",
];

/// Largest survey post: the open step with seven answers of 4 000
/// characters, percent-encoded.
pub const SURVEY_LIMIT: usize = 256 * 1024;

/// The respondent's routes. Only posts change anything: opening a link
/// (which mail scanners do) records nothing.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/s/{token}", get(welcome))
        .route("/s/{token}/start", post(start))
        .route("/s/{token}/lang", post(set_lang))
        .route("/s/{token}/submit", post(submit))
        .route("/s/{token}/done", get(done))
        .route("/s/{token}/{step}", get(step_page).post(step_save))
}

/// A survey post's body, at most [`SURVEY_LIMIT`] bytes (a larger one gets
/// a translated 413 before anything is parsed).
pub struct SurveyBody(pub Bytes);

impl FromRequest<AppState> for SurveyBody {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        crate::extract::read_body(req, SURVEY_LIMIT, state)
            .await
            .map(SurveyBody)
            .map_err(IntoResponse::into_response)
    }
}

/// Query parameters of survey pages (`as`: the person a preview shows the
/// survey for).
#[derive(Deserialize, Default)]
pub struct SurveyQuery {
    lang: Option<String>,
    group: Option<String>,
    q: Option<String>,
    #[serde(rename = "as")]
    person: Option<i64>,
}

/// Every step the instrument can have, in order.
const ALL_STEPS: [&str; 8] = [
    "contacts",
    "frequency",
    "advice",
    "advice-frequency",
    "political",
    "ratings",
    "open",
    "summary",
];

/// The steps of a round: the parts it asks.
fn steps(view: &SurveyView) -> Vec<&'static str> {
    let p = &view.round.parts;
    ALL_STEPS
        .iter()
        .copied()
        .filter(|s| match *s {
            "advice" | "advice-frequency" => p.advice,
            "political" => p.political,
            "open" => !p.open.is_empty(),
            _ => true,
        })
        .collect()
}

fn lang_names() -> [(&'static str, &'static str); 4] {
    [
        ("nb", "Bokmål"),
        ("nn", "Nynorsk"),
        ("da", "Dansk"),
        ("en", "English"),
    ]
}

/// The wording of an instrument item: the coordinator's edit in this
/// language, or the standard text.
pub fn instrument_text(
    state: &AppState,
    view_round: &samspill_store::RoundInfo,
    lang: Lang,
    key: &str,
) -> String {
    view_round
        .text(lang.code(), key)
        .map(str::to_string)
        .unwrap_or_else(|| state.text(lang, &format!("survey-q-{key}")))
}

/// What a survey page is rendered from: the respondent's view (or the
/// preview's), the page language and where the pages live.
struct Ctx {
    view: SurveyView,
    /// The tenant the round belongs to.
    tenant: samspill_store::TenantId,
    lang: Lang,
    /// `/s/{token}`, or the preview's `/coord/rounds/{id}/preview`.
    base: String,
    /// Set for the coordinator's preview.
    preview: Option<Preview>,
}

/// The coordinator's preview of a round.
struct Preview {
    round: i64,
    /// The person shown, when chosen with `?as=`.
    person: Option<i64>,
}

impl Ctx {
    /// The query that keeps a preview's language and person on its links
    /// (empty for a respondent, whose language is stored).
    fn keep(&self) -> String {
        match &self.preview {
            None => String::new(),
            Some(p) => match p.person {
                Some(id) => format!("?lang={}&as={id}", self.lang.code()),
                None => format!("?lang={}", self.lang.code()),
            },
        }
    }
}

async fn load(
    state: &AppState,
    token: &str,
    q: &SurveyQuery,
) -> Result<(Respondent, Ctx), PageError> {
    let resp = state
        .0
        .store
        .respondent(token)
        .await
        .map_err(|e| PageError::new(state, Lang::Nb, e))?;
    let mut view = resp
        .view()
        .await
        .map_err(|e| PageError::new(state, Lang::Nb, e))?;
    // `?lang=` shows the page in another offered language without storing
    // anything (a GET changes nothing); the language buttons post to
    // `/s/{token}/lang`, which stores the choice.
    if let Some(l) = q.lang.as_deref().and_then(Lang::parse)
        && view.round.languages.iter().any(|x| x == l.code())
    {
        view.lang = Some(l.code().to_string());
    }
    let lang = view
        .lang
        .as_deref()
        .or(Some(view.round.lang.as_str()))
        .and_then(Lang::parse)
        .unwrap_or(Lang::Nb);
    let tenant = resp.tenant();
    Ok((
        resp,
        Ctx {
            tenant,
            view,
            lang,
            base: format!("/s/{token}"),
            preview: None,
        },
    ))
}

fn base_ctx(state: &AppState, c: &Ctx, step: &str) -> serde_json::Map<String, Value> {
    let all = steps(&c.view);
    let pos = all.iter().position(|s| *s == step);
    let q: BTreeMap<String, String> = INSTRUMENT_KEYS
        .iter()
        .map(|k| {
            (
                k.replace('-', "_"),
                instrument_text(state, &c.view.round, c.lang, k),
            )
        })
        .collect();
    let langs: Vec<Value> = lang_names()
        .iter()
        // A preview shows every language, so a translation can be checked
        // before it is offered.
        .filter(|(code, _)| c.preview.is_some() || c.view.round.languages.iter().any(|l| l == code))
        .map(|(code, name)| json!({"code": code, "name": name, "current": *code == c.lang.code()}))
        .collect();
    let mut m = serde_json::Map::new();
    m.insert("lang".into(), json!(c.lang.code()));
    m.insert("languages".into(), json!(langs));
    // `base` and `here` are written unescaped in the templates: they are
    // built here from a token the store has matched (letters, digits, `-`,
    // `_`) or from a numeric round id, and a step name from a fixed list.
    m.insert("base".into(), json!(c.base));
    m.insert("keep".into(), json!(c.keep()));
    let here = match step {
        "welcome" | "closed" => c.base.clone(),
        s => format!("{}/{s}", c.base),
    };
    m.insert("here".into(), json!(here));
    if let Some(p) = &c.preview {
        m.insert(
            "preview".into(),
            json!({"round": p.round, "name": c.view.name, "language": state.text(c.lang, &format!("web-lang-{}", c.lang.code()))}),
        );
    }
    m.insert("tenant_name".into(), json!(c.view.tenant_name));
    m.insert("round_name".into(), json!(c.view.round.name));
    m.insert("name".into(), json!(c.view.name));
    m.insert("step".into(), json!(step));
    m.insert("steps".into(), json!(all));
    m.insert("step_no".into(), json!(pos.map(|p| p + 1).unwrap_or(0)));
    m.insert("step_count".into(), json!(all.len()));
    m.insert(
        "prev".into(),
        json!(pos.and_then(|p| p.checked_sub(1)).map(|p| all[p])),
    );
    m.insert(
        "next".into(),
        json!(pos.and_then(|p| all.get(p + 1).copied())),
    );
    m.insert("q".into(), json!(q));
    m.insert("submitted".into(), json!(c.view.submitted));
    m.insert("submitted_at".into(), json!(c.view.submitted_at));
    m.insert("closes_on".into(), json!(c.view.round.closes_on));
    m.insert("back".into(), json!(step));
    let contact = crate::invite::contact_line(state.texts(c.lang), &c.view.round.contact);
    m.insert("contact".into(), json!(contact));
    m
}

fn page(
    state: &AppState,
    lang: Lang,
    name: &str,
    ctx: serde_json::Map<String, Value>,
    status: StatusCode,
) -> Response {
    match state.render(name, Value::Object(ctx)) {
        Ok(html) => (status, html).into_response(),
        Err(e) => PageError::new(state, lang, e).into_response(),
    }
}

fn closed(state: &AppState, c: &Ctx) -> Response {
    let ctx = base_ctx(state, c, "closed");
    page(state, c.lang, "survey_closed.html", ctx, StatusCode::OK)
}

/// The opening page: why you got this, who sees what, how long it takes,
/// how your data is handled.
pub async fn welcome(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Q(q): Q<SurveyQuery>,
) -> Response {
    let c = match load(&state, &token, &q).await {
        Ok((_, c)) => c,
        Err(e) => return e.into_response(),
    };
    if !c.view.accepting {
        return closed(&state, &c);
    }
    render_welcome(&state, &c).await
}

async fn render_welcome(state: &AppState, c: &Ctx) -> Response {
    let mut ctx = base_ctx(state, c, "welcome");
    let minutes = estimate_minutes(
        c.view.roster.len() + 1,
        c.view.round.bodies.len(),
        &c.view.round.parts,
    );
    let t = state.texts(c.lang);
    let who = Invitee {
        tenant: &c.view.tenant_name,
        functions: &c.view.functions,
        unit: c.view.unit.as_deref(),
        contact: &c.view.round.contact,
        closes_on: c.view.round.closes_on.as_deref(),
    };
    ctx.insert("why".into(), json!(who.why(t)));
    ctx.insert("deadline".into(), json!(who.deadline(t)));
    ctx.insert("minutes".into(), json!(minutes));
    ctx.insert("resume".into(), json!(resume_target(&c.view)));
    // The information text (issue 16), before the first question.
    match crate::privacy::survey_notice(state, c.tenant, c.view.round.id, c.lang).await {
        Ok(n) => ctx.insert("privacy".into(), n),
        Err(e) => return PageError::new(state, c.lang, e).into_response(),
    };
    page(state, c.lang, "survey_welcome.html", ctx, StatusCode::OK)
}

/// Where «Fortsett» leads: the first step with something unfinished (a
/// chosen person without a frequency), else the step after the last one
/// saved; `None` for a respondent who has saved nothing yet.
fn resume_target(view: &SurveyView) -> Option<&'static str> {
    let missing = |rel: &str| {
        view.answers
            .contacts
            .iter()
            .any(|(r, _, f)| r == rel && f.is_none())
    };
    if missing("contact") {
        return Some("frequency");
    }
    if view.round.parts.advice && missing("advice") {
        return Some("advice-frequency");
    }
    let saved = view.last_step.as_deref().and_then(saved_step)?;
    if saved == "submitted" {
        return Some("summary");
    }
    // The step after the one saved, among the steps this round asks (a
    // part left out since is skipped).
    let asked = steps(view);
    let at = ALL_STEPS.iter().position(|s| *s == saved)?;
    ALL_STEPS[at + 1..]
        .iter()
        .copied()
        .find(|s| asked.contains(s))
        .or(Some("summary"))
}

/// Starts (or resumes) the survey: records the first visit, then goes to
/// the first step or the first unfinished one.
pub async fn start(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let (resp, c) = match load(&state, &token, &SurveyQuery::default()).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    if !c.view.accepting {
        return closed(&state, &c);
    }
    if let Err(e) = resp.mark_seen().await {
        return PageError::new(&state, c.lang, e).into_response();
    }
    let target = resume_target(&c.view).unwrap_or("contacts");
    Redirect::to(&format!("/s/{token}/{target}")).into_response()
}

/// Stores the respondent's language and goes back to the page they were on.
pub async fn set_lang(
    State(state): State<AppState>,
    Path(token): Path<String>,
    SurveyBody(body): SurveyBody,
) -> Response {
    let form = match crate::extract::parse_form(&body, &[]) {
        Ok(f) => f,
        Err(k) => return crate::error::error_page(&state, Lang::Nb, StatusCode::BAD_REQUEST, k),
    };
    let (resp, c) = match load(&state, &token, &SurveyQuery::default()).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    if let Some(l) = form.get("lang").and_then(Lang::parse)
        && c.view.round.languages.iter().any(|x| x == l.code())
        && let Err(e) = resp.set_lang(l.code()).await
    {
        return PageError::new(&state, l, e).into_response();
    }
    let back = form.get("back").unwrap_or("");
    let target = if steps(&c.view).contains(&back) || back == "done" {
        format!("/s/{token}/{back}")
    } else {
        format!("/s/{token}")
    };
    Redirect::to(&target).into_response()
}

/// The step a stored `last_step` names (`submitted` after a submission).
fn saved_step(last: &str) -> Option<&'static str> {
    Some(match last {
        "contacts-contact" => "contacts",
        "frequency-contact" => "frequency",
        "contacts-advice" => "advice",
        "frequency-advice" => "advice-frequency",
        "political" => "political",
        "ratings" => "ratings",
        "open" => "open",
        "submitted" => "submitted",
        _ => return None,
    })
}

fn freq_key(f: Option<Frequency>) -> Option<&'static str> {
    f.map(|f| f.as_str())
}

/// Builds the context of a step page from what is stored.
fn step_ctx(
    state: &AppState,
    c: &Ctx,
    step: &str,
    q: &SurveyQuery,
    errors: &HashMap<String, String>,
) -> Option<serde_json::Map<String, Value>> {
    let mut ctx = base_ctx(state, c, step);
    let t = state.texts(c.lang);
    let a = &c.view.answers;
    let relation = if step.starts_with("advice") {
        "advice"
    } else {
        "contact"
    };
    ctx.insert("relation".into(), json!(relation));
    ctx.insert("errors".into(), json!(errors));
    match step {
        "contacts" | "advice" => {
            let chosen: HashSet<PersonId> = a
                .contacts
                .iter()
                .filter(|x| x.0 == relation)
                .map(|x| x.1)
                .collect();
            let by_unit = q.group.as_deref() == Some("unit");
            let needle = q.q.as_deref().unwrap_or("").trim().to_lowercase();
            let mut groups: BTreeMap<(usize, String), Vec<Value>> = BTreeMap::new();
            let mut hidden = Vec::new();
            let order: Vec<String> = {
                let mut seen = Vec::new();
                for p in &c.view.roster {
                    if let Some(f) = p.functions.first()
                        && !seen.contains(f)
                    {
                        seen.push(f.clone());
                    }
                }
                seen
            };
            for p in &c.view.roster {
                let group = if by_unit {
                    p.unit.clone()
                } else {
                    p.functions.first().cloned()
                };
                let label = match (&group, by_unit) {
                    (Some(f), false) => function_name(t, f),
                    (g, _) => g.clone().unwrap_or_default(),
                };
                let shown: Vec<String> = p.functions.iter().map(|f| function_name(t, f)).collect();
                let matches = needle.is_empty()
                    || p.name.to_lowercase().contains(&needle)
                    || p.unit
                        .as_deref()
                        .unwrap_or("")
                        .to_lowercase()
                        .contains(&needle)
                    || p.functions
                        .iter()
                        .chain(&shown)
                        .any(|f| f.to_lowercase().contains(&needle));
                if !matches {
                    if chosen.contains(&p.id) {
                        hidden.push(p.id.get());
                    }
                    continue;
                }
                let rank = if by_unit {
                    0
                } else {
                    order
                        .iter()
                        .position(|f| Some(f) == group.as_ref())
                        .unwrap_or(usize::MAX)
                };
                groups.entry((rank, label)).or_default().push(json!({
                    "id": p.id.get(),
                    "name": p.name,
                    "unit": p.unit,
                    "functions": shown.join(", "),
                    "checked": chosen.contains(&p.id),
                }));
            }
            let groups: Vec<Value> = groups
                .into_iter()
                .enumerate()
                .map(|(i, ((_, label), people))| json!({"n": i, "label": label, "people": people}))
                .collect();
            ctx.insert("groups".into(), json!(groups));
            ctx.insert("hidden_chosen".into(), json!(hidden));
            ctx.insert("by_unit".into(), json!(by_unit));
            ctx.insert("search".into(), json!(q.q.clone().unwrap_or_default()));
            ctx.insert("chosen_count".into(), json!(chosen.len()));
        }
        "frequency" | "advice-frequency" => {
            let names: HashMap<PersonId, &samspill_store::RosterEntry> =
                c.view.roster.iter().map(|p| (p.id, p)).collect();
            let people: Vec<Value> = a
                .contacts
                .iter()
                .filter(|x| x.0 == relation)
                .filter_map(|x| {
                    names.get(&x.1).map(|p| json!({"id": p.id.get(), "name": p.name, "unit": p.unit, "freq": freq_key(x.2)}))
                })
                .collect();
            ctx.insert("people".into(), json!(people));
            ctx.insert(
                "frequencies".into(),
                json!(["daily", "weekly", "monthly", "rarer"]),
            );
        }
        "political" => {
            let bodies: Vec<Value> = c
                .view
                .round
                .bodies
                .iter()
                .map(|b| {
                    let types: Vec<Value> = ContactType::ALL
                        .iter()
                        .map(|t| json!({"code": t.as_str(), "checked": a.political.contains(&(b.id, *t))}))
                        .collect();
                    json!({"id": b.id.get(), "name": b.name, "types": types})
                })
                .collect();
            ctx.insert("bodies".into(), json!(bodies));
        }
        "ratings" => {
            let qs: Vec<Value> = c
                .view
                .round
                .parts
                .ratings()
                .iter()
                .map(|k| {
                    let v = a.ratings.iter().find(|r| r.0 == *k).map(|r| r.1.map(|v| v.to_string()).unwrap_or("dk".into()));
                    json!({"key": k, "text": instrument_text(state, &c.view.round, c.lang, &format!("rating-{k}")), "value": v})
                })
                .collect();
            ctx.insert("questions".into(), json!(qs));
        }
        "open" => {
            let qs: Vec<Value> = c
                .view
                .round
                .parts
                .open_questions()
                .iter()
                .map(|k| {
                    let v = a.open.iter().find(|r| r.0 == *k).map(|r| r.1.clone()).unwrap_or_default();
                    json!({"key": k, "text": instrument_text(state, &c.view.round, c.lang, &format!("open-{k}")), "value": v})
                })
                .collect();
            ctx.insert("questions".into(), json!(qs));
            ctx.insert("max".into(), json!(MAX_OPEN_ANSWER));
        }
        "summary" => {
            let names: HashMap<PersonId, &str> = c
                .view
                .roster
                .iter()
                .map(|p| (p.id, p.name.as_str()))
                .collect();
            let of = |rel: &str| -> Vec<Value> {
                a.contacts
                    .iter()
                    .filter(|x| x.0 == rel)
                    .map(|x| json!({"name": names.get(&x.1).copied().unwrap_or("?"), "freq": freq_key(x.2)}))
                    .collect()
            };
            let contacts = of("contact");
            let advice = of("advice");
            // What is unfinished, with the step that finishes it.
            let mut missing = Vec::new();
            if a.contacts.iter().any(|x| x.0 == "contact" && x.2.is_none()) {
                missing.push(json!({"step": "frequency", "key": "survey-missing-frequency"}));
            }
            if c.view.round.parts.advice
                && a.contacts.iter().any(|x| x.0 == "advice" && x.2.is_none())
            {
                missing.push(
                    json!({"step": "advice-frequency", "key": "survey-missing-advice-frequency"}),
                );
            }
            if c.view
                .round
                .parts
                .ratings()
                .iter()
                .any(|k| !a.ratings.iter().any(|r| r.0 == *k))
            {
                missing.push(
                    json!({"step": "ratings", "key": "survey-missing-ratings", "optional": true}),
                );
            }
            ctx.insert("advice".into(), json!(advice));
            ctx.insert("second_relation".into(), json!(c.view.round.parts.advice));
            ctx.insert("political".into(), json!(c.view.round.parts.political));
            ctx.insert(
                "asks_open".into(),
                json!(!c.view.round.parts.open.is_empty()),
            );
            ctx.insert("missing".into(), json!(missing));
            let bodies: Vec<Value> = c
                .view
                .round
                .bodies
                .iter()
                .map(|b| {
                    let types: Vec<&str> = a
                        .political
                        .iter()
                        .filter(|p| p.0 == b.id)
                        .map(|p| p.1.as_str())
                        .collect();
                    json!({"name": b.name, "types": types})
                })
                .collect();
            let ratings: Vec<Value> = c
                .view
                .round
                .parts
                .ratings()
                .iter()
                .map(|k| {
                    let v = a.ratings.iter().find(|r| r.0 == *k).map(|r| r.1.map(|v| v.to_string()).unwrap_or("dk".into()));
                    json!({"text": instrument_text(state, &c.view.round, c.lang, &format!("rating-{k}")), "value": v})
                })
                .collect();
            let open: Vec<Value> = c
                .view
                .round
                .parts
                .open_questions()
                .iter()
                .filter_map(|k| {
                    a.open.iter().find(|r| r.0 == *k).map(|r| {
                        json!({"text": instrument_text(state, &c.view.round, c.lang, &format!("open-{k}")), "value": r.1})
                    })
                })
                .collect();
            ctx.insert("contacts".into(), json!(contacts));
            ctx.insert("bodies".into(), json!(bodies));
            ctx.insert("ratings".into(), json!(ratings));
            ctx.insert("open".into(), json!(open));
        }
        _ => return None,
    }
    Some(ctx)
}

/// A step page.
pub async fn step_page(
    State(state): State<AppState>,
    Path((token, step)): Path<(String, String)>,
    Q(q): Q<SurveyQuery>,
) -> Response {
    let c = match load(&state, &token, &q).await {
        Ok((_, c)) => c,
        Err(e) => return e.into_response(),
    };
    if !steps(&c.view).contains(&step.as_str()) {
        return PageError::new(&state, c.lang, StoreError::NotFound).into_response();
    }
    if !c.view.accepting {
        return closed(&state, &c);
    }
    render_step(&state, &c, &step, &q, &HashMap::new(), StatusCode::OK)
}

fn render_step(
    state: &AppState,
    c: &Ctx,
    step: &str,
    q: &SurveyQuery,
    errors: &HashMap<String, String>,
    status: StatusCode,
) -> Response {
    let template = match step {
        "contacts" | "advice" => "survey_contacts.html",
        "frequency" | "advice-frequency" => "survey_frequency.html",
        "political" => "survey_political.html",
        "ratings" => "survey_ratings.html",
        "open" => "survey_open.html",
        _ => "survey_summary.html",
    };
    match step_ctx(state, c, step, q, errors) {
        Some(ctx) => page(state, c.lang, template, ctx, status),
        None => PageError::new(state, c.lang, StoreError::NotFound).into_response(),
    }
}

fn ids(values: Vec<&str>) -> Result<Vec<PersonId>, ()> {
    values
        .into_iter()
        .map(|v| v.parse::<i64>().map(PersonId::from_raw).map_err(|_| ()))
        .collect()
}

/// What a step's form asks the store to do; `Err` holds field errors.
async fn save(
    resp: &Respondent,
    step: &str,
    form: &FormData,
) -> Result<Result<(), HashMap<String, String>>, StoreError> {
    let mut errors = HashMap::new();
    let relation = if step.starts_with("advice") {
        "advice"
    } else {
        "contact"
    };
    let going_on = form.get("nav") == Some("next");
    match step {
        "contacts" | "advice" => {
            let chosen =
                ids(form.all("chosen")).map_err(|_| StoreError::Invalid("person id".into()))?;
            resp.save_contacts(relation, &chosen).await?;
        }
        "frequency" | "advice-frequency" => {
            let mut answers = Vec::new();
            for (id, v) in form.with_prefix("f_") {
                let id = id
                    .parse::<i64>()
                    .map_err(|_| StoreError::Invalid("person id".into()))?;
                let f =
                    Frequency::parse(v).ok_or_else(|| StoreError::Invalid("frequency".into()))?;
                answers.push((PersonId::from_raw(id), f));
            }
            resp.save_frequencies(relation, &answers).await?;
            if going_on {
                // After the save: every chosen person needs a frequency.
                for (rel, p, f) in resp.answers().await?.contacts {
                    if rel == relation && f.is_none() {
                        errors.insert(format!("f_{}", p.get()), "survey-error-frequency".into());
                    }
                }
            }
        }
        "political" => {
            let mut answers = Vec::new();
            for (id, v) in form.with_prefix("p_") {
                let id = id
                    .parse::<i64>()
                    .map_err(|_| StoreError::Invalid("body id".into()))?;
                let t = ContactType::parse(v)
                    .ok_or_else(|| StoreError::Invalid("contact type".into()))?;
                answers.push((BodyId::from_raw(id), t));
            }
            resp.save_political(&answers).await?;
        }
        "ratings" => {
            let mut answers = Vec::new();
            for k in RATING_QUESTIONS {
                match form.get(&format!("r_{k}")) {
                    None | Some("") => {}
                    Some("dk") => answers.push((k.to_string(), None)),
                    Some(v) => match v.parse::<u8>() {
                        Ok(n) if (1..=6).contains(&n) => answers.push((k.to_string(), Some(n))),
                        _ => {
                            errors.insert(format!("r_{k}"), "survey-error-rating".into());
                        }
                    },
                }
            }
            if !errors.is_empty() {
                return Ok(Err(errors));
            }
            resp.save_ratings(&answers).await?;
        }
        "open" => {
            let mut answers = Vec::new();
            for k in OPEN_QUESTIONS {
                if let Some(v) = form.get(&format!("o_{k}")) {
                    let v = v.replace("\r\n", "\n");
                    if v.chars().count() > MAX_OPEN_ANSWER {
                        errors.insert(format!("o_{k}"), "survey-error-too-long".into());
                    } else if v
                        .chars()
                        .any(|ch| ch.is_control() && ch != '\n' && ch != '\t')
                    {
                        errors.insert(format!("o_{k}"), "survey-error-characters".into());
                    } else {
                        answers.push((k.to_string(), v));
                    }
                }
            }
            // Save what is valid; report the rest beside its field.
            resp.save_open(&answers).await?;
        }
        "summary" => {}
        _ => return Err(StoreError::NotFound),
    }
    Ok(if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    })
}

/// Parses a survey post. A field may be repeated only where it is a list
/// (`chosen` people, `p_{body}` contact types); anything else repeated is
/// refused, so a post cannot make the store work through a long list.
fn survey_form(body: &[u8]) -> Result<FormData, &'static str> {
    let form = FormData::parse(body);
    let mut seen = HashSet::new();
    for (k, _) in &form.0 {
        if k != "chosen" && !k.starts_with("p_") && !seen.insert(k.as_str()) {
            return Err("web-error-repeated-field");
        }
    }
    Ok(form)
}

/// Saves a step. Answers are committed before anything is acknowledged.
pub async fn step_save(
    State(state): State<AppState>,
    Path((token, step)): Path<(String, String)>,
    Q(q): Q<SurveyQuery>,
    headers: HeaderMap,
    SurveyBody(body): SurveyBody,
) -> Response {
    let autosave = headers.get("x-autosave").is_some();
    // The answer path is kept light: the token, the save, the commit. The
    // full page context is loaded only where a page is rendered.
    let resp = match state.store().respondent(&token).await {
        Ok(r) => r,
        Err(e) => {
            if autosave {
                return (StatusCode::NOT_FOUND, Json(json!({"saved": false}))).into_response();
            }
            return PageError::new(&state, Lang::Nb, e).into_response();
        }
    };
    let form = match survey_form(&body) {
        Ok(f) => f,
        Err(key) => {
            state
                .metrics()
                .answers_refused
                .fetch_add(1, Ordering::Relaxed);
            if autosave {
                return (StatusCode::BAD_REQUEST, Json(json!({"saved": false}))).into_response();
            }
            return crate::error::error_page(&state, Lang::Nb, StatusCode::BAD_REQUEST, key);
        }
    };
    let result = save(&resp, &step, &form).await;
    let m = state.metrics();
    match result {
        Ok(Ok(())) => {
            m.answers_saved.fetch_add(1, Ordering::Relaxed);
            if autosave {
                return Json(json!({"saved": true})).into_response();
            }
            let c = match load(&state, &token, &SurveyQuery::default()).await {
                Ok((_, c)) => c,
                Err(e) => return e.into_response(),
            };
            let all = steps(&c.view);
            let pos = all.iter().position(|s| *s == step).unwrap_or(0);
            let target = match form.get("nav") {
                Some("back") if pos > 0 => all[pos - 1],
                Some("group") | Some("search") => {
                    let mut url = format!("/s/{token}/{step}?");
                    if let Some(g) = form.get("group") {
                        url.push_str(&format!("group={}&", enc(g)));
                    }
                    if let Some(s) = form.get("q") {
                        url.push_str(&format!("q={}", enc(s)));
                    }
                    return Redirect::to(&url).into_response();
                }
                _ => all.get(pos + 1).copied().unwrap_or("summary"),
            };
            Redirect::to(&format!("/s/{token}/{target}")).into_response()
        }
        Ok(Err(errors)) => {
            m.answers_saved.fetch_add(1, Ordering::Relaxed);
            if autosave {
                return (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Json(json!({"saved": false, "errors": errors})),
                )
                    .into_response();
            }
            // Re-read what was stored, and show the errors beside the fields.
            let c = match load(&state, &token, &q).await {
                Ok((_, c)) => c,
                Err(e) => return e.into_response(),
            };
            render_step(
                &state,
                &c,
                &step,
                &q,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => {
            m.answers_refused.fetch_add(1, Ordering::Relaxed);
            if autosave {
                let status = match e {
                    StoreError::Frozen | StoreError::NotOpen => StatusCode::CONFLICT,
                    StoreError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                    _ => StatusCode::INTERNAL_SERVER_ERROR,
                };
                return (status, Json(json!({"saved": false}))).into_response();
            }
            let lang = match load(&state, &token, &SurveyQuery::default()).await {
                Ok((_, c)) => c.lang,
                Err(_) => Lang::Nb,
            };
            PageError::new(&state, lang, WebError::Store(e)).into_response()
        }
    }
}

fn enc(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Submits the answers.
pub async fn submit(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let (resp, c) = match load(&state, &token, &SurveyQuery::default()).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    match resp.submit().await {
        Ok(()) => Redirect::to(&format!("/s/{token}/done")).into_response(),
        Err(StoreError::Incomplete(_)) => {
            // Lead the respondent to what is unfinished: the summary lists it.
            let mut errors = HashMap::new();
            errors.insert("submit".to_string(), "survey-error-incomplete".to_string());
            render_step(
                &state,
                &c,
                "summary",
                &SurveyQuery::default(),
                &errors,
                StatusCode::CONFLICT,
            )
        }
        Err(e) => PageError::new(&state, c.lang, e).into_response(),
    }
}

/// The thank-you page.
pub async fn done(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Q(q): Q<SurveyQuery>,
) -> Response {
    let c = match load(&state, &token, &q).await {
        Ok((_, c)) => c,
        Err(e) => return e.into_response(),
    };
    let ctx = base_ctx(&state, &c, "done");
    page(&state, c.lang, "survey_done.html", ctx, StatusCode::OK)
}

/// The survey of a round as a person on its list sees it (the first on the
/// list, or `?as={person}`), in `?lang=` or the round's language: the
/// opening page, every step the round asks, the summary and the thank-you
/// page, with no answers. Links take the place of the forms that post,
/// so nothing is saved, no invitation is made and no visit is recorded.
pub async fn preview(
    State(state): State<AppState>,
    c: Coord,
    Id(id): Id<i64>,
    Q(q): Q<SurveyQuery>,
) -> Response {
    preview_page(&state, &c, id, "welcome", &q).await
}

/// A step of the preview (`done` for the thank-you page).
pub async fn preview_step(
    State(state): State<AppState>,
    c: Coord,
    Id((id, step)): Id<(i64, String)>,
    Q(q): Q<SurveyQuery>,
) -> Response {
    preview_page(&state, &c, id, &step, &q).await
}

async fn preview_page(
    state: &AppState,
    coord: &Coord,
    id: i64,
    step: &str,
    q: &SurveyQuery,
) -> Response {
    let c = match preview_ctx(coord, id, q).await {
        Ok(c) => c,
        Err(e) => return PageError::new(state, coord.lang, e).into_response(),
    };
    match step {
        "welcome" => render_welcome(state, &c).await,
        "done" => page(
            state,
            c.lang,
            "survey_done.html",
            base_ctx(state, &c, "done"),
            StatusCode::OK,
        ),
        s if steps(&c.view).contains(&s) => {
            render_step(state, &c, s, q, &HashMap::new(), StatusCode::OK)
        }
        _ => PageError::new(state, coord.lang, StoreError::NotFound).into_response(),
    }
}

/// The view a preview shows: the round, the person shown and the others on
/// the list (the live roster while a draft, the invited afterwards).
async fn preview_ctx(c: &Coord, id: i64, q: &SurveyQuery) -> Result<Ctx, StoreError> {
    let round = c
        .tenant
        .round(samspill_store::RoundId::from_raw(id))
        .await?;
    let info = c.tenant.info().await?;
    let people: Vec<(i64, String, Option<String>, Vec<String>)> =
        if round.status == samspill_store::RoundStatus::Draft {
            c.tenant
                .persons()
                .await?
                .into_iter()
                .filter(|p| p.active)
                .map(|p| (p.id.get(), p.name, p.unit, p.functions))
                .collect()
        } else {
            c.tenant
                .invitations(round.id)
                .await?
                .into_iter()
                .map(|i| (i.person.get(), i.name, i.unit, i.functions))
                .collect()
        };
    let shown = q
        .person
        .and_then(|p| people.iter().position(|x| x.0 == p))
        .unwrap_or(0);
    let (name, functions, unit) = match people.get(shown) {
        Some(p) => (p.1.clone(), p.3.clone(), p.2.clone()),
        None => (c.user.name.clone(), Vec::new(), None),
    };
    let roster = people
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != shown)
        .map(|(_, p)| samspill_store::RosterEntry {
            id: PersonId::from_raw(p.0),
            name: p.1.clone(),
            unit: p.2.clone(),
            functions: p.3.clone(),
        })
        .collect();
    let lang = q
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .or_else(|| Lang::parse(&round.lang))
        .unwrap_or(c.lang);
    Ok(Ctx {
        tenant: c.tenant.id(),
        base: format!("/coord/rounds/{id}/preview"),
        preview: Some(Preview {
            round: id,
            person: q.person.filter(|_| !people.is_empty()),
        }),
        view: SurveyView {
            tenant_name: info.name,
            name,
            functions,
            unit,
            roster,
            answers: Default::default(),
            submitted: false,
            submitted_at: None,
            lang: Some(lang.code().to_string()),
            accepting: true,
            last_step: None,
            round,
        },
        lang,
    })
}
