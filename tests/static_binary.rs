//! The `vita` executable is one static binary on Linux with glibc whenever
//! the C toolchain has glibc's static libraries (build.rs links it so): no
//! program interpreter, no dynamic section, nothing to load before `main`.

#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::process::Command;

/// The types of the ELF program headers of the file at `path`.
fn segment_types(path: &str) -> Vec<u32> {
    let elf = std::fs::read(path).expect("read the executable");
    assert_eq!(&elf[..4], b"\x7fELF", "an ELF file");
    assert_eq!(elf[4], 2, "64-bit");
    assert_eq!(elf[5], 1, "little-endian");
    let u16_at = |at: usize| u16::from_le_bytes([elf[at], elf[at + 1]]) as usize;
    let offset = u64::from_le_bytes(elf[0x20..0x28].try_into().unwrap()) as usize;
    let (size, count) = (u16_at(0x36), u16_at(0x38));
    (0..count)
        .map(|i| {
            let at = offset + i * size;
            u32::from_le_bytes(elf[at..at + 4].try_into().unwrap())
        })
        .collect()
}

const PT_DYNAMIC: u32 = 2;
const PT_INTERP: u32 = 3;
const PT_LOAD: u32 = 1;

#[test]
fn vita_is_linked_statically_when_glibc_static_libraries_exist() {
    // The same question build.rs asks of the toolchain.
    let libc = Command::new("cc").arg("-print-file-name=libc.a").output().expect("run cc");
    let libc = String::from_utf8_lossy(&libc.stdout).trim().to_string();
    if !std::path::Path::new(&libc).is_absolute()
        || std::env::var("VITA_DYNAMIC").is_ok_and(|v| v == "1")
    {
        eprintln!("skipped: no static glibc here, so vita is linked dynamically");
        return;
    }
    let types = segment_types(env!("CARGO_BIN_EXE_vita"));
    assert!(types.contains(&PT_LOAD), "segments {types:?}");
    assert!(!types.contains(&PT_INTERP), "vita asks for a program interpreter: {types:?}");
    assert!(!types.contains(&PT_DYNAMIC), "vita has a dynamic section: {types:?}");
    // And it runs.
    let version = Command::new(env!("CARGO_BIN_EXE_vita")).arg("--version").output().unwrap();
    assert!(version.status.success());
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("vita "));
}
