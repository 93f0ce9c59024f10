//! Diagnostics: user-facing errors (file:line:column, what was expected, a hint)
//! kept apart from internal bugs, and the plumbing that turns byte spans into
//! line/column positions with a source snippet.
//!
//! Every user error exits with code 2; the CLI prints [`Diagnostic`]s with
//! their `Display` impl, which looks like a compiler message:
//!
//! ```text
//! error: unknown field `emial`
//!   --> cv.toml:3:1
//!    |
//!  3 | emial = "alex@example.com"
//!    | ^^^^^
//!    = hint: did you mean `email`?
//! ```

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A problem with the user's input or environment, reported with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Whether this is an error or a warning.
    pub severity: Severity,
    /// What is wrong, in one line (`unknown field `emial``).
    pub message: String,
    /// The file the problem is in, when it has one.
    pub file: Option<PathBuf>,
    /// 1-based line and column, when the problem has a place in the file.
    pub location: Option<Box<Location>>,
    /// What to do about it, printed after `= hint:`.
    pub hint: Option<String>,
}

/// Whether a diagnostic stops the command (an error) or only reports a
/// likely mistake (a warning, printed the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The command stops and vita exits with code 2.
    Error,
    /// The command goes on after the message is printed.
    Warning,
}

/// A place in a source file, with the text of its line for the snippet.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// Line number, 1-based.
    pub line: usize,
    /// Column, 1-based, counted in characters.
    pub column: usize,
    /// Width of the underline, in characters (at least 1).
    pub width: usize,
    /// The text of the line, shown in the snippet (at most 120 characters).
    pub line_text: String,
    /// Characters of the line left out before `line_text` (long lines).
    pub shown_from: usize,
}

/// How much of a source line a snippet shows.
const SNIPPET_CHARS: usize = 120;

impl Diagnostic {
    /// An error with `message` and nothing else: no file, place or hint yet.
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            location: None,
            hint: None,
        }
    }

    /// A warning: same shape as an error, but the command goes on.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::new(message) }
    }

    /// Names the file the problem is in.
    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    /// Adds a hint: what the user can do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attaches the location of `span` (byte offsets into `source`).
    pub fn at_span(mut self, source: &str, span: Range<usize>) -> Self {
        self.location = Some(Box::new(locate(source, span)));
        self
    }
}

/// Converts a byte span into a 1-based line/column with the line's text.
pub fn locate(source: &str, span: Range<usize>) -> Location {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
    let line = source[..start].matches('\n').count() + 1;
    let column = source[line_start..start].chars().count() + 1;
    let end = floor_char_boundary(source, span.end.clamp(start, line_end));
    let width = source[start..end].chars().count().clamp(1, SNIPPET_CHARS);
    let line_text = source[line_start..line_end].trim_end_matches('\r');
    // A very long line is shown around the column only.
    let skip = (column - 1).saturating_sub(SNIPPET_CHARS / 2);
    let line_text: String = line_text.chars().skip(skip).take(SNIPPET_CHARS).collect();
    Location { line, column, width, line_text, shown_from: skip }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Every part that comes from input is escaped: a key, a value or a
        // file name may hold ESC, BEL or a bidi override.
        writeln!(f, "{label}: {}", escape(&self.message))?;
        match (&self.file, &self.location) {
            (Some(file), Some(loc)) => {
                let gutter = loc.line.to_string().len();
                let pad = " ".repeat(gutter);
                let file = escape(&file.display().to_string()).into_owned();
                writeln!(f, "{pad}--> {file}:{}:{}", loc.line, loc.column)?;
                writeln!(f, "{pad} |")?;
                writeln!(f, "{} | {}", loc.line, printable(&loc.line_text))?;
                let lead = " ".repeat(loc.column - 1 - loc.shown_from);
                writeln!(f, "{pad} | {lead}{}", "^".repeat(loc.width))?;
            }
            (Some(file), None) => writeln!(f, "  --> {}", escape(&file.display().to_string()))?,
            _ => {}
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = hint: {}", escape(hint))?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// A source line as a terminal can show it: a tab becomes a space, and
/// control characters and bidi overrides (which could hide or reorder
/// what the snippet shows) become U+FFFD, one character each so the
/// underline still lines up.
fn printable(line: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    line.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() || bidi(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Whether `c` could change what a terminal shows beyond itself: a control
/// character (ESC starts escape sequences, BEL rings, CR overwrites) or a
/// bidi override or isolate (which reorders the text around it).
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// `text` with every character that could drive a terminal written as an
/// escape (`\u{1b}`), so a message can show, but never act on, what the
/// input holds. Newlines are escaped too: a message is one line.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Writes `text` to standard error with [`escape`] applied to each line:
/// the way every message, warning and status line leaves vita.
pub fn eprint(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(escape_lines(text).as_bytes());
}

/// [`escape`] applied to each line of `text`, the newlines kept.
pub fn escape_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&escape(line));
    }
    out
}

/// [`eprint`] and a newline.
pub fn eprintln(text: &str) {
    eprint(&format!("{text}\n"));
}

/// The hint for a name that is not one of `names`: the nearest, or the
/// whole list under `kind` ("labels").
pub fn unknown_name_hint(word: &str, names: &[&str], kind: &str) -> String {
    match did_you_mean(word, names.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("the {kind} are: {}", names.join(", ")),
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Turns a `toml` deserialisation error into a diagnostic: location from its
/// span, and for unknown fields a "did you mean" hint built from the list of
/// expected names that serde puts in the message.
pub fn from_toml_error(err: &toml::de::Error, source: &str, file: &Path) -> Diagnostic {
    let message = err.message().trim().to_string();
    let mut diag = Diagnostic::new(first_line(&message)).in_file(file);
    if let Some(span) = err.span() {
        diag = diag.at_span(source, span);
    }
    if let Some(hint) = hint_for(&message) {
        diag = diag.with_hint(hint);
    }
    diag
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

/// Hints for the serde messages users meet most often (shared with the
/// theme's `--set` messages).
pub fn hint_for(message: &str) -> Option<String> {
    if message == "missing field `basics`" {
        return Some(
            "a résumé starts with a [basics] table holding at least `name = \"…\"`".into(),
        );
    }
    for (prefix, listing) in
        [("unknown field `", "valid keys here"), ("unknown variant `", "valid values")]
    {
        if let Some(rest) = message.strip_prefix(prefix) {
            // serde lists the expected names in backticks after the unknown one.
            let (unknown, expected) = rest.split_once('`')?;
            let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            return Some(match did_you_mean(unknown, names.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("{listing}: {}", names.join(", ")),
            });
        }
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next()?;
        return Some(format!("add `{field} = ...` to this table"));
    }
    if message.starts_with("invalid type: map, expected a sequence") {
        return Some(
            "a list of entries is written [[work]] (double brackets), once per entry".into(),
        );
    }
    if message.starts_with("invalid type") {
        return Some("check the value's type: text needs quotes, lists need [ ]".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_lines_and_unicode_columns() {
        let src = "a = 1\nnäme = 2\n";
        let loc = locate(src, 7..11);
        assert_eq!((loc.line, loc.column), (2, 2));
        assert_eq!(loc.line_text, "näme = 2");
    }

    #[test]
    fn snippets_show_control_and_bidi_characters_as_replacement_marks() {
        let src = "a = \"x\u{7}\u{202e}y\"\tz\n";
        let d = Diagnostic::new("m").in_file(Path::new("t.toml")).at_span(src, 6..7);
        let shown = d.to_string();
        assert!(shown.contains("a = \"x\u{fffd}\u{fffd}y\" z"), "{shown}");
        assert!(!shown.contains('\u{7}') && !shown.contains('\u{202e}'), "{shown}");
    }

    #[test]
    fn messages_hints_and_file_names_escape_terminal_controls() {
        let key = "\u{1b}]0;PWNED\u{7}\u{1b}[2J";
        let d = Diagnostic::new(format!("unknown field `{key}`"))
            .in_file(Path::new("cv\u{1b}[31m.toml"))
            .with_hint(format!("did you mean `{key}`?\r"));
        let shown = d.to_string();
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
        assert!(shown.contains("unknown field `\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J`"), "{shown}");
        assert!(shown.contains("cv\\u{1b}[31m.toml"), "{shown}");
        assert!(shown.contains("\\u{d}"), "{shown}");
        assert_eq!(escape("plain, naïve"), "plain, naïve");
        assert_eq!(escape("a\u{202e}b\nc"), "a\\u{202e}b\\u{a}c");
    }

    #[test]
    fn suggests_near_miss() {
        let hint = hint_for("unknown field `emial`, expected one of `name`, `email`, `phone`");
        assert_eq!(hint.as_deref(), Some("did you mean `email`?"));
        let none = hint_for("unknown field `zzz`, expected `name` or `email`");
        assert_eq!(none.as_deref(), Some("valid keys here: name, email"));
    }
}
