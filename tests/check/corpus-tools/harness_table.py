#!/usr/bin/env python3
"""The corpus's harness verdicts: slim a case's harness.json, or write the
README's table from every case's harness.json. Standard library only.

usage: harness_table.py slim CASE/harness.json
       harness_table.py table CORPUS_DIR [--readme CORPUS_DIR/README.md]

slim rewrites the file in place, keeping only what is deterministic and what
`vita check` is tested against: ats_score, pages, and per extractor score,
words (with words_recovered and words_expected, for the missing-word count),
glued, split, blocks_intact, blocks, facts_found, facts, the first 20
missing_words, glued_examples, split_examples, broken_blocks and
missing_facts. Parsers, timings and the PDF's path are dropped.

table prints one row per case: ats-score, then per extractor the counts
W (words missing), G (glued), S (split), B (broken blocks), F (facts missing),
leaving out the zero ones, or ✓ when all are zero; then, per case, the
problems that two or more extractors see. With --readme, the text between
<!-- table --> and <!-- /table --> in the README is replaced by it.
"""
import json
import os
import re
import sys

EXTRACTORS = ["pdftotext", "pdftotext-lay", "pdfminer", "pypdf", "pdfplumber", "pdfium", "tika"]
KEEP = ["score", "words", "words_recovered", "words_expected", "glued", "split", "blocks_intact",
        "blocks", "facts_found", "facts", "missing_words", "glued_examples", "split_examples",
        "broken_blocks", "missing_facts"]
PROBLEMS = {"W": "words missing", "G": "words glued", "S": "words split",
            "B": "blocks broken", "F": "facts missing"}


def slim(path):
    with open(path, encoding="utf-8") as f:
        full = json.load(f)
    out = {"ats_score": full["ats_score"], "pages": full["pages"], "extractors": {}}
    for name, ex in full["extractors"].items():
        e = {k: ex[k] for k in KEEP if k in ex}
        e["missing_words"] = e.get("missing_words", [])[:20]
        out["extractors"][name] = e
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")


def counts(e):
    return {
        "W": e["words_expected"] - e["words_recovered"],
        "G": e["glued"],
        "S": e["split"],
        "B": e["blocks"] - e["blocks_intact"],
        "F": e["facts"] - e["facts_found"],
    }


def cell(c):
    parts = [f"{k}{v}" for k, v in c.items() if v]
    return " ".join(parts) if parts else "✓"


def table(corpus):
    cases = sorted(d for d in os.listdir(corpus) if os.path.isfile(os.path.join(corpus, d, "harness.json")))
    lines = ["| case | pages | ats-score | " + " | ".join(EXTRACTORS) + " |",
             "|---|---|---|" + "---|" * len(EXTRACTORS)]
    seen_lines = []
    for case in cases:
        with open(os.path.join(corpus, case, "harness.json"), encoding="utf-8") as f:
            h = json.load(f)
        cs = {x: counts(h["extractors"][x]) for x in EXTRACTORS}
        lines.append(f"| `{case}` | {h['pages']} | {h['ats_score']:.3f} | "
                     + " | ".join(cell(cs[x]) for x in EXTRACTORS) + " |")
        shared = []
        for k, what in PROBLEMS.items():
            by = [x for x in EXTRACTORS if cs[x][k]]
            if len(by) >= 2:
                shared.append(f"{what} ({len(by)}/7: {', '.join(by)})")
        seen_lines.append(f"- `{case}`: " + ("; ".join(shared) if shared else "nothing"))
    return ("\n".join(lines) + "\n\nSeen by two or more extractors (what `vita check` must report):\n\n"
            + "\n".join(seen_lines) + "\n")


def main(argv):
    if len(argv) >= 3 and argv[1] == "slim":
        slim(argv[2])
    elif len(argv) >= 3 and argv[1] == "table":
        text = table(argv[2])
        if "--readme" in argv:
            readme = argv[argv.index("--readme") + 1]
            with open(readme, encoding="utf-8") as f:
                old = f.read()
            new, n = re.subn(r"(<!-- table -->\n).*?(<!-- /table -->)",
                             lambda m: m.group(1) + text + m.group(2), old, flags=re.S)
            if n != 1:
                sys.exit(f"{readme}: no <!-- table --> … <!-- /table --> section")
            with open(readme, "w", encoding="utf-8") as f:
                f.write(new)
        print(text, end="")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
