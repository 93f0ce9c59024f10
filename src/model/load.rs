//! Reading a résumé file: bytes → UTF-8 → TOML → [`Resume`], then the checks
//! serde cannot express (a date range that ends before it starts). Every
//! failure is a [`Diagnostic`] naming the file, line and column.

use super::overlay::{Layer, Layers};
use super::{Date, DateField, Resume, translations};
use crate::diag::{self, Diagnostic};
use crate::limits::Limits;
use std::cmp::Ordering;
use std::path::Path;

/// Reads and validates the résumé at `path` under the default [`Limits`]:
/// TOML, or JSON Resume when the name ends in `.json`.
pub fn load(path: &Path) -> Result<Resume, Diagnostic> {
    load_with(path, &Limits::default(), None).map(|(resume, _)| resume)
}

/// [`load`], with the warnings of a JSON Resume import (fields vita does not
/// model), and of characters left out of the text ([`super::clean`]).
pub fn load_with_warnings(path: &Path) -> Result<(Resume, Vec<Diagnostic>), Diagnostic> {
    load_with(path, &Limits::default(), None)
}

/// [`load_with_warnings`] under `limits`, in the language `lang` (a BCP 47
/// tag; `None` is the file's own `meta.language`): a multilingual file is
/// resolved to it, and `meta.language` becomes it. A file larger than
/// `limits.input_bytes` is refused before more of it than that is read (so
/// a device or a growing file cannot make it read forever).
pub fn load_with(
    path: &Path,
    limits: &Limits,
    lang: Option<&str>,
) -> Result<(Resume, Vec<Diagnostic>), Diagnostic> {
    load_public(path, limits, lang, false)
}

/// [`load_with`], and when `public`, without the fields and entries the
/// résumé marks `private` (`model::private`).
pub fn load_public(
    path: &Path,
    limits: &Limits,
    lang: Option<&str>,
    public: bool,
) -> Result<(Resume, Vec<Diagnostic>), Diagnostic> {
    load_layered(path, &[], limits, lang, public)
}

/// [`load_public`], with `overlays` merged over the résumé first
/// ([`super::overlay`]); they apply to a TOML résumé only.
pub fn load_layered(
    path: &Path,
    overlays: &[Layer],
    limits: &Limits,
    lang: Option<&str>,
    public: bool,
) -> Result<(Resume, Vec<Diagnostic>), Diagnostic> {
    let bytes = read_file(path, limits)?;
    let how = Reading { public, overlays, ..Reading::default() };
    read(&bytes, path, limits, lang, how).map(|l| (l.resume, l.warnings))
}

/// How a résumé is read, beyond its language.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Reading<'a> {
    /// Keep the entries limited to other languages (and list them), so
    /// that every language's résumé has the same shape.
    pub keep: bool,
    /// Leave out what the résumé marks `private`.
    pub public: bool,
    /// Files merged over the résumé first.
    pub overlays: &'a [Layer],
}

/// The bytes of the résumé at `path`, read under `limits`.
pub(crate) fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, Diagnostic> {
    use crate::input::{ReadError, read_regular};
    read_regular(path, limits.input_bytes).map_err(|e| match e {
        ReadError::TooLarge(_) => too_large(path, limits),
        ReadError::NotAFile("a folder") => {
            Diagnostic::new("expected a résumé file, found a folder").in_file(path)
        }
        ReadError::NotAFile(_) => Diagnostic::new(format!("cannot read résumé: {e}"))
            .in_file(path)
            .with_hint("vita reads a résumé from a regular file only; save it to one"),
        ReadError::Io(_) => Diagnostic::new(format!("cannot read résumé: {e}"))
            .in_file(path)
            .with_hint("check the path; `vita render` alone reads data/resume.toml"),
    })
}

fn too_large(path: &Path, limits: &Limits) -> Diagnostic {
    Diagnostic::new(format!(
        "the file is larger than {} bytes, the most vita reads",
        limits.input_bytes
    ))
    .in_file(path)
    .with_hint("a résumé is a few kilobytes; --max-input-size raises the limit")
}

/// Validates a résumé given as bytes: size, UTF-8, nesting, TOML (or JSON
/// Resume, by `path`'s extension), the language (as [`load_with`]), then
/// the checks serde cannot make; `path` is otherwise only used in
/// messages. Returns the import warnings too, as [`load_with_warnings`]
/// does.
pub fn parse_bytes(
    bytes: &[u8],
    path: &Path,
    limits: &Limits,
    lang: Option<&str>,
) -> Result<(Resume, Vec<Diagnostic>), Diagnostic> {
    read(bytes, path, limits, lang, Reading::default()).map(|l| (l.resume, l.warnings))
}

/// A résumé read in one language.
pub(crate) struct Loaded {
    pub resume: Resume,
    pub warnings: Vec<Diagnostic>,
    /// With `keep`, the entries limited to some languages, by path.
    pub limited: Vec<(String, Vec<String>)>,
}

/// [`parse_bytes`], read as `how` says.
pub(crate) fn read(
    bytes: &[u8],
    path: &Path,
    limits: &Limits,
    lang: Option<&str>,
    how: Reading<'_>,
) -> Result<Loaded, Diagnostic> {
    if bytes.len() as u64 > limits.input_bytes {
        return Err(too_large(path, limits));
    }
    let text = utf8(bytes, path)?;
    let Loaded { mut resume, mut warnings, limited } = if super::json_resume::is_json(path) {
        if let Some(overlay) = how.overlays.first() {
            return Err(Diagnostic::new("overlays apply to a TOML résumé, and this one is JSON")
                .in_file(&overlay.path)
                .with_hint("convert the résumé once with `vita import`, then overlay the TOML"));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let imported =
            super::json_resume::read(text, path, limits.depth, lang, (how.keep, how.public))?;
        Loaded { resume: imported.resume, warnings: imported.warnings, limited: imported.limited }
    } else {
        parse_limited(text, path, limits, lang, how)?
    };
    let removed = super::clean::clean(&mut resume);
    if !removed.is_empty() {
        let names: Vec<String> = removed.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
        warnings.push(
            Diagnostic::warning(format!(
                "the text holds control characters or line separators ({}); \
                 they are left out, and a separator becomes a line break",
                names.join(", ")
            ))
            .in_file(path)
            .with_hint("they come from escapes such as \\u0007, or from pasted text"),
        );
    }
    Ok(Loaded { resume, warnings, limited })
}

/// `bytes` as text, or an error at the first byte that is not UTF-8.
pub(super) fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, Diagnostic> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("prefix is valid");
        let at = e.valid_up_to();
        Diagnostic::new("the file is not valid UTF-8")
            .in_file(path)
            .at_span(valid, at..at)
            .with_hint("save the file as UTF-8")
    })
}

/// Parses résumé text under the default limits; `path` is only used in
/// messages.
pub fn parse(text: &str, path: &Path) -> Result<Resume, Diagnostic> {
    parse_limited(text, path, &Limits::default(), None, Reading::default()).map(|l| l.resume)
}

fn parse_limited(
    text: &str,
    path: &Path,
    limits: &Limits,
    lang: Option<&str>,
    how: Reading<'_>,
) -> Result<Loaded, Diagnostic> {
    // A byte-order mark is legal in UTF-8 files but not in TOML.
    // Positions are counted in the text after it, as an editor shows them.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let overlays = how.overlays.iter().map(|l| (l.path.as_path(), l.text.as_str()));
    for (file, text) in std::iter::once((path, text)).chain(overlays) {
        if let Some((depth, at)) = crate::limits::nesting(text, limits.depth) {
            return Err(Diagnostic::new(format!(
                "the file nests {depth} levels deep here; vita reads at most {}",
                limits.depth
            ))
            .in_file(file)
            .at_span(text, at..at + 1)
            .with_hint(
                "a résumé nests three levels: highlights = [{ items = [\"…\"] }]; \
                 --max-depth raises the limit",
            ));
        }
    }
    // The overlays are read as if they followed the résumé, and what is
    // found in their part is then reported at their own lines.
    let layers = Layers::new(text, how.overlays);
    let remap = |d: Diagnostic| layers.remap(d);
    let mut loaded = parse_layers(&layers, text.len(), path, lang, how).map_err(remap)?;
    loaded.warnings = loaded.warnings.into_iter().map(remap).collect();
    Ok(loaded)
}

/// [`parse_limited`]'s work on the résumé's text and its overlays',
/// `base` bytes of the résumé first; places are in `layers.text`.
fn parse_layers(
    layers: &Layers<'_>,
    base: usize,
    path: &Path,
    lang: Option<&str>,
    how: Reading<'_>,
) -> Result<Loaded, Diagnostic> {
    use serde::Deserialize;
    use toml::de::{DeTable, DeValue};
    let text = &*layers.text;
    let toml_error = |e: toml::de::Error| diag::from_toml_error(&e, text, path);
    let table = DeTable::parse(&text[..base]).map_err(toml_error)?;
    let span = table.span();
    let mut root = toml::Spanned::new(span.clone(), DeValue::Table(table.into_inner()));
    layers.merge(&mut root)?;
    let default = meta_language(&root).unwrap_or_else(|| "en".into());
    let want = lang.unwrap_or(&default);
    let resolved = translations::resolve(&mut root, want, &default, how.keep);
    super::private::resolve(&mut root, how.public);
    super::overlay::strip_ids(&mut root);
    let warnings = resolved
        .fallbacks
        .into_iter()
        .map(|f| {
            let at = f.span.unwrap_or(0..0);
            fallback_warning(&f.path, &f.used, want).in_file(path).at_span(text, at)
        })
        .collect();
    let DeValue::Table(table) = root.into_inner() else { unreachable!("the root is a table") };
    let de = toml::de::Deserializer::from(toml::Spanned::new(span, table));
    let mut resume = Resume::deserialize(de).map_err(toml_error)?;
    if lang.is_some() {
        resume.meta.language = Some(want.to_string());
    }
    let resume = checked(resume, text, path)?;
    Ok(Loaded { resume, warnings, limited: resolved.limited })
}

/// Every language a résumé's text mentions (its translations and `lang`
/// lists) and its `meta.language`; empty for text that does not parse.
pub(crate) fn languages(text: &str, path: &Path) -> std::collections::BTreeSet<String> {
    let mut found = if super::json_resume::is_json(path) {
        let tree: Option<serde_json::Value> = serde_json::from_str(text).ok();
        let default =
            tree.as_ref().and_then(|t| t["meta"]["language"].as_str().map(str::to_string));
        tree.map(|t| translations::languages(&t))
            .unwrap_or_default()
            .into_iter()
            .chain(default)
            .collect()
    } else {
        let Ok(table) = toml::de::DeTable::parse(text) else { return Default::default() };
        let span = table.span();
        let root = toml::Spanned::new(span, toml::de::DeValue::Table(table.into_inner()));
        let default = meta_language(&root);
        let mut found = translations::languages(&root);
        found.extend(default);
        found
    };
    if found.len() == 1 {
        found.clear();
    }
    found
}

/// A TOML résumé's `meta.language`, read from its tree.
fn meta_language(root: &toml::Spanned<toml::de::DeValue>) -> Option<String> {
    let language = root.get_ref().get("meta")?.get_ref().get("language")?;
    language.get_ref().as_str().map(str::to_string)
}

/// The warning for a text with no translation into `want`.
pub(crate) fn fallback_warning(field: &str, used: &str, want: &str) -> Diagnostic {
    Diagnostic::warning(format!("`{field}` has no `{want}` text; the `{used}` text is used"))
        .with_hint(format!("add {want} = \"…\" to it, or limit its entry with lang = [\"{used}\"]"))
}

/// The résumé after the checks serde cannot make; spans index `text`.
pub(crate) fn checked(resume: Resume, text: &str, path: &Path) -> Result<Resume, Diagnostic> {
    check(&resume, text).map_err(|(msg, span, hint)| {
        Diagnostic::new(msg).in_file(path).at_span(text, span).with_hint(hint)
    })?;
    super::strings::check(&resume).map_err(|o| {
        let at = text.find(&o.needle).unwrap_or(0);
        Diagnostic::new(o.message).in_file(path).at_span(text, at..at).with_hint(o.hint)
    })?;
    Ok(resume)
}

type Problem = (String, std::ops::Range<usize>, String);

/// Checks what the types cannot: start dates are not `present`, ranges do
/// not end before they start, and the name is not blank.
fn check(r: &Resume, text: &str) -> Result<(), Problem> {
    // Blank: nothing a reader would see (spaces, zero-width and control
    // characters, bidi marks).
    let visible = |c: char| !(c.is_whitespace() || c.is_control() || invisible(c));
    if !r.basics.name.chars().any(visible) {
        return Err((
            "basics.name is empty".into(),
            0..0,
            "a résumé needs the name it belongs to".into(),
        ));
    }
    if r.meta.last_modified == Some(Date::Present) {
        return Err((
            "meta.last_modified cannot be `present`".into(),
            text.find("last_modified").map_or(0..0, |at| at..at + "last_modified".len()),
            "give the date you last brought the résumé up to date, e.g. \"2026-03\"".into(),
        ));
    }
    if let Some(tag) = &r.meta.language
        && crate::locale::resolve(tag).is_none()
    {
        let unknown = crate::locale::unknown(tag);
        return Err((
            unknown.message,
            value_span(text, "language", tag),
            unknown.hint.unwrap_or_default(),
        ));
    }
    let labels = crate::locale::Labels::KEYS;
    let sections: Vec<&str> = crate::theme::SectionKind::ALL.iter().map(|k| k.key()).collect();
    let named = [
        ("meta.labels", "label", "labels", r.meta.labels.keys().collect::<Vec<_>>(), labels),
        (
            "meta.section_languages",
            "section",
            "sections",
            r.meta.section_languages.keys().collect(),
            &sections[..],
        ),
        (
            "meta.section_tags",
            "section",
            "sections",
            r.meta.section_tags.keys().collect(),
            &sections[..],
        ),
    ];
    for (table, one, many, keys, names) in named {
        if let Some(key) = keys.into_iter().find(|k| !names.contains(&k.as_str())) {
            let hint = crate::diag::unknown_name_hint(key, names, many);
            return Err((
                format!("{table} has no {one} `{key}`"),
                value_span(text, key, key),
                hint,
            ));
        }
    }
    let ranges = r
        .work
        .iter()
        .map(|w| (&w.start_date, &w.end_date))
        .chain(r.volunteer.iter().map(|v| (&v.start_date, &v.end_date)))
        .chain(r.education.iter().map(|e| (&e.start_date, &e.end_date)))
        .chain(r.projects.iter().map(|p| (&p.start_date, &p.end_date)))
        .chain(
            r.custom.iter().flat_map(|c| c.entries.iter().map(|e| (&e.start_date, &e.end_date))),
        );
    for (start, end) in ranges {
        check_range(start, end)?;
    }
    Ok(())
}

/// The place of `value` written after `key` (TOML `key = "value"` or JSON
/// `"key": "value"`), or of the key alone.
fn value_span(text: &str, key: &str, value: &str) -> std::ops::Range<usize> {
    let find = crate::theme::find_key_or_member;
    let Some(at) = find(text, key).or_else(|| find(text, &format!("\"{key}\""))) else {
        return 0..0;
    };
    match text[at..].find(value) {
        Some(v) => at + v..at + v + value.len(),
        None => at..at + key.len(),
    }
}

/// Zero-width, joiner and bidi formatting characters: they print nothing.
fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}')
}

fn check_range(start: &DateField, end: &DateField) -> Result<(), Problem> {
    if let Some(s) = start.as_ref().filter(|s| *s.get_ref() == Date::Present) {
        return Err((
            "a start date cannot be `present`".into(),
            s.span(),
            "use `present` as the end date of an ongoing role".into(),
        ));
    }
    match (start, end) {
        (Some(s), Some(e)) if e.get_ref().compare(s.get_ref()) == Ordering::Less => Err((
            format!("the end date {} is before the start date {}", e.get_ref(), s.get_ref()),
            e.span(),
            "swap the dates, or fix the year".into(),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> Diagnostic {
        parse(src, Path::new("t.toml")).unwrap_err()
    }

    #[test]
    fn reports_unknown_key_with_hint_and_place() {
        let d = err("[basics]\nname = \"A\"\nemial = \"a@b.c\"\n");
        assert!(d.message.contains("unknown field `emial`"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, 3);
        assert_eq!(d.hint.as_deref(), Some("did you mean `email`?"));
    }

    #[test]
    fn reports_end_before_start_at_the_end_date() {
        let d = err(
            "[basics]\nname = \"A\"\n[[work]]\nstart_date = \"2021-05\"\nend_date = \"2020\"\n",
        );
        assert!(d.message.contains("before the start"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, 5);
    }

    #[test]
    fn reports_bad_month() {
        let d = err("[basics]\nname = \"A\"\n[[work]]\nstart_date = \"2021-13\"\n");
        assert!(d.message.contains("month 13"), "{d}");
        assert_eq!(d.location.as_ref().unwrap().line, 4);
    }

    #[test]
    fn accepts_nested_highlights_and_bom() {
        let r = parse(
            "\u{feff}[basics]\nname = \"A\"\n[[work]]\nhighlights = [\"x\", { text = \"y\", items = [\"z\"] }]\n",
            Path::new("t.toml"),
        )
        .unwrap();
        assert_eq!(r.work[0].highlights.len(), 2);
    }

    #[test]
    fn group_typo_is_reported_by_name() {
        let d =
            err("[basics]\nname = \"A\"\n[[work]]\nhighlights = [{ text = \"y\", itmes = [] }]\n");
        assert!(d.message.contains("itmes"), "{d}");
        assert_eq!(d.hint.as_deref(), Some("did you mean `items`?"));
    }
}
