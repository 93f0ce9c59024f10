//! The résumé loader on arbitrary bytes: size, UTF-8, nesting, TOML, serde
//! and the date checks must answer with a value or a diagnostic, and the
//! diagnostic must print (its snippet code slices the source).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use vita::limits::Limits;

fuzz_target!(|data: &[u8]| {
    if let Err(diag) = vita::model::parse_bytes(data, Path::new("fuzz.toml"), &Limits::default()) {
        let _ = diag.to_string();
    }
});
