#!/usr/bin/env bash
# Whole-process benchmark of the release binary: wall time (median of N runs)
# and peak RSS of `vita render` on the seed résumé (PDF + TXT), `--fit-pages 1`,
# a batch of 1,000 résumés, and the scaling table (1-, 5-, 20-, 50-page
# résumés). When Typst is available it renders benches/resume.typ (the seed
# as a Typst document) in the same run and prints the ratio:
#   - the `typst` CLI on PATH (`cargo install typst-cli --locked`) is timed
#     as a whole process, like vita, alternating run for run with the seed
#     render;
#   - otherwise the Python binding (`pip install typst`) is timed in-process,
#     which leaves out process start-up and so flatters Typst.
#
# Usage: benches/whole-process.sh [RUNS]   (default 30; the issue asks ≥ 20)
# Figures go to stdout as a Markdown table; BENCHMARKS.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-30}"
cargo build --release --locked --quiet
exec python3 - "$RUNS" <<'PY'
import os, re, shutil, statistics, subprocess, sys, tempfile, time

runs = int(sys.argv[1])
vita = os.path.abspath("target/release/vita")
work = tempfile.mkdtemp(prefix="vita-bench-")
env = dict(os.environ, SOURCE_DATE_EPOCH="0")

QUIET = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
         (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]

def run(cmd):
    """Wall seconds of one process, started with posix_spawn: Python's
    subprocess module adds about a millisecond of its own per run, which
    would swamp a render of a few milliseconds."""
    start = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=QUIET)
    _, status = os.waitpid(pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.decode()}")
    return wall

def peak_rss(cmd):
    """Peak RSS in KiB, from GNU time: the kernel's maxrss of a child also
    counts the memory of the process that forked it (here, Python), so it
    is read through a small parent instead."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=env, text=True)
    return int(proc.stderr.strip().splitlines()[-1])

def bench(cmd, n=runs):
    run(cmd)  # warm the page cache
    samples = [run(cmd) for _ in range(n)]
    return statistics.median(samples) * 1000, peak_rss(cmd)

def bench_pair(a, b, n=runs):
    """Two commands timed in alternation, so that both see the same state
    of a machine whose speed drifts: a fair ratio."""
    run(a), run(b)
    sa, sb = [], []
    for _ in range(n):
        sa.append(run(a))
        sb.append(run(b))
    return ((statistics.median(sa) * 1000, peak_rss(a)), (statistics.median(sb) * 1000, peak_rss(b)))

def row(name, ms, kib, extra=""):
    print(f"| {name} | {ms:.2f} ms | {kib / 1024:.1f} MiB | {extra} |")

print(f"Machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}; {runs} runs each, median wall time, max peak RSS.\n")
print("| what | median wall | peak RSS | notes |\n|---|---|---|---|")

out = os.path.join(work, "out")
seed_cmd = [vita, "render", "data/resume.toml", "-o", out, "-q"]
typst = shutil.which("typst")
# Without the scan of the machine's fonts: the document uses Typst's own
# Libertinus, and the scan would only slow Typst down.
typst_cmd = typst and [typst, "compile", "--ignore-system-fonts", "benches/resume.typ",
                       os.path.join(work, "t.pdf")]
if typst:
    (seed_ms, seed_kib), (t_ms, t_kib) = bench_pair(seed_cmd, typst_cmd)
else:
    seed_ms, seed_kib = bench(seed_cmd)
size = os.path.getsize(os.path.join(out, "resume.pdf"))
row("vita render (seed, PDF + TXT)", seed_ms, seed_kib, f"PDF {size / 1000:.1f} kB")

# vita check reads the seed's PDF back (two pages), alone and against its
# source; and a Chromium PDF of the seed from the test corpus.
check_ms, check_kib = bench([vita, "check", os.path.join(out, "resume.pdf")])
row("vita check (the seed's PDF, 2 pages)", check_ms, check_kib)
expect_ms, expect_kib = bench([vita, "check", os.path.join(out, "resume.pdf"), "--expect", "data/resume.toml"])
row("vita check --expect data/resume.toml", expect_ms, expect_kib)
chromium = "tests/check/corpus/chromium-one-column/resume.pdf"
chromium_ms, chromium_kib = bench([vita, "check", chromium])
row("vita check (Chromium's PDF of the seed, 2 pages)", chromium_ms, chromium_kib)

(plain_ms, _), (fit_ms, fit_kib) = bench_pair(seed_cmd, seed_cmd + ["--fit-pages", "1"])
row("vita render --fit-pages 1", fit_ms, fit_kib,
    f"{fit_ms / plain_ms:.1f}× a plain render timed in alternation with it")

if typst:
    version = subprocess.run([typst, "--version"], capture_output=True, text=True).stdout.strip()
    t_size = os.path.getsize(os.path.join(work, "t.pdf"))
    row(f"{version} compile (whole process)", t_ms, t_kib,
        f"PDF {t_size / 1000:.1f} kB; timed in alternation with the seed row; "
        f"vita is {t_ms / seed_ms:.1f}× faster")
else:
    try:
        import typst as typst_py
        typst_py.compile("benches/resume.typ")
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            typst_py.compile("benches/resume.typ")
            samples.append(time.perf_counter() - start)
        t_ms = statistics.median(samples) * 1000
        print(f"| typst {getattr(typst_py, '__version__', '?')} (Python binding, in-process) | {t_ms:.2f} ms | – | vita is {t_ms / seed_ms:.1f}× faster (Typst without process start-up) |")
    except ImportError:
        print("| typst | – | – | not installed: `cargo install typst-cli` or `pip install typst` |")

# A batch of 1,000 résumés: the seed under 1,000 names.
batch = os.path.join(work, "batch")
os.makedirs(batch)
seed = open("data/resume.toml", encoding="utf-8").read().replace("#:schema ../schema/", "#:schema ")
for i in range(1000):
    open(os.path.join(batch, f"cv{i:04}.toml"), "w", encoding="utf-8").write(seed)
files = sorted(os.path.join(batch, f) for f in os.listdir(batch))
b_ms, b_kib = bench([vita, "render", *files, "-o", os.path.join(work, "bout"), "-q"], n=max(3, runs // 10))
row("vita render × 1,000 résumés (batch)", b_ms, b_kib, f"{b_ms / 1000:.2f} ms a résumé")

# Scaling: the seed's work history repeated until the résumé has N pages.
print("\n| pages | median wall | peak RSS | per page |\n|---|---|---|---|")
head, sep, jobs = seed.partition("[[work]]")
jobs = sep + jobs.split("# ── Education")[0]
first_job = "[[work]]" + jobs.split("[[work]]")[1]
def pages_of(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))
copies = 0
for target in (1, 5, 20, 50):
    while True:
        path = os.path.join(work, f"p{target}.toml")
        body = head + (jobs * copies if copies else first_job)
        open(path, "w", encoding="utf-8").write(body)
        run([vita, "render", path, "-o", out, "-q", "-f", "pdf"])
        got = pages_of(os.path.join(out, f"p{target}.pdf"))
        if got >= target:
            break
        copies += 1
    ms, kib = bench([vita, "render", path, "-o", out, "-q"], n=max(5, runs // 3))
    print(f"| {got} | {ms:.2f} ms | {kib / 1024:.1f} MiB | {ms / got:.2f} ms |")
shutil.rmtree(work)
PY
