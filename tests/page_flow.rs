//! Page flow end to end: columns that continue independently and are read
//! one at a time, pages filled to within 15 % of their height, keep rules
//! on the seed in every theme, and `--fit-pages`.

mod common;

use common::{Sandbox, root, tool_stdout};
use vita::fonts::FontBook;
use vita::layout::{Document, FrameItem};
use vita::theme::{BUILTIN, Theme};

fn seed() -> vita::model::Resume {
    vita::model::load(&root().join("data/resume.toml")).unwrap()
}

/// The lowest baseline of body text on each page (footers left out).
fn lowest_text(doc: &Document) -> Vec<f32> {
    doc.pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter_map(|(pt, it)| match it {
                    FrameItem::Text(r) if !r.artifact => Some(pt.y),
                    _ => None,
                })
                .fold(0.0, f32::max)
        })
        .collect()
}

#[test]
fn no_page_but_the_last_is_more_than_15_percent_empty_in_any_theme() {
    let book = FontBook::new();
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        let doc = vita::render::lay_out(&seed(), &theme, &book).unwrap();
        let vita::layout::Rect { top, bottom, .. } = doc.content_box;
        let lows = lowest_text(&doc);
        for (n, low) in lows.iter().enumerate().take(lows.len() - 1) {
            let empty = (bottom - low) / (bottom - top);
            assert!(empty <= 0.15, "{name}: page {} is {:.0} % empty", n + 1, empty * 100.0);
        }
    }
}

#[test]
fn headings_never_sit_at_the_foot_of_a_page_in_any_theme() {
    let book = FontBook::new();
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        let doc = vita::render::lay_out(&seed(), &theme, &book).unwrap();
        let bottom = doc.content_box.bottom;
        for b in &doc.bookmarks {
            // A heading keeps the first entry's header and two lines with it.
            assert!(
                b.y < bottom - 3.0 * 12.0,
                "{name}: `{}` starts {:.0} pt above the foot",
                b.title,
                bottom - b.y
            );
        }
    }
}

/// A résumé whose sidebar (skills) is long enough to reach page 2 too.
fn long_sidebar_resume() -> String {
    let mut toml = std::fs::read_to_string(root().join("data/resume.toml")).unwrap();
    for i in 0..40 {
        toml.push_str(&format!(
            "\n[[skills]]\nname = \"Skill group {i}\"\nkeywords = [\"alpha{i}\", \"beta{i}\", \"gamma{i}\"]\n"
        ));
    }
    toml
}

#[test]
fn columns_continue_independently_and_read_one_at_a_time() {
    let sb = Sandbox::new();
    sb.write("long.toml", long_sidebar_resume());
    let two = root().join("tests/data/two-columns.toml");
    sb.vita(&["render", "long.toml", "--theme", two.to_str().unwrap()]).assert_ok();
    let resume = vita::model::load(&sb.path("long.toml")).unwrap();
    let theme = Theme::resolve(two.to_str().unwrap()).unwrap();
    let doc = vita::render::lay_out(&resume, &theme, &FontBook::new()).unwrap();
    assert!(doc.pages.len() >= 2);
    let side_x = doc.content_box.left + theme.regions(doc.content_box.width())[1].x;
    let texts = |page: usize, side: bool| -> usize {
        doc.pages[page]
            .items
            .iter()
            .filter(|(p, it)| {
                matches!(it, FrameItem::Text(r) if !r.artifact) && (p.x >= side_x - 1.0) == side
            })
            .count()
    };
    for side in [false, true] {
        assert!(
            texts(0, side) > 0 && texts(1, side) > 0,
            "column (side: {side}) does not continue onto page 2"
        );
    }
    // The content stream holds the main column, then the sidebar: an
    // extractor that follows it reads each column whole.
    let raw = tool_stdout("pdftotext", &["-raw", sb.path("out/long.pdf").to_str().unwrap(), "-"]);
    let page1 = raw.split('\u{c}').next().unwrap();
    let (summary, experience, contact, skill0) = (
        page1.find("Hello!").unwrap(),
        page1.find("Crusoe").unwrap(),
        page1.find("alex@example.com").unwrap(),
        page1.find("Skill group 0").unwrap(),
    );
    assert!(
        summary < experience && experience < contact && contact < skill0,
        "page 1 order:\n{page1}"
    );
    let main_end = page1.rfind("Stedi").unwrap_or(experience);
    assert!(main_end < contact, "sidebar text interleaves the main column:\n{page1}");
    // Plain pdftotext, which orders text by position, reads them whole too,
    // on both pages.
    let plain = tool_stdout("pdftotext", &[sb.path("out/long.pdf").to_str().unwrap(), "-"]);
    let pages: Vec<&str> = plain.split('\u{c}').collect();
    for (n, (main, side)) in [
        (["Hello!", "Stedi"], ["CONTACT", "Skill group 0"]),
        (["Manager of", "TwitchCon"], ["Skill group 39", "Skill group 25"]),
    ]
    .iter()
    .enumerate()
    {
        let at =
            |s: &str| pages[n].find(s).unwrap_or_else(|| panic!("{s:?} not on page {}", n + 1));
        let main_last = main.iter().map(|s| at(s)).max().unwrap();
        let side_first = side.iter().map(|s| at(s)).min().unwrap();
        assert!(
            main_last < side_first,
            "page {}: columns interleave in plain pdftotext:\n{}",
            n + 1,
            pages[n]
        );
    }
}

#[test]
fn fit_pages_one_shrinks_the_seed_onto_one_page_and_says_how() {
    let sb = Sandbox::new();
    let run = sb.vita(&["render", "--fit-pages", "1"]);
    run.assert_ok();
    let err = run.stderr();
    assert!(err.contains("fit to 1 page:") && err.contains("body 9.8 pt →"), "{}", run.report());
    let info = tool_stdout("pdfinfo", &[sb.path("out/resume.pdf").to_str().unwrap()]);
    assert!(
        info.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Pages:", "1"]),
        "{info}"
    );
    // The floors hold: nothing below the theme's smallest body size.
    let theme = Theme::resolve("classic").unwrap();
    let fitted = vita::render::fit_pages(&seed(), &theme, 1, None, &FontBook::new()).unwrap();
    assert!(fitted.theme.fonts.body.size >= theme.fit.min_body_size - 1e-3);
    assert!(fitted.theme.page.margin_left.0 >= theme.fit.min_margin.0 - 1e-3);
}

#[test]
fn fit_pages_leaves_a_fitting_resume_alone_and_refuses_the_impossible() {
    let sb = Sandbox::new();
    sb.vita(&["render", "-o", "plain"]).assert_ok();
    let run = sb.vita(&["render", "--fit-pages", "2", "-o", "fitted"]);
    run.assert_ok();
    assert!(run.stderr().contains("nothing changed"), "{}", run.report());
    assert_eq!(
        std::fs::read(sb.path("plain/resume.pdf")).unwrap(),
        std::fs::read(sb.path("fitted/resume.pdf")).unwrap()
    );
    // Four times the experience cannot fit on one page at any allowed size.
    let mut toml = std::fs::read_to_string(root().join("data/resume.toml")).unwrap();
    let work =
        toml[toml.find("[[work]]").unwrap()..toml.find("[[education]]").unwrap()].to_string();
    for _ in 0..3 {
        toml.push_str(&work);
    }
    sb.write("long.toml", toml);
    sb.write("out/long.pdf", "earlier");
    let run = sb.vita(&["render", "long.toml", "--fit-pages", "1"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(
        run.stderr().contains("does not fit on 1 page even at the theme's floors"),
        "{}",
        run.report()
    );
    assert_eq!(std::fs::read(sb.path("out/long.pdf")).unwrap(), b"earlier");
}

#[test]
fn running_footer_continuation_header_and_update_note() {
    let mut theme = Theme::resolve("classic").unwrap();
    theme.running.continuation_header = true;
    theme.running.updated = true;
    let mut resume = seed();
    resume.meta.last_modified = Some(vita::model::Date::parse("2026-03").unwrap());
    let doc = vita::render::lay_out(&resume, &theme, &FontBook::new()).unwrap();
    assert_eq!(doc.pages.len(), 2);
    // The footer speaks the résumé's language.
    let mut german = resume.clone();
    german.meta.language = Some("de".into());
    let de = vita::render::lay_out(&german, &theme, &FontBook::new()).unwrap();
    let footer: String = de.pages[1]
        .items
        .iter()
        .filter_map(|(p, it)| match it {
            FrameItem::Text(r) if r.artifact && p.y > de.content_box.bottom - 20.0 => {
                Some(r.text.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(footer, format!("Alex Doe — Seite 2 von {}  ·  Stand: März 2026", de.pages.len()));
    let artifacts = |page: usize| -> Vec<(f32, String)> {
        doc.pages[page]
            .items
            .iter()
            .filter_map(|(p, it)| match it {
                FrameItem::Text(r) if r.artifact => Some((p.y, r.text.clone())),
                _ => None,
            })
            .collect()
    };
    let vita::layout::Rect { top, bottom, .. } = doc.content_box;
    for page in 0..2 {
        let footer: String = artifacts(page)
            .iter()
            .filter(|(y, _)| *y > bottom - 20.0)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(footer, format!("Alex Doe — {} / 2  ·  Updated Mar 2026", page + 1));
    }
    let header: Vec<_> = artifacts(1).into_iter().filter(|(y, _)| *y < top + 20.0).collect();
    assert_eq!(header.len(), 1, "{header:?}");
    assert_eq!(header[0].1, "Alex Doe");
    assert!(artifacts(0).iter().all(|(y, _)| *y > top + 20.0), "no running header on page 1");
    // Body text starts below the running header on page 2.
    let first_body = doc.pages[1]
        .items
        .iter()
        .filter_map(|(p, it)| match it {
            FrameItem::Text(r) if !r.artifact => Some(p.y),
            _ => None,
        })
        .fold(f32::MAX, f32::min);
    assert!(first_body > header[0].0 + 5.0);
}

/// Distinct baselines of body text on a page below `y`.
fn lines_below(page: &vita::layout::Frame, y: f32) -> usize {
    let mut ys: Vec<i32> = page
        .items
        .iter()
        .filter_map(|(p, it)| match it {
            FrameItem::Text(r) if !r.artifact && p.y > y + 1.0 => Some((p.y * 10.0) as i32),
            _ => None,
        })
        .collect();
    ys.sort();
    ys.dedup();
    ys.len()
}

#[test]
fn headings_keep_their_first_entry_on_awkward_resumes() {
    // Sweep the amount of filler so that, somewhere, the Education heading
    // and each entry header fall near the foot of a page.
    let book = FontBook::new();
    let theme = Theme::resolve("modern").unwrap();
    let mut moved = 0;
    for n in 20..70 {
        let bullets: Vec<String> =
            (0..n).map(|i| format!("\"Filler bullet number {i} with a few words\"")).collect();
        let toml = format!(
            "[basics]\nname = \"A\"\n[[work]]\nname = \"One\"\nhighlights = [{}]\n\
             [[education]]\ninstitution = \"First University\"\nsummary = \"Line one of a summary that is long enough to wrap onto a second line in the body text of this theme, and then some more words.\"\n\
             [[education]]\ninstitution = \"Second University\"\n",
            bullets.join(", ")
        );
        let resume = vita::model::parse(&toml, std::path::Path::new("t.toml")).unwrap();
        let doc = vita::render::lay_out(&resume, &theme, &book).unwrap();
        let top = doc.content_box.top;
        for b in &doc.bookmarks {
            let below = lines_below(&doc.pages[b.page], b.y);
            assert!(
                below >= 3,
                "n={n}: `{}` on page {} has {below} lines after it",
                b.title,
                b.page + 1
            );
            // A heading at the very top of a later page was moved there whole.
            moved += (b.page > 0 && b.y - top < 1.0) as usize;
        }
    }
    assert!(moved > 0, "the sweep never made a heading move to the next page");
}

#[test]
fn plain_pdftotext_reads_two_columns_one_at_a_time() {
    let sb = Sandbox::new();
    let two = root().join("tests/data/two-columns.toml");
    sb.vita(&["render", "--theme", two.to_str().unwrap()]).assert_ok();
    let text = tool_stdout("pdftotext", &[sb.path("out/resume.pdf").to_str().unwrap(), "-"]);
    let page1 = text.split('\u{c}').next().unwrap();
    let at = |s: &str| page1.find(s).unwrap_or_else(|| panic!("{s:?} not on page 1:\n{page1}"));
    let main =
        ["SUMMARY", "Hello!", "EXPERIENCE", "Crusoe", "Stedi", "Notable work included:"].map(at);
    let side =
        ["CONTACT", "alex@example.com", "EDUCATION", "Master of Science", "B.Sc. (Hons)"].map(at);
    let (main_first, main_last) = (*main.iter().min().unwrap(), *main.iter().max().unwrap());
    let (side_first, side_last) = (*side.iter().min().unwrap(), *side.iter().max().unwrap());
    assert!(
        main_last < side_first || side_last < main_first,
        "the columns interleave in plain pdftotext:\n{page1}"
    );
}
