//! Traits of the file that ATS or the people behind them penalise:
//! invisible text (keyword stuffing), text too small to read, too many
//! pages, encryption, size, no title, no tags.

use super::Ctx;
use crate::check::interp::{Char, Hidden, Page};
use crate::check::report::{Category, Finding, Severity};

/// Text smaller than this (points) is too small to read.
const TINY: f32 = 7.0;
/// A page whose pictures cover this share of it, beside text, gets a note.
const PICTURE: f32 = 0.1;
/// Text smaller than this (points) cannot be seen at all.
const SPECK: f32 = 2.0;
/// More pages than this is long for a résumé.
const PAGES: usize = 3;
/// Files larger than this are refused by some job portals.
const BYTES: usize = 2 << 20;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (p, page) in ctx.pages.pages.iter().enumerate() {
        invisible(p + 1, page, out);
        picture(p + 1, page, out);
        tiny(p + 1, &page.chars, out);
    }
    document(ctx, out);
}

fn letters(chars: &[&Char]) -> String {
    let mut text = String::new();
    let mut last: Option<&Char> = None;
    for c in chars {
        if let Some(p) = last
            && ((c.y - p.y).abs() > 1.0 || c.x - p.end > 0.15 * c.size)
            && !text.ends_with(' ')
        {
            text.push(' ');
        }
        text.push_str(&c.text);
        last = Some(c);
    }
    text
}

/// Text nobody sees but every ATS reads: render mode 3, white on white,
/// off the page, under 2 pt, or painted over in white. Invisible text
/// over a picture is a scan's OCR layer, which is fine.
fn invisible(number: usize, page: &Page, out: &mut Vec<Finding>) {
    let inside = |b: &[f32; 4], c: &Char| b[0] <= c.x && c.x <= b[2] && b[1] <= c.y && c.y <= b[3];
    let over_picture = |c: &Char| page.pictures.iter().any(|b| inside(b, c));
    let covered =
        |k: usize, c: &Char| page.covers.iter().any(|(b, before)| k < *before && inside(b, c));
    let mut hidden: Vec<(&Char, &'static str)> = Vec::new();
    for (k, c) in page.chars.iter().enumerate() {
        let how = match c.hidden {
            Some(Hidden::Mode) if over_picture(c) => continue,
            Some(Hidden::Mode) => "not painted (render mode 3)",
            Some(Hidden::White) => "white on white",
            Some(Hidden::OffPage) => "outside the page",
            None if c.size > 0.0 && c.size < SPECK => "under 2 pt",
            None if covered(k, c) => "painted over in white",
            None => continue,
        };
        hidden.push((c, how));
    }
    let count = hidden.iter().filter(|(c, _)| c.text.chars().any(char::is_alphanumeric)).count();
    if count < 3 {
        return;
    }
    let chars: Vec<&Char> = hidden.iter().map(|(c, _)| *c).collect();
    Finding::new(
        "invisible-text",
        Severity::Error,
        Category::Hazard,
        format!("page {number} holds {count} characters of text nobody sees ({}) that every ATS reads", hidden[0].1),
    )
    .on(number)
    .around(letters(&chars))
    .fix("remove hidden text: recruiters see it in the ATS's text view, and some systems reject the file for keyword stuffing")
    .vita("vita draws no hidden text")
    .push_to(out);
}

/// A page with text and a large picture: if the picture shows words (a
/// name in a banner, a logo, a chart of skills), no ATS reads them. A page
/// that is all picture is `no-text`'s.
fn picture(number: usize, page: &Page, out: &mut Vec<Finding>) {
    let text = page.chars.iter().any(|c| c.mapped && c.text.chars().any(char::is_alphanumeric));
    if !text || page.image_cover < PICTURE {
        return;
    }
    Finding::new(
        "picture",
        Severity::Note,
        Category::Hazard,
        format!(
            "pictures cover {:.0} % of page {number}; if they show words (a name, a logo, a chart of skills), no ATS reads them",
            100.0 * page.image_cover
        ),
    )
    .on(number)
    .fix("write every word as text; keep pictures to a photo or a logo whose words are written out too")
    .vita("vita's only picture is the photo")
    .push_to(out);
}

fn tiny(page: usize, chars: &[Char], out: &mut Vec<Finding>) {
    let small: Vec<&Char> = chars
        .iter()
        .filter(|c| {
            c.hidden.is_none()
                && !c.artifact
                && c.size >= SPECK
                && c.size < TINY
                && c.text.chars().any(char::is_alphanumeric)
        })
        .collect();
    if small.len() < 10 {
        return;
    }
    let least = small.iter().map(|c| c.size).fold(f32::INFINITY, f32::min);
    let shown: Vec<&Char> =
        chars.iter().filter(|c| c.hidden.is_none() && c.size >= SPECK && c.size < TINY).collect();
    Finding::new(
        "tiny-text",
        Severity::Warning,
        Category::Hazard,
        format!("page {page} has {} characters set under {TINY} pt (the smallest {least:.1} pt): hard to read in print and on screen", small.len()),
    )
    .on(page)
    .around(letters(&shown))
    .fix("set every text at 7 pt or more; body text reads best at 9–11 pt")
    .vita("vita's built-in themes set no text under 7 pt")
    .push_to(out);
}

fn document(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let doc = ctx.document;
    let pages = ctx.pages.pages.len();
    if pages > PAGES {
        Finding::new(
            "too-many-pages",
            Severity::Warning,
            Category::Hazard,
            format!("the résumé has {pages} pages; recruiters expect one to three"),
        )
        .fix("shorten it: keep the last ten years and the achievements that fit the posting")
        .vita("vita render --fit-pages N fits the résumé on N pages")
        .push_to(out);
    }
    if doc.encrypted {
        Finding::new("encrypted", Severity::Warning, Category::Hazard, "the PDF is encrypted; some ATS refuse encrypted files even when they open without a password")
            .fix("export without security settings or permissions")
            .vita("vita never encrypts")
            .push_to(out);
    }
    if doc.bytes > BYTES {
        Finding::new(
            "file-size",
            Severity::Warning,
            Category::Hazard,
            format!(
                "the file is {:.1} MB; many job portals refuse files over 2 MB",
                doc.bytes as f64 / 1e6
            ),
        )
        .fix("compress or shrink pictures; subset the fonts")
        .vita("vita's PDFs are about 50 kB")
        .push_to(out);
    }
    if doc.title.is_none() {
        Finding::new(
            "no-title",
            Severity::Note,
            Category::Hazard,
            "the PDF has no title; portals show the file name or \"Untitled\" instead",
        )
        .fix("set the document title (File > Properties) to your name and \"Résumé\"")
        .vita("vita sets the title to the name and headline")
        .push_to(out);
    }
    if !doc.tagged {
        Finding::new(
            "untagged",
            Severity::Note,
            Category::Hazard,
            "the PDF is not tagged; screen readers and tag-aware parsers get no headings or lists",
        )
        .fix(
            "export with \"tagged PDF\" or \"document structure tags for accessibility\" turned on",
        )
        .vita("vita tags every PDF unless told --no-tags")
        .push_to(out);
    }
    let missing: Vec<&str> =
        ctx.pages.fonts.iter().filter(|f| !f.embedded).map(|f| f.name.as_str()).collect();
    if !missing.is_empty() {
        Finding::new(
            "fonts-not-embedded",
            Severity::Note,
            Category::Hazard,
            match missing.len() {
                1 => "a font is not embedded; the résumé looks different where it is not installed".to_string(),
                n => format!("{n} fonts are not embedded; the résumé looks different where they are not installed"),
            },
        )
        .around(missing.join(", "))
        .fix("embed all fonts when exporting")
        .vita("vita embeds a subset of every font it uses")
        .push_to(out);
    }
}
