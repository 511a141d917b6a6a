"""Rebuild docs/report.png, the picture of a team report in docs/report.md built from examples/handoffs.

    python docs/report_screenshot.py

Renders the report with the CLI, opens it in Debian's Chromium through Playwright (offline) and
keeps the top of the page: the headline figures, the score distribution, the type chart and the
category heat map.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "report.html"
        command = [sys.executable, "-m", "handoff_lint", "report", "examples/handoffs", "-o", str(page_path)]
        subprocess.run(command, cwd=ROOT, check=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.route(
                "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
            )
            page.goto(page_path.as_uri())
            bottom = page.eval_on_selector("#heat-types", "table => table.getBoundingClientRect().bottom")
            page.screenshot(
                path=str(ROOT / "docs" / "report.png"),
                full_page=True,
                clip={"x": 0, "y": 0, "width": 1000, "height": bottom + 60},
            )
            browser.close()
    print(f"wrote docs/report.png ({(ROOT / 'docs' / 'report.png').stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
