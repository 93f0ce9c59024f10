//! Reading a résumé file: bytes → UTF-8 → TOML → [`Resume`], then the checks
//! serde cannot express (a date range that ends before it starts). Every
//! failure is a [`Diagnostic`] naming the file, line and column.

use super::{Date, DateField, Resume};
use crate::diag::{self, Diagnostic};
use crate::limits::Limits;
use std::cmp::Ordering;
use std::path::Path;

/// Reads and validates the résumé at `path` under the default [`Limits`]:
/// TOML, or JSON Resume when the name ends in `.json`.
pub fn load(path: &Path) -> Result<Resume, Diagnostic> {
    load_with(path, &Limits::default()).map(|(resume, _)| resume)
}

/// [`load`], with the warnings of a JSON Resume import (fields vita does not
/// model), and of characters left out of the text ([`super::clean`]).
pub fn load_with_warnings(path: &Path) -> Result<(Resume, Vec<Diagnostic>), Diagnostic> {
    load_with(path, &Limits::default())
}

/// [`load_with_warnings`] under `limits`. A file larger than
/// `limits.input_bytes` is refused before more of it than that is read (so
/// a device or a growing file cannot make it read forever).
pub fn load_with(path: &Path, limits: &Limits) -> Result<(Resume, Vec<Diagnostic>), Diagnostic> {
    use crate::input::{ReadError, read_regular};
    let bytes = read_regular(path, limits.input_bytes).map_err(|e| match e {
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
    })?;
    parse_bytes(&bytes, path, limits)
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
/// Resume, by `path`'s extension), then the checks serde cannot make;
/// `path` is otherwise only used in messages. Returns the import warnings
/// too, as [`load_with_warnings`] does.
pub fn parse_bytes(
    bytes: &[u8],
    path: &Path,
    limits: &Limits,
) -> Result<(Resume, Vec<Diagnostic>), Diagnostic> {
    if bytes.len() as u64 > limits.input_bytes {
        return Err(too_large(path, limits));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("prefix is valid");
            let at = e.valid_up_to();
            return Err(Diagnostic::new("the file is not valid UTF-8")
                .in_file(path)
                .at_span(valid, at..at)
                .with_hint("save the file as UTF-8"));
        }
    };
    let (mut resume, mut warnings) = if super::json_resume::is_json(path) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let imported = super::json_resume::parse_limited(text, path, limits.depth)?;
        (imported.resume, imported.warnings)
    } else {
        (parse_limited(text, path, limits)?, Vec::new())
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
    Ok((resume, warnings))
}

/// Parses résumé text under the default limits; `path` is only used in
/// messages.
pub fn parse(text: &str, path: &Path) -> Result<Resume, Diagnostic> {
    parse_limited(text, path, &Limits::default())
}

fn parse_limited(text: &str, path: &Path, limits: &Limits) -> Result<Resume, Diagnostic> {
    // A byte-order mark is legal in UTF-8 files but not in TOML.
    // Positions are counted in the text after it, as an editor shows them.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((depth, at)) = crate::limits::nesting(text, limits.depth) {
        return Err(Diagnostic::new(format!(
            "the file nests {depth} levels deep here; vita reads at most {}",
            limits.depth
        ))
        .in_file(path)
        .at_span(text, at..at + 1)
        .with_hint(
            "a résumé nests three levels: highlights = [{ items = [\"…\"] }]; \
             --max-depth raises the limit",
        ));
    }
    let resume: Resume = toml::from_str(text).map_err(|e| diag::from_toml_error(&e, text, path))?;
    checked(resume, text, path)
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
