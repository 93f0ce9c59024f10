//! vita's one internal error type: what can fail inside the pipeline once
//! the input has been read, each with what the user needs to hear. It
//! becomes a [`Diagnostic`] where it reaches the command line, placed at
//! the theme key's line when it has one.

use crate::diag::Diagnostic;
use std::fmt;

/// A failure inside vita, or a theme value it cannot use.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A bundled font could not be subset for the PDF.
    Subset {
        /// The font's PostScript name.
        font: String,
    },
    /// A page could not be encoded as PNG.
    Png(String),
    /// A theme value out of its range, or in conflict with another: the
    /// key (`fonts.body.size`) and what is wrong with it.
    Theme {
        /// The theme key, dotted (`fonts.body.size`).
        key: String,
        /// What is wrong with the value, read after the key (`is 120; give a size …`).
        problem: String,
    },
}

impl Error {
    /// A theme value's problem.
    pub fn theme(key: String, problem: String) -> Error {
        Error::Theme { key, problem }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Subset { font } => {
                write!(f, "internal error while writing the PDF: {font} is not a TrueType font")
            }
            Error::Png(why) => write!(f, "internal error while drawing a PNG: {why}"),
            Error::Theme { key, problem } => write!(f, "`{key}` {problem}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<Error> for Diagnostic {
    fn from(e: Error) -> Diagnostic {
        let d = Diagnostic::new(e.to_string());
        match e {
            Error::Theme { .. } => d.with_hint("check the theme and any --set overrides"),
            _ => d.with_hint("this is a bug in vita; please report it with the résumé and theme"),
        }
    }
}
