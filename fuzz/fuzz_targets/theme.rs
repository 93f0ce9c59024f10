//! The theme loader on arbitrary bytes; a theme it accepts must then lay
//! out a small résumé without panicking, whatever its margins, sizes and
//! columns.
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::theme(data));
