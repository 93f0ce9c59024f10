#!/usr/bin/env python3
"""Break a good résumé PDF on purpose, the ways ATS-hostile PDFs are broken.

usage: breakpdf.py no-tounicode IN.pdf OUT.pdf
       breakpdf.py white-text   IN.pdf OUT.pdf
       breakpdf.py scanned      OUT.pdf PAGE-1.jpg [PAGE-2.jpg …] --dpi N

  no-tounicode  delete /ToUnicode from every font (page resources, form
                XObjects, Type 3 glyph resources): vita's fonts are Type 0
                Identity-H with subset TrueType glyphs, so the codes are bare
                glyph ids. Marked content /ActualText (vita writes it for
                small-caps headings and hyphenated words) is left as it is.
  white-text    append to page 1's content stream a block of keyword
                stuffing in white (1 1 1 rg) Helvetica (a standard 14 font,
                not embedded, added to the page's /Font as /FStuff), in the
                bottom margin: the page looks unchanged.
  scanned       an image-only PDF: each JPEG (from pdftoppm) becomes one page,
                a DCTDecode image XObject at DPI, with no text at all.

Written with pikepdf; saved with a fixed /ID and no dates (deterministic).
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, Stream

STUFFING = [
    "Kubernetes Python Java AWS Leadership Terraform Docker Go Rust React",
    "Machine Learning TensorFlow PyTorch Kafka Spark SQL NoSQL Agile Scrum",
    "Stakeholder Management Strategy Microservices CI/CD GCP Azure Linux",
]


def save(pdf, out):
    pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.preserve)


def fonts_of(resources, seen):
    """Every font dictionary reachable from a resource dictionary."""
    if resources is None:
        return
    if resources.objgen != (0, 0):  # an indirect object: visit it once
        if resources.objgen in seen:
            return
        seen.add(resources.objgen)
    for font in (resources.get("/Font") or {}).values():
        yield font
        if font.get("/Subtype") == "/Type3":
            yield from fonts_of(font.get("/Resources"), seen)
    for xobj in (resources.get("/XObject") or {}).values():
        if xobj.get("/Subtype") == "/Form":
            yield from fonts_of(xobj.get("/Resources"), seen)


def no_tounicode(src, out):
    pdf = Pdf.open(src)
    removed, seen = 0, set()
    for page in pdf.pages:
        for font in fonts_of(page.obj.get("/Resources"), seen):
            if "/ToUnicode" in font:
                del font["/ToUnicode"]
                removed += 1
    if not removed:
        sys.exit("no /ToUnicode found")
    save(pdf, out)


def white_text(src, out):
    pdf = Pdf.open(src)
    page = pdf.pages[0]
    res = page.obj.Resources
    if "/Font" not in res:
        res.Font = Dictionary()
    res.Font.FStuff = pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding))
    lines = []
    for i, text in enumerate(STUFFING):
        lines.append(f"BT /FStuff 7 Tf 1 1 1 rg 60 {30 - 8 * i} Td ({text}) Tj ET")
    # q … Q keeps the white fill from leaking; the original stream is left
    # untouched and a second stream is appended after it.
    stuffing = Stream(pdf, ("q\n" + "\n".join(lines) + "\nQ\n").encode("latin-1"))
    page.contents_add(stuffing, prepend=False)
    save(pdf, out)


def scanned(out, jpegs, dpi):
    pdf = Pdf.new()
    for path in jpegs:
        data = open(path, "rb").read()
        w, h, comps = jpeg_size(data)
        image = Stream(pdf, data, Type=Name.XObject, Subtype=Name.Image, Width=w, Height=h,
                       ColorSpace=Name.DeviceGray if comps == 1 else Name.DeviceRGB,
                       BitsPerComponent=8, Filter=Name.DCTDecode)
        pw, ph = w * 72 / dpi, h * 72 / dpi
        content = Stream(pdf, f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q\n".encode())
        page = Dictionary(Type=Name.Page, MediaBox=Array([0, 0, round(pw, 2), round(ph, 2)]),
                          Resources=Dictionary(XObject=Dictionary(Im0=image)), Contents=content)
        pdf.pages.append(pikepdf.Page(page))
    pdf.docinfo["/Producer"] = "vita corpus-tools/breakpdf.py (scanned)"
    save(pdf, out)


def jpeg_size(data):
    """Width, height and components from the JPEG's SOF marker."""
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            raise ValueError("bad JPEG")
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            h = int.from_bytes(data[i + 5:i + 7], "big")
            w = int.from_bytes(data[i + 7:i + 9], "big")
            return w, h, data[i + 9]
        i += 2 + length
    raise ValueError("no SOF in JPEG")


def main(argv):
    cmd = argv[1]
    if cmd == "no-tounicode":
        no_tounicode(argv[2], argv[3])
    elif cmd == "white-text":
        white_text(argv[2], argv[3])
    elif cmd == "scanned":
        dpi = int(argv[argv.index("--dpi") + 1])
        jpegs = [a for a in argv[3:] if a.endswith(".jpg")]
        scanned(argv[2], jpegs, dpi)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
