//! Shell completions and man pages come from the clap definitions and name
//! every subcommand.

mod common;

use common::Sandbox;

const SUBCOMMANDS: [&str; 10] = [
    "render",
    "themes",
    "fonts",
    "init",
    "validate",
    "schema",
    "import",
    "export",
    "completions",
    "man",
];

fn stdout(sb: &Sandbox, args: &[&str]) -> String {
    let run = sb.vita(args);
    run.assert_ok();
    String::from_utf8(run.output.stdout.clone()).expect("utf-8")
}

#[test]
fn completions_name_every_subcommand() {
    let sb = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&sb, &["completions", shell]);
        assert!(script.len() > 1000, "{shell}: {} bytes", script.len());
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion lacks `{sub}`");
        }
        assert!(script.contains("fit-pages"), "{shell} completion lacks render's flags");
    }
    let bad = sb.vita(&["completions", "tcsh"]);
    assert_eq!(bad.code(), Some(2), "{}", bad.report());
}

#[test]
fn man_pages_name_every_subcommand() {
    let sb = Sandbox::new();
    let page = stdout(&sb, &["man"]);
    assert!(page.starts_with(".ie") || page.contains(".TH vita"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(
            page.contains(&format!("vita\\-{sub}(1)")),
            "vita(1) does not list `{sub}`:\n{page}"
        );
    }
    let render = stdout(&sb, &["man", "render"]);
    assert!(render.contains(".TH vita-render"), "{render}");
    assert!(render.contains("fit\\-pages"), "{render}");
    assert!(render.contains("Exit status"), "{render}");
    sb.vita(&["man", "--dir", "man1"]).assert_ok();
    for sub in SUBCOMMANDS {
        let file = sb.path(&format!("man1/vita-{sub}.1"));
        assert!(
            std::fs::metadata(&file).is_ok_and(|m| m.len() > 200),
            "{} missing",
            file.display()
        );
    }
}

/// `vita themes | head -1` and the like: a reader that stops early is not an
/// error. Every command that prints to standard output writes into a pipe
/// whose reading end is already closed, and must end quietly with success
/// rather than panic on the failed write.
#[test]
fn a_closed_pipe_on_standard_output_is_not_an_error() {
    let sb = Sandbox::new();
    let commands: [&[&str]; 6] = [
        &["themes"],
        &["themes", "show", "classic"],
        &["fonts"],
        &["schema"],
        &["completions", "bash"],
        &["man"],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vita"))
            .args(args)
            .current_dir(sb.path(""))
            .stdout(writer)
            .output()
            .expect("vita runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "vita {args:?}: {:?}\n{stderr}", out.status);
        assert!(stderr.is_empty(), "vita {args:?} complained: {stderr}");
    }
}
