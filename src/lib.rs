//! vita — a résumé typesetter.
//!
//! The pipeline runs one way over plain types:
//!
//! ```text
//! data/*.toml ─▶ model::Resume ──┐
//! layouts/*.toml ─▶ theme::Theme ┼▶ compose ─▶ Vec<Block> ─▶ layout ─▶ Document
//! locales/*.toml ─▶ locale::Locale┘    │                                  │
//!                                      └─▶ export::text                  └─▶ export::pdf, export::png
//! ```
//!
//! `render` runs it in memory for one résumé; `job` resolves a request (theme,
//! languages, outputs) and writes every output or none; `cli` parses flags.

pub mod check;
pub mod cli;
pub mod compose;
pub mod diag;
pub mod error;
pub mod export;
pub mod fonts;
pub mod input;
pub mod job;
pub mod layout;
pub mod limits;
pub mod locale;
pub mod model;
pub mod photo;
pub mod render;
pub mod theme;
pub mod uri;
