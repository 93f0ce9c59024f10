//! The résumé loader on arbitrary bytes: size, UTF-8, nesting, TOML, serde
//! and the date checks must answer with a value or a diagnostic, and the
//! diagnostic must print (its snippet code slices the source).
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::resume(data));
