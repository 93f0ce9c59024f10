//! Traits of the file that ATS or the people behind them penalise:
//! invisible text (keyword stuffing), text too small to read, too many
//! pages, encryption, size, no title, no tags.

use super::Ctx;
use crate::check::interp::{Char, Hidden};
use crate::check::report::{Category, Finding, Severity};

/// Text smaller than this (points) is too small to read.
const TINY: f32 = 7.0;
/// More pages than this is long for a résumé.
const PAGES: usize = 3;
/// Files larger than this are refused by some job portals.
const BYTES: usize = 2 << 20;

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (p, page) in ctx.pages.pages.iter().enumerate() {
        invisible(p + 1, &page.chars, &page.pictures, out);
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
/// or off the page. Invisible text over a picture is a scan's OCR layer,
/// which is fine.
fn invisible(page: usize, chars: &[Char], pictures: &[[f32; 4]], out: &mut Vec<Finding>) {
    let over_picture = |c: &Char| {
        pictures.iter().any(|b| b[0] <= c.x && c.x <= b[2] && b[1] <= c.y && c.y <= b[3])
    };
    let hidden: Vec<&Char> = chars
        .iter()
        .filter(|c| match c.hidden {
            Some(Hidden::Mode) => !over_picture(c),
            Some(_) => true,
            None => false,
        })
        .collect();
    let count = hidden.iter().filter(|c| c.text.chars().any(char::is_alphanumeric)).count();
    if count < 3 {
        return;
    }
    let how = match hidden[0].hidden {
        Some(Hidden::White) => "white on white",
        Some(Hidden::OffPage) => "outside the page",
        _ => "not painted (render mode 3)",
    };
    Finding::new(
        "invisible-text",
        Severity::Error,
        Category::Hazard,
        format!("page {page} holds {count} characters of text nobody sees ({how}) that every ATS reads"),
    )
    .on(page)
    .around(letters(&hidden))
    .fix("remove hidden text: recruiters see it in the ATS's text view, and some systems reject the file for keyword stuffing")
    .vita("vita draws no hidden text")
    .push_to(out);
}

fn tiny(page: usize, chars: &[Char], out: &mut Vec<Finding>) {
    let small: Vec<&Char> = chars
        .iter()
        .filter(|c| {
            c.hidden.is_none()
                && c.size > 0.0
                && c.size < TINY
                && c.text.chars().any(char::is_alphanumeric)
        })
        .collect();
    if small.len() < 10 {
        return;
    }
    let least = small.iter().map(|c| c.size).fold(f32::INFINITY, f32::min);
    let shown: Vec<&Char> =
        chars.iter().filter(|c| c.hidden.is_none() && c.size > 0.0 && c.size < TINY).collect();
    Finding::new(
        "tiny-text",
        Severity::Warning,
        Category::Hazard,
        format!("page {page} has {} characters set under {TINY} pt (the smallest {least:.1} pt): hard to read in print and on screen", small.len()),
    )
    .on(page)
    .around(letters(&shown))
    .fix("set every text at 7 pt or more; body text reads best at 9–11 pt")
    .vita("vita's themes never set text under 7 pt")
    .push_to(out);
}

fn document(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let pdf = ctx.pdf;
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
    if pdf.encrypted {
        Finding::new("encrypted", Severity::Warning, Category::Hazard, "the PDF is encrypted; some ATS refuse encrypted files even when they open without a password")
            .fix("export without security settings or permissions")
            .vita("vita never encrypts")
            .push_to(out);
    }
    if pdf.bytes > BYTES {
        Finding::new(
            "file-size",
            Severity::Warning,
            Category::Hazard,
            format!(
                "the file is {:.1} MB; many job portals refuse files over 2 MB",
                pdf.bytes as f64 / 1e6
            ),
        )
        .fix("compress or shrink pictures; subset the fonts")
        .vita("vita's PDFs are about 50 kB")
        .push_to(out);
    }
    if pdf.title().is_none() {
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
    if !pdf.tagged() {
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
            format!(
                "{} font{} not embedded; the résumé looks different where they are not installed",
                missing.len(),
                if missing.len() == 1 { " is" } else { "s are" }
            ),
        )
        .around(missing.join(", "))
        .fix("embed all fonts when exporting")
        .vita("vita embeds a subset of every font it uses")
        .push_to(out);
    }
}
