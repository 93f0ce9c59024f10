//! Bad input through the real binary: every case exits 2 with a message
//! naming the file (and the line, where the problem has one), and leaves
//! the outputs of an earlier good render exactly as they were.

mod common;

use common::Sandbox;

const SENTINEL: &[u8] = b"an earlier, good render";

/// A sandbox with `cv.toml` = `resume` and sentinel outputs in out/.
fn setup(resume: &[u8]) -> Sandbox {
    let sb = Sandbox::new();
    sb.write("cv.toml", resume);
    sb.write("out/cv.pdf", SENTINEL);
    sb.write("out/cv.txt", SENTINEL);
    sb
}

/// Runs `vita render cv.toml` + `extra` and checks exit 2, the message, and
/// that the sentinels survived.
fn expect_failure(resume: &[u8], extra: &[&str], message: &str, place: &str) {
    let sb = setup(resume);
    let mut args = vec!["render", "cv.toml"];
    args.extend_from_slice(extra);
    let run = sb.vita(&args);
    assert_eq!(run.code(), Some(2), "expected exit 2{}", run.report());
    let err = run.stderr();
    assert!(err.contains(message), "message should contain {message:?}{}", run.report());
    assert!(err.contains(place), "message should name {place:?}{}", run.report());
    assert!(!err.contains("panicked"), "{}", run.report());
    for out in ["out/cv.pdf", "out/cv.txt"] {
        assert_eq!(
            std::fs::read(sb.path(out)).unwrap(),
            SENTINEL,
            "{out} was touched{}",
            run.report()
        );
    }
    let stray: Vec<_> =
        std::fs::read_dir(sb.path("out")).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(stray.len(), 2, "temporary files left behind: {stray:?}");
}

const GOOD_HEAD: &str = "[basics]\nname = \"Alex Doe\"\n";

#[test]
fn toml_syntax_error() {
    expect_failure(b"[basics\nname = \"A\"\n", &[], "unclosed table", "cv.toml:1:8");
}

#[test]
fn wrong_type() {
    expect_failure(b"[basics]\nname = 42\n", &[], "invalid type", "cv.toml:2:");
}

#[test]
fn unknown_key_with_a_near_miss() {
    let src = format!("{GOOD_HEAD}emial = \"a@example.com\"\n");
    expect_failure(src.as_bytes(), &[], "did you mean `email`?", "cv.toml:3:1");
}

#[test]
fn unknown_section_with_a_near_miss() {
    let src = format!("{GOOD_HEAD}[[wrok]]\nname = \"X\"\n");
    expect_failure(src.as_bytes(), &[], "did you mean `work`?", "cv.toml:3:");
}

#[test]
fn impossible_month() {
    let src = format!("{GOOD_HEAD}[[work]]\nname = \"X\"\nstart_date = \"2021-13\"\n");
    expect_failure(src.as_bytes(), &[], "month 13", "cv.toml:5:");
}

#[test]
fn range_that_ends_before_it_starts() {
    let src = format!("{GOOD_HEAD}[[work]]\nstart_date = \"2021-05\"\nend_date = \"2019\"\n");
    expect_failure(src.as_bytes(), &[], "before the start date", "cv.toml:5:12");
}

#[test]
fn missing_required_field() {
    let src = "[basics]\nemail = \"a@example.com\"\n";
    expect_failure(src.as_bytes(), &[], "missing field `name`", "cv.toml:1:");
}

#[test]
fn typo_inside_a_highlight_group() {
    let src =
        format!("{GOOD_HEAD}[[work]]\nhighlights = [{{ text = \"Led:\", itmes = [\"x\"] }}]\n");
    expect_failure(src.as_bytes(), &[], "did you mean `items`?", "cv.toml:4:");
}

#[test]
fn invalid_utf8() {
    let mut src = GOOD_HEAD.as_bytes().to_vec();
    src.extend_from_slice(b"label = \"caf\xe9\"\n");
    expect_failure(&src, &[], "not valid UTF-8", "cv.toml:3:");
}

#[test]
fn theme_file_with_unknown_key() {
    let sb = setup(GOOD_HEAD.as_bytes());
    sb.write("mine.toml", "[page]\nmargin_lft = 10\n");
    let run = sb.vita(&["render", "cv.toml", "--theme", "mine.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(
        run.stderr().contains("mine.toml:2:1") && run.stderr().contains("margin_left"),
        "{}",
        run.report()
    );
    assert_eq!(std::fs::read(sb.path("out/cv.pdf")).unwrap(), SENTINEL);
}

#[test]
fn missing_resume_file() {
    let sb = Sandbox::new();
    let run = sb.vita(&["render", "nowhere.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(
        run.stderr().contains("nowhere.toml") && run.stderr().contains("no such file"),
        "{}",
        run.report()
    );
}

#[test]
fn output_folder_that_cannot_be_created() {
    // A regular file where a parent folder should be: fails even for root.
    expect_failure(
        GOOD_HEAD.as_bytes(),
        &["-o", "out/cv.pdf/inside"],
        "output folder",
        "out/cv.pdf/inside",
    );
}

#[test]
fn an_output_that_cannot_be_written_leaves_the_others_untouched() {
    let sb = setup(GOOD_HEAD.as_bytes());
    std::fs::remove_file(sb.path("out/cv.txt")).unwrap();
    std::fs::create_dir(sb.path("out/cv.txt")).unwrap();
    let run = sb.vita(&["render", "cv.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("cv.txt"), "{}", run.report());
    // The PDF could have been written, but a half-updated pair is worse.
    assert_eq!(std::fs::read(sb.path("out/cv.pdf")).unwrap(), SENTINEL, "{}", run.report());
}

#[test]
fn unknown_theme_name_suggests_the_nearest() {
    let sb = Sandbox::new();
    let run = sb.vita(&["render", "--theme", "clasic"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("did you mean `classic`?"), "{}", run.report());
    assert!(!sb.path("out").exists(), "{}", run.report());
}

#[test]
fn theme_with_impossible_values() {
    let sb = setup(GOOD_HEAD.as_bytes());
    sb.write("mine.toml", "[fonts]\nbody = { family = \"Lato\", size = -5 }\n");
    let run = sb.vita(&["render", "cv.toml", "--theme", "mine.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(
        run.stderr().contains("fonts.body.size") && run.stderr().contains("mine.toml:2:"),
        "{}",
        run.report()
    );
    assert_eq!(std::fs::read(sb.path("out/cv.pdf")).unwrap(), SENTINEL);
}

#[test]
fn output_folder_that_is_a_file() {
    expect_failure(
        GOOD_HEAD.as_bytes(),
        &["-o", "out/cv.pdf"],
        "is a file, not a folder",
        "out/cv.pdf",
    );
}

#[test]
fn an_output_may_not_replace_the_resume() {
    let sb = Sandbox::new();
    sb.write("cv.txt", GOOD_HEAD);
    let run = sb.vita(&["render", "cv.txt", "-o", "."]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("overwrite the résumé"), "{}", run.report());
    assert_eq!(std::fs::read_to_string(sb.path("cv.txt")).unwrap(), GOOD_HEAD);
}
