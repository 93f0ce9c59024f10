//! A multilingual résumé as JSON Resume. Standard fields hold the text of
//! the default language, so every JSON Resume tool reads the file; the
//! other languages ride along in an extension field of the object they
//! belong to, which those tools ignore:
//!
//! ```json
//! { "position": "Lead Engineer",
//!   "vitaTranslations": { "de": { "position": "Leitende Ingenieurin" } } }
//! ```
//!
//! An entry limited to some languages carries `"lang": ["de"]`. Reading
//! the file back turns each translation into a table from language to
//! text again ([`absorb`]), which `model::translations` resolves.

use serde_json::{Map, Value};

/// The extension field that holds an object's other languages.
pub(crate) const KEY: &str = "vitaTranslations";

/// Adds to `default` (a JSON Resume document) what `other`, the same
/// résumé in `lang`, says differently, as `vitaTranslations` of the
/// objects concerned. Both come from résumés of the same shape.
pub(crate) fn annotate(default: &mut Value, lang: &str, other: &Value) {
    let (Some(object), Some(theirs)) = (default.as_object_mut(), other.as_object()) else {
        return;
    };
    let mut changed = Map::new();
    for (key, their) in theirs {
        match object.get_mut(key) {
            Some(own) if own == their => {}
            Some(own) if own.is_object() && their.is_object() => annotate(own, lang, their),
            Some(Value::Array(own))
                if their.as_array().is_some_and(|t| t.len() == own.len())
                    && own.iter().all(Value::is_object) =>
            {
                let theirs = their.as_array().expect("checked");
                own.iter_mut().zip(theirs).for_each(|(o, t)| annotate(o, lang, t));
            }
            _ => {
                changed.insert(key.clone(), their.clone());
            }
        }
    }
    if !changed.is_empty() {
        let all = object.entry(KEY).or_insert_with(|| Value::Object(Map::new()));
        if let Some(all) = all.as_object_mut() {
            all.insert(lang.to_string(), Value::Object(changed));
        }
    }
}

/// Turns every `vitaTranslations` back into tables from language to text,
/// with the standard field's text as `default`'s. Returns whether there
/// was any.
pub(crate) fn absorb(tree: &mut Value) -> bool {
    let default = tree["meta"]["language"].as_str().unwrap_or("en").to_string();
    absorb_in(tree, &default)
}

fn absorb_in(node: &mut Value, default: &str) -> bool {
    let mut found = false;
    if let Some(object) = node.as_object_mut() {
        if let Some(Value::Object(all)) = object.remove(KEY) {
            found = true;
            for (lang, fields) in all {
                let Value::Object(fields) = fields else { continue };
                for (key, text) in fields {
                    let slot = object.entry(key).or_insert(Value::Null);
                    if !is_table_of_languages(slot) {
                        let own = std::mem::take(slot);
                        let mut table = Map::new();
                        if !own.is_null() {
                            table.insert(default.to_string(), own);
                        }
                        *slot = Value::Object(table);
                    }
                    slot.as_object_mut().expect("made a table").insert(lang.clone(), text);
                }
            }
        }
        for value in object.values_mut() {
            found |= absorb_in(value, default);
        }
    } else if let Some(items) = node.as_array_mut() {
        for item in items {
            found |= absorb_in(item, default);
        }
    }
    found
}

fn is_table_of_languages(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        !o.is_empty() && o.keys().all(|k| crate::model::translations::is_language_tag(k))
    })
}

/// Marks the objects at `paths` (`work[1]`, in the model's snake_case or
/// JSON Resume's camelCase) as limited to their languages.
pub(crate) fn limit(doc: &mut Value, limited: &[(String, Vec<String>)]) {
    for (path, langs) in limited {
        if let Some(Value::Object(object)) = at_path(doc, &camel_case(path)) {
            object.insert("lang".into(), langs.iter().map(|l| Value::from(l.as_str())).collect());
        }
    }
}

/// The value at `a.b[2].c`, if there is one.
pub(crate) fn at_path<'a>(doc: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut node = doc;
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            node = node.get_mut(key)?;
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            node = node.get_mut(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(node)
}

/// `custom[0].start_date` → `custom[0].startDate`.
fn camel_case(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut upper = false;
    for c in path.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn translations_ride_along_and_come_back_as_tables() {
        let mut en = json!({ "meta": { "language": "en" },
            "work": [{ "name": "Acme", "position": "Engineer", "highlights": ["a", "b"] }] });
        let de = json!({ "meta": { "language": "en" },
            "work": [{ "name": "Acme", "position": "Ingenieurin", "highlights": ["a", "c"] }] });
        annotate(&mut en, "de", &de);
        assert_eq!(en["work"][0]["position"], "Engineer");
        assert_eq!(en["work"][0][KEY]["de"]["position"], "Ingenieurin");
        assert_eq!(en["work"][0][KEY]["de"]["highlights"], json!(["a", "c"]));
        assert!(en["work"][0][KEY]["de"].get("name").is_none());
        limit(&mut en, &[("work[0]".into(), vec!["en".into(), "de".into()])]);
        assert_eq!(en["work"][0]["lang"], json!(["en", "de"]));
        assert!(absorb(&mut en));
        assert_eq!(en["work"][0]["position"], json!({ "en": "Engineer", "de": "Ingenieurin" }));
        assert!(en["work"][0].get(KEY).is_none());
    }
}
