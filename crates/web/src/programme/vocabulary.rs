//! The programme's own words: the funder's adviser sets, per language, the
//! labels of the programme's terms (programme vs project words: «program»
//! or «prosjekt», «programleder» or «prosjektleder», …; every form the
//! texts use) and the glossary entries that explain them. Empty fields
//! keep the default word. The page is the programme record's
//! ([`Action::ProgrammeRecord`]): the store refuses anyone else, validates
//! the whole programme and audits the change; bad input is listed by field
//! and nothing changes. The glossary page shows the result in every
//! programme page's language.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use samspill_i18n::{Arg, Lang};
use samspill_programme::model::{Form as WordForm, GlossaryEntry, Term, VocabularyEntry};
use samspill_programme::text::Renderer;
use samspill_store::ProgrammeError;
use samspill_store::programme::Action;
use serde::Deserialize;
use serde_json::{Value, json};

use super::input::{Fields, MAX_ROWS};
use super::{ProgrammeTexts, open, problems, refusal, render, role};
use crate::AppState;
use crate::coord::obj;
use crate::extract::{Form, Id, Q, Viewer};

/// The forms of a term, with their field suffixes.
const FORMS: [(WordForm, &str); 5] = [
    (WordForm::Singular, "singular"),
    (WordForm::Definite, "definite"),
    (WordForm::Plural, "plural"),
    (WordForm::DefinitePlural, "definite-plural"),
    (WordForm::Genitive, "genitive"),
];

/// Empty glossary rows offered below the filled ones.
const SPARE_ROWS: usize = 3;

/// `?lang=` of the vocabulary page.
#[derive(Debug, Deserialize)]
pub struct VocabularyQuery {
    lang: Option<String>,
}

fn language(code: Option<&str>, fallback: &str) -> Lang {
    code.and_then(Lang::parse)
        .or_else(|| Lang::parse(fallback))
        .unwrap_or(Lang::Nb)
}

fn entry_form(e: &VocabularyEntry, f: WordForm) -> Option<String> {
    e.form(f).map(str::to_string)
}

/// `GET /programmes/{id}/vocabulary`.
pub async fn page(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    Q(q): Q<VocabularyQuery>,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    if !h.allows(&Action::ProgrammeRecord) {
        return refusal(&state, v.lang, ProgrammeError::Forbidden);
    }
    let stored = match h.stored().await {
        Ok(s) => s,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let pr = &stored.doc.programme;
    let lang = language(q.lang.as_deref(), &pr.lang);
    // The default words in the chosen language (no vocabulary applied).
    let defaults = ProgrammeTexts(state.texts(lang));
    let plain = Renderer::new(&defaults, &[]);
    let terms: Vec<Value> = Term::ALL
        .iter()
        .map(|term| {
            let set = pr
                .vocabulary
                .iter()
                .find(|e| e.term == *term && e.lang == lang.code());
            json!({
                "code": term.code(),
                "forms": FORMS.iter().map(|(f, suffix)| json!({
                    "suffix": suffix,
                    "default": plain.term(*term, *f),
                    "value": set.and_then(|e| entry_form(e, *f)).unwrap_or_default(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut glossary: Vec<Value> = pr
        .glossary
        .iter()
        .filter(|g| g.lang == lang.code())
        .map(|g| {
            json!({
                "headword": g.headword,
                "definition": g.definition,
                "term": g.term.map(|t| t.code()).unwrap_or_default(),
            })
        })
        .collect();
    glossary.extend((0..SPARE_ROWS).map(|_| json!({"headword": "", "definition": "", "term": ""})));
    let ctx = obj(json!({
        "id": id,
        "name": pr.name,
        "rev": stored.revision,
        "vlang": lang.code(),
        "langs": ["nb", "nn", "da", "en"],
        "forms": FORMS.iter().map(|(_, s)| s).collect::<Vec<_>>(),
        "terms": terms,
        "glossary": glossary,
        "term_choices": Term::ALL.iter().map(|t| json!({"code": t.code(), "label": plain.term(*t, WordForm::Singular)})).collect::<Vec<_>>(),
    }));
    render(
        &state,
        &v,
        role(&h),
        "programme_vocabulary.html",
        ctx,
        StatusCode::OK,
    )
}

/// `POST /programmes/{id}/vocabulary`: fields `rev`, `vlang`,
/// `term-{code}-{form}` and glossary rows `g-{i}-headword`,
/// `g-{i}-definition`, `g-{i}-term`.
pub async fn save(
    State(state): State<AppState>,
    v: Viewer,
    Id(id): Id<i64>,
    Form(form): Form,
) -> Response {
    let h = match open(&state, &v, id).await {
        Ok(h) => h,
        Err(r) => return r,
    };
    if !h.allows(&Action::ProgrammeRecord) {
        return refusal(&state, v.lang, ProgrammeError::Forbidden);
    }
    let t = state.texts(v.lang);
    let code = form.text("vlang");
    let Some(lang) = ["nb", "nn", "da", "en"]
        .contains(&code.as_str())
        .then(|| Lang::parse(&code))
        .flatten()
    else {
        let lb = t.get("pp-vocabulary-language");
        return problems(
            &state,
            v.lang,
            &[t.format("pp-error-choice", &[("field", Arg::Str(&lb))])],
        );
    };
    let Some(rev) = form.get("rev").and_then(|r| r.trim().parse::<i64>().ok()) else {
        return refusal(&state, v.lang, ProgrammeError::Stale);
    };
    let mut f = Fields::new(&form, t);
    let (vocabulary, glossary) = read_words(&form, &mut f, &state, v.lang, lang);
    if !f.problems.is_empty() {
        return problems(&state, v.lang, &f.problems);
    }
    let stored = match h.stored().await {
        Ok(s) => s,
        Err(e) => return refusal(&state, v.lang, e),
    };
    let mut programme = stored.doc.programme;
    programme.vocabulary.retain(|e| e.lang != lang.code());
    programme.vocabulary.extend(vocabulary);
    programme.glossary.retain(|g| g.lang != lang.code());
    programme.glossary.extend(glossary);
    match h.put_programme(programme, Some(rev)).await {
        Ok(()) => Redirect::to(&format!("/programmes/{id}/glossary")).into_response(),
        Err(e) => refusal(&state, v.lang, e),
    }
}

/// The words and glossary entries of language `lang` in the form; problems
/// go to `f`.
fn read_words(
    form: &crate::forms::FormData,
    f: &mut Fields<'_>,
    state: &AppState,
    viewer: Lang,
    lang: Lang,
) -> (Vec<VocabularyEntry>, Vec<GlossaryEntry>) {
    let t = state.texts(viewer);
    let defaults = ProgrammeTexts(t);
    let plain = Renderer::new(&defaults, &[]);
    let mut vocabulary = Vec::new();
    for term in Term::ALL {
        let mut entry = VocabularyEntry {
            term,
            lang: lang.code().to_string(),
            singular: None,
            definite: None,
            plural: None,
            definite_plural: None,
            genitive: None,
        };
        for (wf, suffix) in FORMS {
            let label = format!(
                "{} ({})",
                plain.term(term, WordForm::Singular),
                t.get(&format!("pp-form-{suffix}"))
            );
            let value = f.line(&format!("term-{}-{suffix}", term.code()), &label);
            match wf {
                WordForm::Singular => entry.singular = value,
                WordForm::Definite => entry.definite = value,
                WordForm::Plural => entry.plural = value,
                WordForm::DefinitePlural => entry.definite_plural = value,
                WordForm::Genitive => entry.genitive = value,
            }
        }
        if FORMS.iter().any(|(wf, _)| entry.form(*wf).is_some()) {
            vocabulary.push(entry);
        }
    }
    let choices: Vec<(&str, Term)> = Term::ALL.iter().map(|t| (t.code(), *t)).collect();
    let mut glossary = Vec::new();
    for i in 0..MAX_ROWS {
        let p = format!("g-{i}-");
        if ["headword", "definition"]
            .iter()
            .all(|k| form.text(&format!("{p}{k}")).is_empty())
        {
            continue;
        }
        let hl = f.row_label("pp-glossary-headword", i);
        let dl = f.row_label("pp-glossary-definition", i);
        let tl = f.row_label("pp-glossary-term", i);
        let headword = f.required_line(&format!("{p}headword"), &hl);
        let definition = {
            let before = f.problems.len();
            let d = f.text(&format!("{p}definition"), &dl);
            if d.is_none() && f.problems.len() == before {
                f.problems
                    .push(t.format("pp-error-required", &[("field", Arg::Str(&dl))]));
            }
            d
        };
        let term = f.choice(&format!("{p}term"), &tl, &choices);
        if let (Some(headword), Some(definition)) = (headword, definition) {
            glossary.push(GlossaryEntry {
                lang: lang.code().to_string(),
                headword,
                definition,
                term,
            });
        }
    }
    if form.0.iter().any(|(k, _)| {
        k.strip_prefix("g-")
            .and_then(|r| r.split('-').next())
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n >= MAX_ROWS)
    }) {
        f.problems.push(t.format(
            "pp-error-too-many",
            &[
                ("field", Arg::Str(&t.get("pp-glossary-entries"))),
                ("max", Arg::Num(MAX_ROWS as f64)),
            ],
        ));
    }
    (vocabulary, glossary)
}
