#!/usr/bin/env python3
"""Generate locales/cldr/<tag>.toml: the Unicode CLDR date facts vita uses.

For each locale vita ships, this script copies from CLDR the Gregorian month
names (format and stand-alone context, wide and abbreviated), five date
patterns (availableFormats yMMM, yMMMM, yMM or yM, and y; dateFormats long), the interval
fallback pattern, the quotation marks, and the default numbering system,
and writes them as one small TOML file per locale. Patterns are copied
verbatim; vita interprets them itself.

Input: the cldr-json packages as published on the npm registry (unpacked
tarballs, not installed with npm). To rerun:

    mkdir -p /tmp/cldr && cd /tmp/cldr
    npm pack cldr-core cldr-dates-full cldr-misc-full cldr-numbers-full
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    cd -  # back to the repository
    python3 scripts/cldr.py /tmp/cldr [OUT_DIR]

CLDR_JSON_DIR is searched for the directories holding
main/<locale>/ca-gregorian.json (cldr-dates-full), main/<locale>/delimiters.json
(cldr-misc-full) and main/<locale>/numbers.json (cldr-numbers-full), and for
cldr-core's parentLocales.json; any layout that contains them works (a
directory per tarball as above, or node_modules). OUT_DIR defaults to
locales/cldr in the repository holding this script.

The "full" cldr-json packages are already resolved (each locale file carries
its inherited values), so the script's own inheritance walk (the locale,
then its CLDR parents as given by parentLocales.json or by truncating the
tag, then root) normally finds everything in the locale itself; when it does
not, the comment on that line names the locale the value came from.

Standard library only; needs Python 3.7 or later (3.11 for the tomllib check
at the end, which is skipped on older versions).
"""

import json
import os
import sys
import unicodedata

# vita tag -> (CLDR locale directory, English name).
LOCALES = [
    ("en", "en", "English (United States)"),
    ("en-GB", "en-GB", "English (United Kingdom)"),
    ("de", "de", "German"),
    ("fr", "fr", "French"),
    ("es", "es", "Spanish"),
    ("it", "it", "Italian"),
    ("pt-PT", "pt-PT", "Portuguese (Portugal)"),
    ("pt-BR", "pt", "Portuguese (Brazil)"),  # CLDR "pt" is Brazilian
    ("nl", "nl", "Dutch"),
    ("da", "da", "Danish"),
    ("sv", "sv", "Swedish"),
    ("nb", "nb", "Norwegian Bokmål"),  # CLDR parent of nb is "no"
    ("nn", "nn", "Norwegian Nynorsk"),
    ("fi", "fi", "Finnish"),
    ("pl", "pl", "Polish"),
    ("cs", "cs", "Czech"),
    ("hu", "hu", "Hungarian"),
    ("tr", "tr", "Turkish"),
    ("ru", "ru", "Russian"),
    ("uk", "uk", "Ukrainian"),
    ("el", "el", "Greek"),
    ("id", "id", "Indonesian"),
    ("vi", "vi", "Vietnamese"),
    ("hi", "hi", "Hindi"),
    ("ar", "ar", "Arabic"),
    ("fa", "fa", "Persian"),
    ("he", "he", "Hebrew"),
    ("zh-Hans", "zh", "Chinese (Simplified)"),  # CLDR "zh" is zh-Hans
    ("zh-Hant", "zh-Hant", "Chinese (Traditional)"),
    ("ja", "ja", "Japanese"),
    ("ko", "ko", "Korean"),
]

# file name -> the package it comes from (for messages only).
FILES = {
    "ca-gregorian.json": "cldr-dates-full",
    "delimiters.json": "cldr-misc-full",
    "numbers.json": "cldr-numbers-full",
}

COMMENT_COLUMN = 40


def die(msg):
    sys.stderr.write("cldr.py: %s\n" % msg)
    sys.exit(1)


def find_roots(top):
    """Map each needed file name to the main/ directory that has it, and
    find parentLocales.json and the package.json files."""
    mains = {}
    parent_locales = None
    versions = {}
    for dirpath, dirnames, filenames in os.walk(top, followlinks=True):
        dirnames.sort()
        base = os.path.basename(dirpath)
        if base == "main":
            # Look at one probe locale to see which package this is.
            for name in FILES:
                if name not in mains and os.path.isfile(
                    os.path.join(dirpath, "en", name)
                ):
                    mains[name] = dirpath
            dirnames[:] = []  # do not descend into hundreds of locales
            continue
        if "parentLocales.json" in filenames and parent_locales is None:
            parent_locales = os.path.join(dirpath, "parentLocales.json")
        if "package.json" in filenames:
            try:
                with open(os.path.join(dirpath, "package.json"), encoding="utf-8") as f:
                    pkg = json.load(f)
            except (OSError, ValueError):
                pkg = {}
            if str(pkg.get("name", "")).startswith("cldr-"):
                versions[pkg["name"]] = (pkg.get("version"), pkg.get("cldrVersion"))
    for name, pkg in FILES.items():
        if name not in mains:
            die("no main/<locale>/%s under %s (unpack %s there)" % (name, top, pkg))
    return mains, parent_locales, versions


class Cldr:
    def __init__(self, top):
        self.mains, parents_path, self.versions = find_roots(top)
        self.parents = {}
        if parents_path:
            with open(parents_path, encoding="utf-8") as f:
                data = json.load(f)
            self.parents = data["supplemental"]["parentLocales"]["parentLocale"]
        self.cache = {}

    def data(self, locale, name):
        """The locale's object in main/<locale>/<name>, or None."""
        key = (locale, name)
        if key not in self.cache:
            path = os.path.join(self.mains[name], locale, name)
            try:
                with open(path, encoding="utf-8") as f:
                    self.cache[key] = json.load(f)["main"][locale]
            except FileNotFoundError:
                self.cache[key] = None
        return self.cache[key]

    def chain(self, locale):
        """The locale, then its CLDR parents, ending with root ("und")."""
        out = [locale]
        while True:
            cur = out[-1]
            if cur in self.parents:
                nxt = self.parents[cur]
            elif "-" in cur:
                nxt = cur.rsplit("-", 1)[0]
            else:
                nxt = "und"
            if nxt in ("root", "und") or cur == "und":
                if cur != "und":
                    out.append("und")
                return out
            out.append(nxt)

    def lookup(self, locale, name, path):
        """(value, locale it came from) for a key path, walking inheritance."""
        for loc in self.chain(locale):
            node = self.data(loc, name)
            for part in path:
                if not isinstance(node, dict) or part not in node:
                    node = None
                    break
                node = node[part]
            if node is not None:
                return node, loc
        return None, None


def toml_string(s):
    """A TOML basic string. Invisible characters (controls, format
    characters such as U+200F, and spaces other than U+0020 such as U+202F)
    are written as \\uXXXX escapes so the files can be read and reviewed."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch != " " and unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
            cp = ord(ch)
            out.append("\\u%04X" % cp if cp <= 0xFFFF else "\\U%08X" % cp)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_array(items):
    return "[" + ", ".join(toml_string(x) for x in items) + "]"


def line(key, value, comment):
    text = "%s = %s" % (key, value)
    pad = max(COMMENT_COLUMN - len(text), 1)
    return text + " " * pad + "# " + comment


def inherited(locale, source):
    return "" if source == locale else ' (inherited from "%s")' % source


def generate(cldr, tag, locale, english, cldr_version, json_version):
    if cldr.data(locale, "ca-gregorian.json") is None:
        die("CLDR locale %r (for %s) has no ca-gregorian.json" % (locale, tag))
    greg = ("dates", "calendars", "gregorian")
    fallbacks = []
    lines = [
        '# Unicode CLDR %s facts for %s (CLDR locale "%s"), generated by'
        % (cldr_version, english, locale),
        "# scripts/cldr.py from cldr-json %s: main/%s/ca-gregorian.json,"
        % (json_version, locale),
        "# delimiters.json and numbers.json. Do not edit by hand; rerun the script.",
        "",
    ]

    def get(name, path, what):
        value, source = cldr.lookup(locale, name, path)
        if value is None:
            die("%s: no %s in %s or its parents" % (tag, what, locale))
        if source != locale:
            fallbacks.append("%s from %s" % (what, source))
        return value, source

    for key, context, width, desc in [
        ("months", "format", "wide", "months, format context, wide"),
        ("months_abbr", "format", "abbreviated", "months, format context, abbreviated"),
        ("months_standalone", "stand-alone", "wide", "months, stand-alone context, wide"),
        ("months_standalone_abbr", "stand-alone", "abbreviated",
         "months, stand-alone context, abbreviated"),
    ]:
        value, src = get("ca-gregorian.json", greg + ("months", context, width), key)
        names = [value[str(i)] for i in range(1, 13)]
        lines.append(line(key, toml_array(names), desc + inherited(locale, src)))

    avail = greg + ("dateTimeFormats", "availableFormats")
    for key, skeleton in [("month_year", "yMMM"), ("month_year_wide", "yMMMM")]:
        value, src = get("ca-gregorian.json", avail + (skeleton,), skeleton)
        lines.append(line(key, toml_string(value),
                          "availableFormats " + skeleton + inherited(locale, src)))

    value, src = get("ca-gregorian.json", greg + ("dateFormats", "long"), "dateFormats long")
    lines.append(line("date_long", toml_string(value), "dateFormats long" + inherited(locale, src)))

    # numeric: yMM if the locale (or a parent) has it, else yM. Kept verbatim:
    # a lone M stays M (vita pads the month only when the pattern says MM).
    value, src = cldr.lookup(locale, "ca-gregorian.json", avail + ("yMM",))
    skeleton = "yMM"
    if value is None:
        skeleton = "yM"
        value, src = get("ca-gregorian.json", avail + ("yM",), "yM")
    elif src != locale:
        fallbacks.append("yMM from %s" % src)
    lines.append(line("numeric", toml_string(value),
                      "availableFormats " + skeleton + inherited(locale, src)))

    value, src = get("ca-gregorian.json", avail + ("y",), "y")
    lines.append(line("year", toml_string(value), "availableFormats y" + inherited(locale, src)))

    value, src = get("ca-gregorian.json",
                     greg + ("dateTimeFormats", "intervalFormats", "intervalFormatFallback"),
                     "intervalFormatFallback")
    lines.append(line("range", toml_string(value),
                      "intervalFormats intervalFormatFallback" + inherited(locale, src)))

    quotes = []
    srcs = set()
    for k in ("quotationStart", "quotationEnd", "alternateQuotationStart",
              "alternateQuotationEnd"):
        value, src = get("delimiters.json", ("delimiters", k), k)
        quotes.append(value)
        srcs.add(src)
    src = srcs.pop() if len(srcs) == 1 else "several locales"
    lines.append(line("quotes", toml_array(quotes[:2]),
                      "delimiters quotationStart, quotationEnd" + inherited(locale, src)))
    lines.append(line("quotes_inner", toml_array(quotes[2:]),
                      "delimiters alternateQuotationStart, alternateQuotationEnd"
                      + inherited(locale, src)))

    value, src = get("numbers.json", ("numbers", "defaultNumberingSystem"),
                     "defaultNumberingSystem")
    comment = "numbers defaultNumberingSystem" + inherited(locale, src)
    native, _ = cldr.lookup(locale, "numbers.json",
                            ("numbers", "otherNumberingSystems", "native"))
    if native and native != value:
        comment += " (CLDR's native system is %s)" % native
    lines.append(line("digits", toml_string(value), comment))

    return "\n".join(lines) + "\n", fallbacks


def main(argv):
    if len(argv) not in (2, 3) or argv[1] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        sys.stderr.write("\nusage: python3 scripts/cldr.py CLDR_JSON_DIR [OUT_DIR]\n")
        return 2
    top = argv[1]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = argv[2] if len(argv) == 3 else os.path.join(repo, "locales", "cldr")
    cldr = Cldr(top)

    dates_version = cldr.versions.get("cldr-dates-full", (None, None))
    json_version = dates_version[0]
    if not json_version:
        die("cannot read the version of cldr-dates-full (its package.json)")
    others = {n: v[0] for n, v in cldr.versions.items()
              if n in ("cldr-core", "cldr-misc-full", "cldr-numbers-full")}
    for n, v in sorted(others.items()):
        if v != json_version:
            die("%s is %s but cldr-dates-full is %s; use one release" % (n, v, json_version))
    # "48.2.0" -> CLDR "48.2"; "48.0.0" -> "48".
    parts = json_version.split("-")[0].split(".")
    while len(parts) > 1 and parts[-1] == "0":
        parts.pop()
    cldr_version = ".".join(parts)

    os.makedirs(out_dir, exist_ok=True)
    written = []
    for tag, locale, english in LOCALES:
        text, fallbacks = generate(cldr, tag, locale, english, cldr_version, json_version)
        path = os.path.join(out_dir, tag + ".toml")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        written.append(path)
        note = "; inherited: " + ", ".join(fallbacks) if fallbacks else ""
        print("%-8s <- %-8s%s" % (tag, locale, note))

    try:
        import tomllib
    except ImportError:
        tomllib = None
    if tomllib:
        for path in written:
            with open(path, "rb") as f:
                doc = tomllib.load(f)
            for key in ("months", "months_abbr", "months_standalone",
                        "months_standalone_abbr"):
                if len(doc[key]) != 12:
                    die("%s: %s has %d items" % (path, key, len(doc[key])))
    print("wrote %d files to %s (CLDR %s, cldr-json %s)"
          % (len(written), out_dir, cldr_version, json_version))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
