//! The whole pipeline on arbitrary bytes: résumé → the built-in theme it
//! names (or one picked by the input's length) → PDF and text, in memory.
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::render(data));
