//! The HTML export (`-f html`): the résumé's description as one
//! self-contained web page. Its CSS follows the theme ([`css`]); the faces
//! it draws with are embedded as subsets ([`fonts`]); the photo is inline;
//! it fetches nothing. The markup is semantic: `h1` for the name, `h2` per
//! section, an `article` per entry with `time` elements for its dates,
//! lists for bullets and contact details, links showing their addresses,
//! and a schema.org `Person` in JSON-LD ([`jsonld`]). What each entry says
//! comes from [`crate::compose::describe`], as for every other format;
//! how its header lines are arranged, from [`Entry::header`].

mod css;
mod fonts;
mod jsonld;
mod letter;

pub use letter::letter;

use crate::compose::describe::{Contact, Description, Entry, Item, Labelled, Part, Section};
use crate::compose::markup;
use crate::fonts::FontBook;
use crate::model::Highlight;
use crate::photo::Photo;
use crate::theme::{EntryLayout, FontSpec, Theme};
use fonts::Faces;

/// What the page is made of besides the description.
pub struct Page<'a> {
    /// The theme whose look the page follows.
    pub theme: &'a Theme,
    /// Where the theme's faces come from.
    pub book: &'a FontBook,
    /// The photo, for a theme that shows one.
    pub photo: Option<&'a Photo>,
}

/// The résumé as one HTML document.
pub fn render(d: &Description, page: &Page) -> String {
    let mut w = Writer::new(page);
    w.out.push_str("<body>\n<main class=\"cv\">\n");
    w.resume(d, page.photo);
    w.out.push_str("</main>\n</body>\n");
    w.finish(d)
}

/// Writes the body, noting the characters each face draws.
struct Writer<'a> {
    theme: &'a Theme,
    faces: Faces<'a>,
    out: String,
}

impl<'a> Writer<'a> {
    fn new(page: &Page<'a>) -> Self {
        Writer { theme: page.theme, faces: Faces::new(page.book), out: String::new() }
    }

    /// The whole document: the head, with the style sheet for the faces
    /// the body drew with, then the body written.
    fn finish(self, d: &Description) -> String {
        let families = css::families(self.theme);
        let stacks = css::Stacks::new(&self.faces.fallbacks(&families));
        let style = format!("{}{}", self.faces.css(), css::sheet(self.theme, &stacks));
        let title = markup::plain(&d.name);
        let description = d.label.as_deref().map(markup::plain).unwrap_or_default();
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n{description}\
             <meta name=\"generator\" content=\"vita\">\n<style>\n{style}</style>\n\
             <script type=\"application/ld+json\">\n{ld}\n</script>\n</head>\n{body}</html>\n",
            lang = attr(&d.language),
            dir = if d.rtl { "rtl" } else { "ltr" },
            title = text(&title),
            description = match description.is_empty() {
                true => String::new(),
                false =>
                    format!("<meta name=\"description\" content=\"{}\">\n", attr(&description)),
            },
            ld = jsonld::person(d),
            body = self.out,
        )
    }

    /// The résumé: its header, then its columns of sections.
    fn resume(&mut self, d: &Description, photo: Option<&Photo>) {
        let t = self.theme;
        // Contact details go in a column instead when a section holds them.
        let in_column =
            d.sections.iter().flat_map(|s| &s.items).any(|i| matches!(i, Item::Contacts(_)));
        let masthead = self.masthead(d, photo, !in_column);
        if t.header.band {
            self.out.push_str(&masthead);
        }
        self.columns(d, (!t.header.band).then_some(masthead.as_str()));
        if let Some(updated) = &d.updated {
            self.out.push_str("<footer><p class=\"updated\">");
            self.plain(updated, &t.fonts.meta);
            self.out.push_str("</p></footer>\n");
        }
    }

    /// The name, the label, the contact details (when `contacts`) and the
    /// photo, as a `header` element.
    fn masthead(&mut self, d: &Description, photo: Option<&Photo>, contacts: bool) -> String {
        let t = self.theme;
        let before = std::mem::take(&mut self.out);
        self.out.push_str("<header class=\"masthead\">\n");
        if let Some(photo) = photo {
            self.out.push_str(&format!(
                "<img class=\"photo\" src=\"data:image/png;base64,{}\" width=\"{}\" height=\"{}\" alt=\"{}\">\n",
                base64(&png(photo)),
                photo.width,
                photo.height,
                attr(&markup::plain(&d.name))
            ));
        }
        self.out.push_str("<h1>");
        self.inline(&d.name, &t.fonts.name);
        self.out.push_str("</h1>\n");
        if let Some(label) = &d.label {
            self.out.push_str("<p class=\"label\">");
            self.inline(label, &t.fonts.label);
            self.out.push_str("</p>\n");
        }
        if contacts && !d.contacts.is_empty() {
            self.contacts(&d.contacts, "contacts inline");
        }
        self.out.push_str("</header>\n");
        std::mem::replace(&mut self.out, before)
    }

    /// The theme's columns in reading order, each with its sections; the
    /// first opens with `masthead` when it is not a band above them.
    fn columns(&mut self, d: &Description, masthead: Option<&str>) {
        let regions = self.theme.regions(1.0);
        self.out.push_str(&format!("<div class=\"columns n{}\">\n", regions.len()));
        for (n, region) in regions.iter().enumerate() {
            self.out.push_str(&format!("<div class=\"column c{}\">\n", css::ident(&region.name)));
            if let Some(masthead) = masthead.filter(|_| n == 0) {
                self.out.push_str(masthead);
            }
            for (i, section) in d.sections.iter().enumerate().filter(|(_, s)| s.column == n) {
                self.section(i, section);
            }
            self.out.push_str("</div>\n");
        }
        self.out.push_str("</div>\n");
    }

    fn contacts(&mut self, contacts: &[Contact], class: &str) {
        let spec = &self.theme.fonts.contact;
        self.out.push_str(&format!("<ul class=\"{class}\">\n"));
        for c in contacts {
            self.out.push_str("<li>");
            match &c.link {
                Some(link) => {
                    self.out.push_str(&format!("<a href=\"{}\">", attr(link)));
                    self.plain(&c.text, spec);
                    self.out.push_str("</a>");
                }
                None => self.plain(&c.text, spec),
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ul>\n");
        if class.contains("inline") {
            // The separator between items is drawn by the style sheet.
            let sep = self.theme.header.separator.clone();
            self.faces.add(&spec.family, spec.bold, spec.italic, &sep);
        }
    }

    fn section(&mut self, index: usize, s: &Section) {
        let t = self.theme;
        let id = format!("s{}-{}", index + 1, css::ident(s.kind.key()));
        self.out.push_str(&format!(
            "<section class=\"section {}\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">",
            css::ident(s.kind.key())
        ));
        // The heading may be set in capitals: both cases are drawn.
        let h = &t.fonts.heading;
        let title = markup::plain(&s.title);
        self.faces.add(&h.family, h.bold, h.italic, &title.to_uppercase());
        self.faces.add(&h.family, h.bold, h.italic, &title.to_lowercase());
        self.plain(&title, h);
        self.out.push_str("</h2>\n");
        let mut list: Vec<&Labelled> = Vec::new();
        for item in &s.items {
            if let Item::Labelled(l) = item {
                list.push(l);
                continue;
            }
            self.labelled_list(&std::mem::take(&mut list));
            match item {
                Item::Contacts(c) => self.contacts(c, "contacts"),
                Item::Entry(e) => self.entry(e),
                Item::Prose { text, .. } => self.prose(text),
                Item::Labelled(_) => {}
            }
        }
        self.labelled_list(&list);
        self.out.push_str("</section>\n");
    }

    /// Consecutive "Label: text" items, as a list.
    fn labelled_list(&mut self, items: &[&Labelled]) {
        if items.is_empty() {
            return;
        }
        self.out.push_str("<ul class=\"labelled\">\n");
        for l in items {
            self.out.push_str("<li>");
            self.labelled(l);
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ul>\n");
    }

    /// "**Label:** text", the label alone, or the text alone.
    fn labelled(&mut self, l: &Labelled) {
        let body = &self.theme.fonts.body;
        let (label, rest) = (l.label.trim(), l.text.trim());
        if !label.is_empty() {
            self.out.push_str("<strong>");
            let bold = FontSpec { bold: true, ..body.clone() };
            self.inline(label, &bold);
            if !rest.is_empty() {
                self.plain(l.colon.trim_end(), &bold);
            }
            self.out.push_str("</strong>");
            if !rest.is_empty() {
                self.plain(&l.colon[l.colon.trim_end().len()..], body);
            }
        }
        self.inline(rest, body);
    }

    fn entry(&mut self, e: &Entry) {
        let layout = self.theme.entry.layout;
        self.out.push_str("<article class=\"entry\">\n<header class=\"head\">\n");
        let mut titled = false;
        for row in e.header(layout) {
            self.out.push_str("<div class=\"row\">");
            for (side, parts) in [("start", &row.left), ("end", &row.right)] {
                if parts.is_empty() && !(layout == EntryLayout::Rail && side == "start") {
                    continue;
                }
                // The title is the entry's heading; it opens its side.
                let heading = !titled && parts.first() == Some(&Part::Title);
                let tag = if heading { "h3" } else { "p" };
                titled |= heading;
                self.out.push_str(&format!("<{tag} class=\"{side}\">"));
                for (i, &part) in parts.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str("<span class=\"sep\"> · </span>");
                        let m = &self.theme.fonts.meta;
                        self.faces.add(&m.family, m.bold, m.italic, " · ");
                    }
                    self.part(e, part);
                }
                self.out.push_str(&format!("</{tag}>"));
            }
            self.out.push_str("</div>\n");
        }
        self.out.push_str("</header>\n<div class=\"body\">\n");
        if let Some(summary) = &e.summary {
            self.prose(summary);
        }
        self.bullets(&e.highlights);
        for l in &e.lists {
            self.out.push_str("<p class=\"list\">");
            self.labelled(l);
            self.out.push_str("</p>\n");
        }
        self.out.push_str("</div>\n</article>\n");
    }

    fn part(&mut self, e: &Entry, part: Part) {
        let f = &self.theme.fonts;
        let Some(value) = e.part(part) else { return };
        match part {
            Part::Title => {
                self.out.push_str("<span class=\"title\">");
                self.inline(value, &f.entry_title);
            }
            Part::Subtitle => {
                self.out.push_str("<span class=\"org\">");
                self.inline(value, &f.entry_subtitle);
            }
            Part::Location => {
                self.out.push_str("<span class=\"place\">");
                self.plain(value, &f.meta);
            }
            Part::Link => {
                let url = e.link.as_ref().map(|l| l.url.as_str()).unwrap_or_default();
                self.out.push_str(&format!("<span class=\"link\"><a href=\"{}\">", attr(url)));
                self.plain(value, &f.meta);
                self.out.push_str("</a>");
            }
            Part::Dates => {
                self.out.push_str("<span class=\"dates\">");
                self.dates(value, e);
            }
        }
        self.out.push_str("</span>");
    }

    /// The printed dates, each end that has an ISO date in a `time`
    /// element. The text printed is the description's, character for
    /// character: where its ends cannot be found in it, it stays plain.
    fn dates(&mut self, printed: &str, e: &Entry) {
        let meta = self.theme.fonts.meta.clone();
        let mut rest = printed;
        let mut pieces: Vec<(&str, Option<&str>)> = Vec::new();
        for m in &e.moments {
            let Some(at) = rest.find(&m.text) else {
                pieces.clear();
                rest = printed;
                break;
            };
            if at > 0 {
                pieces.push((&rest[..at], None));
            }
            pieces.push((&rest[at..at + m.text.len()], m.iso.as_deref()));
            rest = &rest[at + m.text.len()..];
        }
        pieces.push((rest, None));
        for (text, iso) in pieces.into_iter().filter(|(t, _)| !t.is_empty()) {
            match iso {
                Some(iso) => {
                    self.out.push_str(&format!("<time datetime=\"{}\">", attr(iso)));
                    self.plain(text, &meta);
                    self.out.push_str("</time>");
                }
                None => self.plain(text, &meta),
            }
        }
    }

    fn prose(&mut self, text: &str) {
        let body = self.theme.fonts.body.clone();
        for p in markup::paragraphs(text) {
            self.out.push_str("<p>");
            self.inline(&p, &body);
            self.out.push_str("</p>\n");
        }
    }

    fn bullets(&mut self, highlights: &[Highlight]) {
        if highlights.is_empty() {
            return;
        }
        let t = self.theme;
        let body = &t.fonts.body;
        self.faces.add(&body.family, body.bold, body.italic, &t.bullets.glyph);
        self.out.push_str("<ul class=\"bullets\">\n");
        for h in highlights {
            self.out.push_str("<li>");
            self.inline(h.text(), body);
            if let Highlight::Group(g) = h {
                let tag = if g.numbered { "ol" } else { "ul" };
                if !g.numbered {
                    self.faces.add(&body.family, body.bold, body.italic, &t.bullets.nested_glyph);
                } else {
                    self.faces.add(&body.family, body.bold, body.italic, "0123456789.");
                }
                self.out.push_str(&format!("\n<{tag}>\n"));
                for item in &g.items {
                    self.out.push_str("<li>");
                    self.inline(item, body);
                    self.out.push_str("</li>\n");
                }
                self.out.push_str(&format!("</{tag}>\n"));
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ul>\n");
    }

    /// Text without markup, in `spec`'s face.
    fn plain(&mut self, s: &str, spec: &FontSpec) {
        self.faces.add(&spec.family, spec.bold, spec.italic, s);
        self.out.push_str(&words(s));
    }

    /// A text field's inline markup: bold, italics, code and links.
    fn inline(&mut self, s: &str, spec: &FontSpec) {
        let mono = self.theme.fonts.mono.family.clone();
        for p in markup::parse(s) {
            let family = if p.code { &mono } else { &spec.family };
            let (bold, italic) = (spec.bold || p.bold, spec.italic || p.italic);
            self.faces.add(family, bold, italic, &p.text);
            let mut open = String::new();
            let mut close = String::new();
            if let Some(link) = &p.link {
                open.push_str(&format!("<a href=\"{}\">", attr(link)));
                close.insert_str(0, "</a>");
            }
            for (on, tag) in [(p.bold, "strong"), (p.italic, "em"), (p.code, "code")] {
                if on {
                    open.push_str(&format!("<{tag}>"));
                    close.insert_str(0, &format!("</{tag}>"));
                }
            }
            self.out.push_str(&open);
            self.out.push_str(&words(&p.text.replace(['\n', '\r'], " ")));
            self.out.push_str(&close);
        }
    }
}

/// `s` escaped for an element's content.
fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The longest hyphenated word kept on one line, in characters: shorter
/// than a line on a phone.
const MAX_KEPT_WORD: usize = 32;

/// `s` escaped, each word with a hyphen inside it ("multi-tenant") in a
/// `span class="w"` that the style sheet keeps whole on its line (up to
/// [`MAX_KEPT_WORD`] characters). A line
/// that ends in a real hyphen is re-joined by some text extractors
/// (pdftotext's "multitenant"), so the print must not break there; the
/// PDF's own line breaker never does either.
fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let inner = word.trim_matches(|c: char| !c.is_alphanumeric());
        // A word longer than a phone's line may still break.
        if inner.contains('-') && word.chars().count() <= MAX_KEPT_WORD {
            out.push_str(&format!("<span class=\"w\">{}</span>", text(word)));
        } else {
            out.push_str(&text(word));
        }
    }
    out
}

/// `s` escaped for a quoted attribute value.
fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

/// The photo as a PNG file.
fn png(photo: &Photo) -> Vec<u8> {
    use image::ImageEncoder;
    use image::codecs::png::PngEncoder;
    let mut out = Vec::new();
    let encoded = PngEncoder::new(&mut out).write_image(
        &photo.rgba,
        photo.width,
        photo.height,
        image::ExtendedColorType::Rgba8,
    );
    if encoded.is_err() {
        out.clear();
    }
    out
}

/// Standard base64, padded (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_as_the_rfc_says() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
    }

    #[test]
    fn hyphenated_words_are_kept_whole_and_dashes_are_not() {
        assert_eq!(
            words("multi-tenant, 2020 – 2023 - x <a-b>"),
            "<span class=\"w\">multi-tenant,</span> 2020 – 2023 - x <span class=\"w\">&lt;a-b&gt;</span>"
        );
        let long = "a-".repeat(20);
        assert_eq!(words(&long), long, "a word longer than a phone's line may break");
    }

    #[test]
    fn markup_becomes_elements_and_text_is_escaped() {
        let theme = Theme::default();
        let book = FontBook::bundled_only();
        let mut w = Writer::new(&Page { theme: &theme, book: &book, photo: None });
        w.inline("a < **b** & [c](https://x.org/?a=1&b=\"2\")", &theme.fonts.body);
        assert_eq!(
            w.out,
            "a &lt; <strong>b</strong> &amp; <a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\">c</a>"
        );
    }
}
