//! The name header and the contact details: one centred or left-aligned
//! line under the name, or a list when a theme puts them in a column.

use super::describe::{Contact, Description};
use super::sections::Composer;
use super::{Block, BlockKind, Para, Span};

/// Leading of the name: set close, as a display line of one or two lines.
const NAME_LEADING: f32 = 1.15;

/// Leading of the contact line, looser than body text: its icons and
/// separators need the air, and it wraps rarely.
const CONTACT_LEADING: f32 = 1.4;

/// Points between the label and the contact line.
const CONTACT_SPACE_BEFORE: f32 = 2.0;

/// Leading and spacing of contact details listed one per line in a column.
const CONTACT_LIST_LEADING: f32 = 1.35;
const CONTACT_LIST_SPACE_BEFORE: f32 = 1.0;

impl Composer<'_> {
    /// Name, label and (unless a column holds them) the contact line.
    pub(super) fn header(&mut self, d: &Description, with_contact: bool) {
        let align = self.header_align();
        self.origin = "basics".into();
        let mut name = Block::new(BlockKind::Text(Para {
            leading: NAME_LEADING,
            ..self.para(&d.name, self.styles.name, align)
        }));
        name.keep_with_next = true;
        name.role = super::Role::Title;
        self.push(name);
        if let Some(label) = &d.label {
            let mut block = Block::new(BlockKind::Text(self.para(label, self.styles.label, align)));
            block.keep_with_next = true;
            self.push(block);
        }
        if with_contact && !d.contacts.is_empty() {
            let style = self.styles.contact;
            // Lines break between contact details, never inside one.
            let detail = super::Style { nowrap: true, ..style };
            let mut spans = Vec::new();
            for (i, item) in d.contacts.iter().enumerate() {
                if i > 0 {
                    let sep = self.theme.header.separator.clone();
                    spans.push(Span { text: sep, style, link: None });
                }
                spans.extend(self.icon(item.icon));
                let (text, link) = (item.text.clone(), item.link.clone());
                spans.push(Span { text, style: detail, link });
            }
            let mut block = Block::new(BlockKind::Text(Para::new(spans, align, CONTACT_LEADING)));
            block.space_before = CONTACT_SPACE_BEFORE;
            self.push(block);
        }
    }

    /// The contact details one per line (in a column, under its heading).
    pub(super) fn contact_list(&mut self, contacts: &[Contact]) {
        self.origin = "basics".into();
        let style = super::Style { nowrap: true, ..self.styles.contact };
        for item in contacts {
            let mut spans = self.icon(item.icon);
            spans.push(Span { text: item.text.clone(), style, link: item.link.clone() });
            let para = Para::new(spans, super::Align::Left, CONTACT_LIST_LEADING);
            let mut block = Block::new(BlockKind::Text(para));
            block.space_before = CONTACT_LIST_SPACE_BEFORE;
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
            // Never parted from the detail it marks.
            nowrap: true,
            ..super::Style::default()
        };
        vec![Span { text: format!("{icon}\u{2009}"), style, link: None }]
    }
}
