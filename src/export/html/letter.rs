//! A cover letter as an HTML page: the sender's header as the résumé's
//! begins, then the recipient (a line each), the date, the subject, the
//! salutation, the paragraphs, the closing and the name; with `--combine`,
//! the résumé after it, on a new page when printed. The words are the
//! letter's description ([`LetterText`]).

use super::{Page, Writer};
use crate::compose::describe::Description;
use crate::compose::letter::LetterText;

/// The letter from the sender `d` as one HTML document, and `resume` after
/// it when the two are combined.
pub fn letter(
    d: &Description,
    l: &LetterText,
    resume: Option<&Description>,
    page: &Page,
) -> String {
    let mut w = Writer::new(page);
    let body = page.theme.fonts.body.clone();
    w.out.push_str("<body>\n<main class=\"cv\">\n<article class=\"letter\">\n");
    let masthead = w.masthead(d, None, true);
    w.out.push_str(&masthead);
    if !l.recipient.is_empty() {
        w.out.push_str("<p class=\"recipient\">");
        for (i, line) in l.recipient.iter().enumerate() {
            if i > 0 {
                w.out.push_str("<br>");
            }
            w.plain(line, &body);
        }
        w.out.push_str("</p>\n");
    }
    w.out.push_str("<p class=\"date\">");
    w.plain(&l.date, &body);
    w.out.push_str("</p>\n");
    let bold = crate::theme::FontSpec { bold: true, ..body.clone() };
    if let Some(subject) = &l.subject {
        w.out.push_str("<h2 class=\"subject\">");
        w.inline(subject, &bold);
        w.out.push_str("</h2>\n");
    }
    for p in l.salutation.iter().chain(&l.paragraphs) {
        w.out.push_str("<p>");
        w.inline(p, &body);
        w.out.push_str("</p>\n");
    }
    w.out.push_str("<p class=\"closing\">");
    if let Some(closing) = &l.closing {
        w.inline(closing, &body);
        w.out.push_str("<br>");
    }
    w.plain(&l.name, &body);
    w.out.push_str("</p>\n</article>\n");
    if let Some(r) = resume {
        w.out.push_str("<div class=\"resume\">\n");
        w.resume(r, page.photo);
        w.out.push_str("</div>\n");
    }
    w.out.push_str("</main>\n</body>\n");
    w.finish(d)
}
