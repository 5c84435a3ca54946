"""Every document is a tagged PDF (PDF/UA-1) made by the one renderer, core.pdf."""

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from buergerportal.core.pdf import pdf_render

SRC = Path(__file__).resolve().parents[2] / "src" / "buergerportal"


def tags(pdf: bytes) -> tuple[dict, set[str]]:
    """The document catalogue and the structure types used in the PDF's structure tree."""
    root = PdfReader(BytesIO(pdf)).trailer["/Root"]
    found: set[str] = set()

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if hasattr(node, "get") and node.get("/S") is not None:
            found.add(str(node["/S"]))
        if hasattr(node, "get") and node.get("/K") is not None:
            walk(node["/K"])

    walk(root["/StructTreeRoot"])
    return root, found


def tagged_pdf_assert(pdf: bytes, *, language: str, title: str) -> None:
    root, structure = tags(pdf)
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == language
    assert PdfReader(BytesIO(pdf)).metadata.title == title
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert {"/H1", "/P"} <= structure


def test_the_renderer_makes_a_tagged_pdf_with_language_title_and_structure():
    html = (
        '<!DOCTYPE html><html lang="de"><head><title>Bescheid</title></head>'
        "<body><h1>Bescheid</h1><p>Sehr geehrte Frau Schmidt,</p></body></html>"
    )
    tagged_pdf_assert(pdf_render(html), language="de", title="Bescheid")


def test_no_module_calls_weasyprint_but_the_renderer():
    callers = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if "write_pdf(" in path.read_text() and path != SRC / "core" / "pdf.py"
    ]
    assert callers == []
