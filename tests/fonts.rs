//! Fonts from anywhere: a folder given with --font-path, VITA_FONT_PATHS or
//! `fonts/` beside the résumé, a face inside a collection (.ttc), and
//! `vita fonts` saying where each family comes from.
//!
//! These tests use DejaVu, from Debian's `fonts-dejavu-core` (installed by
//! scripts/test.sh and .ci/run); without it they fail and say so. The
//! fonts are copied into a temporary folder, so the system's copy is not
//! what is found.

mod common;

use common::{Sandbox, tool_stdout};
use std::path::{Path, PathBuf};

const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu";

fn dejavu(file: &str) -> PathBuf {
    let path = Path::new(DEJAVU).join(file);
    assert!(
        path.is_file(),
        "{} is missing: install Debian's fonts-dejavu-core (scripts/test.sh does)",
        path.display()
    );
    path
}

/// Copies DejaVu Sans (regular and bold) into `rel` of the sandbox.
fn sans_into(sb: &Sandbox, rel: &str) {
    for file in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] {
        sb.write(&format!("{rel}/{file}"), std::fs::read(dejavu(file)).unwrap());
    }
}

/// The PDF's fonts, as pdffonts lists them.
fn pdffonts(sb: &Sandbox, pdf: &str) -> String {
    tool_stdout("pdffonts", &[sb.path(pdf).to_str().unwrap()])
}

#[test]
fn a_family_from_a_font_path_is_used_subset_and_extracts() {
    let sb = Sandbox::new();
    sans_into(&sb, "myfonts");
    let run = sb.vita(&["render", "--font-path", "myfonts", "--font-body", "DejaVu Sans"]);
    run.assert_ok();
    let fonts = pdffonts(&sb, "out/resume.pdf");
    let line = fonts.lines().find(|l| l.contains("+DejaVuSans ")).unwrap_or_else(|| {
        panic!("DejaVu Sans is not in the PDF:\n{fonts}{}", run.report());
    });
    // Embedded, subset, with a ToUnicode map: "emb sub uni" all yes.
    assert!(line.contains("yes yes yes"), "{line}");
    assert!(fonts.contains("+DejaVuSans-Bold "), "bold entry titles use the bold face:\n{fonts}");
    let pdf = std::fs::metadata(sb.path("out/resume.pdf")).unwrap().len();
    assert!(pdf < 200_000, "a subset, not the 750 kB font: {pdf} bytes");
    let text = tool_stdout("pdftotext", &[sb.path("out/resume.pdf").to_str().unwrap(), "-"]);
    assert!(text.contains("Kubernetes-independent routing primitives"), "{text}");
}

#[test]
fn fonts_beside_the_resume_and_in_vita_font_paths_are_found() {
    let sb = Sandbox::new();
    sans_into(&sb, "data/fonts");
    let set = "fonts.body.family=DejaVu Sans";
    sb.vita(&["render", "--set", set]).assert_ok();
    assert!(pdffonts(&sb, "out/resume.pdf").contains("+DejaVuSans "));

    let elsewhere = Sandbox::new();
    sans_into(&elsewhere, "shared/fonts");
    let dirs =
        std::env::join_paths([Path::new("/nonexistent"), &elsewhere.path("shared/fonts")]).unwrap();
    let env = [("VITA_FONT_PATHS", dirs.to_str().unwrap())];
    elsewhere.vita_env(&["render", "--set", set], &env).assert_ok();
    assert!(pdffonts(&elsewhere, "out/resume.pdf").contains("+DejaVuSans "));
}

/// A font collection of `fonts`, as a .ttc file: a header, then each font
/// with its tables' offsets made absolute.
fn collection(fonts: &[Vec<u8>]) -> Vec<u8> {
    let be32 = |b: &[u8], at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap());
    let header = 12 + 4 * fonts.len();
    let mut out = Vec::new();
    out.extend_from_slice(b"ttcf");
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&(fonts.len() as u32).to_be_bytes());
    let mut at = header;
    let mut starts = Vec::new();
    for f in fonts {
        starts.push(at);
        out.extend_from_slice(&(at as u32).to_be_bytes());
        at += f.len().next_multiple_of(4);
    }
    for (f, &start) in fonts.iter().zip(&starts) {
        let mut f = f.clone();
        let tables = u16::from_be_bytes([f[4], f[5]]) as usize;
        for t in 0..tables {
            let rec = 12 + 16 * t + 8;
            let moved = be32(&f, rec) + start as u32;
            f[rec..rec + 4].copy_from_slice(&moved.to_be_bytes());
        }
        out.extend_from_slice(&f);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out
}

#[test]
fn a_face_inside_a_collection_is_read_at_its_index_and_embedded() {
    let sb = Sandbox::new();
    let fonts: Vec<Vec<u8>> = ["DejaVuSans.ttf", "DejaVuSerif.ttf"]
        .iter()
        .map(|f| std::fs::read(dejavu(f)).unwrap())
        .collect();
    sb.write("coll/dejavu.ttc", collection(&fonts));
    let listed = sb.vita(&["fonts", "--font-path", "coll"]);
    listed.assert_ok();
    let out = String::from_utf8_lossy(&listed.output.stdout).into_owned();
    let serif = out.lines().find(|l| l.starts_with("DejaVu Serif ")).unwrap_or("");
    assert!(serif.contains("font path:") && serif.contains("dejavu.ttc"), "{out}");
    sb.vita(&["render", "--font-path", "coll", "--font-body", "DejaVu Serif"]).assert_ok();
    let fonts = pdffonts(&sb, "out/resume.pdf");
    assert!(fonts.contains("+DejaVuSerif "), "{fonts}");
    let pdf = sb.path("out/resume.pdf");
    let check = tool_stdout("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");
    // The second face of the collection, subset from its own tables.
    let text = tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("Education"), "{text}");
}

#[test]
fn vita_fonts_lists_every_family_with_its_source() {
    let sb = Sandbox::new();
    sans_into(&sb, "myfonts");
    let run = sb.vita(&["fonts", "--font-path", "myfonts"]);
    run.assert_ok();
    let out = String::from_utf8_lossy(&run.output.stdout).into_owned();
    for family in ["Charis SIL", "Lato", "EB Garamond", "Noto Sans", "Noto Sans Mono"] {
        let line = out.lines().find(|l| l.starts_with(&format!("{family} "))).unwrap_or("");
        assert!(line.contains("bundled"), "{family}: {out}");
    }
    let line = out.lines().find(|l| l.starts_with("DejaVu Sans ")).unwrap_or("");
    assert!(line.contains("regular, bold") && line.contains("font path:"), "{out}");
    let bundled = sb.vita(&["fonts", "--bundled"]);
    let listed = String::from_utf8_lossy(&bundled.output.stdout).into_owned();
    assert_eq!(listed.lines().count(), 6, "{listed}");
}

#[test]
fn an_unknown_family_is_exit_2_with_a_suggestion() {
    let sb = Sandbox::new();
    sans_into(&sb, "myfonts");
    let run = sb.vita(&["render", "--font-path", "myfonts", "--font-body", "DejaVu Snas"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    let err = run.stderr();
    assert!(err.contains("no font family `DejaVu Snas`"), "{err}");
    assert!(err.contains("did you mean `DejaVu Sans`?"), "{err}");
    assert!(!sb.path("out/resume.pdf").exists(), "nothing is written");
}

/// Inter, from Debian's fonts-inter-variable: one variable face per style,
/// with a `wght` axis and no static bold.
const INTER_VF: &str = "/usr/share/fonts/truetype/inter-vf/Inter-roman.var.ttf";

/// A family with only a variable face still has a real bold: its `wght`
/// axis at 700, shaped with that instance's advances and embedded with its
/// outlines, not the regular face drawn as bold.
#[test]
fn a_variable_font_gives_its_bold_instance() {
    assert!(
        Path::new(INTER_VF).is_file(),
        "{INTER_VF} is missing: install Debian's fonts-inter-variable (scripts/test.sh does)"
    );
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("vf")).unwrap();
    std::fs::copy(INTER_VF, sb.path("vf/Inter-roman.var.ttf")).unwrap();
    let book = vita::fonts::FontBook::with_dirs(vec![sb.path("vf")]);
    let regular = book.select("Inter", false, false).unwrap();
    let bold = book.select("Inter", true, false).unwrap();
    assert_ne!(regular, bold, "the bold is a face of its own");
    assert_eq!(book.info(regular).weight, None);
    assert_eq!(book.info(bold).weight, Some(700.0));
    // The instance's letters are wider and heavier.
    let width = |face| {
        let ttf = book.face(face);
        "Experience"
            .chars()
            .map(|c| ttf.glyph_hor_advance(ttf.glyph_index(c).unwrap()).unwrap() as u32)
            .sum::<u32>()
    };
    assert!(width(bold) > width(regular) + 100, "{} vs {}", width(bold), width(regular));

    let run = sb.vita(&[
        "render",
        "--font-path",
        "vf",
        "-t",
        "modern",
        "--font-body",
        "Inter",
        "--set",
        "fonts.heading.family=Inter",
        "-f",
        "pdf,png",
        "--dpi",
        "60",
    ]);
    run.assert_ok();
    let fonts = pdffonts(&sb, "out/resume.pdf");
    let inter = fonts.lines().filter(|l| l.contains("+Inter ")).count();
    assert!(inter >= 2, "a regular and a bold subset of Inter: {fonts}");
    let pdf = sb.path("out/resume.pdf");
    let check = tool_stdout("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");
    let text = tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("Alex Doe") && text.contains("EXPERIENCE"), "{text}");
    // The bold name draws more ink than the same name set regular.
    let ink = |args: &[&str]| {
        sb.vita(
            &[
                &[
                    "render",
                    "--font-path",
                    "vf",
                    "-t",
                    "modern",
                    "-f",
                    "png",
                    "--dpi",
                    "60",
                    "-o",
                    "ink",
                ][..],
                args,
            ]
            .concat(),
        )
        .assert_ok();
        let png = image::open(sb.path("ink/resume-1.png")).unwrap().to_luma8();
        png.pixels().filter(|p| p.0[0] < 128).count()
    };
    let heavy = ink(&["--set", "fonts.heading.family=Inter", "--set", "fonts.name.family=Inter"]);
    let light = ink(&[
        "--set",
        "fonts.heading.family=Inter",
        "--set",
        "fonts.name.family=Inter",
        "--set",
        "fonts.name.bold=false",
    ]);
    assert!(heavy > light, "bold {heavy} dark pixels, regular {light}");
}
