//! The name header and the contact details: one centred or left-aligned
//! line under the name, or a list when a theme puts them in a column.

use super::markup;
use super::sections::Composer;
use super::{Block, BlockKind, Para, Span};
use crate::model::Basics;

impl Composer<'_> {
    /// Name, label and (unless a column holds them) the contact line.
    pub fn header(&mut self, b: &Basics, with_contact: bool) {
        let align = self.header_align();
        self.origin = "basics".into();
        let mut name = Block::new(BlockKind::Text(Para {
            leading: 1.15,
            ..self.para(&b.name, self.styles.name, align)
        }));
        name.keep_with_next = true;
        self.push(name);
        if let Some(label) = &b.label {
            let mut block = Block::new(BlockKind::Text(self.para(label, self.styles.label, align)));
            block.keep_with_next = true;
            self.push(block);
        }
        let items = contact_items(b);
        if with_contact && !items.is_empty() {
            let style = self.styles.contact;
            let mut spans = Vec::new();
            for (i, (text, link)) in items.into_iter().enumerate() {
                if i > 0 {
                    let sep = self.theme.header.separator.clone();
                    spans.push(Span { text: sep, style, link: None });
                }
                spans.push(Span { text, style, link });
            }
            let mut block = Block::new(BlockKind::Text(Para::new(spans, align, 1.4)));
            block.space_before = 2.0;
            self.push(block);
        }
    }

    /// The contact details one per line, under a heading (for a column).
    pub fn contact_list(&mut self, b: &Basics) {
        let items = contact_items(b);
        if items.is_empty() {
            return;
        }
        self.heading(crate::theme::SectionKind::Contact.title());
        self.origin = "basics".into();
        let style = self.styles.contact;
        for (text, link) in items {
            let span = Span { text, style, link };
            let mut block =
                Block::new(BlockKind::Text(Para::new(vec![span], super::Align::Left, 1.35)));
            block.space_before = 1.0;
            self.push(block);
        }
    }
}

/// Each contact detail as shown, with its link.
fn contact_items(b: &Basics) -> Vec<(String, Option<String>)> {
    let mut items: Vec<(String, Option<String>)> = Vec::new();
    if let Some(loc) = &b.location {
        let line = markup::plain(&loc.one_line());
        if !line.is_empty() {
            items.push((line, None));
        }
    }
    if let Some(email) = &b.email {
        items.push((email.clone(), Some(format!("mailto:{email}"))));
    }
    if let Some(phone) = &b.phone {
        let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        items.push((phone.clone(), Some(format!("tel:{digits}"))));
    }
    if let Some(url) = &b.url {
        items.push((display_url(url), Some(url.clone())));
    }
    for p in &b.profiles {
        let shown = match (&p.username, &p.url) {
            (Some(u), _) => format!("{}: {u}", p.network),
            (None, Some(url)) => display_url(url),
            (None, None) => p.network.clone(),
        };
        items.push((shown, p.url.clone()));
    }
    items
}

/// A URL as people read it: no scheme, no trailing slash.
fn display_url(url: &str) -> String {
    let bare = url.split_once("://").map_or(url, |(_, rest)| rest);
    bare.trim_end_matches('/').to_string()
}
