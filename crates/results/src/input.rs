//! From a closed round's data to the report's input and the report.

use samspill_engine::survey::{OpenAnswer, RatingAnswers};
use samspill_i18n::Texts;
use samspill_report::{Input, Rendered, figures};
use samspill_store::Pseudonym;

use crate::{Options, ResultsError, RoundData};

/// A pseudonym as people read it: the function's short code in the
/// language and the number («Tildeling 5»); people without a function get
/// the language's word for none.
pub fn pseudonym_label(t: &Texts, p: &Pseudonym) -> String {
    let code = match samspill_draw::function_key(&p.function) {
        Some(k) => t.get(&format!("draw-code-{k}")),
        None if p.function.trim().is_empty() => t.get("draw-code-none"),
        None => p.function.clone(),
    };
    format!("{code} {}", p.number)
}

/// The report's input for a closed round: the frozen network (labels are
/// the stable pseudonyms unless the named version is asked for), political
/// contacts, ratings, the reviewed open answers that may be quoted with
/// their themes, and the figures drawn in the chosen language.
pub fn input(data: &RoundData, opts: &Options) -> Result<Input, ResultsError> {
    let t = Texts::new(opts.lang);
    // A reduced round has no names left: it is always pseudonymised.
    let opts = &Options {
        named: opts.named && !data.reduced(),
        ..*opts
    };
    let mut network = data.net.network.clone();
    network.name = format!("{} – {}", data.tenant.name, data.round.name);
    if !opts.named {
        for (i, p) in network.people.iter_mut().enumerate() {
            p.label = data
                .person_id(i)
                .and_then(|id| data.pseudonyms.get(&id))
                .map(|ps| pseudonym_label(&t, ps))
                .unwrap_or_default();
        }
    }
    let rating = |key: &str| {
        data.net
            .ratings
            .iter()
            .find(|r| r.question == key)
            .cloned()
            .unwrap_or_else(|| RatingAnswers {
                question: key.to_string(),
                answers: Vec::new(),
            })
    };
    let (quoted, _left_out) = data.quotable();
    let mut open_answers = Vec::new();
    let mut open_themes = Vec::new();
    for a in quoted {
        let Some(review) = &a.review else { continue };
        open_answers.push(OpenAnswer {
            question: a.question.clone(),
            text: review.text.clone(),
        });
        open_themes.push(review.theme.clone());
    }
    let mut input = Input {
        name: data.tenant.name.clone(),
        lang: opts.lang,
        round: data.round.name.clone(),
        network,
        political: data.net.political.clone(),
        coordination: rating("coordination"),
        meeting_places: rating("meeting_places"),
        open_answers,
        open_themes,
        coordination_forum: None,
        figures: Vec::new(),
        show_names: opts.named,
        method_notes: data.method_notes(&t),
    };
    input.figures = figures::for_municipality(&input)?;
    Ok(input)
}

/// The municipality report of a closed round (HTML and PDF).
pub fn report(data: &RoundData, opts: &Options) -> Result<Rendered, ResultsError> {
    let input = input(data, opts)?;
    Ok(samspill_report::municipality_report(&input)?)
}
