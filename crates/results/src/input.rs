//! From a closed round's data to the report's input and the report.

use samspill_engine::survey::RatingAnswers;
use samspill_i18n::Texts;
use samspill_report::{CodedAnswer, Input, Rendered, figures};

use crate::{Options, ResultsError, RoundData};

/// The label of the network's person `index` in the language of `t`: the
/// stable pseudonym («Tildeling 5»; [`samspill_draw::Pseudonym::label`]),
/// or the person's position when the round has no such person.
pub fn pseudonym_label(data: &RoundData, t: &Texts, index: usize) -> String {
    data.net
        .network
        .people
        .get(index)
        .and_then(|p| data.pseudonyms.get(&p.id))
        .map(|ps| ps.label(t))
        .unwrap_or_else(|| format!("{}", index + 1))
}

/// The report's input for a closed round: the frozen network (labels are
/// the stable pseudonyms unless the named version is asked for), political
/// contacts, ratings, the reviewed open answers that may be quoted with
/// their themes, and the figures drawn in the chosen language.
pub fn input(data: &RoundData, opts: &Options) -> Result<Input, ResultsError> {
    let mut input = input_without_figures(data, opts);
    input.figures = figures::for_municipality(&input)?;
    Ok(input)
}

/// The report's input without its figures (drawing them is the costly
/// part): enough for the facts and the survey figures of indicators.
pub fn input_without_figures(data: &RoundData, opts: &Options) -> Input {
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
            p.label = pseudonym_label(data, &t, i);
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
    // Every answer goes in; only reviewed answers that may be quoted are
    // marked reviewed (with their reviewed text), so the report quotes
    // those and says how many it left out.
    let open_answers = data
        .answers
        .iter()
        .map(|a| match &a.review {
            Some(r) if r.quote => CodedAnswer {
                question: a.question.clone(),
                text: r.text.clone(),
                theme: r.theme.clone(),
                reviewed: true,
            },
            _ => CodedAnswer {
                question: a.question.clone(),
                text: String::new(),
                theme: a.review.as_ref().and_then(|r| r.theme.clone()),
                reviewed: false,
            },
        })
        .collect();
    let mut input = Input::new(&data.tenant.name, opts.lang, &data.round.name, network);
    input.political = data.net.political.clone();
    input.coordination = rating("coordination");
    input.meeting_places = rating("meeting_places");
    input.open_answers = open_answers;
    input.rules = samspill_report::Rules {
        combine: opts.rules.combine.engine(),
        reconstruct: opts.rules.reconstruct,
    };
    input.pseudonyms = data.pseudonyms.clone();
    input.show_names = opts.named;
    input.method_notes = data.method_notes(&t);
    input
}

/// The municipality report of a closed round (HTML and PDF).
pub fn report(data: &RoundData, opts: &Options) -> Result<Rendered, ResultsError> {
    let input = input(data, opts)?;
    Ok(samspill_report::municipality_report(&input)?)
}
