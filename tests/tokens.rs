//! Technical tokens set tight in every built-in theme: "C++", "C#", "F#",
//! "5+", "10+", ".NET", "Node.js" and "x86-64" must not read "C+ +" or
//! "5 +". The gaps are measured between the glyphs' ink, as a reader sees
//! them, in every face a theme uses for running text (body, entry title
//! and subtitle, meta), relative to the font size; the text itself is not
//! changed, so it extracts as written.

use vita::compose::Style;
use vita::fonts::FontBook;
use vita::layout::shape::shape;
use vita::theme::{BUILTIN, FontSpec, Theme};

/// The widest white beside a sign inside a token, in em. A typeface's own
/// gap between two letters ("nn") is 0.05 to 0.1 em; a space is 0.2 to
/// 0.25 em, and "C+ +" showed a gap of 0.15 em or more.
const MOST: f32 = 0.11;

const TOKENS: [&str; 8] = ["C++", "C#", "F#", "5+", "10+", ".NET", "Node.js", "x86-64"];

/// The white between consecutive glyphs' ink in `text`, in em, with the
/// characters on either side.
fn gaps(book: &FontBook, style: &Style, text: &str) -> Vec<(String, f32)> {
    let glyphs = shape(book, style, text);
    let mut pen = 0.0;
    let mut ink = Vec::new();
    for g in &glyphs {
        if let Some([x0, _, x1, _]) = book.glyph_bounds(style.face, g.id) {
            let at = g.cluster as usize;
            let c = text[at..].chars().next().unwrap_or(' ');
            ink.push((c, pen + g.dx + x0 * style.size, pen + g.dx + x1 * style.size));
        }
        pen += g.advance;
    }
    ink.windows(2)
        .map(|w| (format!("{}{}", w[0].0, w[1].0), (w[1].1 - w[0].2) / style.size))
        .collect()
}

fn style(book: &FontBook, spec: &FontSpec) -> Style {
    let face = book.select(&spec.family, spec.bold, spec.italic).unwrap();
    Style { face, size: spec.size, ..Style::default() }
}

#[test]
fn technical_tokens_are_tight_in_every_theme_and_role() {
    let book = FontBook::new();
    let mut loose = Vec::new();
    let mut measured = 0;
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        let f = &theme.fonts;
        for (role, spec) in [
            ("body", &f.body),
            ("entry_title", &f.entry_title),
            ("entry_subtitle", &f.entry_subtitle),
            ("meta", &f.meta),
        ] {
            let s = style(&book, spec);
            for token in TOKENS {
                // The typeface's own letter and digit pairs ("NE", "10")
                // are its design; the signs' are what vita sets.
                for (pair, gap) in gaps(&book, &s, token) {
                    if !pair.contains(['+', '#', '.', '-']) {
                        continue;
                    }
                    measured += 1;
                    if gap > MOST {
                        loose.push(format!(
                            "{name} {role} ({}): {token:?} {pair:?} {gap:.3} em",
                            spec.family
                        ));
                    }
                }
            }
        }
    }
    assert!(measured > 200, "{measured} gaps measured");
    assert!(loose.is_empty(), "loose gaps:\n{}", loose.join("\n"));
}

#[test]
fn plus_signs_are_tight_after_a_letter_and_a_digit_in_every_theme() {
    let book = FontBook::new();
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        let s = style(&book, &theme.fonts.body);
        for (token, pair) in [("C++", "++"), ("C++", "C+"), ("5+", "5+"), ("10+", "0+")] {
            let gap = gaps(&book, &s, token).into_iter().find(|(p, _)| p == pair).unwrap().1;
            assert!(gap <= 0.09, "{name}: {token:?} has {gap:.3} em between {pair:?}");
            assert!(gap >= 0.01, "{name}: {token:?} overlaps at {pair:?} ({gap:.3} em)");
        }
    }
}
