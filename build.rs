//! Build script: on Linux with glibc, links the `vita` executable
//! statically and at a fixed address, so that a render starts without the
//! dynamic loader.
//!
//! A dynamically linked start maps the loader, `libc`, `libm` and
//! `libgcc_s`, relocates them and binds their symbols before `main`: 0.6 to
//! 0.9 ms of a render that takes a few milliseconds (BENCHMARKS.md gives
//! the figures). A position-independent executable would also have its own
//! absolute pointers (vtables, tables of string slices, the font list),
//! some 12,500 of them, patched on every start; a non-PIE executable has
//! them resolved at link time. The price is that the executable's image is
//! not placed at a random address.
//!
//! The usual way to link statically, `-C target-feature=+crt-static`,
//! cannot be set from here, and set in `RUSTFLAGS` without `--target` it
//! also reaches the proc-macro crates (clap's and serde's derives), which
//! cannot be built that way. So the link is made static here: `-static` is
//! passed to the linker for the executable alone, and the libraries rustc
//! names for a dynamic link (`-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc`)
//! are answered first from a directory of one-line linker scripts, each
//! naming the static archive that stands for it (`libgcc_s` by `libgcc_eh`
//! and `libgcc`, as rustc itself does for a static link). Where the C
//! toolchain has no static glibc (Fedora without `glibc-static`, say), when
//! cross-compiling (the host's `cc` would name the host's archives), or
//! when `VITA_DYNAMIC=1` is set, the executable is linked dynamically,
//! still at a fixed address.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=VITA_DYNAMIC");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux" || var("CARGO_CFG_TARGET_ENV") != "gnu" {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-no-pie");
    if var("VITA_DYNAMIC") == "1" || var("TARGET") != var("HOST") {
        return;
    }
    let out = PathBuf::from(var("OUT_DIR")).join("static-libs");
    match static_libraries(&out) {
        Ok(()) => {
            println!("cargo:rustc-link-arg-bins=-static");
            println!("cargo:rustc-link-arg-bins=-L{}", out.display());
        }
        Err(why) => println!("cargo:warning=vita is linked dynamically: {why}"),
    }
}

/// Writes into `dir` a linker script for each library of a dynamic link,
/// naming the static archives that replace it.
fn static_libraries(dir: &Path) -> Result<(), String> {
    let linker = std::env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".into());
    let archive = |name: &str| -> Result<PathBuf, String> {
        let output = Command::new(&linker)
            .arg(format!("-print-file-name={name}"))
            .output()
            .map_err(|e| format!("cannot run {linker}: {e}"))?;
        let path = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        // The compiler echoes the bare name back when it has no such file.
        if path.is_absolute() && path.is_file() {
            Ok(path)
        } else {
            Err(format!("{linker} finds no {name} (install glibc's static libraries)"))
        }
    };
    let unwinder = [archive("libgcc_eh.a")?, archive("libgcc.a")?];
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let write = |lib: &str, archives: &[PathBuf]| -> Result<(), String> {
        let names: Vec<String> = archives.iter().map(|a| format!("\"{}\"", a.display())).collect();
        let script = format!("GROUP({})\n", names.join(" "));
        let path = dir.join(format!("lib{lib}.a"));
        std::fs::write(&path, script).map_err(|e| format!("{}: {e}", path.display()))
    };
    write("gcc_s", &unwinder)?;
    for lib in ["util", "rt", "pthread", "m", "dl"] {
        write(lib, &[archive(&format!("lib{lib}.a"))?])?;
    }
    // The C library last, with the unwinder that it and `libgcc_eh` need of
    // each other, for linkers that read archives in order.
    let mut c = vec![archive("libc.a")?];
    c.extend(unwinder);
    write("c", &c)
}
