//! Build script: links the `vita` executable at a fixed address (non-PIE)
//! on Linux.
//!
//! A position-independent executable must have its absolute pointers
//! (vtables, tables of string slices, the font list) patched by the dynamic
//! loader on every start: about 12,500 relocations here, which touch some
//! 50 pages and cost about 0.3 ms of a render that takes a few
//! milliseconds. A non-PIE executable has them resolved at link time.
//! Shared libraries are still loaded at random addresses; only the
//! executable's own image is fixed. See BENCHMARKS.md for the figures.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
