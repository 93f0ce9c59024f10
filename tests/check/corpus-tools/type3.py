#!/usr/bin/env python3
"""Typeset a small résumé (a Markdown file) into a one-page PDF whose text is
drawn with Type 3 fonts, writing the PDF syntax by hand.

usage: type3.py RESUME.md OUT.pdf --names opaque|standard --font-dir DIR

Each glyph of Lato (Regular and Bold, from DIR) becomes a Type 3 glyph
procedure: the outline, with its quadratic curves turned into cubic ones, then
filled. The page looks like an ordinary résumé, but what an extractor can read
depends on how the glyphs are named, since there is no /ToUnicode:

  --names opaque    codes 1, 2, 3… by first use, named /g1 /g2 /g3… (what
                    Ghostscript and some old drivers write for bitmap fonts):
                    nothing maps a code to a character, the text is unreadable.
  --names standard  ASCII codes and Adobe Glyph List names (/a /b /space
                    /bullet /endash…): an extractor can map names to Unicode.

The Markdown subset is the one the ATS harness's cases use: "# name", a first
paragraph of contact details, "## section", "### employer — title", "- item"
and paragraphs. Every string is printed as written (no uppercasing), so the
case's expected.json, drafted from the same Markdown, is printed verbatim.
Output is deterministic: no dates, a fixed /ID. Needs fontTools.
"""
import argparse
import hashlib
import re
import zlib

import logging

from fontTools.agl import UV2AGL
from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

PAGE_W, PAGE_H = 595.0, 842.0  # A4
MARGIN = 56.0


class PdfPathPen(BasePen):
    """Glyph outline → PDF path operators (font units; quadratics → cubics)."""

    def __init__(self, glyphset):
        super().__init__(glyphset)
        self.ops = []

    @staticmethod
    def _n(v):
        v = round(v, 1)
        return str(int(v)) if v == int(v) else str(v)

    def _moveTo(self, p):
        self.ops.append(f"{self._n(p[0])} {self._n(p[1])} m")

    def _lineTo(self, p):
        self.ops.append(f"{self._n(p[0])} {self._n(p[1])} l")

    def _curveToOne(self, p1, p2, p3):
        self.ops.append(" ".join(self._n(v) for v in (*p1, *p2, *p3)) + " c")

    def _qCurveToOne(self, p1, p2):
        p0 = self._getCurrentPoint()
        c1 = (p0[0] + 2 / 3 * (p1[0] - p0[0]), p0[1] + 2 / 3 * (p1[1] - p0[1]))
        c2 = (p2[0] + 2 / 3 * (p1[0] - p2[0]), p2[1] + 2 / 3 * (p1[1] - p2[1]))
        self._curveToOne(c1, c2, p2)

    def _closePath(self):
        self.ops.append("h")


class Type3Font:
    """One Lato face as a Type 3 font; codes are handed out as text is set."""

    def __init__(self, path, names):
        self.tt = TTFont(path)
        self.upm = self.tt["head"].unitsPerEm
        self.cmap = self.tt.getBestCmap()
        self.glyphset = self.tt.getGlyphSet()
        self.hmtx = self.tt["hmtx"]
        self.names = names
        self.codes = {}  # char → (code, name)

    def advance(self, ch):
        return self.hmtx[self.cmap[ord(ch)]][0] / self.upm

    def width(self, text, size):
        return sum(self.advance(c) for c in text) * size

    def code(self, ch):
        if ch not in self.codes:
            if self.names == "opaque":
                n = len(self.codes) + 1
                self.codes[ch] = (n, f"g{n}")
            else:
                name = UV2AGL.get(ord(ch), f"uni{ord(ch):04X}")
                n = ord(ch) if ord(ch) < 128 else 128 + sum(1 for c in self.codes if ord(c) >= 128)
                self.codes[ch] = (n, name)
        return self.codes[ch][0]

    def encode(self, text):
        return "".join(f"{self.code(c):02X}" for c in text)

    def procedure(self, ch):
        gname = self.cmap[ord(ch)]
        pen = PdfPathPen(self.glyphset)
        self.glyphset[gname].draw(pen)
        w = self.hmtx[gname][0]
        if not pen.ops:  # the space: an empty procedure of the right width
            return f"{w} 0 d0\n".encode()
        return (f"{w} 0 d0\n" + "\n".join(pen.ops) + "\nf\n").encode()


def wrap(font, text, size, width):
    lines, line = [], ""
    for word in text.split(" "):
        cand = word if not line else line + " " + word
        if line and font.width(cand, size) > width:
            lines.append(line)
            line = word
        else:
            line = cand
    return lines + [line]


def inline(text):
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    return text.replace("`", "")


def layout(md, reg, bold):
    """Markdown → content stream operators; one Tj per printed line."""
    ops, y = [], PAGE_H - MARGIN
    width = PAGE_W - 2 * MARGIN

    def line(font_name, font, size, x, text, lead):
        nonlocal y
        y -= lead
        ops.append(f"BT /{font_name} {size} Tf {x:.2f} {y:.2f} Td <{font.encode(text)}> Tj ET")

    first_para = True
    for raw in md.split("\n"):
        s = inline(raw.strip())
        if not s:
            continue
        if s.startswith("# "):
            line("F2", bold, 22, MARGIN, s[2:], 22)
            y -= 4
        elif s.startswith("## "):
            y -= 10
            line("F2", bold, 12.5, MARGIN, s[3:], 13)
            ops.append(f"0.4 w {MARGIN} {y - 4:.2f} m {PAGE_W - MARGIN} {y - 4:.2f} l S")
            y -= 6
        elif s.startswith("### "):
            y -= 4
            line("F2", bold, 10.5, MARGIN, s[4:], 13)
        elif re.match(r"^[-*]\s+", s):
            item = re.sub(r"^[-*]\s+", "", s)
            for i, t in enumerate(wrap(reg, item, 10, width - 14)):
                if i == 0:
                    line("F1", reg, 10, MARGIN + 2, "•", 13.2)
                    y += 13.2
                line("F1", reg, 10, MARGIN + 14, t, 13.2)
        else:
            size = 10.5 if first_para else 10
            first_para = False
            for t in wrap(reg, s, size, width):
                line("F1", reg, size, MARGIN, t, 13.2)
    return "\n".join(ops) + "\n"


class Writer:
    def __init__(self):
        self.objs = []

    def add(self, body):
        self.objs.append(body)
        return len(self.objs)

    def set(self, num, body):
        self.objs[num - 1] = body

    @staticmethod
    def stream(data, extra=""):
        z = zlib.compress(data, 9)
        return (f"<< /Length {len(z)} /Filter /FlateDecode{extra} >>\nstream\n").encode() + z + b"\nendstream"

    def bytes(self, root, info):
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs, 1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n".encode()
            out += body if isinstance(body, bytes) else body.encode("latin-1")
            out += b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objs) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        ident = hashlib.md5(bytes(out)).hexdigest()
        out += (f"trailer\n<< /Size {len(self.objs) + 1} /Root {root} 0 R /Info {info} 0 R "
                f"/ID [<{ident}> <{ident}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
        return bytes(out)


def font_object(w, font):
    """Write the glyph procedures of the codes used, then the font dict."""
    procs, widths = {}, {}
    for ch, (code, name) in sorted(font.codes.items(), key=lambda kv: kv[1][0]):
        procs[name] = w.add(Writer.stream(font.procedure(ch)))
        widths[code] = round(font.hmtx[font.cmap[ord(ch)]][0])
    codes = sorted(widths)
    first, last = codes[0], codes[-1]
    diffs, prev = [], None
    for code in codes:
        name = next(n for c, n in font.codes.values() if c == code)
        diffs.append(f"/{name}" if prev == code - 1 else f"{code} /{name}")
        prev = code
    head = font.tt["head"]
    bbox = f"[{head.xMin} {head.yMin} {head.xMax} {head.yMax}]"
    scale = 1 / font.upm
    return w.add(
        "<< /Type /Font /Subtype /Type3 "
        f"/FontBBox {bbox} /FontMatrix [{scale:g} 0 0 {scale:g} 0 0] "
        "/CharProcs << " + " ".join(f"/{n} {o} 0 R" for n, o in procs.items()) + " >> "
        "/Encoding << /Type /Encoding /Differences [" + " ".join(diffs) + "] >> "
        f"/FirstChar {first} /LastChar {last} "
        "/Widths [" + " ".join(str(widths.get(c, 0)) for c in range(first, last + 1)) + "] "
        "/Resources << >> >>")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("markdown")
    ap.add_argument("out")
    ap.add_argument("--names", choices=("opaque", "standard"), required=True)
    ap.add_argument("--font-dir", required=True)
    a = ap.parse_args()
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # Lato's old 'created' date
    reg = Type3Font(f"{a.font_dir}/Lato-Regular.ttf", a.names)
    bold = Type3Font(f"{a.font_dir}/Lato-Bold.ttf", a.names)
    content = layout(open(a.markdown, encoding="utf-8").read(), reg, bold)

    w = Writer()
    catalog = w.add("")
    pages = w.add("")
    page = w.add("")
    contents = w.add(Writer.stream(content.encode("latin-1")))
    f1 = font_object(w, reg)
    f2 = font_object(w, bold)
    info = w.add("<< /Producer (vita corpus-tools/type3.py) /Title (Jordan Lee) >>")
    w.set(catalog, f"<< /Type /Catalog /Pages {pages} 0 R >>")
    w.set(pages, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    w.set(page, f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W:g} {PAGE_H:g}] "
                f"/Resources << /Font << /F1 {f1} 0 R /F2 {f2} 0 R >> >> /Contents {contents} 0 R >>")
    with open(a.out, "wb") as f:
        f.write(w.bytes(catalog, info))


if __name__ == "__main__":
    main()
