//! What layout reports without stopping: typed, so that the report can
//! gather them (one line per field for its missing characters) and give
//! each a hint, and turned into [`Diagnostic`] warnings at the end
//! ([`diagnostics`]), as the model's warnings are.

use crate::diag::Diagnostic;
use std::fmt;

/// A problem layout worked around.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// A word wider than its column was cut between letters.
    CutWord {
        /// Where the text comes from ("work[2].highlights[0]"; "text" when unknown).
        field: String,
        /// The word that was cut.
        word: String,
    },
    /// No bundled font has the character; it is drawn as a blank box.
    MissingGlyph {
        /// Where the text comes from ("work[2].highlights[0]"; "text" when unknown).
        field: String,
        /// The missing character.
        c: char,
    },
    /// The résumé needed more pages than layout makes; the rest was left out.
    TooManyPages {
        /// The most pages layout makes.
        most: usize,
    },
    /// A letter's header reaches below the envelope window's top, so the
    /// address is set lower than the window shows.
    BelowWindow {
        /// How far below, in millimetres.
        by_mm: f32,
    },
}

impl Warning {
    /// The field of the résumé it is about (`work[0].summary`), if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Warning::CutWord { field, .. } | Warning::MissingGlyph { field, .. } => Some(field),
            Warning::TooManyPages { .. } | Warning::BelowWindow { .. } => None,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::CutWord { field, word } => {
                write!(f, "{field}: \"{word}\" is wider than its column and was broken")
            }
            Warning::MissingGlyph { field, c } => write!(
                f,
                "{field}: no font has {c:?} (U+{:04X}); it is drawn as a blank box",
                *c as u32
            ),
            Warning::TooManyPages { most } => {
                write!(f, "the résumé needs more than {most} pages; the rest was left out")
            }
            Warning::BelowWindow { by_mm } => write!(
                f,
                "the header is too tall for the envelope window: the address starts {by_mm:.0} mm \
                 below the window's top"
            ),
        }
    }
}

/// Layout's warnings as diagnostics, each with the field it is about, in
/// the order they came, with the characters missing from one field
/// gathered into one warning.
pub fn diagnostics(warnings: &[Warning]) -> Vec<(Option<String>, Diagnostic)> {
    let mut out: Vec<(Option<String>, Diagnostic)> = Vec::new();
    // Where each field's gathered warning sits in `out`, and its characters.
    let mut fields: Vec<(&str, usize, Vec<char>)> = Vec::new();
    for w in warnings {
        match w {
            Warning::MissingGlyph { field, c } => {
                match fields.iter_mut().find(|(f, _, _)| f == field) {
                    Some((_, _, chars)) => chars.push(*c),
                    None => {
                        fields.push((field, out.len(), vec![*c]));
                        out.push((Some(field.clone()), Diagnostic::warning(String::new())));
                    }
                }
            }
            Warning::CutWord { field, .. } => out.push((
                Some(field.clone()),
                Diagnostic::warning(w.to_string()).with_hint(
                    "a long address or word breaks at / . - _ ?; give it a space, or a wider column",
                ),
            )),
            Warning::TooManyPages { .. } => out.push((None, Diagnostic::warning(w.to_string()))),
            Warning::BelowWindow { .. } => out.push((
                None,
                Diagnostic::warning(w.to_string()).with_hint(
                    "a shorter header fits (fewer contact lines, a smaller name), or set \
                     window = \"none\" in the letter",
                ),
            )),
        }
    }
    for (field, at, chars) in fields {
        let message = match &chars[..] {
            [c] => Warning::MissingGlyph { field: field.into(), c: *c }.to_string(),
            many => {
                let shown: Vec<String> =
                    many.iter().take(5).map(|c| format!("{c:?} (U+{:04X})", *c as u32)).collect();
                let more = if many.len() > 5 { ", …" } else { "" };
                format!(
                    "{field}: no font has {} characters: {}{more}; they are drawn as blank \
                     boxes",
                    many.len(),
                    shown.join(", ")
                )
            }
        };
        out[at].1 = Diagnostic::warning(message).with_hint(
            "install a font that has them (Debian: fonts-noto-core for most scripts, \
             fonts-noto-cjk for Chinese, Japanese and Korean), or give --font-path DIR; \
             `vita fonts` lists what vita finds",
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_characters_are_gathered_per_field_in_place() {
        let glyph = |f: &str, c| Warning::MissingGlyph { field: f.into(), c };
        let mut input: Vec<Warning> =
            "中文句子包含".chars().map(|c| glyph("basics.summary", c)).collect();
        input.insert(1, Warning::TooManyPages { most: 50 });
        input.push(glyph("work[0].name", '語'));
        let out: Vec<String> = diagnostics(&input).into_iter().map(|(_, d)| d.message).collect();
        assert_eq!(out.len(), 3, "{out:#?}");
        assert!(
            out[0].starts_with("basics.summary: no font has 6 characters: '中' (U+4E2D), '文'")
        );
        assert!(out[0].ends_with(", …; they are drawn as blank boxes"), "{}", out[0]);
        assert_eq!(out[1], "the résumé needs more than 50 pages; the rest was left out");
        assert_eq!(out[2], glyph("work[0].name", '語').to_string());
    }
}
