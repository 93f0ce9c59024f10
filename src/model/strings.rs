//! Checks over every text field of a résumé at once, by walking its
//! serialised form: no link address (a `url` field, or the target of a
//! `[text](address)` or `<address>` in markup) longer than
//! [`crate::uri::MAX_LINK_BYTES`]. Every piece of a link broken over lines
//! carries its address, so a longer one would make memory and the PDF grow
//! with the square of its length; no real address comes near the limit.

use super::Resume;
use crate::uri::MAX_LINK_BYTES;
use serde_json::Value;

/// A field that breaks a rule: its path (`work[0].url`), the problem, the
/// text of the field (to find its place in the file) and a hint.
#[derive(Debug)]
pub(super) struct Offence {
    pub message: String,
    pub needle: String,
    pub hint: String,
}

/// The first field of `resume` that breaks a rule above.
pub(super) fn check(resume: &Resume) -> Result<(), Offence> {
    let value = serde_json::to_value(resume).unwrap_or(Value::Null);
    walk(&value, &mut String::new(), false)
}

fn walk(value: &Value, path: &mut String, is_url: bool) -> Result<(), Offence> {
    match value {
        Value::String(s) => check_text(s, path, is_url),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path, is_url)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(item, path, key == "url")?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn check_text(s: &str, path: &str, is_url: bool) -> Result<(), Offence> {
    let longest = if is_url { Some(s.len()) } else { longest_link(s) };
    match longest {
        Some(n) if n > MAX_LINK_BYTES => Err(Offence {
            message: format!(
                "`{path}` holds a link address {n} bytes long; vita takes at most {MAX_LINK_BYTES}"
            ),
            needle: s.chars().take(40).collect(),
            hint: "no real address is that long; shorten it (a link shortener helps)".into(),
        }),
        _ => Ok(()),
    }
}

/// The length of the longest link address in markup text: the target of
/// `[text](target)`, or of an autolink `<scheme:…>`. Generous: it measures
/// up to the closing bracket or the next space, as the markup parser
/// would take it at most.
pub(super) fn longest_link(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut longest = None;
    let measure = |from: usize, close: u8| {
        bytes[from..]
            .iter()
            .position(|&b| b == close || b.is_ascii_whitespace())
            .unwrap_or(bytes.len() - from)
    };
    for (i, _) in text.match_indices("](") {
        longest = longest.max(Some(measure(i + 2, b')')));
    }
    for (i, _) in text.match_indices('<') {
        let n = measure(i + 1, b'>');
        if bytes[i + 1..i + 1 + n].contains(&b':') {
            longest = longest.max(Some(n));
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_markup_link_targets() {
        assert_eq!(longest_link("plain text"), None);
        assert_eq!(longest_link("see [me](https://x.org) and [y](ab)"), Some(13));
        assert_eq!(longest_link("<https://x.org/abc> <b>"), Some(17));
        let long = format!("[x](https://{})", "a".repeat(5000));
        assert_eq!(longest_link(&long), Some(5008));
    }

    #[test]
    fn refuses_long_urls_and_long_link_targets_by_path() {
        let mut r = Resume::default();
        r.basics.name = "A".into();
        assert!(check(&r).is_ok());
        r.basics.url = Some(format!("https://{}", "a".repeat(MAX_LINK_BYTES)));
        let e = check(&r).unwrap_err();
        assert!(e.message.starts_with("`basics.url` holds a link address 2056 bytes"), "{e:?}");
        r.basics.url = None;
        r.basics.summary = Some(format!("<https://{}>", "a".repeat(MAX_LINK_BYTES)));
        assert!(check(&r).unwrap_err().message.contains("`basics.summary`"));
    }
}
