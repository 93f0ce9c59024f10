//! How a cover letter sits on the page (`[letter]`): whether the
//! recipient's address goes where an envelope's window shows it, and
//! where that window is.

use serde::{Deserialize, Serialize};

/// The least leading of a letter's text: prose in long lines wants more
/// air than a résumé's bullets.
pub(super) const LETTER_LEADING: f32 = 1.3;

/// The theme's letter keys.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct LetterStyle {
    /// The envelope window the recipient's address is placed for; a
    /// letter's own `window` wins.
    pub window: Window,
}

/// An envelope window, by the standard that places it.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Window {
    /// No window: the address follows the header.
    #[default]
    None,
    /// DIN 5008, form B: the address field 45 mm from the top and 20 mm
    /// from the left, 85 × 45 mm, with a line for the return address
    /// above the address (DL and C5/6 window envelopes).
    Din5008,
    /// A US #10 window envelope: a 4½ × 1⅛ in window ⅞ in from the left,
    /// which a letter folded in three shows from 2 to 3⅛ in from its top;
    /// the address starts ⅒ in inside it.
    Us10,
}

impl super::Theme {
    /// The theme as a letter uses it: one column across the page under
    /// the header band, without a rail's tint, and with at least
    /// [`LETTER_LEADING`].
    pub fn for_letter(&self) -> super::Theme {
        let mut theme = self.clone();
        theme.spacing.leading = theme.spacing.leading.max(LETTER_LEADING);
        theme.columns.clear();
        theme.reading_order.clear();
        theme.entry.rail_fill = None;
        theme.header.band = true;
        theme
    }
}

/// Where a window puts the address, in millimetres from the page's
/// top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// The left edge of the address's text.
    pub left: f32,
    /// Where the first line (the return address, or the address) starts.
    pub top: f32,
    /// Where the address field ends: what follows starts below it.
    pub bottom: f32,
    /// Whether a line with the sender's return address goes above the
    /// recipient's address, inside the window.
    pub return_line: bool,
}

impl Window {
    /// Where this window puts the address; `None` for no window.
    pub fn placement(self) -> Option<Placement> {
        match self {
            Window::None => None,
            // The return line sits at the foot of the 17.7 mm zone above
            // the address (45 + 17.7 = 62.7 mm), the address under it.
            Window::Din5008 => {
                Some(Placement { left: 25.0, top: 60.0, bottom: 90.0, return_line: true })
            }
            Window::Us10 => {
                let inch = 25.4;
                let (left, top, bottom) = (1.0 * inch, 2.1 * inch, 3.125 * inch);
                Some(Placement { left, top, bottom, return_line: false })
            }
        }
    }
}
