"""Documents for knowledge base tests: a folder of mixed kinds, each answering different questions."""

from __future__ import annotations

from pathlib import Path

ESPRESSO_MD = """\
# Espresso machine manual

## Descaling

Descale the machine every 200 cups, or once a month with hard water. Dissolve 30 grams of citric acid
in one litre of water, pour it into the tank and run the descaling program until the tank is empty.

## Grinding

Use a fine grind setting of 4 for a double shot. A shot should take 25 to 30 seconds.
"""

LEAVE_HTML = """\
<html><head><title>Leave policy</title><style>p {color: red}</style></head>
<body><nav>Home | Policies</nav>
<h1>Parental leave</h1>
<p>Employees get 16 weeks of fully paid parental leave after the birth or adoption of a child.</p>
<h2>Sick leave</h2>
<p>Sick leave needs a doctor&#39;s note from the fourth day of absence.</p>
</body></html>
"""

GARDEN_TXT = """\
Garden plan

The tomatoes go in the north bed, with basil planted between them to keep pests away.
Water the raised beds every second morning in July and August.
"""


def text_pdf(*pages: str, title: str | None = None) -> bytes:
    """A real PDF with a text layer: one Helvetica text stream per page, lines separated by newlines."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        shown = " T* ".join(f"({line}) Tj" for line in text.split("\n"))
        stream = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        page = "/Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
        objects.append(f"<< {page} /Contents {len(objects)} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    if title:
        objects.append(f"<< /Title ({title}) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    info = f" /Info {len(objects)} 0 R" if title else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


REPORT_PDF_PAGES = (
    "Quarterly report\nThird quarter results\nThis report covers July, August and September for all offices and product lines.",
    "Revenue grew 12 percent to 4.2 million euros in the third quarter.\nThe Lisbon office opened in September.",
)


def mixed_folder(root: Path) -> Path:
    """manuals/espresso.md, policies/leave.html, notes/garden.txt and reports/q3.pdf under ``root``/docs."""
    docs = root / "docs"
    for relative, content in {
        "manuals/espresso.md": ESPRESSO_MD,
        "policies/leave.html": LEAVE_HTML,
        "notes/garden.txt": GARDEN_TXT,
    }.items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_text(content)
    (docs / "reports").mkdir(parents=True, exist_ok=True)
    (docs / "reports" / "q3.pdf").write_bytes(text_pdf(*REPORT_PDF_PAGES, title="Q3 report"))
    return docs
