//! The checks: each reads the pages (as drawn, and as read in both
//! orders) and adds findings. `text` holds what happens to the words,
//! `order` how the lines come out, `fields` what a résumé parser needs, and
//! `hazards` the traits of the file itself.

mod fields;
mod hazards;
mod order;
mod text;

use super::extract::{Line, Read};
use super::interp::Pages;
use super::report::{Category, DocumentInfo, Finding, Severity, Texts};

/// What every check reads.
pub(super) struct Ctx<'a> {
    /// Facts about the file (size, title, tags, encryption).
    pub(super) document: &'a DocumentInfo,
    pub(super) pages: &'a Pages,
    /// Each page in both orders, as lines…
    pub(super) reads: &'a [Read],
    /// …and as text, page by page.
    pub(super) texts: &'a Texts,
}

impl Ctx<'_> {
    /// Every position-order line with its page, counted from 1.
    pub(super) fn position_lines(&self) -> impl Iterator<Item = (usize, &Line)> {
        self.reads.iter().enumerate().flat_map(|(p, r)| r.position.iter().map(move |l| (p + 1, l)))
    }
}

/// Runs every check.
pub(super) fn run(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    text::check(ctx, &mut out);
    order::check(ctx, &mut out);
    // Where the text is lost, what a parser cannot find follows from it.
    let lost =
        out.iter().any(|f| f.severity == Severity::Error && f.category == Category::Unreadable);
    if !lost {
        fields::check(ctx, &mut out);
    }
    hazards::check(ctx, &mut out);
    out
}

impl Finding {
    /// A finding with what it says; place and advice follow.
    pub(super) fn new(
        code: &'static str,
        severity: Severity,
        category: Category,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            code,
            severity,
            category,
            page: None,
            message: message.into(),
            context: String::new(),
            fix: String::new(),
            vita: None,
        }
    }

    pub(super) fn on(mut self, page: usize) -> Finding {
        self.page = Some(page);
        self
    }

    pub(super) fn around(mut self, context: impl Into<String>) -> Finding {
        self.context = clip(&context.into(), 320);
        self
    }

    pub(super) fn fix(mut self, fix: impl Into<String>) -> Finding {
        self.fix = fix.into();
        self
    }

    pub(super) fn vita(mut self, vita: &'static str) -> Finding {
        self.vita = Some(vita);
        self
    }

    pub(super) fn push_to(self, out: &mut Vec<Finding>) {
        out.push(self);
    }
}

/// At most `max` characters of `text`, with an ellipsis when cut.
pub(super) fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Some examples, quoted and joined: `"a", "b" and 3 more`.
pub(super) fn examples(items: &[String], max: usize) -> String {
    let shown: Vec<String> =
        items.iter().take(max).map(|s| format!("\"{}\"", clip(s, 70))).collect();
    let mut out = shown.join(", ");
    if items.len() > max {
        out.push_str(&format!(" and {} more", items.len() - max));
    }
    out
}

/// "1 word is", "3 words are".
pub(super) fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun} is") } else { format!("{n} {noun}s are") }
}
