//! Bad input through the real binary. The corpus in `tests/bad/` holds one
//! file per case — a résumé (TOML, or JSON Resume when it ends in `.json`),
//! or a theme when it ends in `.theme.toml` — and
//! beside it `NAME.expected` with what vita must do:
//!
//! ```text
//! exit: 2                     (or 0, where rendering is the sensible answer)
//! expect: before the start    (each must appear in stderr; {file} is the case's path)
//! args: --max-pages 3         (extra arguments, optional)
//! repeat: 10000               (the case's text after `# --- repeated ---`, N times,
//!                              up to a line `# --- end ---` if there is one)
//! ```
//!
//! Every case must finish within a time limit, never panic, and either
//! leave an earlier render's outputs exactly as they were (exit 2) or
//! replace them with complete new ones (exit 0). The tests below the corpus
//! are about the command line rather than the input.

mod common;

use common::{Sandbox, root};
use std::path::Path;
use std::time::Duration;

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

/// Longer than any case takes on a loaded machine; a hang fails here.
const TIME_LIMIT: Duration = Duration::from_secs(60);
const REPEAT_MARK: &str = "# --- repeated ---\n";
/// Ends the repeated text; what follows comes once, after the repeats.
const END_MARK: &str = "\n# --- end ---\n";

/// What a case's `.expected` file asks for.
struct Expected {
    exit: i32,
    fragments: Vec<String>,
    args: Vec<String>,
    repeat: usize,
}

fn read_expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (every case needs one)", path.display()));
    let mut exp = Expected { exit: -1, fragments: Vec::new(), args: Vec::new(), repeat: 1 };
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (key, value) = line.split_once(": ").unwrap_or_else(|| panic!("{line:?}"));
        match key {
            "exit" => exp.exit = value.parse().unwrap(),
            "expect" => exp.fragments.push(value.to_string()),
            "args" => exp.args.extend(value.split_whitespace().map(String::from)),
            "repeat" => exp.repeat = value.parse().unwrap(),
            _ => panic!("{}: unknown directive {key:?}", path.display()),
        }
    }
    assert!(exp.exit == 0 || exp.exit == 2, "{}: exit must be 0 or 2", path.display());
    assert!(!exp.fragments.is_empty(), "{}: no `expect:` lines", path.display());
    exp
}

/// The corpus cases, sorted by name.
fn corpus() -> Vec<std::path::PathBuf> {
    let mut cases: Vec<_> = std::fs::read_dir(root().join("tests/bad"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml" || x == "json"))
        .collect();
    cases.sort();
    cases
}

/// Runs one case in a fresh sandbox: the case and `assets/` in `cv/`, a
/// photo in `elsewhere/` (outside the résumé's folder), sentinel outputs
/// in `out/`. Returns what went wrong, if anything.
fn run_case(case: &Path) -> Result<(), String> {
    let name = case.file_name().unwrap().to_str().unwrap();
    let bare = name.trim_end_matches(".toml").trim_end_matches(".json");
    let exp = read_expected(&case.with_file_name(format!("{bare}.expected")));
    let sb = Sandbox::new();
    let mut bytes = std::fs::read(case).unwrap();
    if exp.repeat > 1 {
        let text = String::from_utf8(bytes).expect("repeated cases are UTF-8");
        let (head, body) = text.split_once(REPEAT_MARK).expect("a repeated case has the mark");
        let (body, tail) = body.split_once(END_MARK).unwrap_or((body, ""));
        bytes = format!("{head}{}{tail}", body.repeat(exp.repeat)).into_bytes();
    }
    let file = format!("cv/{name}");
    sb.write(&file, &bytes);
    for asset in std::fs::read_dir(root().join("tests/bad/assets")).unwrap().flatten() {
        let to = format!("cv/assets/{}", asset.file_name().to_str().unwrap());
        sb.write(&to, std::fs::read(asset.path()).unwrap());
    }
    sb.write(
        "elsewhere/photo.png",
        std::fs::read(root().join("tests/bad/assets/photo.png")).unwrap(),
    );
    sb.write("cv/resume.toml", std::fs::read(root().join("data/resume.toml")).unwrap());
    let mut args = vec!["render".to_string()];
    let stem = if name.ends_with(".theme.toml") {
        args.extend(["cv/resume.toml".into(), "--theme".into(), file.clone()]);
        "resume".to_string()
    } else {
        args.push(file.clone());
        bare.to_string()
    };
    args.extend(exp.args.iter().map(|a| a.replace("{file}", &file)));
    let outputs = [format!("out/{stem}.pdf"), format!("out/{stem}.txt")];
    for out in &outputs {
        sb.write(out, SENTINEL);
    }
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = sb.vita_within(&argv, TIME_LIMIT);
    let err = run.stderr();
    let fail = |what: String| Err(format!("{name}: {what}{}", run.report()));
    if err.contains("panicked") || run.code() == Some(101) {
        return fail("vita panicked".into());
    }
    if run.code() != Some(exp.exit) {
        return fail(format!("expected exit {}", exp.exit));
    }
    // Whatever the input holds, nothing reaches the terminal that could
    // drive it (ESC, BEL, CR, a bidi override).
    let drives = |c: char| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c);
    if let Some(c) = err.chars().find(|&c| drives(c)) {
        return fail(format!("stderr holds the raw character U+{:04X}", c as u32));
    }
    for fragment in &exp.fragments {
        let fragment = fragment.replace("{file}", &file);
        if !err.contains(&fragment) {
            return fail(format!("stderr lacks {fragment:?}"));
        }
    }
    for out in &outputs {
        let now = std::fs::read(sb.path(out)).unwrap();
        match exp.exit {
            0 if now == SENTINEL || !(now.starts_with(b"%PDF") || out.ends_with(".txt")) => {
                return fail(format!("{out} was not replaced by a complete new file"));
            }
            2 if now != SENTINEL => return fail(format!("{out} was touched")),
            _ => {}
        }
    }
    let files = std::fs::read_dir(sb.path("out")).unwrap().count();
    if files != 2 {
        return fail("temporary files were left in out/".into());
    }
    Ok(())
}

#[test]
fn every_case_in_the_bad_input_corpus() {
    let cases = corpus();
    assert!(cases.len() >= 40, "the corpus has only {} cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| run_case(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
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
