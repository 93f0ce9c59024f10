//! Several languages in one file. Any text may be a table from language to
//! text (`summary = { en = "…", de = "…" }`), and any table in a list (an
//! entry, a custom section, a highlight group, a profile) may say which
//! languages it belongs to (`lang = ["de"]`). Before the typed model is
//! read, the document tree is resolved to one language: each such table
//! becomes the text in that language, and entries of other languages are
//! dropped. The TOML and the JSON tree are walked by the same code through
//! [`Node`].
//!
//! A table is a translation when every key is a language tag (`en`, `de`,
//! `pt-BR`, `zh-Hant`) and every value is text or a list of text. A
//! missing translation falls back to the file's default language
//! (`meta.language`), and that is reported with the field's place.

use std::collections::BTreeSet;
use std::ops::Range;

/// The key that limits a table in a list to some languages.
pub const LANG_KEY: &str = "lang";

/// A document tree the resolution can walk: a TOML or a JSON value.
pub(crate) trait Node: Clone {
    /// The table's keys and values, in order; `None` for anything else.
    fn entries(&self) -> Option<Vec<(&str, &Self)>>;
    fn entries_mut(&mut self) -> Option<Vec<(&str, &mut Self)>>;
    /// The list's items; `None` for anything else.
    fn items(&self) -> Option<Vec<&Self>>;
    fn items_mut(&mut self) -> Option<Vec<&mut Self>>;
    /// Keeps the list's items for which `keep` is true.
    fn retain_items(&mut self, keep: &mut dyn FnMut(&Self) -> bool);
    fn remove_key(&mut self, key: &str) -> Option<Self>;
    fn text(&self) -> Option<&str>;
    /// The value as a boolean, if it is one.
    fn boolean(&self) -> Option<bool>;
    /// Where the value is in the file, when the tree knows.
    fn span(&self) -> Option<Range<usize>>;
}

/// A text whose translation into the wanted language is missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Fallback {
    /// Where it is: `work[0].summary`.
    pub path: String,
    /// Its byte range in the file, when the tree knows it.
    pub span: Option<Range<usize>>,
    /// The language the text was given in instead.
    pub used: String,
}

/// What resolving a tree to one language found.
#[derive(Debug, Default)]
pub struct Resolved {
    /// The texts that had no translation into the wanted language.
    pub fallbacks: Vec<Fallback>,
    /// The tables in lists that named their languages, by path
    /// (`work[1]`), when they were kept rather than dropped.
    pub limited: Vec<(String, Vec<String>)>,
}

/// Resolves `root` to the language `want`, falling back to `default`:
/// tables of another language are dropped, or with `keep` kept (and listed
/// in [`Resolved::limited`]), so that every language's tree has the same
/// shape; bullets of another language are dropped in either case.
pub(crate) fn resolve<N: Node>(root: &mut N, want: &str, default: &str, keep: bool) -> Resolved {
    if !keep {
        drop_sections(root, want);
    }
    let mut walk = Walk { want, default, keep, found: Resolved::default() };
    walk.node(root, String::new());
    walk.found
}

/// Takes out the sections `meta.section_languages` limits to other
/// languages (`sectionLanguages` in JSON Resume).
fn drop_sections<N: Node>(root: &mut N, want: &str) {
    let Some(entries) = root.entries() else { return };
    let meta = entries.iter().find(|(k, _)| *k == "meta").and_then(|(_, m)| m.entries());
    let limits = meta
        .into_iter()
        .flatten()
        .find(|(k, _)| matches!(*k, "section_languages" | "sectionLanguages"));
    let Some(limits) = limits.and_then(|(_, t)| t.entries()) else { return };
    let elsewhere: Vec<String> = limits
        .iter()
        .filter(|(_, langs)| !lang_list(*langs).iter().any(|l| same_language(l, want)))
        .map(|(section, _)| section.to_string())
        .collect();
    for section in elsewhere {
        if section == "summary" {
            let basics = root.entries_mut().into_iter().flatten().find(|(k, _)| *k == "basics");
            if let Some((_, basics)) = basics {
                basics.remove_key("summary");
            }
        } else {
            root.remove_key(&section);
        }
    }
}

/// Every language the document mentions, in translations and `lang` lists.
pub(crate) fn languages<N: Node>(root: &N) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    collect(root, &mut found);
    found
}

fn collect<N: Node>(node: &N, found: &mut BTreeSet<String>) {
    if let Some(entries) = node.entries() {
        if is_translation(node) {
            found.extend(entries.iter().map(|(k, _)| k.to_string()));
            return;
        }
        for (key, value) in entries {
            if key == LANG_KEY {
                found.extend(lang_list(value));
            } else {
                collect(value, found);
            }
        }
    } else if let Some(items) = node.items() {
        items.into_iter().for_each(|i| collect(i, found));
    }
}

struct Walk<'a> {
    want: &'a str,
    default: &'a str,
    keep: bool,
    found: Resolved,
}

impl Walk<'_> {
    fn node<N: Node>(&mut self, node: &mut N, path: String) {
        if is_translation(node) {
            let (chosen, fallback) = self.choose(node);
            if let Some(used) = fallback {
                self.found.fallbacks.push(Fallback { path, span: node.span(), used });
            }
            *node = chosen;
            return;
        }
        if let Some(entries) = node.entries_mut() {
            for (key, value) in entries {
                let child = if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
                self.node(value, child);
            }
        } else if node.items().is_some() {
            let want = self.want;
            // Kept entries give every language the same shape; bullets are
            // dropped even then, as a list of text differs by language anyway.
            if !self.keep || path.to_ascii_lowercase().ends_with("highlights") {
                node.retain_items(&mut |item| belongs(item, want));
            }
            for (i, item) in node.items_mut().into_iter().flatten().enumerate() {
                let path = format!("{path}[{i}]");
                if let Some(langs) = item.remove_key(LANG_KEY) {
                    if self.keep {
                        self.found.limited.push((path.clone(), lang_list(&langs)));
                    }
                    lone_text(item);
                }
                self.node(item, path);
            }
        }
    }

    /// The translation's value in the wanted language, else in the
    /// default one, else its first; with the language used when it is not
    /// the wanted one.
    fn choose<N: Node>(&self, node: &N) -> (N, Option<String>) {
        let entries = node.entries().expect("a translation is a table");
        let find = |tag: &str| {
            let exact = entries.iter().find(|(k, _)| k.eq_ignore_ascii_case(tag));
            exact.or_else(|| entries.iter().find(|(k, _)| same_language(k, tag)))
        };
        if let Some((_, v)) = find(self.want) {
            return ((*v).clone(), None);
        }
        let (key, value) = find(self.default).unwrap_or(&entries[0]);
        ((*value).clone(), Some(key.to_string()))
    }
}

/// Whether a table in a list belongs in `want`: it has no `lang`, or its
/// `lang` names the language.
fn belongs<N: Node>(item: &N, want: &str) -> bool {
    let Some(entries) = item.entries() else { return true };
    match entries.iter().find(|(k, _)| *k == LANG_KEY) {
        Some((_, langs)) => lang_list(*langs).iter().any(|l| same_language(l, want)),
        None => true,
    }
}

/// `lang = "de"` or `lang = ["de", "fr"]`.
fn lang_list<N: Node>(value: &N) -> Vec<String> {
    match (value.text(), value.items()) {
        (Some(one), _) => vec![one.to_string()],
        (None, Some(items)) => items.iter().filter_map(|i| i.text()).map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// A highlight `{ text = "…", lang = "de" }` with its `lang` taken away is
/// a plain bullet.
fn lone_text<N: Node>(item: &mut N) {
    let only_text = item.entries().is_some_and(|e| e.len() == 1 && e[0].0 == "text");
    if only_text && let Some(text) = item.remove_key("text") {
        *item = text;
    }
}

/// Whether `node` is a table from language tags to text.
fn is_translation<N: Node>(node: &N) -> bool {
    let Some(entries) = node.entries() else { return false };
    !entries.is_empty()
        && entries.iter().all(|(k, v)| {
            is_language_tag(k)
                && (v.text().is_some()
                    || v.items().is_some_and(|items| items.iter().all(|i| i.text().is_some())))
        })
}

/// A BCP 47 tag's shape: a language of two or three letters, then subtags
/// of two to eight letters or digits. `url` is a field, not a language.
pub fn is_language_tag(key: &str) -> bool {
    let mut parts = key.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && !language.eq_ignore_ascii_case("url")
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether two tags share their language subtag (de-CH and de).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    primary(a) == primary(b)
}

/// The TOML tree, with the place of every value.
impl Node for toml::Spanned<toml::de::DeValue<'_>> {
    fn entries(&self) -> Option<Vec<(&str, &Self)>> {
        let table = self.get_ref().as_table()?;
        Some(table.iter().map(|(k, v)| (k.get_ref().as_ref(), v)).collect())
    }
    fn entries_mut(&mut self) -> Option<Vec<(&str, &mut Self)>> {
        match self.get_mut() {
            toml::de::DeValue::Table(t) => {
                Some(t.iter_mut().map(|(k, v)| (k.get_ref().as_ref(), v)).collect())
            }
            _ => None,
        }
    }
    fn items(&self) -> Option<Vec<&Self>> {
        Some(self.get_ref().as_array()?.iter().collect())
    }
    fn items_mut(&mut self) -> Option<Vec<&mut Self>> {
        match self.get_mut() {
            toml::de::DeValue::Array(a) => Some(a.iter_mut().collect()),
            _ => None,
        }
    }
    fn retain_items(&mut self, keep: &mut dyn FnMut(&Self) -> bool) {
        if let toml::de::DeValue::Array(a) = self.get_mut()
            && !a.iter().all(&mut *keep)
        {
            *a = a.iter().filter(|i| keep(i)).cloned().collect();
        }
    }
    fn remove_key(&mut self, key: &str) -> Option<Self> {
        match self.get_mut() {
            toml::de::DeValue::Table(t) => t.remove(key),
            _ => None,
        }
    }
    fn text(&self) -> Option<&str> {
        self.get_ref().as_str()
    }
    fn boolean(&self) -> Option<bool> {
        self.get_ref().as_bool()
    }
    fn span(&self) -> Option<Range<usize>> {
        Some(toml::Spanned::span(self))
    }
}

/// The JSON tree; places are looked up by path afterwards.
impl Node for serde_json::Value {
    fn entries(&self) -> Option<Vec<(&str, &Self)>> {
        Some(self.as_object()?.iter().map(|(k, v)| (k.as_str(), v)).collect())
    }
    fn entries_mut(&mut self) -> Option<Vec<(&str, &mut Self)>> {
        Some(self.as_object_mut()?.iter_mut().map(|(k, v)| (k.as_str(), v)).collect())
    }
    fn items(&self) -> Option<Vec<&Self>> {
        Some(self.as_array()?.iter().collect())
    }
    fn items_mut(&mut self) -> Option<Vec<&mut Self>> {
        Some(self.as_array_mut()?.iter_mut().collect())
    }
    fn retain_items(&mut self, keep: &mut dyn FnMut(&Self) -> bool) {
        if let Some(a) = self.as_array_mut() {
            a.retain(|i| keep(i));
        }
    }
    fn remove_key(&mut self, key: &str) -> Option<Self> {
        self.as_object_mut()?.remove(key)
    }
    fn text(&self) -> Option<&str> {
        self.as_str()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn span(&self) -> Option<Range<usize>> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> serde_json::Value {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn toml_fallbacks_keep_their_place_in_the_file() {
        let text = "[basics]\nname = \"A\"\nlabel = { en = \"Engineer\" }\n";
        let table = toml::de::DeTable::parse(text).unwrap();
        let span = table.span();
        let mut root = toml::Spanned::new(span, toml::de::DeValue::Table(table.into_inner()));
        let fallbacks = resolve(&mut root, "fr", "en", false).fallbacks;
        let at = fallbacks[0].span.clone().unwrap();
        assert_eq!(&text[at], "{ en = \"Engineer\" }");
    }

    #[test]
    fn tags_are_recognised_by_shape() {
        for tag in ["en", "de", "pt-BR", "zh-Hant", "de-CH", "fil", "sr-Latn-RS"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for key in ["url", "name", "text", "items", "e", "de-", "toolong"] {
            assert!(!is_language_tag(key), "{key}");
        }
    }

    #[test]
    fn translations_resolve_with_fallbacks_named() {
        let mut t = tree(
            r#"
            [basics]
            name = "Ana"
            label = { en = "Engineer", de = "Ingenieurin" }
            summary = { en = "Only English" }
            [[work]]
            highlights = [{ text = "nur deutsch", lang = "de" }, { text = "english", lang = ["en"] }, "both"]
            keywords = { en = ["a", "b"], de = ["c"] }
            "#,
        );
        let fallbacks = resolve(&mut t, "de", "en", false).fallbacks;
        assert_eq!(t["basics"]["label"].as_str(), Some("Ingenieurin"));
        assert_eq!(t["basics"]["summary"].as_str(), Some("Only English"));
        let h: Vec<&str> = t["work"][0]["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(h, ["nur deutsch", "both"]);
        assert_eq!(t["work"][0]["keywords"].as_array().unwrap().len(), 1);
        assert_eq!(fallbacks.len(), 1);
        assert_eq!(fallbacks[0].path, "basics.summary");
        assert_eq!(fallbacks[0].used, "en");
        let langs: Vec<String> = languages(&tree(
            r#"a = { en = "x", fr = "y" }
               [[b]]
               lang = "de""#,
        ))
        .into_iter()
        .collect();
        assert_eq!(langs, ["de", "en", "fr"]);
    }
}
