#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, generated from the project's own fixtures
(crates/report-core/tests/fixtures/*.txt, written for the tests; no corpus report is used):

    python3 fuzz/gen_seeds.py [OUT]        # default OUT: fuzz/corpus

writes OUT/<target>/seed-* for each target:
  analyze  the fixtures as UTF-8 text
  text     the fixtures as files: UTF-8 (with and without BOM), GBK, Big5, UTF-16LE/BE
  decode   the same bytes, plus short cuts of each (multi-byte sequences split)
  html     the fixtures as saved web pages: declared charsets (utf-8, gb2312, big5),
           scripts, styles, entities, tables, a bare fragment without a doctype
  docx     the fixtures as Word files: numbered headings (numbering.xml), a table, a
           header part; stored and deflated zips
  reader   the text and page seeds, each after a first byte that picks the read size
Existing files (what the fuzzer found) are left alone; seeds are overwritten by name.
"""

import html
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "crates/report-core/tests/fixtures"
# The fixed timestamp keeps the zips byte-for-byte the same from run to run.
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def fixtures():
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]


def encodings(text):
    """The fixture as files from different editors."""
    return {
        "utf8": text.encode("utf-8"),
        "utf8bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "gbk": text.encode("gbk", errors="replace"),
        "gb18030": text.encode("gb18030"),
        "big5": text.encode("big5", errors="replace"),
        "utf16le": text.encode("utf-16-le"),
        "utf16lebom": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16bebom": b"\xfe\xff" + text.encode("utf-16-be"),
    }


def page(text, charset, title_tag=True):
    lines = [line for line in text.split("\n") if line.strip()]
    title = html.escape(lines[0]) if lines else ""
    body = []
    for k, line in enumerate(lines):
        escaped = html.escape(line).replace(" ", "&nbsp;", 1)
        if k % 7 == 3:
            body.append(f"<div><span>{escaped}</span><br/></div>")
        else:
            body.append(f"<p style=\"text-indent:2em\">{escaped}</p>")
    head = f"<meta charset=\"{charset}\">" if charset else ""
    if title_tag:
        head += f"<title>{title}</title>"
    return (
        "<!DOCTYPE html>\n<html><head>"
        + head
        + "<style>p{margin:0}</style><script>var s='<p>一、不是标题</p>';</script></head><body>"
        + "<nav>首页 &gt; 政务公开</nav>\n"
        + "\n".join(body)
        + "\n<table><tr><td>发放资料</td><td>3000余份</td></tr><tr><td>&#x57F9;&#35757;</td><td>12次</td></tr></table>"
        + "<!-- 注释 1000份 --></body></html>\n"
    )


def pages(text):
    out = {
        "utf8": page(text, "utf-8").encode("utf-8"),
        "gb2312": page(text, "gb2312").encode("gbk", errors="replace"),
        "big5": page(text, "big5").encode("big5", errors="replace"),
        "nocharset": page(text, None, title_tag=False).encode("utf-8"),
    }
    first = [line for line in text.split("\n") if line.strip()][:6]
    out["fragment"] = "".join(f"<p>{html.escape(line)}</p>" for line in first).encode("utf-8")
    return out


NUMBERING = (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)

# Markers a fixture line may start with, and the numbering level Word would give it.
MARKERS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 0),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 1),
    (re.compile(r"^\d+[.．、]"), 2),
]


def paragraph(line, numbered):
    run = f"<w:r><w:t xml:space=\"preserve\">{html.escape(line, quote=False)}</w:t></w:r>"
    if numbered:
        for pattern, level in MARKERS:
            m = pattern.match(line)
            if m:
                rest = html.escape(line[m.end():], quote=False)
                numpr = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                return f"<w:p>{numpr}<w:r><w:t>{rest}</w:t></w:r></w:p>"
    return f"<w:p>{run}</w:p>"


def docx(text, numbered, deflated):
    lines = [line for line in text.split("\n") if line.strip()]
    body = "".join(paragraph(line, numbered) for line in lines)
    body += (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>发放宣传资料</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>3000余份</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:t>删</w:t></w:r><w:del><w:r><w:delText>删掉的100份</w:delText></w:r></w:del><w:r><w:tab/><w:t>尾</w:t></w:r></w:p>"
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + body
        + "</w:body></w:document>"
    )
    parts = [
        ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("word/document.xml", document),
        ("word/numbering.xml", NUMBERING),
        ("word/header1.xml", "<w:hdr><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>"),
    ]
    buf = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if deflated else zipfile.ZIP_STORED
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = method
            z.writestr(info, content.encode("utf-8"))
    return buf.getvalue()


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz/corpus"
    seeds = {t: {} for t in ["analyze", "text", "decode", "html", "docx", "reader"]}
    for stem, text in fixtures():
        seeds["analyze"][f"{stem}.txt"] = text.encode("utf-8")
        for enc, data in encodings(text).items():
            seeds["text"][f"{stem}-{enc}.txt"] = data
            seeds["decode"][f"{stem}-{enc}.bin"] = data
            for cut in (37, 101, 333):
                seeds["decode"][f"{stem}-{enc}-cut{cut}.bin"] = data[:cut]
        for kind, data in pages(text).items():
            seeds["html"][f"{stem}-{kind}.html"] = data
            # A first byte with the high bit set names the input `page.html`.
            seeds["reader"][f"{stem}-{kind}.bin"] = bytes([0x83]) + data
        for step, (enc, data) in zip(range(16), encodings(text).items()):
            seeds["reader"][f"{stem}-{enc}.bin"] = bytes([step]) + data
        for numbered in (True, False):
            for deflated in (True, False):
                name = f"{stem}-{'numbered' if numbered else 'plain'}-{'deflated' if deflated else 'stored'}.docx"
                seeds["docx"][name] = docx(text, numbered, deflated)
    total = 0
    for target, files in seeds.items():
        d = out / target
        d.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (d / f"seed-{name}").write_bytes(data)
        total += len(files)
        print(f"{target:8} {len(files):3} seeds in {d}")
    print(f"{total} seeds")


if __name__ == "__main__":
    main()
