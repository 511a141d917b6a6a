"""Time handoff-lint on a generated corpus against floors and neighbouring tools; write RESULTS.md.

    /work/venv/bin/python benchmarks/run.py [--count 10000] [--runs 5] [--skip-markdownlint]
                                            [--output benchmarks/RESULTS.md]

The floors say what any Python linter must pay (start the interpreter, read the bytes, parse the
Markdown and YAML); markdownlint-cli2 and yamllint say what users compare us with. Timing uses
hyperfine when installed, else subprocess with time.perf_counter; peak RSS comes from
/usr/bin/time -v. Slow measurements get fewer runs (see BUDGET) so a 10,000-file run stays near
15 minutes on a 2-core machine; the table reports how many runs each median is of.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent  # the venv that has handoff-lint, markdown-it-py and PyYAML
HANDOFF_LINT = shutil.which("handoff-lint", path=str(BIN)) or shutil.which("handoff-lint")
HYPERFINE = shutil.which("hyperfine")
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
MARKDOWNLINT = HERE / ".node" / "node_modules" / ".bin" / "markdownlint-cli2"
NPROC = len(os.sched_getaffinity(0))
MIB = 1024 * 1024
# Seconds each measurement may take; after the first run, more runs only while they fit.
BUDGET = {
    "read": 20,
    "parse": 90,
    "cold1": 360,
    "coldn": 150,
    "warm": 60,
    "markdownlint": 150,
    "latency": 60,
    "handbook": 150,
}
HANDBOOK = ROOT.parent / "shared" / "corpus" / "markdown-handbook"  # real pages, none a handoff
PAGE_LIMIT = 0.2  # seconds: no single page may take longer
# Times each page in one process (the Linter API the CLI uses), so the slowest page can be named.
PAGE_TIMES = """\
import json, pathlib, sys, time
from handoff_lint.config.settings import load_config
from handoff_lint.handoff_types.definitions import load_types
from handoff_lint.engine.linter import Linter
from handoff_lint.engine.runner import rare_collections

root = pathlib.Path(sys.argv[1]).resolve()
config = load_config(None, root)
linter = Linter(config, load_types(config.schema_dirs), sys.argv[2])
times = []
with rare_collections():  # as a CLI run lints
    for path in sorted(root.rglob("*.md")):
        started = time.perf_counter()
        linter.lint(str(path))
        times.append((time.perf_counter() - started, str(path.relative_to(root))))
times.sort(reverse=True)
print(json.dumps({"pages": len(times), "slowest": times[:3], "total": sum(t for t, _ in times)}))
"""

READ_FLOOR = "import pathlib, sys\nfor p in pathlib.Path(sys.argv[1]).rglob('*.md'): p.read_bytes()\n"
PARSE_FLOOR = """\
import pathlib, sys
import yaml
from markdown_it import MarkdownIt

md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
for path in pathlib.Path(sys.argv[1]).rglob("*.md"):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\\n"):
        end = text.find("\\n---", 4)
        if end != -1:
            yaml.load(text[4:end], Loader=yaml.CSafeLoader)
    md.parse(text)
"""
ONE_YAML = """\
# A small config, about the size of a handoff's frontmatter.
service: invoices
owner: finance-ops
replicas: 2
schedule:
  close_day: 5
  reminders: [1, 3, 7]
regions:
  - name: eu-central
    primary: true
  - name: us-east
    primary: false
"""


@dataclass
class Result:
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    note: str = ""  # why it was not measured

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def peak_mib(self) -> float | None:
        return max(self.rss_kib) / 1024 if self.rss_kib else None


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_batch(argv: list[str], runs: int, cwd: Path, ignore_failure: bool) -> list[float]:
    """Wall times of `runs` runs, output discarded."""
    if HYPERFINE:
        out = cwd / "hyperfine.json"
        command = [HYPERFINE, "-N", "--style", "none", "--runs", str(runs), "--export-json", str(out)]
        command += ["-i"] if ignore_failure else []
        proc = subprocess.run([*command, shlex.join(argv)], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if proc.returncode:  # hyperfine's own warnings (outliers, exit codes) are noise otherwise
            raise SystemExit(f"hyperfine failed: {proc.stderr.decode(errors='replace')}")
        return json.loads(out.read_text())["results"][0]["times"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if proc.returncode and not ignore_failure:
            raise SystemExit(f"failed ({proc.returncode}): {shlex.join(argv)}")
    return times


def measure(name: str, argv: list[str], cwd: Path, max_runs: int, budget: float, ignore_failure=False) -> Result:
    """One run, then as many more as fit the budget (up to max_runs), with peak RSS of every run."""
    log(f"  {name}: {shlex.join(argv)}")
    rss_file = cwd / f"{name}.time"
    rss_file.unlink(missing_ok=True)
    if GNU_TIME:
        argv = [GNU_TIME, "-v", "-a", "-o", str(rss_file), *argv]
    result = Result(times=run_batch(argv, 1, cwd, ignore_failure))
    more = min(max_runs - 1, int((budget - result.times[0]) / result.times[0]))
    if more > 0:
        result.times += run_batch(argv, more, cwd, ignore_failure)
    if GNU_TIME:
        found = re.findall(r"Maximum resident set size \(kbytes\): (\d+)", rss_file.read_text())
        result.rss_kib = [int(kib) for kib in found]
    log(f"    median {result.median:.3f} s over {len(result.times)} run(s)")
    return result


def lint_features() -> dict[str, bool]:
    """--jobs and the cache are being added; measure what the installed version offers."""
    help_text = subprocess.run([HANDOFF_LINT, "check", "--help"], capture_output=True, text=True).stdout
    return {"jobs": "--jobs" in help_text, "cache": "--no-cache" in help_text}


def ensure_tools() -> None:
    """Install the comparison tools where the brief says they live (npm prefix, the venv)."""
    if not MARKDOWNLINT.exists() and shutil.which("npm"):
        log("installing markdownlint-cli2 into benchmarks/.node")
        subprocess.run(["npm", "install", "--prefix", str(HERE / ".node"), "markdownlint-cli2"], check=True)
    if not (BIN / "yamllint").exists():
        log("installing yamllint into the venv")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "yamllint"], check=True)
    if not HYPERFINE or not GNU_TIME:
        log("note: `apt-get install -y hyperfine time` for hyperfine timing and peak RSS")


def benchmark(corpus: Path, work: Path, args) -> dict[str, Result]:
    features = lint_features()
    runs = args.runs
    lint = [HANDOFF_LINT, "check", str(corpus), "--format", args.format, "--output-file", "/dev/null", "--exit-zero"]
    no_cache = ["--no-cache"] if features["cache"] else []
    r: dict[str, Result] = {}
    python = sys.executable
    (work / "read_floor.py").write_text(READ_FLOOR)
    (work / "parse_floor.py").write_text(PARSE_FLOOR)
    r["read"] = measure("read", [python, str(work / "read_floor.py"), str(corpus)], work, max(runs, 10), BUDGET["read"])
    parse = [python, str(work / "parse_floor.py"), str(corpus)]
    r["parse"] = measure("parse", parse, work, runs, BUDGET["parse"])

    one_core = lint + no_cache + (["--jobs", "1"] if features["jobs"] else [])
    r["cold1"] = measure("cold1", one_core, work, runs, BUDGET["cold1"])
    if features["jobs"]:
        r["coldn"] = measure("coldn", lint + no_cache + ["--jobs", str(NPROC)], work, runs, BUDGET["coldn"])
    else:
        r["coldn"] = Result(note="feature not available (--jobs)")

    if features["cache"]:
        warm_dir = work / "warm"
        warm_dir.mkdir()
        shutil.rmtree(warm_dir / ".handoff-lint-cache", ignore_errors=True)
        cached = lint + (["--jobs", str(NPROC)] if features["jobs"] else [])
        r["prime"] = measure("prime", cached, warm_dir, 1, 0)
        r["warm"] = measure("warm", cached, warm_dir, max(runs, 5), BUDGET["warm"])
    else:
        r["warm"] = Result(note="feature not available (cache)")

    if args.skip_markdownlint:
        r["markdownlint"] = Result(note="skipped (--skip-markdownlint)")
    elif not MARKDOWNLINT.exists():
        r["markdownlint"] = Result(note="not installed (npm)")
    else:
        # A config of its own in the cwd: markdownlint's default rules, nothing inherited.
        (work / ".markdownlint-cli2.jsonc").write_text('{ "config": { "default": true } }\n')
        md = [str(MARKDOWNLINT), f"{corpus}/**/*.md"]
        r["markdownlint"] = measure("markdownlint", md, work, runs, BUDGET["markdownlint"], ignore_failure=True)

    handbook(work, r, args)

    one = work / "one"
    one.mkdir()
    shutil.copy(min(corpus.glob("*.md")), one / "ONE.md")
    (one / "ONE.yaml").write_text(ONE_YAML)
    latency_runs = max(runs, 20)
    budget = BUDGET["latency"]
    one_lint = [HANDOFF_LINT, "check", "ONE.md"] + no_cache  # what pre-commit pays for a changed file
    r["one_lint"] = measure("one_lint", one_lint, one, latency_runs, budget, True)
    r["one_yamllint"] = measure("one_yamllint", [str(BIN / "yamllint"), "ONE.yaml"], one, latency_runs, budget, True)
    return r


def handbook(work: Path, r: dict, args) -> None:
    """Real pages, not generated ones: the Markdown handbook forced to a type, against markdownlint-cli2.

    None of the pages is a handoff, so most headings are unknown: what heading recognition costs
    when nothing matches. The per-page times come from one in-process pass (``PAGE_TIMES``).
    """
    if not HANDBOOK.is_dir():
        note = f"not found ({HANDBOOK})"
        r["hb_lint"], r["hb_markdownlint"], r["hb_pages"] = Result(note=note), Result(note=note), None
        return
    lint = [HANDOFF_LINT, "check", str(HANDBOOK), "--type", "sales-to-cs", "--no-cache", "--jobs", str(NPROC)]
    lint += ["--format", args.format, "--output-file", "/dev/null", "--exit-zero"]
    r["hb_lint"] = measure("hb_lint", lint, work, args.runs, BUDGET["handbook"])
    if args.skip_markdownlint or not MARKDOWNLINT.exists():
        r["hb_markdownlint"] = Result(note="skipped" if args.skip_markdownlint else "not installed (npm)")
    else:
        md = [str(MARKDOWNLINT), f"{HANDBOOK}/**/*.md"]
        r["hb_markdownlint"] = measure("hb_markdownlint", md, work, args.runs, BUDGET["handbook"], ignore_failure=True)
    (work / "page_times.py").write_text(PAGE_TIMES)
    log("timing each handbook page")
    out = subprocess.run(
        [sys.executable, str(work / "page_times.py"), str(HANDBOOK), "sales-to-cs"], capture_output=True, text=True
    )
    r["hb_pages"] = json.loads(out.stdout) if out.returncode == 0 else None


def page_row(pages) -> list[str]:
    label = "handbook: slowest page (one process)"
    if not pages:
        return [label, "—", "0", "—", f"≤ {PAGE_LIMIT} s", "not measured"]
    seconds, path = pages["slowest"][0]
    verdict = "PASS" if seconds <= PAGE_LIMIT else "FAIL"
    return [label, f"{seconds:.3f}", "1", f"`{path}` of {pages['pages']} pages", f"≤ {PAGE_LIMIT} s", verdict]


# --- Report ------------------------------------------------------------------------------------


def ratio_row(label, result, base, base_name, limit=None, target=""):
    """A table row: median, runs, the ratio to a baseline and, with a limit, PASS or FAIL."""
    if result is None or not result.times:
        return [label, "—", "0", "—", target, (result.note if result else "not measured") or "not measured"]
    median = result.median
    if base is None or not base.times:
        ratio, verdict = "—", ("n/a: baseline " + ((base.note if base else "") or "not measured")) if limit else ""
    else:
        value = median / base.median
        ratio = f"{value:.2f}× {base_name}"
        verdict = ("PASS" if value <= limit else "FAIL") if limit else ""
    return [label, f"{median:.3f}", str(len(result.times)), ratio, target, verdict]


def memory_row(label, result, limit_mib=100):
    if result is None or not result.rss_kib:
        return [label, "—", "0", "—", f"≤ {limit_mib} MiB", (result.note if result else "") or "not measured"]
    peak = result.peak_mib
    verdict = "PASS" if peak <= limit_mib else "FAIL"
    return [label, "—", str(len(result.rss_kib)), f"{peak:.1f} MiB peak", f"≤ {limit_mib} MiB", verdict]


def machine() -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {"nproc": str(NPROC), "cpu": cpu, "python": platform.python_version(), "commit": commit.stdout.strip()}


def tool_versions() -> str:
    versions = []
    for argv in ([HANDOFF_LINT, "--version"], [str(BIN / "yamllint"), "--version"], [HYPERFINE or "", "--version"]):
        try:
            out = subprocess.run(argv, capture_output=True, text=True).stdout.strip().splitlines()
            versions.append(out[0] if out else "")
        except OSError:
            pass
    package = HERE / ".node" / "node_modules" / "markdownlint-cli2" / "package.json"
    if package.exists():
        versions.append("markdownlint-cli2 " + json.loads(package.read_text())["version"])
    return ", ".join(v for v in versions if v)


def report(r: dict[str, Result], count: int, megabytes: float, args, elapsed: float) -> str:
    info = machine()
    n = NPROC
    rows = [
        ratio_row("floor: read every file (python)", r["read"], None, ""),
        ratio_row("floor: parse (markdown-it-py + PyYAML CSafeLoader)", r["parse"], r["read"], "read floor"),
        ratio_row("handoff-lint cold, 1 core", r["cold1"], r["parse"], "parse floor", 1.5, "≤ 1.5× parse floor"),
        ratio_row(
            f"handoff-lint cold, all cores (--jobs {n})",
            r["coldn"],
            r["markdownlint"],
            "markdownlint-cli2",
            0.15,
            "≤ 0.15× markdownlint-cli2",
        ),
        ratio_row("handoff-lint warm re-run (cache)", r["warm"], r["read"], "read floor", 3.0, "≤ 3× read floor"),
        ratio_row("markdownlint-cli2, default rules", r["markdownlint"], r["parse"], "parse floor"),
        ratio_row(
            "one file: handoff-lint check ONE.md", r["one_lint"], r["one_yamllint"], "yamllint", 1.0, "≤ yamllint"
        ),
        ratio_row("one file: yamllint ONE.yaml", r["one_yamllint"], None, ""),
        ratio_row(
            f"handbook: handoff-lint --type sales-to-cs (--jobs {n})",
            r["hb_lint"],
            r["hb_markdownlint"],
            "markdownlint-cli2",
            0.3,
            "≤ 0.3× markdownlint-cli2",
        ),
        ratio_row("handbook: markdownlint-cli2, default rules", r["hb_markdownlint"], None, ""),
        page_row(r.get("hb_pages")),
        memory_row("peak memory, cold 1 core", r["cold1"]),
        memory_row(f"peak memory, cold all cores (--jobs {n})", r["coldn"]),
    ]
    table = ["| Measurement | Median s | Runs | Ratio | Target | Verdict |", "|---|---:|---:|---|---|---|"]
    table += ["| " + " | ".join(row) + " |" for row in rows]
    prime = r.get("prime")
    notes = [
        f"- Corpus: `benchmarks/generate.py --count {count} --seed 1`, regenerated for the run; every "
        "measurement reads it from a warm page cache. *Cold* means no handoff-lint cache (`--no-cache`), not a "
        "cold disk.",
        "- Timing: "
        + ("hyperfine (`-N`, output discarded)" if HYPERFINE else "subprocess + time.perf_counter")
        + "; each command runs under `/usr/bin/time -v` for peak RSS. Runs per measurement are capped by a time "
        f"budget (seconds: {', '.join(f'{k} {v}' for k, v in BUDGET.items())}): the first run always, then more "
        f"while they fit, up to `--runs {args.runs}` (at least 10 for the read floor, 5 warm, 20 for one file).",
        "- Peak memory is `/usr/bin/time -v` maximum RSS: the largest single process, so with `--jobs` it is "
        "the parent or one worker, not their sum.",
        f"- handoff-lint runs: `handoff-lint check CORPUS --format {args.format} --output-file /dev/null "
        "--exit-zero` with `--no-cache` for cold runs and `--jobs N`.",
        "- One-file latency: `handoff-lint check ONE.md --no-cache` (the corpus's first file, text output, what "
        "pre-commit pays for a changed file) against `yamllint ONE.yaml` (a 13-line YAML file), both from the "
        "same directory.",
    ]
    notes.append(
        "- Handbook: the real pages of `../shared/corpus/markdown-handbook/` (none a handoff), linted with "
        "`--type sales-to-cs --no-cache --jobs N` against markdownlint-cli2 on the same files; the slowest page "
        "is timed in one process through the Linter API (parse to score, no start-up)."
    )
    if prime and prime.times:
        notes.append(f"- Warm: a priming run with the cache on took {prime.median:.3f} s, then the timed re-runs.")
    missing = [flag for flag, key in (("--jobs", "coldn"), ("--no-cache", "warm")) if r[key].note.startswith("feature")]
    if missing:
        notes.append(
            f"- Not in this handoff-lint's `check --help`: {', '.join(missing)}. Cold 1 core ran without them (it is "
            "one process and has no cache); the measurements that need them say *feature not available*."
        )
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `benchmarks/run.py` on {dt.date.today().isoformat()} in {elapsed / 60:.1f} min.",
        "",
        f"- Machine: {info['nproc']} cores (`nproc`), {info['cpu']}; shared, so expect noise.",
        f"- Python {info['python']}; handoff-lint at commit {info['commit']} (working tree as found).",
        f"- Tools: {tool_versions()}.",
        f"- Corpus: {count} files, {megabytes:.1f} MB.",
        "",
        *table,
        "",
        *notes,
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10000, help="files in the generated corpus")
    parser.add_argument("--runs", type=int, default=5, help="most runs per measurement (time budgets cut slow ones)")
    parser.add_argument("--skip-markdownlint", action="store_true")
    parser.add_argument(
        "--format", default="text", choices=["text", "json"], help="handoff-lint's output format (to /dev/null)"
    )
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    if not HANDOFF_LINT:
        raise SystemExit("handoff-lint not found; run with the venv's python")
    started = time.perf_counter()
    ensure_tools()
    with tempfile.TemporaryDirectory(prefix="handoff-lint-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        log(f"generating {args.count} handoffs")
        generate = [sys.executable, str(HERE / "generate.py"), str(corpus), "--count", str(args.count), "--seed", "1"]
        subprocess.run(generate, check=True)
        megabytes = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        results = benchmark(corpus, work, args)
    text = report(results, args.count, megabytes, args, time.perf_counter() - started)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
