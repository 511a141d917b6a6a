"""Time ``handoff-lint report``: 10,000 handoffs, and the git history of 1,000 handoffs over 300 commits.

    python benchmarks/report_bench.py [--count 10000] [--history-files 1000] [--commits 300]
                                      [--runs 3] [--output benchmarks/RESULTS.md]

Measures, each as the median of ``--runs`` (cold runs once: they take the longest):
- the report over the generated corpus, cold (no cache) and warm (cache filled), and the page's size;
- the page opening in headless Chromium (Debian's, through Playwright): until the load event;
- ``--history 300`` over a generated repository whose commits are a week apart in tens, each
  rewriting three handoffs: cold (nothing cached) and warm (both caches filled);
- the chart library choice: the same four charts drawn by pygal (inline SVG, the one used) and by
  plotly (its JavaScript inlined, so it works offline) — page size, build time, time to open.
  plotly is not a dependency: ``pip install plotly`` to include it, else that row is skipped.

Writes a "Team report" section into RESULTS.md (replacing the one before).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

HANDOFF_LINT = shutil.which("handoff-lint", path=str(Path(sys.executable).parent)) or "handoff-lint"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SECTION = "## Team report (`benchmarks/report_bench.py`)"


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


def open_times(pages: list[Path], runs: int, ready: str) -> list[float]:
    """Seconds from navigation to the load event with ``ready`` (a CSS selector) present, per page."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for page_path in pages:
            times = []
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                start = time.perf_counter()
                page.goto(page_path.as_uri(), wait_until="load")
                page.wait_for_selector(ready, state="attached")
                times.append(time.perf_counter() - start)
                page.close()
            results.append(median(times))
        browser.close()
    return results


def write_history_repo(folder: Path, files: int, commits: int) -> None:
    """``files`` handoffs in the first commit; each later commit rewrites three of them (a new
    generated version: some improve, some regress), ten commits a week."""
    types = generate.load_types()
    rng = random.Random(7)
    folder.mkdir(parents=True)
    git = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=folder, check=True)
    handoffs = folder / "handoffs"
    handoffs.mkdir()
    revision = [1] * files
    start = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
    for number in range(commits):
        if number == 0:
            changed = range(files)
        else:
            changed = rng.sample(range(files), 3)
            for index in changed:
                revision[index] += 1
        for index in changed:
            text = generate.document(types, revision[index], index)[1]
            (handoffs / f"h{index:04d}.md").write_text(text, encoding="utf-8")
        when = (start + dt.timedelta(hours=16.8 * number)).isoformat()
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
        subprocess.run([*git, "commit", "-q", "-m", f"handoffs {number}"], cwd=folder, check=True, env=env)


def chart_candidates(corpus: Path, work: Path) -> dict[str, dict]:
    """The four overview charts over the corpus, by pygal and by plotly; size and build seconds."""
    from handoff_lint.cli import _load, _run
    from handoff_lint.output.team_report import charts
    from handoff_lint.output.team_report.collect import overview
    from handoff_lint.scoring.verdict import decide

    here = os.getcwd()
    os.chdir(corpus.parent)  # the report runs' config root, so their result cache is reused
    try:
        config, types = _load(None)
        view = overview(decide(_run([corpus.name], config, types, None), config.threshold), config.root)
    finally:
        os.chdir(here)
    scores = [h.entry["score"] for h in view.handoffs if h.entry["score"] is not None]
    weeks = [(f"2026-W{n:02d}", 40 + n, 60 + n / 2) for n in range(1, 27)]
    out = {}
    start = time.perf_counter()
    svgs = [
        charts.histogram(scores, 70),
        charts.pass_and_median("By type", view.by_type),
        charts.pass_and_median("By sender", view.by_sender[:15]),
    ]
    page = work / "pygal.html"
    page.write_text("<!DOCTYPE html><html><body>" + "".join(svgs) + "</body></html>", encoding="utf-8")
    out["pygal (inline SVG, used)"] = {"seconds": time.perf_counter() - start, "page": page, "ready": "svg"}
    try:
        import plotly.graph_objects as go
    except ImportError:
        return out
    start = time.perf_counter()
    figures = [
        go.Figure(go.Histogram(x=scores, xbins={"start": 0, "end": 100, "size": 10})),
        go.Figure([go.Bar(y=[g.name for g in view.by_type], x=[g.pass_rate for g in view.by_type], orientation="h"),
                   go.Bar(y=[g.name for g in view.by_type], x=[g.median for g in view.by_type], orientation="h")]),
        go.Figure([go.Bar(y=[g.name for g in view.by_sender[:15]], x=[g.pass_rate for g in view.by_sender[:15]],
                          orientation="h")]),
        go.Figure([go.Scatter(x=[w[0] for w in weeks], y=[w[1] for w in weeks]),
                   go.Scatter(x=[w[0] for w in weeks], y=[w[2] for w in weeks])]),
    ]  # fmt: skip
    parts = [f.to_html(full_html=False, include_plotlyjs=(i == 0)) for i, f in enumerate(figures)]
    page = work / "plotly.html"
    page.write_text("<!DOCTYPE html><html><body>" + "".join(parts) + "</body></html>", encoding="utf-8")
    out["plotly (JS inlined)"] = {"seconds": time.perf_counter() - start, "page": page, "ready": ".main-svg"}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--history-files", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    load_before = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory(prefix="report-bench-") as temporary:
        work = Path(temporary)
        corpus = work / "corpus"
        generate.main([str(corpus), "--count", str(args.count)])
        report = [HANDOFF_LINT, "report", "corpus", "-o", "report.html"]
        cold = timed([*report, "--no-cache"], work)
        timed(report, work)  # fills the cache
        warm = median([timed(report, work) for _ in range(args.runs)])
        size = (work / "report.html").stat().st_size
        opened = open_times([work / "report.html"], args.runs, "svg.pygal-chart")[0]
        rows += [
            (f"report over {args.count} handoffs, cold (--no-cache)", f"{cold:.2f} s", "1", ""),
            (f"report over {args.count} handoffs, warm (cache filled)", f"{warm:.2f} s", str(args.runs), ""),
            ("page size", f"{size / 1e6:.2f} MB", "—", "< 5 MB: " + ("PASS" if size < 5e6 else "FAIL")),
            ("page opens in headless Chromium (to load)", f"{opened:.2f} s", str(args.runs),
             "< 2 s: " + ("PASS" if opened < 2 else "FAIL")),
        ]  # fmt: skip

        repo = work / "history"
        made = time.perf_counter()
        write_history_repo(repo, args.history_files, args.commits)
        made = time.perf_counter() - made
        history = [HANDOFF_LINT, "report", "handoffs", "-o", "report.html", "--history", str(args.commits)]
        cold_history = timed(history, repo)
        warm_history = median([timed(history, repo) for _ in range(args.runs)])
        history_size = (repo / "report.html").stat().st_size
        name = f"report --history {args.commits}, {args.history_files} handoffs"
        rows += [
            (f"{name}, cold (nothing cached)", f"{cold_history:.2f} s", "1", ""),
            (f"{name}, warm (caches filled)", f"{warm_history:.2f} s", str(args.runs),
             "< 10 s: " + ("PASS" if warm_history < 10 else "FAIL")),
            ("its page size", f"{history_size / 1e6:.2f} MB", "—", ""),
        ]  # fmt: skip

        candidates = chart_candidates(corpus, work)
        opened = open_times([c["page"] for c in candidates.values()], args.runs, "body")
        for (label, candidate), seconds in zip(candidates.items(), opened, strict=True):
            size = candidate["page"].stat().st_size
            rows.append((f"charts only, {label}: size · build · open", f"{size / 1e3:.0f} kB · "
                         f"{candidate['seconds']:.2f} s · {seconds:.2f} s", str(args.runs), ""))  # fmt: skip

    lines = [
        SECTION,
        "",
        f"Generated by `benchmarks/report_bench.py` on {dt.date.today()} "
        f"in {(time.perf_counter() - began) / 60:.1f} min "
        f"(2 cores; medians of the runs given; the history repository took {made:.0f} s to build). "
        f"Load average (1 min) {load_before:.1f} at the start and {os.getloadavg()[0]:.1f} at the end: "
        "above 2, other processes shared the two cores and every time here is inflated by them.",
        "",
        "| Measurement | Result | Runs | Target |",
        "|---|---:|---:|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
        "",
        f"- Corpus: `benchmarks/generate.py --count {args.count}`; history: {args.history_files} generated handoffs "
        f"in the first commit, then {args.commits - 1} commits each rewriting three (a new generated version), ten "
        "commits a week over 30 weeks.",
        "- Cold report: `handoff-lint report corpus -o report.html --no-cache`; warm: the same with the cache "
        "filled. Cold history: no `.handoff-lint-cache/` at all (every distinct version is linted once).",
        "- Page opening: Playwright with Debian's Chromium, `goto(file://…, wait_until='load')` until the first "
        "chart is in the DOM, in a fresh page each run.",
        "- Charts only: the overview's charts for the same corpus in a page of their own; plotly's page inlines "
        "plotly.js so that it, too, opens offline.",
    ]
    text = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if SECTION in text:
        text = text[: text.index(SECTION)].rstrip("\n")
    args.output.write_text(text + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
