//! `vita check` on arbitrary bytes as a PDF: lopdf's parser, the page
//! tree walk, the content-stream interpreter and the rules must return a
//! report or an error, never panic, within their budgets.
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::check(data));
