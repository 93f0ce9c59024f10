//! A property of the PDF writer: every character of a résumé either
//! reaches the PDF in a ToUnicode map (or in an /ActualText that carries
//! its run), or triggers the warning that no font has it.
//!
//! Random summaries are drawn from a pool of characters across scripts:
//! Latin with accents, Greek, Cyrillic, Han, kana, Hangul, Arabic, Hebrew,
//! Devanagari with its vowel signs and virama, combining marks, emoji, and
//! private-use characters of plane 16, which no font has. The system's
//! fonts stand in for those the bundled ones lack (scripts/test.sh installs
//! Debian's Noto core and CJK fonts); a character none of them has must be
//! reported. Each PDF is read back with lopdf. `PROPTEST_CASES` sets the
//! number of résumés (default 48).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::collections::BTreeSet;
use vita::render::{Format, Options, render};
use vita::theme::Theme;

/// Characters to draw from, by script.
const POOL: &[&str] = &[
    "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789",
    "àéîõüçñøåßœæłžčšğı",
    // Punctuation, without Markdown's inline markup (`*`, `_`, `` ` ``,
    // brackets, `&`, `<`, the backslash), which never reaches an output as such.
    ".,;:!?()-–—'\"“”‘’«»/@%+=…",
    "αβγδεζηθλμπσωΑΒΓΔΩ",
    "абвгдежзиклмнопрстуфхцчшщыэюяЖЯ",
    "王小明東京软件工程师日本語",
    "ひらがなカタカナ",
    "한국어서울",
    "مرحبابالعالمالقاهرة،",
    "שלוםעולםתלאביב",
    "मुंबईप्रियाशर्माक्षत्र्ि",
    "\u{301}\u{308}\u{327}",
    "🙂🚀",
    "\u{100001}\u{100002}",
];

/// A random text of words from one or more scripts.
fn text() -> impl Strategy<Value = String> {
    let word = (0..POOL.len(), 1usize..8).prop_flat_map(|(script, len)| {
        let chars: Vec<char> = POOL[script].chars().collect();
        proptest::collection::vec(proptest::sample::select(chars), len)
            .prop_map(|cs| cs.into_iter().collect::<String>())
    });
    proptest::collection::vec(word, 1..12).prop_map(|words| words.join(" "))
}

/// UTF-16BE hex, as ToUnicode maps and /ActualText strings write text.
fn decode_hex(hex: &[u8]) -> String {
    let digits: Vec<u8> = hex.iter().copied().filter(u8::is_ascii_hexdigit).collect();
    let units: Vec<u16> = digits
        .chunks(4)
        .filter(|c| c.len() == 4)
        .map(|c| u16::from_str_radix(std::str::from_utf8(c).unwrap(), 16).unwrap())
        .collect();
    String::from_utf16_lossy(&units)
}

/// Every character the PDF can extract as: the targets of every ToUnicode
/// map, and the text of every /ActualText.
fn extractable(pdf: &[u8]) -> BTreeSet<char> {
    let doc = lopdf::Document::load_mem(pdf).expect("vita writes a PDF lopdf reads");
    let mut out = BTreeSet::new();
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else { continue };
        let Ok(data) = stream.decompressed_content() else { continue };
        if data.windows(11).any(|w| w == b"beginbfchar") {
            // `<code> <text>` pairs: the text is every second hex string.
            let hexes: Vec<&[u8]> = data.split(|&b| b == b'<').skip(1).collect();
            for pair in hexes.chunks(2).filter(|p| p.len() == 2) {
                let text = pair[1].split(|&b| b == b'>').next().unwrap_or_default();
                out.extend(decode_hex(text).chars());
            }
        }
        for at in
            data.windows(15).enumerate().filter(|(_, w)| *w == b"/ActualText <FE").map(|(i, _)| i)
        {
            let rest = &data[at + 13..];
            let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
            out.extend(decode_hex(&rest[4..end]).chars());
        }
    }
    out
}

#[test]
fn every_character_reaches_the_pdf_or_is_reported() {
    let theme = Theme::resolve("classic").unwrap();
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48);
    let mut runner =
        TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    runner
        .run(&text(), |summary| {
            let quoted = toml::Value::String(summary.clone()).to_string();
            let toml = format!("[basics]\nname = \"Alex Doe\"\nsummary = {quoted}\n");
            let resume: vita::model::Resume = toml::from_str(&toml).unwrap();
            let opts = Options {
                formats: vec![Format::Pdf],
                timestamp: 0,
                photo: None,
                dpi: 72.0,
                font_dirs: Vec::new(),
                pdf: Default::default(),
            };
            let rendered = render(&resume, &theme, &opts).unwrap();
            let pdf = &rendered.outputs.iter().find(|(f, _)| *f == Format::Pdf).unwrap().1;
            let found = extractable(pdf);
            let warnings: String =
                rendered.warnings.iter().map(|(_, d)| format!("{}\n", d.message)).collect();
            for c in summary.chars().filter(|c| !c.is_whitespace()) {
                // A warning names five missing characters, then "…".
                let reported = warnings.contains(&format!("U+{:04X}", c as u32))
                    || (warnings.contains(", …") && !found.contains(&c));
                prop_assert!(
                    found.contains(&c) || reported,
                    "{c:?} (U+{:04X}) of {summary:?} neither reaches a ToUnicode map nor is \
                     reported; warnings:\n{warnings}",
                    c as u32
                );
            }
            Ok(())
        })
        .unwrap();
}
