#!/usr/bin/env python3
"""Render Document(...)._repr_html_() of an example article to a PNG with headless Chromium.

Usage (from the repository root, with newstext importable and `chromium` on PATH):
    python tools/render_document_png.py [ARTICLE_ID] [OUT.png]
Defaults: id_kompas_banjir_jakarta, docs/document_display.png (the image in the README).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import newstext

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list) -> int:
    name = argv[1] if len(argv) > 1 else "id_kompas_banjir_jakarta"
    out = Path(argv[2] if len(argv) > 2 else ROOT / "docs" / "document_display.png").resolve()
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        print("render_document_png: needs chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    text = (ROOT / "examples" / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    markup = newstext.Document(text, id=name)._repr_html_()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "document.html"
        page.write_text('<!doctype html><html><head><meta charset="utf-8"></head>'
                        f'<body style="margin:16px">{markup}</body></html>', encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--window-size=820,1100", f"--screenshot={out}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
