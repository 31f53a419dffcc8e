#!/usr/bin/env python3
"""Write the hostile-file test set (issue 12) next to this script.

Every file is small on disk and built to make a naive reader allocate far more than it is
worth: the tests in crates/formats/tests/hostile.rs (clear error, limit named) and
crates/cli/tests/cli.rs (peak memory of `samspill analyze` under 300 MB) read them.
Standard library only; deterministic output (fixed ZIP timestamps).

    python3 crates/formats/tests/hostile/generate.py
"""

import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
STAMP = (2026, 1, 1, 0, 0, 0)


def part(z, name, data):
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data, compresslevel=9)


def part_stream(z, name, chunks):
    """A large part written in chunks, so the generator itself stays small in memory."""
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as f:
        for c in chunks:
            f.write(c)


def workbook(path, sheet_xml, shared=None, extra=()):
    """A minimal workbook: one sheet "ties" (SpreadsheetML, ECMA-376 Part 1 §18), an optional
    shared-strings part (bytes or an iterator of byte chunks) and extra parts."""
    with zipfile.ZipFile(path, "w") as z:
        part(z, "[Content_Types].xml",
             f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{CT}">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
             'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
             'sharedStrings+xml"/></Types>')
        part(z, "_rels/.rels",
             f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
             f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
        part(z, "xl/workbook.xml",
             f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
             '<sheets><sheet name="ties" sheetId="1" r:id="rId1"/></sheets></workbook>')
        rels = (f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>')
        if shared is not None:
            rels += f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        part(z, "xl/_rels/workbook.xml.rels",
             f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{rels}'
             '</Relationships>')
        part(z, "xl/worksheets/sheet1.xml",
             f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{sheet_xml}'
             '</worksheet>')
        if shared is not None:
            if isinstance(shared, (bytes, str)):
                part(z, "xl/sharedStrings.xml", shared)
            else:
                part_stream(z, "xl/sharedStrings.xml", shared)
        for name, chunks in extra:
            part_stream(z, name, chunks)


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER = '<row r="1">' + inline("A1", "source") + inline("B1", "target") + "</row>"


def main():
    out = lambda name: os.path.join(HERE, name)  # noqa: E731

    # 1. Dimension bomb: cells at A1, B1 and the sheet's last cell XFD1048576. A dense range
    #    of 16384 x 1048576 cells is 550 GB of calamine Data.
    workbook(out("dimension-bomb.xlsx"),
             '<dimension ref="A1:XFD1048576"/><sheetData>' + HEADER
             + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    # 2. The same with the last cell at XFD5000 (27 s and 4.5 GB in the old reader).
    workbook(out("dimension-xfd5000.xlsx"),
             '<dimension ref="A1:XFD5000"/><sheetData>' + HEADER
             + '<row r="5000"><c r="XFD5000"><v>1</v></c></row></sheetData>')
    # 3. 400 MB of shared strings (each a one-letter string) in a few hundred KB.
    unit = b"<si><t>a</t></si>" * 4096
    n_units = 400 * 1024 * 1024 // len(unit)

    def shared_chunks():
        yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode()
        for _ in range(n_units):
            yield unit
        yield b"</sst>"
    workbook(out("shared-strings-400mb.xlsx"),
             '<sheetData>' + HEADER + '<row r="2"><c r="A2" t="s"><v>0</v></c>'
             '<c r="B2" t="s"><v>1</v></c></row></sheetData>', shared=shared_chunks())
    # 4. ZIP bomb: an extra part of 1 GiB of zeros.
    zeros = bytes(1 << 20)
    workbook(out("zip-bomb.xlsx"), '<sheetData>' + HEADER + '</sheetData>',
             extra=[("xl/media/image1.bin", (zeros for _ in range(1024)))])
    # 5. Thousands of parts.
    path = out("zip-many-parts.xlsx")
    workbook(path, '<sheetData>' + HEADER + '</sheetData>')
    with zipfile.ZipFile(path, "a") as z:
        for i in range(3000):
            part(z, f"xl/media/p{i}.xml", "<x/>")
    # 6. A cell of 100 000 characters.
    workbook(out("long-cell.xlsx"),
             '<sheetData>' + HEADER + '<row r="2">' + inline("A2", "x" * 100_000)
             + inline("B2", "y") + '</row></sheetData>')

    # 7. Billion laughs (entity expansion) in GraphML and GEXF.
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10))
    for ext, root in (("graphml", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                                  '<graph edgedefault="directed"><node id="&lol9;"/></graph>'
                                  '</graphml>'),
                      ("gexf", '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes>'
                               '<node id="a" label="&lol9;"/></nodes></graph></gexf>')):
        with open(out(f"billion-laughs.{ext}"), "w", encoding="utf-8") as f:
            f.write(f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{ents}]>\n{root}\n')
    # 8. Deep nesting: 100 000 nested elements inside a GraphML <data>, and 100 000 nested
    #    arrays in JSON.
    with open(out("deep-nesting.graphml"), "w", encoding="utf-8") as f:
        f.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d" for="node"/>'
                '<graph edgedefault="directed"><node id="a"><data key="d">'
                + "<x>" * 100_000 + "</x>" * 100_000 + "</data></node></graph></graphml>\n")
    with open(out("deep-nesting.json"), "w", encoding="utf-8") as f:
        f.write('{"format": "samspill-network", "version": 1, "networks": '
                + "[" * 100_000 + "]" * 100_000 + "}\n")
    # 9. Control characters: terminal escape sequences in a label, a NUL in a CSV.
    with open(out("control-characters.net"), "w", encoding="utf-8") as f:
        f.write('*Vertices 2\n1 "Ann\x1b[2J\x1b[31mBERG"\n2 "Bo"\n*Edges\n1 2\n')
    with open(out("control-characters.csv"), "wb") as f:
        f.write(b"source,target\na,b\nc\x00,d\n")
    # 10. Declared counts far beyond the file: a billion vertices, a billion-person DL.
    with open(out("declared-billion.net"), "w", encoding="utf-8") as f:
        f.write("*Vertices 1000000000\n*Edges\n1 2\n")
    with open(out("declared-billion.dl"), "w", encoding="utf-8") as f:
        f.write("DL N=1000000000\nFORMAT = EDGELIST1\nDATA:\n1 2\n")
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".py"):
            print(f"{os.path.getsize(out(name)):>10} {name}")


if __name__ == "__main__":
    main()
