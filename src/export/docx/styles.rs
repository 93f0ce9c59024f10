//! How the .docx looks, and what it says it is: the paragraph and character
//! styles made from the theme's fonts, sizes, colours and spacing; the
//! bullet and number definitions behind the list styles; the font table,
//! which names a common fallback for each of the theme's families (the
//! fonts themselves are not embedded); and the core properties (title,
//! author, subject, keywords, dates).
//!
//! docx-rs writes styles and numbering; it has no setter for the core
//! properties' title, author or keywords, nor for a font's `altName`, so
//! those two parts are written here as XML.

use crate::export::pdf::Metadata;
use crate::theme::{EntryLayout, FontSpec, HeadingRule, Theme};
use docx_rs::*;

/// The style ids a paragraph of the résumé takes. Word's built-in names,
/// so that Word, LibreOffice and readers such as python-docx know them.
pub(super) mod id {
    /// The name.
    pub(in crate::export) const TITLE: &str = "Title";
    /// The headline under the name.
    pub(in crate::export) const SUBTITLE: &str = "Subtitle";
    /// Running text: contact details, summaries, "Label: text" lines.
    pub(in crate::export) const NORMAL: &str = "Normal";
    /// A section's title.
    pub(in crate::export) const HEADING1: &str = "Heading1";
    /// An entry's first header line: title, organisation, dates.
    pub(in crate::export) const HEADING2: &str = "Heading2";
    /// An entry's further header lines: place, address.
    pub(in crate::export) const DETAILS: &str = "EntryDetails";
    /// A bullet.
    pub(in crate::export) const BULLET: &str = "ListBullet";
    /// A bullet under a lead-in.
    pub(in crate::export) const BULLET2: &str = "ListBullet2";
    /// A numbered item under a lead-in.
    pub(in crate::export) const NUMBER2: &str = "ListNumber2";
    /// The character style of links.
    pub(in crate::export) const LINK: &str = "Hyperlink";
}

/// The numbering definition bullets use (docx-rs always writes a
/// numbered definition of its own as 1).
pub(super) const BULLETS: usize = 2;
/// The abstract definition of numbered items; each numbered group gets
/// its own instance of it ([`numbered`]), so that each counts from 1.
const NUMBERS: usize = 3;

/// Twentieths of a point, Word's unit of length.
pub(super) fn twips(points: f32) -> i32 {
    (points * 20.0).round() as i32
}

/// The page's width less its side margins, in twips: where a right tab
/// stop sits.
pub(super) fn text_width(theme: &Theme) -> i32 {
    let (w, _) = theme.page.size_pt();
    twips(w - theme.page.margin_left.pt() - theme.page.margin_right.pt())
}

/// Where an entry header's second group of facts goes ([`HeaderRow`]'s
/// `right`): flush right at the text's edge (the dates), or, with a rail,
/// at the rail's far side, the rail's facts (dates, place) read first.
///
/// [`HeaderRow`]: crate::compose::describe::HeaderRow
pub(super) fn header_tab(theme: &Theme) -> Tab {
    match theme.entry.layout {
        EntryLayout::Rail => {
            let rail = theme.entry.rail_width.pt() + theme.entry.rail_gap.pt();
            Tab::new().val(TabValueType::Left).pos(twips(rail) as usize)
        }
        _ => Tab::new().val(TabValueType::Right).pos(text_width(theme) as usize),
    }
}

/// A colour as Word writes it ("1F4E79").
pub(super) fn hex(c: crate::theme::Color) -> String {
    format!("{:02X}{:02X}{:02X}", c.r, c.g, c.b)
}

/// The theme's page size and margins, its styles and its numbering, set on
/// a new document.
pub(super) fn document(theme: &Theme) -> Docx {
    let (w, h) = theme.page.size_pt();
    let p = &theme.page;
    let margin = PageMargin::new()
        .top(twips(p.margin_top.pt()))
        .bottom(twips(p.margin_bottom.pt()))
        .left(twips(p.margin_left.pt()))
        .right(twips(p.margin_right.pt()))
        .header(twips(p.margin_top.pt() / 2.0))
        .footer(twips(p.margin_bottom.pt() / 2.0));
    let mut docx = Docx::new()
        .page_size(twips(w) as u32, twips(h) as u32)
        .page_margin(margin)
        .default_fonts(fonts(&theme.fonts.body))
        .default_size(half_points(theme.fonts.body.size));
    for style in styles(theme) {
        docx = docx.add_style(style);
    }
    docx.add_abstract_numbering(bullets(theme)).add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// A fresh instance of the numbered list, counting from 1: `n` must be
/// unique in the document and above [`BULLETS`].
pub(super) fn numbered(docx: Docx, n: usize) -> Docx {
    let docx = if n == BULLETS + 1 { docx.add_abstract_numbering(numbers()) } else { docx };
    docx.add_numbering(Numbering::new(n, NUMBERS).add_override(LevelOverride::new(1).start(1)))
}

/// A size in points as Word's half-points.
fn half_points(size: f32) -> usize {
    (size * 2.0).round().max(2.0) as usize
}

/// The theme's family for every script Word distinguishes.
fn fonts(spec: &FontSpec) -> RunFonts {
    let f = spec.family.as_str();
    RunFonts::new().ascii(f).hi_ansi(f).cs(f).east_asia(f)
}

/// A run's look from a font role, in `color`.
fn run(spec: &FontSpec, color: crate::theme::Color) -> RunProperty {
    let mut r = RunProperty::new()
        .fonts(fonts(spec))
        .size(half_points(spec.size))
        .color(hex(spec.color.unwrap_or(color)));
    if spec.bold {
        r = r.bold();
    }
    if spec.italic {
        r = r.italic();
    }
    if spec.letter_spacing != 0.0 {
        r = r.character_spacing(twips(spec.letter_spacing));
    }
    r
}

/// Space before and after a paragraph, in points, and its lines at least
/// the theme's leading times `size`, the paragraph's font size: as the
/// PDF spaces them, where "auto" spacing would multiply each font's own,
/// larger line height.
fn spacing(theme: &Theme, size: f32, (before, after): (f32, f32)) -> LineSpacing {
    LineSpacing::new()
        .before(twips(before).max(0) as u32)
        .after(twips(after).max(0) as u32)
        .line(twips(size * theme.spacing.leading))
        .line_rule(LineSpacingType::AtLeast)
}

/// A paragraph style named as Word names it (its headings in lower case,
/// "heading 1", which Word shows as "Heading 1"), based on Normal.
fn paragraph(id: &str, name: &str, run: RunProperty, spacing: LineSpacing) -> Style {
    let mut s = Style::new(id, StyleType::Paragraph).name(name).q_format(true);
    if id != id::NORMAL {
        s = s.based_on(id::NORMAL).next(id::NORMAL);
    }
    s.run_property = run;
    s.paragraph_property = s.paragraph_property.line_spacing(spacing);
    s
}

/// Every style the résumé uses.
fn styles(theme: &Theme) -> Vec<Style> {
    let (f, c, s) = (&theme.fonts, &theme.colors, &theme.spacing);
    let heading_color = if theme.headings.accent { c.accent } else { c.text };
    let right_tab = header_tab(theme);

    let normal = paragraph(
        id::NORMAL,
        "Normal",
        run(&f.body, c.text),
        spacing(theme, f.body.size, (0.0, s.paragraph.get())),
    );
    let mut title = paragraph(
        id::TITLE,
        "Title",
        run(&f.name, c.text),
        spacing(theme, f.name.size, (0.0, 2.0)),
    );
    let mut subtitle = paragraph(
        id::SUBTITLE,
        "Subtitle",
        run(&f.label, c.muted),
        spacing(theme, f.label.size, (0.0, 2.0)),
    );
    if theme.header.align == crate::theme::Align::Center {
        title = title.align(AlignmentType::Center);
        subtitle = subtitle.align(AlignmentType::Center);
    }
    let mut h1 = paragraph(
        id::HEADING1,
        "heading 1",
        run(&f.heading, heading_color),
        spacing(theme, f.heading.size, (s.section_before.get(), s.section_after.get())),
    );
    if theme.headings.uppercase || theme.headings.small_caps {
        h1.run_property = h1.run_property.caps();
    }
    if theme.headings.rule != HeadingRule::None {
        let rule = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .size(4)
            .space(1)
            .color(hex(heading_color));
        let borders = ParagraphBorders::with_empty().set(rule);
        h1.paragraph_property = h1.paragraph_property.set_borders(borders);
    }
    h1.paragraph_property = h1.paragraph_property.keep_next(true).outline_lvl(0);
    let mut h2 = paragraph(
        id::HEADING2,
        "heading 2",
        run(&f.entry_title, c.text),
        spacing(theme, f.entry_title.size, (s.entry_before.get(), 0.0)),
    );
    h2.paragraph_property =
        h2.paragraph_property.keep_next(true).outline_lvl(1).add_tab(right_tab.clone());
    let mut details = paragraph(
        id::DETAILS,
        "Entry Details",
        run(&f.meta, c.muted),
        spacing(theme, f.meta.size, (0.0, s.entry_header_after.get())),
    );
    details.paragraph_property = details.paragraph_property.keep_next(true).add_tab(right_tab);

    let list = |id: &str, name: &str, numbering: usize, level: usize| {
        let mut st = paragraph(
            id,
            name,
            run(&f.body, c.text),
            spacing(theme, f.body.size, (s.bullet.get(), 0.0)),
        );
        st.paragraph_property =
            st.paragraph_property.numbering(NumberingId::new(numbering), IndentLevel::new(level));
        st
    };
    let mut link = Style::new(id::LINK, StyleType::Character).name("Hyperlink");
    link.run_property = RunProperty::new().color(hex(c.links)).underline("single");
    vec![
        normal,
        title,
        subtitle,
        h1,
        h2,
        details,
        list(id::BULLET, "List Bullet", BULLETS, 0),
        list(id::BULLET2, "List Bullet 2", BULLETS, 1),
        // A numbered group's items name their own instance; the style
        // carries the level and indent.
        list(id::NUMBER2, "List Number 2", BULLETS, 1),
        link,
    ]
}

/// The bullets: the theme's glyph, then its nested glyph one level in.
fn bullets(theme: &Theme) -> AbstractNumbering {
    let indent = twips(theme.bullets.indent.get().max(9.0));
    let level = |n: usize, glyph: &str| {
        Level::new(
            n,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(glyph),
            LevelJc::new("left"),
        )
        .indent(
            Some(indent * (n as i32 + 1)),
            Some(SpecialIndentType::Hanging(indent)),
            None,
            None,
        )
    };
    AbstractNumbering::new(BULLETS)
        .add_level(level(0, &theme.bullets.glyph))
        .add_level(level(1, &theme.bullets.nested_glyph))
}

/// Numbered items one level in: "1.", "2.", ….
fn numbers() -> AbstractNumbering {
    let level = |n: usize| {
        Level::new(
            n,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new(format!("%{}.", n + 1)),
            LevelJc::new("left"),
        )
        .indent(
            Some(360 * (n as i32 + 1)),
            Some(SpecialIndentType::Hanging(360)),
            None,
            None,
        )
    };
    AbstractNumbering::new(NUMBERS).add_level(level(0)).add_level(level(1))
}

/// The font table: each of the theme's families with the common family
/// that stands in for it where it is not installed (Times New Roman for a
/// serif, Arial for a sans), so that Word and LibreOffice substitute alike.
pub(super) fn font_table(theme: &Theme) -> Vec<u8> {
    let mut families: Vec<&str> =
        theme.fonts.roles().iter().map(|(_, f)| f.family.as_str()).collect();
    families.sort_unstable();
    families.dedup();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    );
    for family in families {
        let (fallback, class) = fallback(family);
        xml.push_str(&format!(
            "<w:font w:name=\"{}\"><w:altName w:val=\"{fallback}\"/><w:charset w:val=\"00\"/>\
             <w:family w:val=\"{class}\"/><w:pitch w:val=\"{}\"/></w:font>",
            crate::export::xml_escape(family),
            if class == "modern" { "fixed" } else { "variable" }
        ));
    }
    xml.push_str("</w:fonts>");
    xml.into_bytes()
}

/// The common family that stands in for `family`, and Word's class of it.
pub(super) fn fallback(family: &str) -> (&'static str, &'static str) {
    if family.contains("Mono") || family.contains("Code") {
        ("Courier New", "modern")
    } else if matches!(family, "Charis SIL" | "EB Garamond") || family.contains("Serif") {
        ("Times New Roman", "roman")
    } else {
        ("Arial", "swiss")
    }
}

/// The core properties: title, author, subject, keywords, and the dates.
pub(super) fn core(meta: &Metadata) -> Vec<u8> {
    let date = iso_date(meta.timestamp);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>\
         <cp:keywords>{}</cp:keywords><cp:lastModifiedBy>{}</cp:lastModifiedBy>\
         <cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>\
         </cp:coreProperties>",
        crate::export::xml_escape(&meta.title),
        crate::export::xml_escape(&meta.subject),
        crate::export::xml_escape(&meta.author),
        crate::export::xml_escape(&meta.keywords.join(", ")),
        crate::export::xml_escape(&meta.author),
    )
    .into_bytes()
}

/// A Unix timestamp as a W3C date-time in UTC ("2000-01-01T00:00:00Z").
fn iso_date(timestamp: i64) -> String {
    let (y, m, d) = crate::model::civil_from_days(timestamp.div_euclid(86_400));
    let secs = timestamp.rem_euclid(86_400);
    format!(
        "{:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        y.clamp(0, 9999),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}
