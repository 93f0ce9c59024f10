//! Shaping with rustybuzz: text in one style → glyphs with advances from the
//! font's GPOS/GSUB (kerning, ligatures), never from a per-character sum.

use super::frame::Glyph;
use crate::compose::Style;
use crate::fonts::FontBook;
use crate::theme::Figures;
use rustybuzz::ttf_parser::Tag;
use rustybuzz::{Direction, Feature, UnicodeBuffer};

/// Shapes `text` in `style`. Clusters are byte offsets into `text`; glyphs
/// come in visual order (left to right).
pub fn shape(book: &FontBook, style: &Style, text: &str) -> Vec<Glyph> {
    let face = book.face(style.face);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(Direction::LeftToRight);
    let output = rustybuzz::shape(face, &features(style), buffer);
    let scale = style.size / face.units_per_em() as f32;
    output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| Glyph {
            id: info.glyph_id as u16,
            advance: pos.x_advance as f32 * scale + style.letter_spacing,
            dx: pos.x_offset as f32 * scale,
            dy: pos.y_offset as f32 * scale,
            cluster: info.cluster,
        })
        .collect()
}

/// The OpenType features a style asks for (kerning and standard ligatures
/// are on by default).
fn features(style: &Style) -> Vec<Feature> {
    let on = |tag: &[u8; 4]| Feature::new(Tag::from_bytes(tag), 1, ..);
    let mut out = Vec::new();
    if style.small_caps {
        out.push(on(b"smcp"));
    }
    match style.figures {
        Figures::Default => {}
        Figures::Lining => out.push(on(b"lnum")),
        Figures::Tabular => out.extend([on(b"lnum"), on(b"tnum")]),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Color;

    fn style(book: &FontBook, family: &str) -> Style {
        let face = book.select(family, false, false).unwrap();
        Style { face, size: 10.0, color: Color::rgb(0, 0, 0), ..Style::default() }
    }

    #[test]
    fn kerning_comes_from_gpos() {
        let book = FontBook::new();
        let s = style(&book, "Lato");
        let pair: f32 = shape(&book, &s, "AV").iter().map(|g| g.advance).sum();
        let apart: f32 =
            ["A", "V"].iter().flat_map(|t| shape(&book, &s, t)).map(|g| g.advance).sum();
        assert!(pair < apart - 0.1, "AV kerned {pair} vs {apart}");
    }

    #[test]
    fn small_caps_and_tabular_figures_change_glyphs() {
        let book = FontBook::new();
        let plain = style(&book, "Charis SIL");
        let ids = |s: &Style, t: &str| shape(&book, s, t).iter().map(|g| g.id).collect::<Vec<_>>();
        let caps = Style { small_caps: true, ..plain };
        assert_ne!(ids(&plain, "abc"), ids(&caps, "abc"), "smcp applied");
        let tab = Style { figures: Figures::Tabular, ..plain };
        let width = |s: &Style, t: &str| shape(&book, s, t).iter().map(|g| g.advance).sum::<f32>();
        assert!(
            (width(&tab, "1111") - width(&tab, "0000")).abs() < 0.01,
            "tabular figures share a width"
        );
    }

    #[test]
    fn ligature_is_one_glyph_with_both_letters() {
        let book = FontBook::new();
        let s = style(&book, "Charis SIL");
        let glyphs = shape(&book, &s, "fi");
        assert_eq!(glyphs.len(), 1, "Charis SIL has an fi ligature");
    }
}
