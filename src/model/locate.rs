//! Where a field of the model is in the résumé's text: `work[0].summary`
//! found through toml's spanned document, or through the JSON Resume index
//! (camelCase keys), so that a warning about a field can point at its line.

use super::json_resume::Spans;
use super::lint::Seg;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

/// One step of a path into the résumé.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<'a> {
    /// A key in a table (`work`).
    Key(&'a str),
    /// A position in a list, from 0.
    Index(usize),
}

impl<'a> From<&'a Seg> for Step<'a> {
    fn from(seg: &'a Seg) -> Self {
        match seg {
            Seg::Key(k) => Step::Key(k),
            Seg::Name(k) => Step::Key(k),
            Seg::Index(i) => Step::Index(*i),
        }
    }
}

/// The steps of a path written `work[0].highlights[2]`; `None` when a part
/// is not a key or an index (`custom[Talks]`).
pub fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            out.push(Step::Index(index.strip_suffix(']')?.parse().ok()?));
        }
    }
    Some(out)
}

/// Finds the place of a model path in the source: TOML through toml's
/// spanned document, JSON through the JSON Resume index (camelCase keys).
pub enum Locator<'a> {
    /// A TOML résumé, parsed with the place of every key and value (`None`
    /// when it does not parse).
    Toml(Option<toml::Spanned<DeTable<'a>>>),
    /// A JSON Resume, indexed by path.
    Json(Spans),
}

impl<'a> Locator<'a> {
    /// A locator for a résumé's `text`, JSON Resume when `json`.
    pub fn new(text: &'a str, json: bool) -> Self {
        match json {
            true => Locator::Json(Spans::index(text)),
            false => Locator::Toml(DeTable::parse(text).ok()),
        }
    }

    /// The span of the field written `path` (`work[0].summary`), or of
    /// the deepest part of it that the source has.
    pub fn span_of(&self, path: &str) -> Option<Range<usize>> {
        self.span(&steps(path)?)
    }

    /// The span of the deepest part of `path` that the source has.
    pub fn span(&self, path: &[Step]) -> Option<Range<usize>> {
        match self {
            Locator::Toml(doc) => toml_span(doc.as_ref()?.get_ref(), path),
            Locator::Json(spans) => (1..=path.len()).rev().find_map(|n| {
                let place = spans.get(&json_path(&path[..n]))?;
                Some(place.key.clone().unwrap_or_else(|| place.value.clone()))
            }),
        }
    }
}

/// The dotted path of the TOML value at byte `at` of `text`
/// (`fonts.body.size`, `columns[1].width`): the deepest key or list item
/// whose value spans it. `None` when the text does not parse or nothing
/// there holds `at`.
pub fn toml_path_at(text: &str, at: usize) -> Option<String> {
    let doc = DeTable::parse(text).ok()?;
    let mut path = String::new();
    path_in_table(doc.get_ref(), at, &mut path).then_some(path)
}

/// Whether `at` lies in a value of `table` (searched whole: a table a
/// header opens spans only its header); the path to it is added to `path`.
fn path_in_table(table: &DeTable, at: usize, path: &mut String) -> bool {
    let len = path.len();
    for (key, value) in table {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key.get_ref());
        if path_in_value(value, at, path) {
            return true;
        }
        path.truncate(len);
    }
    false
}

fn path_in_value(value: &toml::Spanned<DeValue>, at: usize, path: &mut String) -> bool {
    match value.get_ref() {
        DeValue::Table(t) => path_in_table(t, at, path),
        DeValue::Array(items) => items.iter().enumerate().any(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = path_in_value(item, at, path);
            if !found {
                path.truncate(len);
            }
            found
        }),
        _ => value.span().contains(&at),
    }
}

fn toml_span(root: &DeTable, path: &[Step]) -> Option<Range<usize>> {
    let mut table = Some(root);
    let mut array: Option<&[toml::Spanned<DeValue>]> = None;
    let mut best = None;
    for seg in path {
        let value = match seg {
            Step::Key(k) => {
                let (key, value) = table.and_then(|t| t.get_key_value(*k))?;
                best = Some(key.span());
                value
            }
            Step::Index(i) => {
                let value = array.and_then(|a| a.get(*i))?;
                best = Some(value.span());
                value
            }
        };
        (table, array) = match value.get_ref() {
            DeValue::Table(t) => (Some(t), None),
            DeValue::Array(a) => (None, Some(&a[..])),
            _ => (None, None),
        };
        if table.is_none() && array.is_none() {
            break;
        }
    }
    best.or(Some(0..0)).filter(|s| *s != (0..0))
}

/// `work[0].start_date` → `work[0].startDate`.
fn json_path(path: &[Step]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                let mut upper = false;
                for c in k.chars() {
                    match (c, upper) {
                        ('_', _) => upper = true,
                        (c, true) => {
                            out.push(c.to_ascii_uppercase());
                            upper = false;
                        }
                        (c, false) => out.push(c),
                    }
                }
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}
