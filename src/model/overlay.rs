//! Per-application overlays (`vita render resume.toml --overlay acme.toml`):
//! small TOML files merged over the résumé before it is read, so that one
//! application changes three bullets without a copy of the file.
//!
//! The rules, applied from the top of the overlay down:
//! - a table changes the résumé's table key by key (`[basics] label = "…"`);
//! - in the résumé's lists of entries (the sections, `basics.profiles` and
//!   a custom section's `entries`), an entry with an `id` changes the entry
//!   with that id key by key (`[[work]] id = "acme"`), and one without is
//!   added at the end;
//! - any other value replaces the résumé's, a list of bullets or keywords
//!   included, unless it is written `{ append = [...] }` (added at the
//!   end); `{ replace = [...] }` replaces any list, entries too.
//!
//! Entries carry `id` for this alone: it is taken out of every table in a
//! list before the résumé is read. The overlays are parsed as if they
//! followed the résumé in one text, so every place keeps its span; a
//! problem found in an overlay's part is then reported at the overlay's own
//! file, line and column ([`Layers::remap`]).

use crate::diag::Diagnostic;
use crate::limits::Limits;
use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// The key that names an entry for overlays.
pub(crate) const ID_KEY: &str = "id";

/// An overlay file, read.
#[derive(Debug, Clone)]
pub struct Layer {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its text, without a byte-order mark.
    pub text: String,
}

impl Layer {
    /// Reads the overlay at `path` under `limits`.
    pub fn read(path: &Path, limits: &Limits) -> Result<Layer, Diagnostic> {
        use crate::input::{ReadError, read_regular};
        let bytes = read_regular(path, limits.input_bytes).map_err(|e| {
            let d = Diagnostic::new(format!("cannot read the overlay: {e}")).in_file(path);
            match e {
                ReadError::TooLarge(_) => d.with_hint("--max-input-size raises the limit"),
                _ => d.with_hint("check the path (an application's are relative to it)"),
            }
        })?;
        let text = super::load::utf8(&bytes, path)?;
        Ok(Layer { path: path.to_path_buf(), text: text.trim_start_matches('\u{feff}').into() })
    }
}

/// The résumé's text and its overlays' as one text, with where each begins.
pub(crate) struct Layers<'a> {
    /// The résumé's text, then each overlay's, each ending in a newline;
    /// without overlays, the résumé's text as it is, not copied.
    pub text: Cow<'a, str>,
    /// For each overlay: its file, its first byte and its first line
    /// (0-based) in `text`.
    starts: Vec<(PathBuf, usize, usize)>,
}

impl<'a> Layers<'a> {
    /// `base` followed by `overlays`.
    pub(crate) fn new(base: &'a str, overlays: &[Layer]) -> Layers<'a> {
        if overlays.is_empty() {
            return Layers { text: Cow::Borrowed(base), starts: Vec::new() };
        }
        let mut text = base.to_string();
        let mut starts = Vec::new();
        for layer in overlays {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            starts.push((layer.path.clone(), text.len(), text.matches('\n').count()));
            text.push_str(&layer.text);
        }
        Layers { text: Cow::Owned(text), starts }
    }

    /// Each overlay's part of the text: its file and its byte range.
    fn parts(&self) -> impl Iterator<Item = (&Path, Range<usize>)> {
        let ends = self.starts.iter().skip(1).map(|s| s.1).chain([self.text.len()]);
        self.starts.iter().zip(ends).map(|((path, start, _), end)| (path.as_path(), *start..end))
    }

    /// A diagnostic placed in the combined text, placed in its own file:
    /// one that falls in an overlay's lines names the overlay and its line.
    pub(crate) fn remap(&self, mut d: Diagnostic) -> Diagnostic {
        let Some(loc) = d.location.as_mut() else { return d };
        if let Some((path, _, first)) = self.starts.iter().rev().find(|s| loc.line > s.2) {
            loc.line -= first;
            d.file = Some(path.clone());
        }
        d
    }

    /// Merges every overlay into `root`, the résumé's tree.
    pub(crate) fn merge<'t>(&'t self, root: &mut Spanned<DeValue<'t>>) -> Result<(), Diagnostic> {
        for (path, range) in self.parts() {
            let part = &self.text[range.clone()];
            let table =
                DeTable::parse(part).map_err(|e| crate::diag::from_toml_error(&e, part, path))?;
            let over =
                shift(Spanned::new(table.span(), DeValue::Table(table.into_inner())), range.start);
            merge(root, over, "").map_err(|(message, span, hint)| {
                self.remap(Diagnostic::new(message).in_file(path).at_span(&self.text, span))
                    .with_hint(hint)
            })?;
        }
        Ok(())
    }
}

/// A merge problem: what, where (in the combined text) and what to do.
type Problem = (String, Range<usize>, String);

/// `value` with every span moved `by` bytes on, as if its text began there.
fn shift<'i>(value: Spanned<DeValue<'i>>, by: usize) -> Spanned<DeValue<'i>> {
    let span = value.span();
    let moved = match value.into_inner() {
        DeValue::Array(items) => {
            let mut out = DeArray::new();
            items.iter().cloned().for_each(|i| out.push(shift(i, by)));
            DeValue::Array(out)
        }
        DeValue::Table(table) => {
            let mut out = DeTable::new();
            for (key, item) in table {
                let key_span = key.span();
                out.insert(
                    Spanned::new(key_span.start + by..key_span.end + by, key.into_inner()),
                    shift(item, by),
                );
            }
            DeValue::Table(out)
        }
        other => other,
    };
    Spanned::new(span.start + by..span.end + by, moved)
}

/// Merges the table `over` into the table `base` key by key; `path`
/// names the place in messages (`work`, `basics.label`).
fn merge<'i>(
    base: &mut Spanned<DeValue<'i>>,
    over: Spanned<DeValue<'i>>,
    path: &str,
) -> Result<(), Problem> {
    let DeValue::Table(over) = over.into_inner() else { unreachable!("merged are tables") };
    for (key, value) in over {
        let name = key.get_ref().to_string();
        let here = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
        let DeValue::Table(table) = base.get_mut() else { unreachable!("merged are tables") };
        if let Some(existing) = table.get_mut(name.as_str()) {
            change(existing, value, &here)?;
            continue;
        }
        // A key the résumé lacks: the overlay's value, as a new list when
        // it appends, and only after its ids were checked (none can match).
        let mut new = Spanned::new(value.span(), DeValue::Array(DeArray::new()));
        change(&mut new, value, &here)?;
        table.insert(key, new);
    }
    Ok(())
}

/// Changes `base`, the résumé's value at `path`, by `over`.
fn change<'i>(
    base: &mut Spanned<DeValue<'i>>,
    over: Spanned<DeValue<'i>>,
    path: &str,
) -> Result<(), Problem> {
    if let Some((append, items)) = list_operation(&over)? {
        match (base.get_mut(), append) {
            (DeValue::Array(list), true) => {
                let DeValue::Array(more) = items.into_inner() else { unreachable!("a list") };
                more.iter().cloned().for_each(|i| list.push(i));
            }
            _ => *base = items,
        }
        return Ok(());
    }
    match over.get_ref() {
        DeValue::Table(_) if base.get_ref().as_table().is_some() => merge(base, over, path),
        DeValue::Array(_) if entry_list(path) => by_ids(base, over, path),
        _ => {
            *base = over;
            Ok(())
        }
    }
}

/// A list operation: whether it appends, and the items.
type Operation<'i> = Option<(bool, Spanned<DeValue<'i>>)>;

/// `{ append = [...] }` or `{ replace = [...] }` as an [`Operation`]; an
/// error when either is given something else than a list.
fn list_operation<'i>(value: &Spanned<DeValue<'i>>) -> Result<Operation<'i>, Problem> {
    let Some(table) = value.get_ref().as_table().filter(|t| t.len() == 1) else {
        return Ok(None);
    };
    let Some((key, items)) = table.iter().next() else { return Ok(None) };
    let append = match key.get_ref().as_ref() {
        "append" => true,
        "replace" => false,
        _ => return Ok(None),
    };
    match items.get_ref().as_array() {
        Some(_) => Ok(Some((append, items.clone()))),
        None => Err((
            format!("`{}` takes a list", key.get_ref()),
            items.span(),
            format!("write it {} = [\"…\"]", key.get_ref()),
        )),
    }
}

/// Whether the list at `path` is one of the résumé's lists of entries.
fn entry_list(path: &str) -> bool {
    use crate::theme::SectionKind;
    let section = SectionKind::ALL.iter().any(|k| *k != SectionKind::Summary && k.key() == path);
    section
        || path == "basics.profiles"
        || path.starts_with("custom[") && path.ends_with("].entries")
}

/// The entries of `over` changing those of `base` with the same `id`, or
/// added after them.
fn by_ids<'i>(
    base: &mut Spanned<DeValue<'i>>,
    over: Spanned<DeValue<'i>>,
    path: &str,
) -> Result<(), Problem> {
    let DeValue::Array(changes) = over.into_inner() else { unreachable!("a list") };
    for item in changes.iter().cloned() {
        let DeValue::Array(list) = base.get_mut() else {
            let why = format!("`{path}` in the résumé is not a list");
            return Err((
                why,
                item.span(),
                "write the overlay's value as the résumé has it".into(),
            ));
        };
        let Some((id, id_span)) = id_of(&item).map(|(id, span)| (id.to_string(), span)) else {
            list.push(item);
            continue;
        };
        let found = list.iter_mut().find(|e| id_of(e).is_some_and(|(other, _)| other == id));
        let Some(entry) = found else {
            let known: Vec<&str> = list.iter().filter_map(|e| id_of(e).map(|(i, _)| i)).collect();
            let hint = if known.is_empty() {
                format!(
                    "no entry of `{path}` has an id: add `id = \"{id}\"` to the one this \
                     changes, or leave `id` out to add a new entry"
                )
            } else {
                crate::diag::unknown_name_hint(&id, &known, "ids")
            };
            return Err((format!("no entry of `{path}` has the id `{id}`"), id_span, hint));
        };
        if entry.get_ref().as_table().is_some() && item.get_ref().as_table().is_some() {
            merge(entry, item, &format!("{path}[id={id}]"))?;
        }
    }
    Ok(())
}

/// The `id` of a table and where it is written.
fn id_of<'a>(value: &'a Spanned<DeValue<'_>>) -> Option<(&'a str, Range<usize>)> {
    let id = value.get_ref().as_table()?.get(ID_KEY)?;
    Some((id.get_ref().as_str()?, id.span()))
}

/// Takes `id` out of every table in a list, once the overlays are merged.
pub(crate) fn strip_ids<N: super::translations::Node>(node: &mut N) {
    for item in node.items_mut().unwrap_or_default() {
        item.remove_key(ID_KEY);
        strip_ids(item);
    }
    for (_, child) in node.entries_mut().unwrap_or_default() {
        strip_ids(child);
    }
}
