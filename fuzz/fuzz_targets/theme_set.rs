//! A theme file that may `extends` another, with `--set` overrides: the
//! theme's text, a NUL, then one KEY=VALUE per line (see
//! `bodies::theme_set`). Nothing outside the theme's folder may be read,
//! and a theme that resolves must render without invalid numbers.
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::theme_set(data));
