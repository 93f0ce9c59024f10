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
            for (i, item) in items.into_iter().enumerate() {
                if i > 0 {
                    let sep = self.theme.header.separator.clone();
                    spans.push(Span { text: sep, style, link: None });
                }
                spans.extend(self.icon(item.icon));
                spans.push(Span { text: item.text, style, link: item.link });
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
        for item in items {
            let mut spans = self.icon(item.icon);
            spans.push(Span { text: item.text, style, link: item.link });
            let mut block = Block::new(BlockKind::Text(Para::new(spans, super::Align::Left, 1.35)));
            block.space_before = 1.0;
            self.push(block);
        }
    }
}

impl Composer<'_> {
    /// The icon and a thin space before a contact detail, when the theme
    /// wants icons.
    fn icon(&self, icon: char) -> Vec<Span> {
        if !self.theme.header.icons {
            return Vec::new();
        }
        let Ok(face) = self.book.select(crate::fonts::ICON_FAMILY, false, false) else {
            return Vec::new();
        };
        let c = self.styles.contact;
        let style = super::Style {
            face,
            size: c.size,
            color: self.theme.colors.accent,
            decorative: true,
            ..super::Style::default()
        };
        vec![Span { text: format!("{icon}\u{2009}"), style, link: None }]
    }
}

/// A contact detail as shown, its link and its icon.
struct Contact {
    text: String,
    link: Option<String>,
    icon: char,
}

/// Font Awesome 4.7 code points.
mod icons {
    pub const PLACE: char = '\u{f041}';
    pub const MAIL: char = '\u{f0e0}';
    pub const PHONE: char = '\u{f095}';
    pub const WEB: char = '\u{f0ac}';
    pub const LINK: char = '\u{f0c1}';
    pub const GITHUB: char = '\u{f09b}';
    pub const LINKEDIN: char = '\u{f0e1}';
    pub const TWITTER: char = '\u{f099}';
}

/// Each contact detail as shown, with its link and icon.
fn contact_items(b: &Basics) -> Vec<Contact> {
    let mut items = Vec::new();
    let mut add =
        |text: String, link: Option<String>, icon: char| items.push(Contact { text, link, icon });
    if let Some(loc) = &b.location {
        let line = markup::plain(&loc.one_line());
        if !line.is_empty() {
            add(line, None, icons::PLACE);
        }
    }
    if let Some(email) = &b.email {
        add(email.clone(), Some(format!("mailto:{email}")), icons::MAIL);
    }
    if let Some(phone) = &b.phone {
        let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        add(phone.clone(), Some(format!("tel:{digits}")), icons::PHONE);
    }
    if let Some(url) = &b.url {
        add(display_url(url), Some(url.clone()), icons::WEB);
    }
    for p in &b.profiles {
        let shown = match (&p.username, &p.url) {
            (Some(u), _) => format!("{}: {u}", p.network),
            (None, Some(url)) => display_url(url),
            (None, None) => p.network.clone(),
        };
        let icon = match p.network.to_lowercase().as_str() {
            "github" => icons::GITHUB,
            "linkedin" => icons::LINKEDIN,
            "twitter" | "x" => icons::TWITTER,
            _ => icons::LINK,
        };
        add(shown, p.url.clone(), icon);
    }
    items
}

/// A URL as people read it: no scheme, no trailing slash.
fn display_url(url: &str) -> String {
    let bare = url.split_once("://").map_or(url, |(_, rest)| rest);
    bare.trim_end_matches('/').to_string()
}
