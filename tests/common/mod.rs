//! Helpers for tests that run the real `vita` binary in a temporary folder
//! and the poppler/qpdf tools on what it writes. On failure they print the
//! command, its stderr and the folder listing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_vita");

/// The repository root (where data/ and layouts/ live).
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary working folder with data/resume.toml copied in.
pub(crate) struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub(crate) fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::copy(root().join("data/resume.toml"), dir.path().join("data/resume.toml"))
            .unwrap();
        Sandbox { dir }
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub(crate) fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// Runs vita with `args` in the sandbox.
    pub(crate) fn vita(&self, args: &[&str]) -> Run {
        self.vita_env(args, &[])
    }

    pub(crate) fn vita_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(BIN);
        cmd.args(args).current_dir(self.dir.path()).env_remove("SOURCE_DATE_EPOCH");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let output = cmd.output().expect("run vita");
        Run {
            args: args.iter().map(|s| s.to_string()).collect(),
            output,
            dir: self.dir.path().to_path_buf(),
        }
    }
}

/// One finished run of the binary.
pub(crate) struct Run {
    pub args: Vec<String>,
    pub output: Output,
    pub dir: PathBuf,
}

impl Run {
    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub(crate) fn code(&self) -> Option<i32> {
        self.output.status.code()
    }

    /// What to print when an assertion about this run fails.
    pub(crate) fn report(&self) -> String {
        format!(
            "\n$ vita {}\nexit: {:?}\nstderr:\n{}\nstdout:\n{}\nfolder:\n{}",
            self.args.join(" "),
            self.code(),
            self.stderr(),
            String::from_utf8_lossy(&self.output.stdout),
            listing(&self.dir)
        )
    }

    pub(crate) fn assert_ok(&self) -> &Run {
        assert_eq!(self.code(), Some(0), "expected success{}", self.report());
        self
    }
}

fn listing(dir: &Path) -> String {
    let mut out = String::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if let Ok(entries) = std::fs::read_dir(&d) {
            for e in entries.flatten() {
                let p = e.path();
                let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                out.push_str(&format!(
                    "  {} ({len} bytes)\n",
                    p.strip_prefix(dir).unwrap_or(&p).display()
                ));
                if p.is_dir() {
                    stack.push(p);
                }
            }
        }
    }
    out
}

/// Runs an external tool, failing the test with install advice if absent.
pub(crate) fn tool(name: &str, args: &[&str]) -> Output {
    Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run `{name}` ({e}); install poppler-utils and qpdf (apt-get install -y poppler-utils qpdf)")
    })
}

pub(crate) fn tool_stdout(name: &str, args: &[&str]) -> String {
    let out = tool(name, args);
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

impl Sandbox {
    /// Runs vita with `args`, killing it and failing when it takes longer
    /// than `limit` (a hang is a bug, not a slow test).
    pub(crate) fn vita_within(&self, args: &[&str], limit: std::time::Duration) -> Run {
        let logs = tempfile::tempdir().expect("temp dir");
        let (out_path, err_path) = (logs.path().join("stdout"), logs.path().join("stderr"));
        let mut child = Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(std::fs::File::create(&out_path).unwrap())
            .stderr(std::fs::File::create(&err_path).unwrap())
            .spawn()
            .expect("run vita");
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for vita") {
                break status;
            }
            if started.elapsed() > limit {
                child.kill().ok();
                child.wait().ok();
                panic!("vita {} did not finish within {limit:?}", args.join(" "));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let output = Output {
            status,
            stdout: std::fs::read(&out_path).unwrap(),
            stderr: std::fs::read(&err_path).unwrap(),
        };
        Run {
            args: args.iter().map(|s| s.to_string()).collect(),
            output,
            dir: self.dir.path().to_path_buf(),
        }
    }
}

/// The ATS harness's folder: `../shared/ats`, or `$VITA_ATS_HARNESS`.
pub(crate) fn ats_shared() -> PathBuf {
    std::env::var_os("VITA_ATS_HARNESS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/ats"))
}

/// The harness's Python (its virtual environment) and its `score.py`, or a
/// clear failure.
pub(crate) fn ats_harness() -> (PathBuf, PathBuf) {
    let score = ats_shared().join("score.py");
    // Where setup.sh installs it: $ATS_HOME, else ~/.cache/ats-harness.
    let home = std::env::var_os("ATS_HOME").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").unwrap_or_else(|| "/root".into());
        PathBuf::from(home).join(".cache/ats-harness")
    });
    let python = home.join("venv/bin/python");
    assert!(
        score.is_file() && python.is_file(),
        "the ATS harness is not installed: expected {} and {}.\n\
         Run ../shared/ats/setup.sh (scripts/test.sh does), or set VITA_ATS_HARNESS to the \
         folder that holds score.py and ATS_HOME to where setup.sh installed it.",
        score.display(),
        python.display()
    );
    (python, score)
}

/// A word as `pdftotext -bbox` places it: its page (from 1), its text, and
/// its box as fractions of the page (x from the left, y from the top).
#[allow(dead_code)]
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub page: usize,
    pub word: String,
    pub x: (f32, f32),
    pub y: (f32, f32),
}

/// Every word of the PDF at `pdf`, where it is.
#[allow(dead_code)]
pub(crate) fn words_placed(pdf: &Path) -> Vec<Placed> {
    let html = tool_stdout("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |line: &str, name: &str| -> f32 {
        let at = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    let (mut page, mut size, mut out) = (0, (1.0, 1.0), Vec::new());
    for line in html.lines() {
        if line.contains("<page ") {
            page += 1;
            size = (attr(line, "width"), attr(line, "height"));
        } else if line.contains("<word ") {
            let word = line.split('>').nth(1).and_then(|w| w.split('<').next()).unwrap_or("");
            let word = word.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            out.push(Placed {
                page,
                word,
                x: (attr(line, "xMin") / size.0, attr(line, "xMax") / size.0),
                y: (attr(line, "yMin") / size.1, attr(line, "yMax") / size.1),
            });
        }
    }
    out
}
