//! `vita init`: writes a starter résumé — every section, a comment on each
//! field — that renders as it is, in any of vita's languages. It never
//! replaces an existing file.

use crate::diag::Diagnostic;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The starter résumé with a `{{key}}` for each of its words, which come
/// from the `[starter]` table of a locale's words file (a test checks that
/// it names every field of the model).
pub(super) const TEMPLATE: &str = include_str!("init.toml");

/// The starter cover letter, its words from a locale's `[letter_starter]`.
pub(super) const LETTER_TEMPLATE: &str = include_str!("letter.toml");

#[derive(Debug, clap::Args)]
#[command(after_help = "The starter holds every section with example entries and a comment on \
each field; it renders and validates as it is. Replace the examples and delete what you don't \
need: only basics.name is required.\n\n\
Exit status: 0 on success, 2 when the file exists (it is never overwritten), cannot be written, or \
the language is unknown (the message lists those vita has).")]
pub struct InitArgs {
    /// Where to write the résumé; missing folders are created. The default
    /// is what `vita render` reads when given no path (data/resume.toml),
    /// or data/letter.toml with --letter.
    pub path: Option<PathBuf>,
    /// The starter's language, as a BCP 47 tag (de, fr, pt-BR, ja…): its
    /// comments, its example text and its `meta.language`.
    #[arg(long, value_name = "TAG", default_value = "en")]
    pub lang: String,
    /// Write a starter cover letter instead: recipient, date, subject,
    /// salutation, body and closing, for the résumé beside it
    /// (`resume = "resume.toml"`). `vita render` renders it in the
    /// résumé's style.
    #[arg(long)]
    pub letter: bool,
}

/// The starter résumé in the language `tag`.
pub(super) fn starter(tag: &str) -> Result<String, Diagnostic> {
    fill(TEMPLATE, "starter", tag)
}

/// The starter cover letter in the language `tag`.
pub(super) fn letter_starter(tag: &str) -> Result<String, Diagnostic> {
    fill(LETTER_TEMPLATE, "letter_starter", tag)
}

/// `template` with each `{{key}}` replaced by the words of the locale
/// `tag`'s `table` (English where it has none).
fn fill(template: &str, table: &str, tag: &str) -> Result<String, Diagnostic> {
    let entry = crate::locale::resolve(tag).ok_or_else(|| crate::locale::unknown(tag))?;
    let words = |text: &str| {
        let mut all: BTreeMap<String, toml::Value> =
            toml::from_str(text).expect("a built-in locale parses");
        let words = all.remove(table).expect("a built-in locale has the starter's words");
        words.try_into::<BTreeMap<String, String>>().expect("the starter's words are text")
    };
    let (own, english) = (words(entry.words), words(crate::locale::LOCALES[0].words));
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    while let Some(at) = rest.find("{{") {
        let end = rest[at..].find("}}").map(|e| at + e).expect("the template closes its keys");
        let key = &rest[at + 2..end];
        let text = match key {
            "language" => entry.tag,
            _ => own.get(key).or_else(|| english.get(key)).map_or(key, String::as_str),
        };
        out.push_str(&rest[..at]);
        // Inside quotes the words are a TOML string; after `#`, a comment.
        if rest[..at].ends_with('"') {
            out.push_str(&escape(text));
        } else {
            out.push_str(text);
        }
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    // The words' lengths differ by language: comments are set again.
    // The head: the comment lines before the first key or table.
    let first = out.lines().find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("");
    let (head, body) = out.split_at(out.find(&format!("\n{first}")).map_or(0, |i| i + 1));
    let mut lines = wrap_comments(head);
    lines.extend(body.lines().map(align_comment));
    Ok(lines.join("\n") + "\n")
}

/// Where comment lines end, and where a rule (`# ── Work ───`) is filled to.
const WIDTH: usize = 80;

/// The starter's head: each paragraph of `# ` comment lines wrapped at
/// [`WIDTH`] again; other lines (blank `#`, an indented example) as they are.
fn wrap_comments(head: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    for line in head.lines().chain([""]) {
        match line.strip_prefix("# ").filter(|t| !t.starts_with(' ')) {
            Some(text) => paragraph.push(text),
            None => {
                lines.extend(wrap(&paragraph.join(" ")));
                paragraph.clear();
                lines.push(line.to_string());
            }
        }
    }
    lines.pop(); // the "" that closed the last paragraph
    lines
}

/// Text as `# ` lines of at most [`WIDTH`] characters where its words
/// allow; a `[link](…)` or a `` `command` `` is never broken.
fn wrap(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let (mut depth, mut code) = (0i32, false);
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match words.last_mut() {
            Some(last) if depth > 0 || code => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        depth += word.matches('[').count() as i32 - word.matches(']').count() as i32;
        code ^= word.matches('`').count() % 2 == 1;
    }
    let mut lines: Vec<String> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(last) if last.chars().count() + 1 + word.chars().count() <= WIDTH => {
                last.push(' ');
                last.push_str(&word);
            }
            _ => lines.push(format!("# {word}")),
        }
    }
    lines
}

/// A line's trailing comment at the starter's comment column, whatever the
/// length of the words before it.
fn align_comment(line: &str) -> String {
    const COLUMN: usize = 30;
    if let Some(title) = line.strip_prefix("# ── ") {
        let width = title.chars().count() + 5;
        return format!("{line} {}", "─".repeat(WIDTH.saturating_sub(width + 1).max(3)));
    }
    let code_end = (!line.trim_start().starts_with('#'))
        .then(|| {
            let mut quoted = false;
            line.char_indices().find_map(|(i, c)| {
                quoted ^= c == '"' && !line[..i].ends_with('\\');
                (!quoted && line[i..].starts_with("  # ")).then_some(i)
            })
        })
        .flatten();
    let Some(end) = code_end else { return line.to_string() };
    let (code, comment) = (line[..end].trim_end(), line[end..].trim_start());
    let width = code.chars().count();
    let pad = if width < COLUMN { COLUMN - width } else { 2 };
    format!("{code}{}{comment}", " ".repeat(pad))
}

/// `text` as the inside of a TOML basic string.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn run(args: &InitArgs) -> Result<(), Diagnostic> {
    let default = if args.letter { "data/letter.toml" } else { "data/resume.toml" };
    let path = &args.path.clone().unwrap_or_else(|| PathBuf::from(default));
    let text = if args.letter { letter_starter(&args.lang)? } else { starter(&args.lang)? };
    if path.exists() {
        return Err(Diagnostic::new("the file exists; `vita init` never overwrites")
            .in_file(path)
            .with_hint("give another path: vita init my-resume.toml"));
    }
    write_new(path, &text).map_err(|e| {
        Diagnostic::new(format!("cannot write the file: {e}"))
            .in_file(path)
            .with_hint("check that the folder is writable, or give another path")
    })?;
    let shown = path.display();
    crate::diag::eprintln(&format!(
        "wrote {shown}; edit it, then `vita render {shown}` (or `vita validate {shown}`)"
    ));
    Ok(())
}

/// Writes the template to a temporary file beside `path` and moves it into
/// place only if nothing has appeared there meanwhile.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".vita-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map(|_| ()).map_err(|e| e.error)
}
