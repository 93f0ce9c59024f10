//! The pipeline orchestrator: résumé + theme → composed blocks → laid-out
//! document → the requested outputs, all in memory. Writing files is the
//! caller's business, so a failure anywhere leaves the disk untouched.

use crate::compose::describe::describe;
use crate::compose::{Composed, compose, compose_description};
use crate::diag::Diagnostic;
use crate::export::{docx, html, markdown, pdf, png, text};
use crate::fonts::FontBook;
use crate::layout::{Document, layout};
use crate::limits::Limits;
use crate::locale::Locale;
use crate::model::Resume;
use crate::photo::Photo;
use crate::theme::Theme;
use std::path::Path;
use std::sync::Arc;

/// An output format `vita render` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Print-ready PDF with embedded, subset fonts.
    Pdf,
    /// Plain UTF-8 text in reading order, for applicant tracking systems.
    Txt,
    /// A PNG preview of each page (cv-1.png, cv-2.png, …), at `--dpi`.
    Png,
    /// GitHub-flavoured Markdown, as a profile README reads.
    Md,
    /// A Word document of real paragraph styles, for forms that ask for one.
    Docx,
    /// One self-contained HTML page, styled by the theme, its fonts and
    /// photo inline.
    Html,
}

impl Format {
    /// The file extension, without the dot ("pdf").
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Txt => "txt",
            Format::Png => "png",
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }
}

/// What a render produced, ready to be written. PNG previews come one
/// output per page, in page order.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Each output's format and bytes.
    pub outputs: Vec<(Format, Vec<u8>)>,
    /// The number of pages laid out.
    pub pages: usize,
    /// Layout stopped at its page limit and left the rest out.
    pub truncated: bool,
    /// What was worked around: layout's and the links' warnings, each with
    /// the field of the résumé it is about (`work[0].summary`), if any.
    pub warnings: Vec<(Option<String>, Diagnostic)>,
}

/// Options that do not belong to the theme.
#[derive(Debug, Clone)]
pub struct Options {
    /// The outputs to produce.
    pub formats: Vec<Format>,
    /// Creation date for the PDF, seconds since the Unix epoch.
    pub timestamp: i64,
    /// The résumé's photo, loaded, for themes that show one.
    pub photo: Option<Arc<Photo>>,
    /// Resolution of PNG previews, pixels per inch.
    pub dpi: f32,
    /// Folders of fonts searched after the bundled faces and before the
    /// system's (`fonts::found::user_dirs`).
    pub font_dirs: Vec<std::path::PathBuf>,
    /// How the PDF is written: tagged, and to which standard.
    pub pdf: pdf::Profile,
}

/// Lays the résumé out with the theme (exposed for tests and tools).
pub fn lay_out(resume: &Resume, theme: &Theme, book: &FontBook) -> Result<Document, Diagnostic> {
    lay_out_with_photo(resume, theme, book, None)
}

/// Lays the résumé out with its photo, where the theme places one.
pub fn lay_out_with_photo(
    resume: &Resume,
    theme: &Theme,
    book: &FontBook,
    photo: Option<&Arc<Photo>>,
) -> Result<Document, Diagnostic> {
    let composed = compose(resume, theme, book)?;
    Ok(layout(&composed, theme, book, photo))
}

/// The résumé's photo (`basics.image`, relative to the résumé in `dir`),
/// when the theme shows one, under the default limits.
pub fn load_photo(
    resume: &Resume,
    theme: &Theme,
    dir: &Path,
) -> Result<Option<Arc<Photo>>, Diagnostic> {
    load_photo_with(resume, theme, dir, &Limits::default())
}

/// The résumé's photo under `limits`: it must lie in `dir` or an allowed
/// folder, and have no more than `limits.pixels` pixels.
pub fn load_photo_with(
    resume: &Resume,
    theme: &Theme,
    dir: &Path,
    limits: &Limits,
) -> Result<Option<Arc<Photo>>, Diagnostic> {
    match (&resume.basics.image, theme.header.photo) {
        (Some(image), shape) if shape != crate::photo::Shape::None => {
            let path = crate::limits::confine(image, dir, &limits.allowed, "basics.image")?;
            Ok(Some(Arc::new(crate::photo::load_limited(&path, shape, limits.pixels)?)))
        }
        _ => Ok(None),
    }
}

/// Runs the whole pipeline on the calling thread: compose, lay out, write
/// the PDF and PNG, then the plain text. (One thread is faster than two
/// here: BENCHMARKS.md gives the figures.)
pub fn render(resume: &Resume, theme: &Theme, opts: &Options) -> Result<Rendered, Diagnostic> {
    let wants = |f: Format| opts.formats.contains(&f);
    // One description: every output says what it says.
    let description = describe(resume, theme, &Locale::for_resume(resume, theme)?);
    // One font book for every drawn output: the pages and the HTML
    // page's embedded faces.
    let pages = wants(Format::Pdf) || wants(Format::Png);
    let book = (pages || wants(Format::Html)).then(|| {
        FontBook::with_dirs(opts.font_dirs.clone()).with_language(Some(&description.language))
    });
    let mut out = match &book {
        Some(book) if pages => {
            let composed = compose_description(&description, theme, book)?;
            render_pages(&composed, resume, theme, book, opts)?
        }
        _ => Rendered::default(),
    };
    if wants(Format::Txt) {
        let txt = text::render(&description, theme.entry.layout);
        out.outputs.push((Format::Txt, txt.into_bytes()));
    }
    if wants(Format::Md) {
        out.outputs.push((Format::Md, markdown::render(&description).into_bytes()));
    }
    if wants(Format::Docx) {
        let meta = metadata(resume, theme, opts.timestamp);
        out.outputs.push((Format::Docx, docx::render(&description, theme, &meta)?));
    }
    if let (true, Some(book)) = (wants(Format::Html), &book) {
        let page = html::Page { theme, book, photo: opts.photo.as_deref() };
        out.outputs.push((Format::Html, html::render(&description, &page).into_bytes()));
    }
    Ok(out)
}

/// The PDF and PNG outputs, from one layout.
fn render_pages(
    composed: &Composed,
    resume: &Resume,
    theme: &Theme,
    book: &FontBook,
    opts: &Options,
) -> Result<Rendered, Diagnostic> {
    let doc = layout(composed, theme, book, opts.photo.as_ref());
    page_outputs(&doc, book, &metadata(resume, theme, opts.timestamp), opts)
}

/// The PDF and PNG outputs of a laid-out document (a résumé, a letter, or
/// both), with layout's and the links' warnings.
pub fn page_outputs(
    doc: &Document,
    book: &FontBook,
    meta: &pdf::Metadata,
    opts: &Options,
) -> Result<Rendered, Diagnostic> {
    let wants = |f: Format| opts.formats.contains(&f);
    let mut out = Rendered::default();
    if let Some((page, words)) = overflow(doc) {
        return Err(Diagnostic::new(format!(
            "the text runs off the bottom of page {page} at \"{words}\": the header (name, \
             label, contact details, profiles) is taller than the page"
        ))
        .with_hint(
            "the header must fit on the first page; shorten basics.label or basics.name, \
             or list fewer profiles",
        ));
    }
    if wants(Format::Pdf) {
        let bytes = pdf::render(doc, book, meta, &opts.pdf)?;
        out.outputs.push((Format::Pdf, bytes));
    }
    if wants(Format::Png) {
        check_preview_size(doc, opts.dpi)?;
        let pages = png::render(doc, opts.dpi)?;
        out.outputs.extend(pages.into_iter().map(|bytes| (Format::Png, bytes)));
    }
    out.pages = doc.pages.len();
    out.truncated = doc.truncated;
    out.warnings.extend(crate::layout::warning::diagnostics(&doc.warnings));
    out.warnings.extend(link_warnings(doc).into_iter().map(|d| (None, d)));
    Ok(out)
}

/// The first page (from 1) where text lies below the content box or over
/// the footer, with the words there. The header band does not flow onto a
/// second page, so a header taller than the page would otherwise be cut
/// off without a word; columns never run past their regions.
pub fn overflow(doc: &Document) -> Option<(usize, String)> {
    use crate::layout::FrameItem;
    let crate::layout::Rect { top, bottom, .. } = doc.content_box;
    for (n, frame) in doc.pages.iter().enumerate() {
        let runs = || {
            frame.items.iter().filter_map(|(p, item)| match item {
                FrameItem::Text(run) => Some((p.y, run)),
                _ => None,
            })
        };
        // The footer's top: its baseline less its size, in the lower half.
        let footer = runs()
            .filter(|(y, run)| run.artifact && *y > (top + bottom) / 2.0)
            .map(|(y, run)| y - run.size)
            .fold(bottom, f32::min);
        if let Some((_, run)) = runs().find(|(y, run)| !run.artifact && *y > footer + 0.5) {
            let words: String = run.text.chars().take(40).collect();
            return Some((n + 1, words));
        }
    }
    None
}

/// The most pixels one PNG preview may have: an A4 page at 600 dpi has 35
/// million; a huge custom page at a high `--dpi` would take gigabytes.
pub const MAX_PREVIEW_PIXELS: u64 = 50_000_000;

/// Refuses previews larger than [`MAX_PREVIEW_PIXELS`] before drawing one.
fn check_preview_size(doc: &Document, dpi: f32) -> Result<(), Diagnostic> {
    let scale = dpi / 72.0;
    for frame in &doc.pages {
        let (w, h) = ((frame.width * scale).ceil() as u64, (frame.height * scale).ceil() as u64);
        if w * h > MAX_PREVIEW_PIXELS {
            return Err(Diagnostic::new(format!(
                "a preview of this page at {dpi} dpi would be {w} × {h} pixels; \
                 vita draws at most {MAX_PREVIEW_PIXELS}"
            ))
            .with_hint("lower --dpi, or use a smaller page"));
        }
    }
    Ok(())
}

/// One warning per distinct link target that stays text ([`crate::uri`]).
fn link_warnings(doc: &Document) -> Vec<Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (_, item) in doc.pages.iter().flat_map(|f| &f.items) {
        let crate::layout::FrameItem::Link { uri, .. } = item else { continue };
        if !seen.insert(uri.as_str()) {
            continue;
        }
        if let Err(why) = crate::uri::check_uri(uri) {
            let shown: String = uri.chars().take(60).collect();
            let more = if shown.len() < uri.len() { "…" } else { "" };
            out.push(
                Diagnostic::warning(format!(
                    "the link `{shown}{more}` is shown as text, not made clickable: {}",
                    why.explain()
                ))
                .with_hint("links may be http, https, mailto or tel addresses"),
            );
        }
    }
    out
}

/// The PDF's document information for a résumé.
pub fn metadata(resume: &Resume, theme: &Theme, timestamp: i64) -> pdf::Metadata {
    let b = &resume.basics;
    let mut keywords = vec!["résumé".to_string(), "CV".to_string()];
    for skill in &resume.skills {
        keywords.push(skill.name.clone());
        keywords.extend(skill.keywords.iter().map(|k| k.text.clone()));
    }
    pdf::Metadata {
        title: format!("{} — Résumé", b.name),
        author: b.name.clone(),
        subject: b.label.clone().unwrap_or_else(|| format!("Résumé of {}", b.name)),
        keywords,
        timestamp,
        language: resume.meta.language.clone().unwrap_or_else(|| theme.text.language.clone()),
    }
}

/// A theme shrunk to fit a page count, and what was changed.
#[derive(Debug)]
pub struct Fitted {
    /// The theme to render with.
    pub theme: Theme,
    /// What shrank, as the user is told ("body 10.5 pt → 10.0 pt"); empty
    /// when the résumé already fitted.
    pub changes: Vec<String>,
}

/// Finds the least shrinking of the theme's knobs (towards the floors in
/// its `[fit]` table) that lays the résumé out on at most `pages` pages, by
/// bisection over full re-layouts. A résumé that already fits is left as is.
pub fn fit_pages(
    resume: &Resume,
    theme: &Theme,
    pages: usize,
    photo: Option<&Arc<Photo>>,
    book: &FontBook,
) -> Result<Fitted, Diagnostic> {
    // Measured exactly as it will be rendered, photo included.
    let count = |t: &Theme| lay_out_with_photo(resume, t, book, photo).map(|d| d.pages.len());
    fit_with(theme, pages, "the résumé", &count)
}

/// [`fit_pages`] for any document: `what` names it in messages ("the
/// letter"), `count` lays it out with a theme and counts its pages.
pub fn fit_with(
    theme: &Theme,
    pages: usize,
    what: &str,
    count: &dyn Fn(&Theme) -> Result<usize, Diagnostic>,
) -> Result<Fitted, Diagnostic> {
    if count(theme)? <= pages {
        return Ok(Fitted { theme: theme.clone(), changes: Vec::new() });
    }
    let floor = theme.squeezed(1.0);
    let needed = count(&floor)?;
    if needed > pages {
        let f = &theme.fit;
        return Err(Diagnostic::new(format!(
            "{what} does not fit on {pages} page{} even at the theme's floors \
             (body {} pt, leading {}, margins {}): it needs {needed}",
            if pages == 1 { "" } else { "s" },
            f.min_body_size,
            f.min_leading,
            f.min_margin
        ))
        .with_hint(
            "allow more pages, shorten it, or lower the floors in the theme's [fit] table",
        ));
    }
    // Invariant: `lo` does not fit, `hi` does. Seven halvings find the
    // least squeeze to 1/128 of the way to the floors: a hundredth of a
    // point on a body size, finer than the changes are reported in.
    let (mut lo, mut hi) = (0.0f32, 1.0f32);
    for _ in 0..7 {
        let mid = (lo + hi) / 2.0;
        if count(&theme.squeezed(mid))? <= pages {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let fitted = theme.squeezed(hi);
    let changes = fitted.changes_from(theme);
    Ok(Fitted { theme: fitted, changes })
}

/// A cover letter laid out in `theme` (made for letters by
/// `Theme::for_letter`): `d` describes the résumé, `text` the letter.
pub fn lay_out_letter(
    d: &crate::compose::describe::Description,
    text: &crate::compose::letter::LetterText,
    (window, signature): (crate::theme::Window, Option<&crate::compose::letter::Signature>),
    theme: &Theme,
    book: &FontBook,
) -> Result<Document, Diagnostic> {
    let composed = crate::compose::letter::compose_letter(d, text, window, signature, theme, book)?;
    Ok(layout(&composed, theme, book, None))
}

/// One document of the letter's pages, then the résumé's, with an outline
/// entry for each (`titles`) and the résumé's sections under its own.
pub fn combine(letter: Document, resume: Document, titles: [&str; 2]) -> Document {
    use crate::layout::Bookmark;
    let first = letter.pages.len();
    let mut doc = letter;
    doc.bookmarks = vec![Bookmark { title: titles[0].into(), page: 0, y: 0.0, level: 0 }];
    doc.bookmarks.push(Bookmark { title: titles[1].into(), page: first, y: 0.0, level: 0 });
    doc.bookmarks.extend(resume.bookmarks.into_iter().map(|b| Bookmark {
        page: b.page + first,
        level: 1,
        ..b
    }));
    // The résumé's structure follows the letter's, in streams of its own,
    // as a part of its own.
    let by = doc.nodes.len() as u32;
    doc.parts = vec![0, by as usize];
    let streams = doc.nodes.iter().map(|n| n.stream + 1).max().unwrap_or(0);
    doc.nodes.extend(
        resume.nodes.into_iter().map(|n| crate::layout::Node { stream: n.stream + streams, ..n }),
    );
    doc.pages.extend(resume.pages.into_iter().map(|mut page| {
        page.shift_tags(by);
        page
    }));
    doc.warnings.extend(resume.warnings);
    doc.truncated |= resume.truncated;
    doc
}
