//! Many résumés in one `vita render`: each gets its outputs (a folder of
//! its own, or a `--name-template` name), a bad one is reported with its
//! diagnostic without stopping the rest, the run ends with a summary and
//! exit 2, names that would collide are refused before anything is
//! written, and the progress bar shows only on a terminal.

mod common;

use common::{Sandbox, tool_stdout};

/// A small résumé that differs per `n`, so every PDF is its own.
fn resume(n: usize) -> String {
    format!(
        "[basics]\nname = \"Person {n:02}\"\nlabel = \"Engineer number {n}\"\n\n\
         [[work]]\nname = \"Company {n}\"\nposition = \"Role {n}\"\nstart_date = \"20{:02}\"\n\
         highlights = [\"Shipped thing {n}.\", \"Led team {n} through a *migration*.\"]\n",
        n % 25
    )
}

/// Writes `count` résumés into `cvs/`, returning their paths in order.
fn generate(sb: &Sandbox, count: usize) -> Vec<String> {
    (1..=count)
        .map(|n| {
            let rel = format!("cvs/cv{n:02}.toml");
            sb.write(&rel, resume(n));
            rel
        })
        .collect()
}

#[test]
fn fifty_render_and_one_bad_file_is_reported_without_stopping_the_rest() {
    let sb = Sandbox::new();
    let mut inputs = generate(&sb, 50);
    // The bad one sits in the middle of the list.
    sb.write("cvs/bad.toml", "[basics]\nname = \"Bad\"\nemial = \"x@example.com\"\n");
    inputs.insert(25, "cvs/bad.toml".into());
    let mut args = vec!["render", "-o", "out", "-f", "pdf"];
    args.extend(inputs.iter().map(String::as_str));
    let run = sb.vita(&args);
    assert_eq!(run.code(), Some(2), "one failure exits 2{}", run.report());
    let err = run.stderr();
    assert!(err.contains("unknown field `emial`"), "the diagnostic{}", run.report());
    assert!(err.contains("cvs/bad.toml:3:1"), "with its place{}", run.report());
    assert!(
        err.contains("1 of 51 résumés failed: cvs/bad.toml; the other 50 were written"),
        "the summary{}",
        run.report()
    );
    assert_eq!(err.matches("wrote out/").count(), 50, "one line per résumé{}", run.report());
    assert!(
        !err.contains('\u{1b}') && !err.contains('\r'),
        "no bar off a terminal{}",
        run.report()
    );
    for n in 1..=50 {
        let pdf = sb.path(&format!("out/cv{n:02}/cv{n:02}.pdf"));
        let bytes = std::fs::read(&pdf).unwrap_or_else(|_| panic!("{n} missing{}", run.report()));
        assert!(bytes.starts_with(b"%PDF-"), "{n} is not a PDF");
        if n % 10 == 0 {
            let text = tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]);
            assert!(text.contains(&format!("Person {n:02}")), "{n} holds its own résumé: {text}");
        }
    }
    assert!(!sb.path("out/bad").exists(), "nothing written for the bad one{}", run.report());
}

#[test]
fn name_template_flattens_and_collisions_are_refused_up_front() {
    let sb = Sandbox::new();
    sb.write("a/cv.toml", resume(1));
    sb.write("b/cv.toml", resume(2));
    // Same stem twice: refused before anything is rendered.
    let run = sb.vita(&["render", "a/cv.toml", "b/cv.toml", "-f", "pdf"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("a/cv.toml and b/cv.toml would both write"), "{}", run.report());
    assert!(!sb.path("out").exists(), "nothing written{}", run.report());
    let run = sb.vita(&["render", "a/cv.toml", "b/cv.toml", "--name-template", "{stem}"]);
    assert_eq!(run.code(), Some(2), "the stem alone collides too{}", run.report());
    // A template that tells them apart.
    let run = sb.vita(&[
        "render",
        "a/cv.toml",
        "b/cv.toml",
        "a/cv.toml",
        "-f",
        "pdf,txt",
        "--name-template",
        "{index}-{parent}-{stem}",
    ]);
    run.assert_ok();
    for (file, name) in [("out/1-a-cv", "Person 01"), ("out/2-b-cv", "Person 02")] {
        let txt = std::fs::read_to_string(sb.path(&format!("{file}.txt"))).unwrap();
        assert!(txt.contains(name), "{file}.txt: {txt}{}", run.report());
        assert!(sb.path(&format!("{file}.pdf")).exists(), "{}", run.report());
    }
    assert!(!sb.path("out/3-a-cv.pdf").exists(), "a path given twice renders once{}", run.report());
    assert!(run.stderr().contains("rendered 2 résumés"), "{}", run.report());
    // One résumé with a template: named by it, not by the old rule.
    sb.vita(&["render", "a/cv.toml", "-f", "txt", "--name-template", "x/{parent}"]).assert_ok();
    assert!(sb.path("out/x/a.txt").exists());
    let bad = sb.vita(&["render", "a/cv.toml", "--name-template", "../{stem}"]);
    assert_eq!(bad.code(), Some(2), "{}", bad.report());
    assert!(bad.stderr().contains("inside the -o folder"), "{}", bad.report());
}

#[test]
fn a_terminal_gets_a_progress_bar() {
    let sb = Sandbox::new();
    let inputs = generate(&sb, 6);
    // `script` runs vita on a pseudo-terminal and copies what it shows.
    let cmd = format!("{} render -f txt -o out {}", common::BIN, inputs.join(" "));
    let out = std::process::Command::new("script")
        .args(["-qefc", &cmd, "/dev/null"])
        .current_dir(sb.dir.path())
        .output()
        .expect("script (util-linux) runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("6/6") || shown.contains("/6"), "a bar counting to 6: {shown:?}");
    assert!(shown.contains("rendered 6 résumés"), "{shown:?}");
    for n in 1..=6 {
        assert!(sb.path(&format!("out/cv{n:02}/cv{n:02}.txt")).exists());
    }
}

#[test]
fn a_batch_takes_letters_and_applications_among_resumes() {
    let sb = Sandbox::new();
    sb.write("cv.toml", resume(1));
    sb.write("letter.toml", "resume = \"cv.toml\"\nbody = \"A short letter.\"\n");
    sb.write("apps/acme.toml", "resume = \"../cv.toml\"\nletter = \"../letter.toml\"\n");
    let run = sb.vita(&["render", "cv.toml", "letter.toml", "apps/acme.toml", "-f", "txt"]);
    run.assert_ok();
    for (file, says) in [
        ("out/cv/cv.txt", "EXPERIENCE"),
        ("out/letter/letter.txt", "A short letter."),
        ("out/acme/acme.txt", "EXPERIENCE"),
        ("out/acme/acme.letter.txt", "A short letter."),
    ] {
        let text = std::fs::read_to_string(sb.path(file))
            .unwrap_or_else(|e| panic!("{file}: {e}{}", run.report()));
        assert!(text.contains(says), "{file}:\n{text}");
    }
}
