//! One résumé in every language it is written in, for the conversions that
//! must keep them all: `vita export` (JSON Resume, other languages in
//! extension fields) and `vita import` (TOML, tables from language to
//! text). Each language is read with the entries of the others kept, so
//! that all versions have the same shape and can be laid side by side.

use super::json_resume::{self, i18n};
use super::translations::{is_language_tag, same_language};
use super::{Resume, load};
use crate::diag::Diagnostic;
use crate::limits::Limits;
use serde_json::{Map, Value};
use std::path::Path;

/// A résumé in each of its languages, the default one first.
pub struct Versions {
    /// Each language's tag and résumé.
    pub each: Vec<(String, Resume)>,
    /// Entries limited to some languages, by path.
    pub limited: Vec<(String, Vec<String>)>,
    /// What reading the default language reported.
    pub warnings: Vec<Diagnostic>,
}

impl Versions {
    /// Reads the résumé at `path` once per language it mentions.
    pub fn read(path: &Path, limits: &Limits) -> Result<Versions, Diagnostic> {
        let bytes = load::read_file(path, limits)?;
        let first = load::read(
            &bytes,
            path,
            limits,
            None,
            load::Reading { keep: true, ..load::Reading::default() },
        )?;
        let default = first.resume.meta.language.clone().unwrap_or_else(|| "en".into());
        let text = String::from_utf8_lossy(&bytes);
        let mut each = vec![(default.clone(), first.resume)];
        for lang in load::languages(text.trim_start_matches('\u{feff}'), path) {
            if same_language(&lang, &default) {
                continue;
            }
            let mut resume = load::read(
                &bytes,
                path,
                limits,
                Some(&lang),
                load::Reading { keep: true, ..load::Reading::default() },
            )?
            .resume;
            // Facts about the document are the same in every language.
            resume.meta = each[0].1.meta.clone();
            each.push((lang, resume));
        }
        Ok(Versions { each, limited: first.limited, warnings: first.warnings })
    }

    /// The default language's résumé.
    pub fn default(&self) -> &Resume {
        &self.each[0].1
    }

    /// Whether there is more than one language.
    pub fn multilingual(&self) -> bool {
        self.each.len() > 1
    }

    /// All languages as one JSON Resume document (pretty, with a final
    /// newline): the default one in the standard fields.
    pub fn to_json_resume(&self) -> String {
        let value = |r: &Resume| json_resume::to_value(r);
        let mut doc = value(self.default());
        for (lang, resume) in &self.each[1..] {
            i18n::annotate(&mut doc, lang, &value(resume));
        }
        i18n::limit(&mut doc, &self.limited);
        let mut text = serde_json::to_string_pretty(&doc).expect("a résumé serialises");
        text.push('\n');
        text
    }

    /// All languages as one résumé tree in vita's own form: where the
    /// languages differ, a table from language to text.
    pub fn to_tree(&self) -> Value {
        let value = |r: &Resume| {
            let mut v = serde_json::to_value(r).expect("a résumé serialises");
            drop_nulls(&mut v);
            v
        };
        let (default, _) = &self.each[0];
        let mut tree = value(self.default());
        for (lang, resume) in &self.each[1..] {
            merge(&mut tree, default, lang, &value(resume));
        }
        for (path, langs) in &self.limited {
            let Some(node) = i18n::at_path(&mut tree, path) else { continue };
            let langs: Value = langs.iter().map(|l| Value::from(l.as_str())).collect();
            match node {
                Value::Object(o) if !translation_map(o) => {
                    o.insert("lang".into(), langs);
                }
                // A bullet: `{ text = …, lang = […] }`.
                _ => {
                    let text = std::mem::take(node);
                    *node = serde_json::json!({ "text": text, "lang": langs });
                }
            }
        }
        tree
    }
}

/// Lays `their` (the same résumé in `lang`) over `own`: where they differ,
/// `own` becomes a table from language to text.
fn merge(own: &mut Value, default: &str, lang: &str, their: &Value) {
    match (&mut *own, their) {
        (Value::Object(o), Value::Object(t)) if !translation_map(o) => {
            for (key, tv) in t {
                match o.get_mut(key) {
                    Some(ov) => merge(ov, default, lang, tv),
                    None => {
                        o.insert(key.clone(), table([(lang, tv.clone())]));
                    }
                }
            }
        }
        (Value::Array(o), Value::Array(t)) if o.len() == t.len() => {
            o.iter_mut().zip(t).for_each(|(ov, tv)| merge(ov, default, lang, tv));
        }
        (own, their) if *own == *their => {}
        (Value::Object(o), their) if translation_map(o) => {
            o.insert(lang.to_string(), their.clone());
        }
        (own, their) => {
            let mine = std::mem::take(own);
            *own = table([(default, mine), (lang, their.clone())]);
        }
    }
}

/// TOML has no null: an absent field is left out.
fn drop_nulls(v: &mut Value) {
    match v {
        Value::Object(o) => {
            o.retain(|_, v| !v.is_null());
            o.values_mut().for_each(drop_nulls);
        }
        Value::Array(a) => a.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

fn table<'a>(entries: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
    Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>())
}

fn translation_map(o: &Map<String, Value>) -> bool {
    !o.is_empty() && o.keys().all(|k| is_language_tag(k))
}
