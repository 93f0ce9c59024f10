//! JSON Resume (schema 1.0) as a second input format and an export format.
//! A `.json` résumé is read as JSON Resume: camelCase keys mapped onto the
//! model field by field, each date checked with its line and column, and
//! every field vita does not model reported as a warning by its JSON path.
//! Export writes the model back as JSON Resume, with vita's extras (tags,
//! custom sections, highlight groups, meta.language/theme) as extension
//! fields, so TOML → JSON → TOML gives the same résumé.

mod convert;
pub(crate) mod i18n;
mod spans;
mod types;

use crate::diag::Diagnostic;
use crate::model::{Resume, load, translations};
use convert::Importer;
pub use spans::Spans;
use spans::child;
use std::path::Path;

/// The JSON Resume schema that exported files name in `$schema`.
pub const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

/// A résumé read from JSON Resume, with what could not be carried over.
#[derive(Debug)]
pub struct Imported {
    /// The résumé, checked as a TOML one is.
    pub resume: Resume,
    /// What was left out or worked around, each with its place in the file.
    pub warnings: Vec<Diagnostic>,
    /// Entries limited to some languages, by path, when they were kept.
    pub limited: Vec<(String, Vec<String>)>,
}

/// Whether `path` names a JSON résumé (by its extension).
pub fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Reads JSON Resume text under the default nesting limit; `file` is used
/// in messages only. The result has been through the same checks as a TOML
/// résumé.
pub fn parse(text: &str, file: &Path) -> Result<Imported, Diagnostic> {
    parse_in(text, file, crate::limits::DEFAULT_DEPTH, None)
}

/// [`parse`], refusing a document that nests deeper than `depth` (each `[`
/// and `{` is a level) before anything recurses over it, in the language
/// `lang` (`None`: the file's `meta.language`): texts given in several
/// languages are resolved to it, as in a TOML résumé.
pub fn parse_in(
    text: &str,
    file: &Path,
    depth: usize,
    lang: Option<&str>,
) -> Result<Imported, Diagnostic> {
    read(text, file, depth, lang, (false, false))
}

/// [`parse_in`]; with `keep`, entries limited to other languages are kept
/// and listed (see `model::load::read`); with `public`, what the file marks
/// `private` is left out (`model::private`).
pub(crate) fn read(
    text: &str,
    file: &Path,
    depth: usize,
    lang: Option<&str>,
    (keep, public): (bool, bool),
) -> Result<Imported, Diagnostic> {
    if let Some((found, at)) = crate::limits::json_nesting(text, depth) {
        return Err(Diagnostic::new(format!(
            "the file nests {found} levels deep here; vita reads at most {depth}"
        ))
        .in_file(file)
        .at_span(text, at..at + 1)
        .with_hint(
            "a JSON résumé nests about five levels: {\"work\": [{\"highlights\": [\"…\"]}]}; \
             --max-depth raises the limit",
        ));
    }
    let spans = Spans::index(text);
    let mut ignored = Vec::new();
    let mut tree: serde_json::Value =
        serde_json::from_str(text).map_err(|e| json_error(&e, text, file, &spans))?;
    let mut fallbacks = Vec::new();
    let mut limited = Vec::new();
    // Translations exported as extension fields become tables again.
    let absorbed = i18n::absorb(&mut tree);
    // A public render takes private fields out of the tree first; otherwise
    // `private` keys are read past (and not reported) from the text.
    let private = public && has_key(&tree, super::private::PRIVATE_KEY);
    let doc: types::JResume = if !absorbed && !private && translations::languages(&tree).is_empty()
    {
        // Read from the text, so that a problem has its line and column.
        let mut de = serde_json::Deserializer::from_str(text);
        serde_ignored::deserialize(&mut de, |p| ignored.push(path_of(&p)))
            .and_then(|doc| de.end().map(|()| doc))
            .map_err(|e| json_error(&e, text, file, &spans))?
    } else {
        let default = tree["meta"]["language"].as_str().unwrap_or("en").to_string();
        let want = lang.unwrap_or(&default).to_string();
        let resolved = translations::resolve(&mut tree, &want, &default, keep);
        super::private::resolve(&mut tree, public);
        limited = resolved.limited;
        fallbacks = resolved
            .fallbacks
            .into_iter()
            .map(|f| {
                let at = spans.value(&f.path);
                load::fallback_warning(&f.path, &f.used, &want).in_file(file).at_span(text, at)
            })
            .collect();
        // Read as text again, through the one deserializer the binary has
        // for JSON Resume; a problem is then named without its place.
        let resolved = tree.to_string();
        let mut de = serde_json::Deserializer::from_str(&resolved);
        serde_ignored::deserialize(&mut de, |p| ignored.push(path_of(&p)))
            .map_err(|e| Diagnostic::new(e.to_string()).in_file(file))?
    };
    let mut importer = Importer { text, file, spans: &spans, warnings: Vec::new() };
    let mut resume = importer.resume(doc)?;
    if let Some(lang) = lang {
        resume.meta.language = Some(lang.to_string());
    }
    let mut warnings: Vec<Diagnostic> = ignored
        .into_iter()
        .filter(|p| !p.is_empty() && *p != "private" && !p.ends_with(".private"))
        .map(|p| {
            let hint = hint_for_unmapped(&p);
            Diagnostic::warning(format!(
                "`{p}` has no place in vita's résumé model; it is left out"
            ))
            .in_file(file)
            .at_span(text, spans.key_or_value(&p))
            .with_hint(hint)
        })
        .collect();
    warnings.append(&mut importer.warnings);
    warnings.append(&mut fallbacks);
    let resume = crate::model::load::checked(resume, text, file)?;
    Ok(Imported { resume, warnings, limited })
}

/// Whether `key` is a key anywhere in `tree`.
fn has_key(tree: &serde_json::Value, key: &str) -> bool {
    match tree {
        serde_json::Value::Object(map) => {
            map.contains_key(key) || map.values().any(|v| has_key(v, key))
        }
        serde_json::Value::Array(items) => items.iter().any(|v| has_key(v, key)),
        _ => false,
    }
}

/// The résumé as a JSON Resume document, as a tree.
pub fn to_value(resume: &Resume) -> serde_json::Value {
    serde_json::to_value(convert::export(resume)).expect("a résumé serialises")
}

/// The résumé as a JSON Resume document: pretty-printed, with a final newline.
pub fn to_json(resume: &Resume) -> String {
    let mut text =
        serde_json::to_string_pretty(&convert::export(resume)).expect("a résumé serialises");
    text.push('\n');
    text
}

/// `work[0].description` for serde_ignored's path.
fn path_of(p: &serde_ignored::Path) -> String {
    use serde_ignored::Path as P;
    match p {
        P::Root => String::new(),
        P::Seq { parent, index } => format!("{}[{index}]", path_of(parent)),
        P::Map { parent, key } => child(&path_of(parent), key),
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            path_of(parent)
        }
    }
}

fn hint_for_unmapped(path: &str) -> String {
    let generic: String = path.chars().filter(|c| !c.is_ascii_digit()).collect();
    match generic.as_str() {
        "work[].description" => {
            "vita's work entries have no company description; move it into `summary` to show it"
                .into()
        }
        "meta.canonical" | "meta.version" => "vita does not use this metadata".into(),
        _ => "`vita schema` lists every field vita models".into(),
    }
}

/// A serde_json error as a diagnostic at its line and column; a problem
/// with a value points at the whole value and names its path.
fn json_error(e: &serde_json::Error, text: &str, file: &Path, spans: &Spans) -> Diagnostic {
    let full = e.to_string();
    let message = full.rfind(" at line ").map_or(full.as_str(), |i| &full[..i]).to_string();
    // serde_json's column is 1-based, but a value's problem is reported just
    // past the value: there it is the offset where the value ends.
    let offset = offset_of(text, e.line(), e.column());
    let diag = Diagnostic::new(message.clone()).in_file(file);
    if !e.is_data() {
        let offset = offset.saturating_sub(1);
        let hint = if e.is_eof() {
            "the file ends early: a closing } or ] or a quote may be missing"
        } else {
            "check the JSON syntax here: a missing comma or quote is the usual cause"
        };
        return diag.at_span(text, offset..offset).with_hint(hint);
    }
    let (message, span) = match spans.ending_at(offset) {
        Some((path, place)) if !path.is_empty() => {
            (format!("{message} (at `{path}`)"), place.value.clone())
        }
        _ => (message, offset..offset),
    };
    let diag = Diagnostic { message, ..diag }.at_span(text, span);
    if let Some(field) = message_field(&full, "missing field `") {
        diag.with_hint(format!("add \"{field}\": \"…\" to this object"))
    } else if full.starts_with("invalid type") {
        diag.with_hint("check the value's type: text needs quotes, lists need [ ]")
    } else {
        diag
    }
}

fn message_field<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.split('`').next()
}

/// The byte offset of serde_json's 1-based line and byte column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column).min(text.len())
}
