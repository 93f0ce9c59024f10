//! Where each value of a JSON document sits: a map from a JSON path
//! (`work[2].startDate`) to the byte spans of its key and value, so that
//! messages about JSON input can name a line and column. serde_json keeps no
//! positions in its values, hence this small scanner of its own. It is
//! lenient: on malformed input it stops and keeps what it has indexed.

use std::collections::HashMap;
use std::ops::Range;

/// The place of one value: its key (absent for array items and the root)
/// and the value itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub key: Option<Range<usize>>,
    pub value: Range<usize>,
}

/// Every value of a document by path; the root's path is empty.
#[derive(Debug, Default)]
pub struct Spans {
    places: HashMap<String, Place>,
}

impl Spans {
    /// Indexes every value of the JSON `text`, as far as it is well formed.
    pub fn index(text: &str) -> Spans {
        let mut scanner = Scanner { text, i: 0, depth: 0, places: HashMap::new() };
        let _ = scanner.value(String::new(), None);
        Spans { places: scanner.places }
    }

    /// The place of the value at `path` (`work[2].startDate`), if there is one.
    pub fn get(&self, path: &str) -> Option<&Place> {
        self.places.get(path)
    }

    /// The span of a value's key when it has one, else of the value; the
    /// start of the file for a path that is not there.
    pub fn key_or_value(&self, path: &str) -> Range<usize> {
        self.get(path).map_or(0..0, |p| p.key.clone().unwrap_or_else(|| p.value.clone()))
    }

    /// The span of a value; the start of the file for a path not there.
    pub fn value(&self, path: &str) -> Range<usize> {
        self.get(path).map_or(0..0, |p| p.value.clone())
    }

    /// The innermost value that ends at byte `end` (where serde_json reports
    /// a problem with a value it has just read), with its path.
    pub fn ending_at(&self, end: usize) -> Option<(&str, &Place)> {
        self.places
            .iter()
            .filter(|(_, p)| p.value.end == end)
            .min_by_key(|(_, p)| p.value.len())
            .map(|(k, p)| (k.as_str(), p))
    }
}

/// Joins a path and a key as `parent.key` (or `key` at the root).
pub(super) fn child(parent: &str, key: &str) -> String {
    if parent.is_empty() { key.to_string() } else { format!("{parent}.{key}") }
}

/// How deep the scanner follows a document: its callers refuse deeper
/// ones first (`limits::json_nesting`), and this keeps the recursion
/// bounded for any other caller.
const MAX_DEPTH: usize = 128;

struct Scanner<'a> {
    text: &'a str,
    i: usize,
    depth: usize,
    places: HashMap<String, Place>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.i += 1;
        }
    }

    /// Scans one value at `path`; `None` when the input is malformed there.
    fn value(&mut self, path: String, key: Option<Range<usize>>) -> Option<()> {
        self.depth += 1;
        let scanned = (self.depth <= MAX_DEPTH).then(|| self.scan(path, key)).flatten();
        self.depth -= 1;
        scanned
    }

    fn scan(&mut self, path: String, key: Option<Range<usize>>) -> Option<()> {
        self.skip_ws();
        let start = self.i;
        match self.peek()? {
            b'{' => {
                self.i += 1;
                self.skip_ws();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                } else {
                    loop {
                        self.skip_ws();
                        let key_start = self.i;
                        let name = self.string()?;
                        let key_span = key_start..self.i;
                        self.skip_ws();
                        (self.peek()? == b':').then_some(())?;
                        self.i += 1;
                        self.value(child(&path, &name), Some(key_span))?;
                        if self.after_member(b'}')? {
                            break;
                        }
                    }
                }
            }
            b'[' => {
                self.i += 1;
                self.skip_ws();
                if self.peek() == Some(b']') {
                    self.i += 1;
                } else {
                    for n in 0.. {
                        self.value(format!("{path}[{n}]"), None)?;
                        if self.after_member(b']')? {
                            break;
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n')
                ) {
                    self.i += 1;
                }
            }
        }
        self.places.insert(path, Place { key, value: start..self.i });
        Some(())
    }

    /// After a member: `true` at the closing bracket, `false` after a comma.
    fn after_member(&mut self, close: u8) -> Option<bool> {
        self.skip_ws();
        let c = self.peek()?;
        self.i += 1;
        match c {
            b',' => Some(false),
            c if c == close => Some(true),
            _ => None,
        }
    }

    /// A string literal, decoded (keys may hold escapes).
    fn string(&mut self) -> Option<String> {
        let start = self.i;
        (self.peek()? == b'"').then_some(())?;
        self.i += 1;
        loop {
            match self.peek()? {
                b'\\' => self.i += 2,
                b'"' => break,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        serde_json::from_str(self.text.get(start..self.i)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_keys_and_values_by_path() {
        let text =
            "{\n  \"work\": [ {\"name\": \"A\", \"startDate\": \"2020\"} ],\n  \"x\\u0079\": 12\n}";
        let spans = Spans::index(text);
        let date = spans.get("work[0].startDate").unwrap();
        assert_eq!(&text[date.value.clone()], "\"2020\"");
        assert_eq!(&text[date.key.clone().unwrap()], "\"startDate\"");
        assert_eq!(&text[spans.value("xy")], "12");
        assert_eq!(spans.ending_at(text.find("12").unwrap() + 2).unwrap().0, "xy");
        assert_eq!(spans.value("work"), text.find('[').unwrap()..text.find(']').unwrap() + 1);
    }

    #[test]
    fn keeps_what_precedes_malformed_input() {
        let spans = Spans::index("{\"a\": 1, \"b\": [true, }");
        assert!(spans.get("a").is_some());
        assert!(spans.get("b[0]").is_some());
        assert!(spans.get("b").is_none());
    }

    #[test]
    fn stops_at_its_depth_without_overflowing() {
        let text = format!("{{\"a\": 1, \"x\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        let spans = Spans::index(&text);
        assert!(spans.get("a").is_some());
        assert!(spans.get("x").is_none());
    }
}
