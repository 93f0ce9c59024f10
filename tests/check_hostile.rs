//! Hostile PDFs for `vita check`: empty, not a PDF, truncated, cyclic
//! references, objects nested 100,000 deep, a decompression bomb, 10,000
//! pages, millions of operators and glyphs, absurd fonts, huge matrices and
//! passwords. The PDFs are written by the functions below, byte by byte.
//!
//! Each runs the real binary with an address-space limit of 1 GiB and a
//! time limit: it must end with a status, never a panic, an abort or a kill.
//! A PDF that cannot be read must end in exit 2 with one line on stderr,
//! `error: FILE: why`, and nothing on stdout. Some damaged PDFs can still be
//! read honestly (lopdf rebuilds a lost cross-reference table, a cycle in a
//! page tree is walked once); those may end in 0, 1 or 2, but the same rules
//! hold for whatever they print. The encrypted cases need `qpdf`.
//!
//! At the end, a few hundred mutations of a real vita PDF go through
//! `check_bytes` directly: each must return, `Ok` or `Err`.

mod common;
// The rule tests' PDF writer, for its cross-reference table.
#[path = "common/pdf.rs"]
mod writer;

use common::Sandbox;
use std::os::unix::process::CommandExt;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Wall time one run may take, in the CI profile and in debug.
const LIMIT: Duration = Duration::from_secs(20);
/// Address space one run may use.
const MEMORY: u64 = 1 << 30;

/// Runs `vita check FILE` under the memory limit; fails when it is slower than [`LIMIT`].
fn check(sb: &Sandbox, file: &str) -> Output {
    let (out, err) = (sb.path(&format!("{file}.out")), sb.path(&format!("{file}.err")));
    let mut cmd = Command::new(common::BIN);
    cmd.args(["check", file])
        .current_dir(sb.dir.path())
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    // SAFETY: setrlimit is async-signal-safe, and nothing else runs here.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: MEMORY, rlim_max: MEMORY };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let started = Instant::now();
    let mut child = cmd.spawn().expect("run vita");
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > LIMIT {
            child.kill().ok();
            child.wait().ok();
            panic!("vita check {file} did not finish within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let output = Output {
        status,
        stdout: std::fs::read(&out).unwrap(),
        stderr: std::fs::read(&err).unwrap(),
    };
    eprintln!("{file}: {:?} in {:.2?}", status.code(), started.elapsed());
    output
}

fn describe(file: &str, run: &Output) -> String {
    format!(
        "\n$ vita check {file}\nstatus: {:?}\nstderr:\n{}\nstdout (first 400 bytes):\n{}",
        run.status,
        String::from_utf8_lossy(&run.stderr),
        String::from_utf8_lossy(&run.stdout[..run.stdout.len().min(400)])
    )
}

/// Whatever the verdict: an exit status (not a signal: not killed by the
/// memory limit, not aborted), no panic, and a sane error line if any.
fn survives(sb: &Sandbox, file: &str, bytes: &[u8]) -> (i32, String) {
    sb.write(file, bytes);
    let run = check(sb, file);
    let why = describe(file, &run);
    let code = run.status.code().unwrap_or_else(|| panic!("killed by a signal{why}"));
    assert!(matches!(code, 0..=2), "exit {code}{why}");
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    for bad in ["panicked", "RUST_BACKTRACE", "stack backtrace", "overflow", "memory allocation"] {
        assert!(!err.contains(bad), "stderr shows {bad:?}{why}");
    }
    if !err.is_empty() {
        assert_eq!(err.lines().count(), 1, "one line on stderr{why}");
        assert!(err.starts_with(&format!("error: {file}: ")), "names the file{why}");
        assert!(run.stdout.is_empty(), "an error and a report at once{why}");
        assert_eq!(code, 2, "an error line but exit {code}{why}");
    } else {
        assert!(
            String::from_utf8_lossy(&run.stdout).contains(file),
            "a report names the file{why}"
        );
    }
    (code, err)
}

/// Unreadable: exit 2 and `error: FILE: …` saying one of `why`.
fn refused(sb: &Sandbox, file: &str, bytes: &[u8], why: &[&str]) {
    let (code, err) = survives(sb, file, bytes);
    assert_eq!(code, 2, "{file} should be refused, stderr: {err}");
    assert!(why.iter().any(|w| err.contains(w)), "{file}: stderr {err:?} says none of {why:?}");
}

// ---- writing PDFs by hand -------------------------------------------------

/// A PDF whose object `k + 1` is `objects[k]`; object 1 is the catalog.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    writer::write_with(objects, "")
}

fn obj(text: impl AsRef<str>) -> Vec<u8> {
    text.as_ref().as_bytes().to_vec()
}

/// A stream object: `extra` goes into its dictionary.
fn stream(extra: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} {extra} >>\nstream\n", data.len()).into_bytes();
    out.extend(data);
    out.extend(b"\nendstream");
    out
}

const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const HELVETICA: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// One page (object 3) drawing `content` (object 4) with Helvetica as /F1
/// (object 5); `more` are objects 6, 7, ….
fn page(content: &[u8], resources: &str, more: Vec<Vec<u8>>) -> Vec<u8> {
    page_of(stream("", content), resources, more)
}

/// [`page`] with the content stream compressed.
fn flate_page(content: &[u8]) -> Vec<u8> {
    page_of(stream("/Filter /FlateDecode", &zlib(content)), "", vec![])
}

/// One page (object 3) whose content stream is `contents` (object 4).
fn page_of(contents: Vec<u8>, resources: &str, more: Vec<Vec<u8>>) -> Vec<u8> {
    pdf(&page_objects(contents, resources, more))
}

/// [`page`] with `from` replaced by `to` in object `number`, the
/// cross-reference table still right.
fn edited(content: &[u8], more: Vec<Vec<u8>>, number: usize, from: &str, to: &str) -> Vec<u8> {
    let mut objects = page_objects(stream("", content), "", more);
    let text = String::from_utf8_lossy(&objects[number - 1]).into_owned();
    assert!(text.contains(from), "object {number} lacks {from:?}");
    objects[number - 1] = text.replacen(from, to, 1).into_bytes();
    pdf(&objects)
}

fn page_objects(contents: Vec<u8>, resources: &str, more: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    let resources = if resources.is_empty() { "<< /Font << /F1 5 0 R >> >>" } else { resources };
    let mut objects = vec![
        obj(CATALOG),
        obj(PAGES),
        obj(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources {resources} /Contents 4 0 R >>"
        )),
        contents,
        obj(HELVETICA),
    ];
    objects.extend(more);
    objects
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut c = libdeflater::Compressor::new(libdeflater::CompressionLvl::best());
    let mut out = vec![0; c.zlib_compress_bound(data.len())];
    let n = c.zlib_compress(data, &mut out).unwrap();
    out.truncate(n);
    out
}

/// A zlib stream of `n × 258 + 1` zero bytes: one fixed-Huffman block of a
/// literal 0 and `n` copies of (length 258, distance 1). About 13 bits per
/// 258 bytes, so a gigabyte takes 6.5 MB.
fn zeros_bomb(n: usize) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE 01: fixed Huffman
    bits.code(0b0011_0000, 8); // literal 0
    for _ in 0..n {
        bits.code(0b1100_0101, 8); // length code 285: 258
        bits.code(0, 5); // distance code 0: 1
    }
    bits.code(0, 7); // end of block
    let mut out = vec![0x78, 0x01];
    out.extend(bits.bytes);
    out.extend([0, 0, 0, 0]); // Adler-32 left wrong: the limit comes first.
    out
}

#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    /// Puts `count` bits of `value`, least significant first.
    fn put(&mut self, value: u32, count: u32) {
        for k in 0..count {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            let bit = (value >> k) & 1;
            *self.bytes.last_mut().unwrap() |= (bit as u8) << (self.used % 8);
            self.used += 1;
        }
    }

    /// Puts a Huffman code, most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for k in (0..len).rev() {
            self.put((code >> k) & 1, 1);
        }
    }
}

/// A real résumé PDF: data/resume.toml rendered by the binary.
fn real_pdf(sb: &Sandbox) -> Vec<u8> {
    let run = sb.vita(&["render", "data/resume.toml", "-o", "out"]);
    run.assert_ok();
    let pdf = std::fs::read_dir(sb.path("out"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a PDF");
    std::fs::read(pdf).unwrap()
}

// ---- the cases ---------------------------------------------------------------

#[test]
fn empty_files_and_other_formats_are_refused() {
    let sb = Sandbox::new();
    refused(&sb, "empty.pdf", b"", &["not a PDF"]);
    refused(&sb, "text.pdf", b"hello, I am a resume\n", &["not a PDF"]);
    refused(&sb, "header-only.pdf", b"%PDF-1.7\n", &["cut short"]);
    refused(&sb, "zip.pdf", b"PK\x03\x04\0\0\0\0", &["not a PDF"]);
}

/// Cut at 10 % and 50 %, the page objects are gone: exit 2, "cut short". Cut at 90 %,
/// lopdf may rebuild the cross-reference table from the objects left and
/// read every page; that is an honest read, so any status will do there,
/// as long as the message or report is sane.
#[test]
fn truncated_pdfs_are_refused_or_read_honestly() {
    let sb = Sandbox::new();
    let full = real_pdf(&sb);
    for percent in [1, 10, 50, 90, 99] {
        let cut = &full[..full.len() * percent / 100];
        let file = format!("cut-{percent}.pdf");
        let (code, err) = survives(&sb, &file, cut);
        if percent <= 50 {
            assert!(code == 2 && err.contains("cut short"), "{file}: {err}");
        }
    }
    let (code, _) = survives(&sb, "whole.pdf", &full);
    assert!(code < 2, "the real résumé reads");
}

#[test]
fn cyclic_page_trees_are_walked_once() {
    let sb = Sandbox::new();
    // The tree's only kid is itself: no pages.
    let own_kid = pdf(&[obj(CATALOG), obj("<< /Type /Pages /Kids [2 0 R] /Count 1 >>")]);
    refused(&sb, "own-kid.pdf", &own_kid, &["no pages"]);
    // Two trees that are each other's kids.
    let pair = pdf(&[
        obj(CATALOG),
        obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        obj("<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>"),
    ]);
    refused(&sb, "pair.pdf", &pair, &["no pages"]);
    // A page beside a kid that points back to the root, and /Parent cycles:
    // the page is read once.
    let text = b"BT /F1 12 Tf 72 700 Td (Alex Doe) Tj ET";
    let back = edited(text, vec![], 2, "/Kids [3 0 R]", "/Kids [3 0 R 2 0 R 1 0 R] /Parent 3 0 R");
    assert!(survives(&sb, "kids-back.pdf", &back).0 < 2, "the page is read");
    let parent = edited(text, vec![], 3, "/Parent 2 0 R", "/Parent 3 0 R");
    assert!(survives(&sb, "parent-self.pdf", &parent).0 < 2, "the page is read");
}

#[test]
fn reference_loops_lead_nowhere() {
    let sb = Sandbox::new();
    let text = b"BT /F1 12 Tf 72 700 Td (Alex Doe) Tj ET";
    let looped = || vec![obj("7 0 R"), obj("6 0 R")];
    let contents = edited(text, looped(), 3, "/Contents 4 0 R", "/Contents 6 0 R");
    survives(&sb, "loop-contents.pdf", &contents);
    survives(&sb, "loop-font.pdf", &page(text, "<< /Font << /F1 6 0 R >> >>", looped()));
    survives(&sb, "loop-fonts.pdf", &page(text, "<< /Font 6 0 R >>", looped()));
    survives(&sb, "loop-resources.pdf", &page(text, "6 0 R", looped()));
    // A stream whose /Length is a reference to a loop.
    let mut length = b"<< /Length 6 0 R >>\nstream\n".to_vec();
    length.extend(text);
    length.extend(b"\nendstream");
    let length = page_of(length, "", looped());
    survives(&sb, "loop-length.pdf", &length);
}

#[test]
fn a_form_that_draws_itself_stops() {
    let sb = Sandbox::new();
    let resources = "<< /Font << /F1 5 0 R >> /XObject << /Fm0 6 0 R >> >>";
    let form = |body: &str| {
        stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources {resources}"),
            body.as_bytes(),
        )
    };
    let once = page(b"/Fm0 Do", resources, vec![form("BT /F1 12 Tf 72 700 Td (A) Tj ET /Fm0 Do")]);
    survives(&sb, "form-self.pdf", &once);
    // Each level draws itself eight times: 8^12 runs unless something stops it.
    let fork = "/Fm0 Do ".repeat(8);
    let bomb = page(b"/Fm0 Do", resources, vec![form(&format!("BT /F1 1 Tf (A) Tj ET {fork}"))]);
    survives(&sb, "form-fork.pdf", &bomb);
    // The same form, a long comment, drawn 500,000 times by the page.
    let heavy = form(&format!("%{}\n", "x".repeat(8 << 20)));
    let calls = "/Fm0 Do\n".repeat(500_000);
    survives(&sb, "form-heavy.pdf", &page(calls.as_bytes(), resources, vec![heavy]));
}

#[test]
fn objects_nested_a_hundred_thousand_deep_do_not_overflow_the_stack() {
    let sb = Sandbox::new();
    let depth = 100_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let dicts = format!("{}{}", "<< /A ".repeat(depth), ">>".repeat(depth));
    let text = b"BT /F1 12 Tf 72 700 Td (Alex Doe) Tj ET";
    for (name, nested) in [("arrays", &arrays), ("dicts", &dicts)] {
        // lopdf refuses objects nested past 100 levels; the rest is read.
        let doc = edited(text, vec![obj(nested)], 1, ">>", "/Deep 6 0 R >>");
        assert!(survives(&sb, &format!("deep-{name}-object.pdf"), &doc).0 < 2, "read");
        let doc = edited(text, vec![], 1, ">>", &format!("/Deep {nested} >>"));
        survives(&sb, &format!("deep-{name}-catalog.pdf"), &doc);
        let content = format!("BT /F1 12 Tf {nested} TJ (Alex) Tj ET");
        survives(&sb, &format!("deep-{name}-content.pdf"), &page(content.as_bytes(), "", vec![]));
    }
    // Marked content and saved states nested deep.
    let marks =
        format!("{} BT /F1 12 Tf (A) Tj ET {}", "/P BMC q ".repeat(depth), "Q EMC ".repeat(depth));
    survives(&sb, "deep-marks.pdf", &page(marks.as_bytes(), "", vec![]));
}

#[test]
fn a_kid_repeated_a_hundred_thousand_times_is_one_page() {
    let sb = Sandbox::new();
    let kids = format!("/Kids [{}]", "3 0 R ".repeat(100_000));
    let doc = edited(b"BT /F1 12 Tf 72 700 Td (Alex Doe) Tj ET", vec![], 2, "/Kids [3 0 R]", &kids);
    let (code, _) = survives(&sb, "fan-out.pdf", &doc);
    assert!(code < 2, "one page, read once");
}

#[test]
fn ten_thousand_pages_are_refused() {
    let sb = Sandbox::new();
    let n = 10_000;
    let kids: String = (0..n).map(|k| format!("{} 0 R ", k + 4)).collect();
    let mut objects = vec![
        obj(CATALOG),
        obj(format!("<< /Type /Pages /Kids [{kids}] /Count {n} >>")),
        stream("", b"BT /F1 12 Tf 72 700 Td (Page) Tj ET"),
    ];
    for _ in 0..n {
        objects
            .push(obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"));
    }
    refused(&sb, "pages.pdf", &pdf(&objects), &["10000 pages"]);
}

#[test]
fn a_gigabyte_decompression_bomb_is_not_inflated() {
    let sb = Sandbox::new();
    let bomb = zeros_bomb((1 << 30) / 258 + 1);
    let doc = page_of(stream("/Filter /FlateDecode", &bomb), "", vec![]);
    refused(&sb, "bomb.pdf", &doc, &["inflates", "MiB"]);
}

#[test]
fn millions_of_operators_or_glyphs_hit_the_budget() {
    let sb = Sandbox::new();
    let moves = "0 0 m\n".repeat(5_000_000);
    refused(&sb, "ops.pdf", &flate_page(moves.as_bytes()), &["stopped"]);
    let glyphs = format!("BT /F1 1 Tf ({}) Tj ET", "A".repeat(20_000_000));
    refused(&sb, "glyphs.pdf", &flate_page(glyphs.as_bytes()), &["stopped"]);
    let array = format!("BT /F1 1 Tf [{}] TJ ET", "(AB) -10 ".repeat(2_000_000));
    refused(&sb, "tj.pdf", &flate_page(array.as_bytes()), &["stopped"]);
    // Just under the content budget, the tersest operator, a million times:
    // the worst lopdf's decoder costs (about 600 MB), still under the limit.
    survives(&sb, "terse.pdf", &flate_page("n\n".repeat(1_040_000).as_bytes()));
    // White text over a million painted boxes: each glyph is looked up
    // among the boxes.
    let boxes = "0 0 1 1 re f\n".repeat(1_000_000);
    let white = format!("{boxes} 1 g BT /F1 1 Tf 0 0 Td ({}) Tj ET", "A".repeat(900_000));
    survives(&sb, "white.pdf", &flate_page(white.as_bytes()));
}

const TEXT: &[u8] = b"BT /F1 12 Tf 72 700 Td <0041004C0045> Tj (Alex Doe) Tj ET";

/// Spelled out, these ranges make 511 million entries: the CMap reader
/// (src/check/cmap.rs) needs a cap on what it spells out before this passes
/// under the memory limit.
#[test]
fn a_to_unicode_cmap_of_a_million_ranges_stays_within_memory() {
    let sb = Sandbox::new();
    let text = TEXT;
    // A ToUnicode CMap of a million lines, each spelling out 511 codes.
    let mut cmap =
        String::from("begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
    cmap.push_str("1000000 beginbfrange\n");
    for k in 0..1_000_000u32 {
        cmap.push_str(&format!("<{:08X}> <{:08X}> <0041>\n", k * 512, k * 512 + 510));
    }
    cmap.push_str("endbfrange endcmap\n");
    let cmap = stream("/Filter /FlateDecode", &zlib(cmap.as_bytes()));
    let with_cmap =
        edited(text, vec![cmap], 5, HELVETICA, &HELVETICA.replace(">>", "/ToUnicode 6 0 R >>"));
    survives(&sb, "to-unicode.pdf", &with_cmap);
}

#[test]
fn absurd_fonts_and_numbers_are_read_within_limits() {
    let sb = Sandbox::new();
    let text = TEXT;
    let widths: String = (0..1_000_000).map(|k| format!("{} ", k % 1000)).collect();
    let cid = |w: &str| {
        vec![
            obj("[<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 /W 7 0 R >>]"),
            obj(w),
        ]
    };
    let type0 = "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts 6 0 R >>";
    let font = |more| edited(text, more, 5, HELVETICA, type0);
    survives(&sb, "w-list.pdf", &font(cid(&format!("[0 [{widths}]]"))));
    survives(&sb, "w-range.pdf", &font(cid(&"0 4294967295 500 ".repeat(200_000))));
    let differences = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [4294967295 /A 99999999999999999999 /B -5 /C 255 /D /E /F] >> >>";
    survives(&sb, "differences.pdf", &edited(text, vec![], 5, HELVETICA, differences));
    let huge = "1".repeat(39);
    for (name, prefix) in [
        ("huge-cm", format!("{huge} 0 0 {huge} 0 0 cm")),
        ("nan-cm", format!("{huge} {huge} {huge} {huge} {huge} {huge} cm 0 0 0 0 0 0 cm")),
        ("huge-tm", format!("BT {huge} -{huge} 0 0 {huge} {huge} Tm /F1 {huge} Tf (A) Tj ET")),
        ("negative-tz", "BT -1e30 Tz -3 Tc -99999 Tw /F1 -12 Tf (A B) Tj ET".to_string()),
    ] {
        let content = format!("{prefix} {}", String::from_utf8_lossy(text));
        survives(&sb, &format!("{name}.pdf"), &page(content.as_bytes(), "", vec![]));
    }
}

/// Needs qpdf to encrypt a real vita PDF.
#[test]
fn encrypted_pdfs_are_refused_or_read_by_their_password() {
    let sb = Sandbox::new();
    sb.write("plain.pdf", real_pdf(&sb));
    for (user, out) in [("secret", "locked.pdf"), ("", "open.pdf")] {
        let args = ["--encrypt", user, "owner", "256", "--", "plain.pdf", out];
        let run = Command::new("qpdf").args(args).current_dir(sb.dir.path()).output();
        let run = run.unwrap_or_else(|e| panic!("cannot run qpdf ({e}); apt-get install -y qpdf"));
        assert!(run.status.success(), "qpdf: {}", String::from_utf8_lossy(&run.stderr));
    }
    let locked = std::fs::read(sb.path("locked.pdf")).unwrap();
    refused(&sb, "locked.pdf", &locked, &["encrypted with a password"]);
    let open = std::fs::read(sb.path("open.pdf")).unwrap();
    let (code, _) = survives(&sb, "open.pdf", &open);
    assert!(code < 2, "an empty user password opens");
    let report = std::fs::read_to_string(sb.path("open.pdf.out")).unwrap();
    assert!(report.contains("encrypted"), "{report}");
}

/// A few hundred mutations of a real vita PDF, through the library: each
/// returns `Ok` or `Err`, never panics. A fixed seed keeps it repeatable.
#[test]
fn mutated_resume_pdfs_never_panic() {
    let sb = Sandbox::new();
    let seed_pdf = real_pdf(&sb);
    let options = vita::check::Options::default();
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let started = Instant::now();
    let (mut ok, mut err) = (0, 0);
    for case in 0..300 {
        let mut data = seed_pdf.clone();
        for _ in 0..1 + next(8) {
            let at = next(data.len());
            match next(4) {
                0 => data[at] ^= 1 << next(8),
                1 => data[at] = b"0[]<>()/R \n"[next(11)],
                2 => data.truncate(at.max(1)),
                _ => {
                    let len = next(4096).min(data.len() - at);
                    let copy = data[at..at + len].to_vec();
                    let to = next(data.len());
                    data.splice(to..to, copy);
                }
            }
        }
        let result = std::panic::catch_unwind(|| vita::check::check_bytes(&data, &options));
        match result {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(why)) => {
                assert!(!why.contains("cannot read past"), "case {case}: a panic inside: {why}");
                err += 1;
            }
            Err(_) => panic!("case {case} panicked"),
        }
    }
    eprintln!("{ok} read, {err} refused in {:.2?}", started.elapsed());
    assert!(started.elapsed() < Duration::from_secs(120));
}

/// 25 million integers in one array, 50 MB: lopdf holds each as an
/// `Object`, about 3 GB in all, before vita sees a page. Needs a cheaper
/// bound in load.rs than the 64 MiB file size (a token count, or a smaller
/// file limit).
#[test]
fn fifty_megabytes_of_tiny_objects_stay_within_memory() {
    let sb = Sandbox::new();
    let big = format!("[{}]", "0 ".repeat(25_000_000));
    let doc = edited(TEXT, vec![obj(big)], 1, ">>", "/X 6 0 R >>");
    survives(&sb, "big-array.pdf", &doc);
}
