//! Private fields and entries. Any table may say which of its fields are
//! private (`private = ["phone", "location"]`), and a table in a list (an
//! entry, a profile, a reference) that it is private as a whole
//! (`private = true`). A public render (`--public`, or a variant's
//! `public = true`) leaves them out before the typed model is read, so
//! they reach no output: not the PDF, its metadata or its links, not the
//! text, not the previews. Otherwise they show, and only the `private`
//! keys go. The TOML and the JSON tree are walked by the same code.

use super::translations::Node;

/// The key that marks fields or an entry private.
pub(super) const PRIVATE_KEY: &str = "private";

/// Removes every `private` key from `root`; when `public`, with the fields
/// and the entries they mark.
pub(crate) fn resolve<N: Node>(root: &mut N, public: bool) {
    if public {
        root.retain_items(&mut |item| !whole(item));
    }
    if let Some(marked) = root.remove_key(PRIVATE_KEY).filter(|_| public) {
        let fields: Vec<String> = marked
            .items()
            .map(|items| items.iter().filter_map(|i| i.text().map(str::to_string)).collect())
            .unwrap_or_default();
        for field in fields {
            root.remove_key(&field);
        }
    }
    for (_, child) in root.entries_mut().unwrap_or_default() {
        resolve(child, public);
    }
    for child in root.items_mut().unwrap_or_default() {
        resolve(child, public);
    }
}

/// Whether a list item is private as a whole (`private = true`).
fn whole<N: Node>(item: &N) -> bool {
    let entries = item.entries().unwrap_or_default();
    entries.iter().any(|(k, v)| *k == PRIVATE_KEY && v.boolean() == Some(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(text: &str, public: bool) -> serde_json::Value {
        let mut tree: serde_json::Value = toml::from_str(text).unwrap();
        resolve(&mut tree, public);
        tree
    }

    const RESUME: &str = r#"
        [basics]
        name = "A"
        phone = "+1 555 0100"
        private = ["phone", "location"]
        location = { city = "Springfield", address = "742 Evergreen Terrace" }
        [[references]]
        name = "B"
        reference = "Call me at +1 555 0199"
        private = true
        [[references]]
        name = "C"
        reference = "Public praise"
    "#;

    #[test]
    fn a_public_render_leaves_private_fields_and_entries_out() {
        let tree = resolved(RESUME, true);
        assert_eq!(tree["basics"]["name"], "A");
        assert!(tree["basics"].get("phone").is_none() && tree["basics"].get("location").is_none());
        assert!(tree["basics"].get("private").is_none());
        let refs = tree["references"].as_array().unwrap();
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0]["name"], "C");
    }

    #[test]
    fn otherwise_everything_shows_without_the_private_keys() {
        let tree = resolved(RESUME, false);
        assert_eq!(tree["basics"]["phone"], "+1 555 0100");
        assert!(tree["basics"].get("private").is_none());
        assert_eq!(tree["references"].as_array().unwrap().len(), 2);
        assert!(tree["references"][0].get("private").is_none());
    }
}
