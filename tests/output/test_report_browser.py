"""The report page in a real headless Chromium (Debian's package, driven by Playwright), offline.

.ci/run installs Chromium where it is missing; this test skips, saying why, only when no browser
is installed at all. The screenshot is kept in .test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import EXAMPLES, REPO

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO / ".test-artifacts"
LETTERS = {"complete": "C", "partial": "P", "missing": "M"}

# Each chart's drawn boxes, in page pixels: the plot area, every legend entry, the axis labels, the title.
CHART_BOXES = """svgs => svgs.map(svg => {
    const box = element => { const r = element.getBoundingClientRect();
                             return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
    return {
        id: svg.closest('figure').id,
        svg: box(svg),
        plot: box(svg.querySelector('g.plot > rect.background') || svg.querySelector('g.plot')),
        legends: [...svg.querySelectorAll('g.legends > g')].map(box),
        labels: [...svg.querySelectorAll('g.axis text')].filter(t => t.textContent.trim()).map(box),
        titles: [...svg.querySelectorAll('g.titles text')].map(box),
        ylabels: [...svg.querySelectorAll('g.axis.y text')].map(t => t.textContent.trim()),
    };
})"""


def _overlap(one: dict, other: dict) -> bool:
    """Whether two boxes share any area (touching edges do not)."""
    return (
        one["left"] < other["right"]
        and other["left"] < one["right"]
        and one["top"] < other["bottom"]
        and (other["top"] < one["bottom"])
    )


def assert_legends_clear(charts: list[dict]) -> None:
    """Every legend entry is inside its chart and overlaps neither the plot, an axis label, the title nor
    another entry."""
    for chart in charts:
        assert chart["legends"], chart["id"]
        for number, legend in enumerate(chart["legends"]):
            where = f"{chart['id']}: legend entry {number} {legend}"
            inside = chart["svg"]
            assert inside["left"] <= legend["left"] and legend["right"] <= inside["right"] + 0.5, where
            assert inside["top"] <= legend["top"] and legend["bottom"] <= inside["bottom"] + 0.5, where
            assert not _overlap(legend, chart["plot"]), f"{where} overlaps the plot {chart['plot']}"
            for label in chart["labels"] + chart["titles"]:
                assert not _overlap(legend, label), f"{where} overlaps a label {label}"
            for other in chart["legends"][number + 1 :]:
                assert not _overlap(legend, other), f"{where} overlaps another entry {other}"


@pytest.fixture
def browser():
    if CHROMIUM is None:
        pytest.skip("no Chromium installed (apt-get install chromium); .ci/run installs it")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the 'test' extra")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_report_page_in_headless_chromium(run, tmp_path, browser):
    out = tmp_path / "out" / "handoff-report.html"
    out.parent.mkdir()
    assert run("report", EXAMPLES, "-o", out).code == 0
    entries = {e["path"]: e for e in run("check", EXAMPLES, "--format", "json").json()["files"]}

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests, blocked = [], []

    def route(request_route):
        url = request_route.request.url
        requests.append(url)
        if url.startswith("file:"):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(out.as_uri(), wait_until="load")

    charts = page.locator("svg.pygal-chart")
    assert charts.count() == 4
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, box
    drawn = page.eval_on_selector_all("svg.pygal-chart", CHART_BOXES)
    assert_legends_clear(drawn)
    ready = {path: entry for path, entry in entries.items() if entry["status"] != "draft"}

    # the type heat map: each cell's counts and the shown share equal the JSON report
    cells = page.eval_on_selector_all(
        "#heat-types td[data-category]", "tds => tds.map(td => [td.dataset.type, td.dataset.category, td.innerText])"
    )
    assert len(cells) == 30
    for type_name, key, shown in cells:
        statuses = [e["categories"][key]["status"] for e in ready.values() if e["type"] == type_name]
        assert shown.split("\n")[0] == f"{100 * statuses.count('missing') / len(statuses):.0f}% missing"

    # the per-handoff heat map opens on demand and shows each handoff's six statuses
    table = page.locator("#heat-handoffs")
    assert not table.is_visible()
    page.get_by_text("Categories for each handoff").click()
    assert table.is_visible()
    rows = page.eval_on_selector_all(
        "#heat-handoffs tr:not(:first-child)",
        "trs => trs.map(tr => [tr.cells[0].innerText, [...tr.cells].slice(2).map(td => td.innerText)])",
    )
    assert len(rows) == len(ready)
    for path, letters in rows:
        assert letters == [LETTERS[c["status"]] for c in entries[path]["categories"].values()]

    # the worst list's links resolve to the handoff files
    hrefs = page.eval_on_selector_all("#worst a", "links => links.map(a => a.href)")
    assert len(hrefs) == sum(not e["passed"] for e in ready.values())
    for href in hrefs:
        target = Path(unquote(urlparse(href).path))
        assert target.is_file() and not entries[str(target)]["passed"], href

    # a screenshot for people, checked to show something: many colours, not one blank fill
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(out.as_uri())
    shot = ARTIFACTS / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    colours = page.evaluate(
        """async data => {
            const image = new Image(); image.src = 'data:image/png;base64,' + data; await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width; canvas.height = image.height;
            const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, image.width, image.height).data;
            const seen = new Set(); let ink = 0;
            for (let i = 0; i < pixels.length; i += 4) {
                seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
                if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) ink++;
            }
            return [seen.size, ink / (pixels.length / 4), image.width, image.height];
        }""",
        base64.b64encode(shot.read_bytes()).decode(),
    )
    distinct, ink, width, height = colours
    assert width == 1280 and height > 1500
    assert distinct > 50 and ink > 0.02, colours

    assert errors == []
    assert blocked == [] and requests and all(url.startswith("file:") for url in requests)
    context.close()


LONG_PATH = "northwind-traders-sales-to-customer-success-renewal-and-expansion-2026.md"


def test_history_charts_in_headless_chromium(run, tmp_path, browser):
    """The trend charts draw too: two dated commits, one handoff improving; the legend (the handoff's
    long path) stays clear of the plot."""
    import os
    import shutil as sh
    import subprocess

    repo = tmp_path / "team"
    (repo / "handoffs").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    for when, source in (("2026-01-06T10:00:00+00:00", "bad/thin-sales-to-cs.md"),
                         ("2026-01-20T10:00:00+00:00", "good/northwind-sales-to-cs.md")):  # fmt: skip
        sh.copy(EXAMPLES / source, repo / "handoffs" / LONG_PATH)
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        subprocess.run(
            ["git", "-c", "user.name=Ops", "-c", "user.email=ops@example.com", "commit", "-qm", when],
            cwd=repo, check=True, env=env,
        )  # fmt: skip
    assert run("report", "handoffs", "-o", "r.html", "--history", "8w", cwd=repo).code == 0
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((repo / "r.html").as_uri())
    for chart in ("#chart-trend svg", "#chart-handoff-history svg"):
        box = page.locator(chart).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, chart
    assert_legends_clear(page.eval_on_selector_all("svg.pygal-chart", CHART_BOXES))
    page.get_by_text("Weekly figures").click()
    rows = page.eval_on_selector_all("#table-weeks tr:not(:first-child)", "trs => trs.map(tr => tr.innerText)")
    assert [row.split("\t")[:4] for row in rows] == [
        ["2026-01-05", "1", "0%", "10"],
        ["2026-01-12", "1", "0%", "10"],
        ["2026-01-19", "1", "100%", "100"],
    ]
    assert errors == []
    page.close()


LONG_NAMES = [
    "Alexandra Konstantinopoulou-Richardson",
    "Maximilian Oberhauser-Lindqvist",
    "Guinevere Abernathy-Castellanos",
    "Bartholomew Featherstonehaugh",
    "Dana Lee",
]


def test_legends_stay_clear_of_long_labels_and_count_axes_are_whole(run, tmp_path, browser):
    """Many senders with long names (the longest y labels a chart gets), one or two handoffs each: the
    legends overlap nothing, and the score histogram counts in whole handoffs."""
    text = (EXAMPLES / "good" / "northwind-sales-to-cs.md").read_text(encoding="utf-8")
    thin = (EXAMPLES / "bad" / "thin-sales-to-cs.md").read_text(encoding="utf-8")
    folder = tmp_path / "handoffs"
    folder.mkdir()
    for number, name in enumerate(LONG_NAMES):
        body = (text if number % 2 else thin).replace("from: Sam Ortiz", f"from: {name} (Enterprise AE)")
        body = body.replace("from: Rachel Moss", f"from: {name} (Enterprise AE)")
        (folder / f"h{number}.md").write_text(body, encoding="utf-8")
    (folder / "extra.md").write_text(text.replace("from: Sam Ortiz", "from: Dana Lee"), encoding="utf-8")
    out = tmp_path / "report.html"
    assert run("report", folder, "-o", out).code == 0
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(out.as_uri())
    drawn = page.eval_on_selector_all("svg.pygal-chart", CHART_BOXES)
    assert_legends_clear(drawn)
    senders = next(chart for chart in drawn if chart["id"] == "chart-senders")
    assert "Dana Lee (2)" in senders["ylabels"]  # "Dana Lee (Enterprise AE)" and "Dana Lee": one sender
    assert any(label.startswith("Alexandra Konstantinopoulou-Richardson") for label in senders["ylabels"])
    scores = next(chart for chart in drawn if chart["id"] == "chart-scores")
    assert scores["ylabels"] and all(label.isdigit() for label in scores["ylabels"]), scores["ylabels"]
    page.close()
