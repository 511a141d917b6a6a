"""The trend from git history: pass rate and median score per week, and each handoff's scores.

Every distinct file version (git blob, at its path) is scored once: the blob id is the content
key in a result cache of its own (``.handoff-lint-cache/history/``, the same ResultCache and
fingerprint as ``check``), so a second run, or a version that recurs over many commits, costs
nothing to score. Git is read with five commands whatever the number of commits: ``git log``
for the commits, ``git ls-tree`` for the first one's handoffs, ``git log --raw`` for what each later
commit changed, and ``git cat-file`` twice (sizes, then contents) for the versions not yet cached.
Contents are read one version at a time and linted by the engine that lints ``check``'s files
(engine/runner.py's ``lint_many``: its worker pool, in bounded batches), newest first, within a
per-run budget: memory does not grow with the history's length.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from handoff_lint.engine.cache import ResultCache, fingerprint
from handoff_lint.errors import HandoffLintError
from handoff_lint.files.discover import EXTENSIONS, SKIP_DIRS, _excluded
from handoff_lint.files.git import Repo
from handoff_lint.files.source import Source, raw_limit
from handoff_lint.output.team_report.collect import Group
from handoff_lint.scoring.verdict import verdict

_SPEC = re.compile(r"^(\d+)(w?)$")
_ZERO = "0" * 40


@dataclass(frozen=True)
class Span:
    """How far back to look: the last ``weeks`` weeks before the newest commit, or the last ``commits``."""

    weeks: int | None = None
    commits: int | None = None


def parse_span(spec: str) -> Span:
    match = _SPEC.match(spec.strip())
    if not match or int(match.group(1)) == 0:
        raise HandoffLintError(
            f"--history: expected a number of weeks such as 26w or of commits such as 300, not {spec!r}"
        )
    number = int(match.group(1))
    return Span(weeks=number) if match.group(2) else Span(commits=number)


@dataclass
class Week(Group):
    """The group of the handoffs as they stood at the end of one week (its name the Monday's date)."""

    start: datetime  # Monday 00:00 UTC
    commit: str  # the last commit on or before the week's end


@dataclass
class Version:
    """A handoff as one commit left it."""

    commit: str
    date: datetime
    score: int | None
    passed: bool


@dataclass
class History:
    span: Span
    commits: int
    weeks: list[Week] = field(default_factory=list)
    files: dict[str, list[Version]] = field(default_factory=dict)  # path -> its versions, oldest first
    scored: int = 0  # versions linted in this run (the rest came from the cache)
    versions: int = 0  # distinct versions in the span
    notes: list[str] = field(default_factory=list)  # what was left out or taken otherwise, for stderr

    def week_over_week(self) -> list[tuple[Week, Change | None]]:
        """Each week with its change from the week before (None for the first)."""
        return [(week, change(self.weeks[i - 1], week) if i else None) for i, week in enumerate(self.weeks)]

    @property
    def last_change(self) -> Change | None:
        """The newest week against the one before it, the figure a lead reads on Monday."""
        return change(self.weeks[-2], self.weeks[-1]) if len(self.weeks) > 1 else None


@dataclass(frozen=True)
class Change:
    """From one week to the next: pass-rate points, median-score points (None when either is unscored)."""

    pass_rate: float
    median: float | None
    handoffs: int


def change(before: Week, after: Week) -> Change:
    median = None if before.median is None or after.median is None else after.median - before.median
    return Change(after.pass_rate - before.pass_rate, median, after.count - before.count)


def signed(value: float | None, unit: str = "") -> str:
    """ "+5", "−3", "±0" (with ``unit``: "+5 pts"); "—" when there is nothing to compare."""
    if value is None:
        return "—"
    rounded = round(value)
    text = f"+{rounded:g}" if rounded > 0 else (f"−{-rounded:g}" if rounded < 0 else "±0")
    return text + unit


def history(targets: list[str], span: Span, config, types, forced_type=None, jobs: int = 0, use_cache: bool = True):
    """The History of the handoffs under ``targets`` (working-directory paths) within ``span``."""
    repo = Repo()
    specs = []
    for target in targets:
        spec = repo.to_repo(target)
        if spec is None:
            raise HandoffLintError(f"--history: {target} is outside the git repository")
        specs.append(spec)
    notes: list[str] = []
    commits = _commits(repo, span, notes)
    result = History(span, len(commits), notes=notes)
    if not commits:
        return result
    states = _states(repo, commits, specs, lambda path: _is_handoff(repo, path, config))
    newest_first = dict.fromkeys(pair for _c, _d, state in reversed(states) for pair in sorted(state.items()))
    result.versions = len(newest_first)
    scores, result.scored = _score(repo, newest_first, config, types, forced_type, jobs, use_cache, notes)
    previous: dict[str, str] = {}
    for commit, date, state in states:
        for path, blob in sorted(state.items()):
            if previous.get(path) != blob and (path, blob) in scores:
                score, passed = scores[(path, blob)]
                result.files.setdefault(path, []).append(Version(commit, date, score, passed))
        previous = state
    result.weeks = _weeks(states, scores)
    return result


def _commits(repo: Repo, span: Span, notes: list[str] | None = None) -> list[tuple[str, datetime]]:
    """First-parent commits of HEAD within the span, oldest first (``notes``: what was not taken as dated)."""
    limit = ["-n", str(span.commits)] if span.commits else []
    out = repo._git("log", "--first-parent", "--format=%H %ct", *limit, "HEAD", "--", what="read the git history")
    stamps = [(sha, int(stamp)) for sha, stamp in (line.split() for line in out.splitlines() if line.strip())]
    commits = [(sha, datetime.fromtimestamp(stamp, timezone.utc)) for sha, stamp in _plausible(stamps, notes)]
    if commits:
        weeks = min(span.weeks or MAX_WEEKS, MAX_WEEKS)
        # From the newest date, not HEAD's: commit dates can go backwards (HEAD dated 1970 after a 2026 commit).
        since = _monday(max(date for _sha, date in commits)) - timedelta(weeks=weeks - 1)
        kept = [(sha, date) for sha, date in commits if date >= since]
        if len(kept) < len(commits) and weeks < (span.weeks or MAX_WEEKS + 1) and notes is not None:
            notes.append(
                f"only the last {MAX_WEEKS} weeks are shown; {len(commits) - len(kept)} older commit(s) left out"
            )
        commits = kept
    return commits[::-1]


MAX_WEEKS = 520  # ten years of weekly rows: a longer trend is not read, and costs time and memory
LATEST_SKEW = 24 * 3600  # a commit up to a day ahead of this machine's clock is a clock's error, kept


def _plausible(stamps: list[tuple[str, int]], notes: list[str] | None) -> list[tuple[str, int]]:
    """Commit times (newest first) with the impossible ones — before 1970 or after today, which anyone
    can write into a commit (year 5000 made a weekly trend of 156,000 weeks; 9999 overflowed) — replaced
    by the time of the commit before them (first-parent order is the history's own order)."""
    latest = int(time.time()) + LATEST_SKEW
    good = [stamp for _sha, stamp in stamps if 0 <= stamp <= latest]
    previous = good[-1] if good else latest - LATEST_SKEW  # the oldest plausible time, or now
    fixed, odd = [], []
    for sha, stamp in reversed(stamps):  # oldest first
        if 0 <= stamp <= latest:
            previous = stamp
        else:
            odd.append(sha)
        fixed.append((sha, previous))
    if odd and notes is not None:
        notes.append(
            f"{len(odd)} commit(s) dated before 1970 or after today (first {odd[0][:12]}): "
            "counted at the date of the commit before them"
        )
    return fixed[::-1]


def _states(repo: Repo, commits, specs: list[str], keep) -> list[tuple[str, datetime, dict[str, str]]]:
    """For each commit, the handoffs it holds: path -> blob id. The first from ``ls-tree``, the rest
    by applying each commit's changes (``log --raw``, diffed against the first parent)."""
    first = commits[0][0]
    state: dict[str, str] = {}
    listing = repo._git("ls-tree", "-r", "-z", first, "--", *specs, what="list the handoffs in the history")
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        if meta.split()[1] == "blob" and keep(path):
            state[path] = meta.split()[2]
    states = [(first, commits[0][1], dict(state))]
    if len(commits) == 1:
        return states
    dates = dict(commits)
    raw = repo._git(
        "log",
        "--first-parent",
        "--sparse",
        "--reverse",
        "--raw",
        "--no-renames",
        "--no-abbrev",
        "-z",
        "--format=%x01%H",
        f"{first}..{commits[-1][0]}",
        "--",
        *specs,
        what="read the handoffs' changes",
    )
    changed: dict[str, list[tuple[str, str]]] = {}
    for chunk in raw.split("\x01")[1:]:
        fields = chunk.split("\0")
        sha, rest = fields[0].strip(), fields[1:]
        changes = changed.setdefault(sha, [])
        for index in range(0, len(rest) - 1, 2):
            meta, path = rest[index].strip(), rest[index + 1]
            if meta.startswith(":"):
                changes.append((path, meta.split()[3]))
    for sha, changes in changed.items():  # every commit in the range, oldest first (--sparse)
        for path, blob in changes:
            if blob == _ZERO:
                state.pop(path, None)
            elif keep(path):
                state[path] = blob
        if sha in dates:  # a commit dated outside the window still changes the tree after it
            states.append((sha, dates[sha], dict(state)))
    return states


def _is_handoff(repo: Repo, path: str, config) -> bool:
    """What ``discover`` would pick up in a checkout: Markdown, not in a skipped or hidden folder, not excluded."""
    parts = path.split("/")
    if not parts[-1].lower().endswith(EXTENSIONS):
        return False
    if any(part in SKIP_DIRS or part.startswith(".") for part in parts[:-1]):
        return False
    return not (config.exclude and _excluded(repo.top / path, config.exclude, config.root))


def _score(repo: Repo, pending_order, config, types, forced_type, jobs: int, use_cache: bool, notes: list[str]):
    """(score, passed) for each (path, blob), newest first; linted only when the history cache does not
    know it. Old versions are read one at a time as the engine asks for them, and at most BUDGET_BYTES
    of them per run: a version past the budget is left unscored (and out of the trend) with a note; the
    cache keeps what was scored, so the next run goes further back. A version larger than ``check``
    would read is not read: it scores as that file would (HL003)."""
    from handoff_lint.engine.runner import lint_many

    cache = ResultCache(config.root, fingerprint(config, types, forced_type), "history") if use_cache else None
    scores: dict[tuple[str, str], tuple[int | None, bool]] = {}
    pending = []
    for path, blob in pending_order:
        hit = cache.get(f"{blob} {path}", blob, list) if cache else None
        if hit is not None:
            scores[(path, blob)] = (hit.score, verdict(hit, config.threshold).passed)
        else:
            pending.append((path, blob))
    if pending:
        sizes = _sizes(repo, [blob for _path, blob in pending])
        limit = raw_limit(config.max_file_bytes)  # what check reads of a file on disk
        taken, spent = [], 0
        for path, blob in pending:
            size = sizes[blob] if sizes[blob] <= limit else 0  # too large: not read
            if spent + size > BUDGET_BYTES:
                break
            spent += size
            taken.append((path, blob))
        if len(taken) < len(pending):
            notes.append(
                f"{len(pending) - len(taken)} older version(s) not scored: one run reads at most "
                f"{BUDGET_BYTES // 2**20} MiB of old versions (run again to go further back; the cache keeps these)"
            )
        linted = lint_many(_versions(repo, taken, sizes, limit), config, types, forced_type, jobs)
        for (path, blob), (_source, _digest, result) in zip(taken, linted, strict=True):
            scores[(path, blob)] = (result.score, verdict(result, config.threshold).passed)
            if cache is not None:
                cache.put(f"{blob} {path}", blob, result)
    if cache is not None:
        cache.save()
    return scores, sum(1 for pair in pending if pair in scores)


BUDGET_BYTES = 64 * 1024 * 1024  # old versions read in one run: bounds its time


def _sizes(repo: Repo, blobs: list[str]) -> dict[str, int]:
    """Each blob's size, from one ``git cat-file --batch-check`` (a line per blob, however large the blob)."""
    unique = list(dict.fromkeys(blobs))
    done = subprocess.run(
        ["git", "cat-file", "--batch-check"],
        cwd=repo.top,
        input="".join(b + "\n" for b in unique).encode(),
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise HandoffLintError(f"cannot read old versions: {done.stderr.decode(errors='replace').strip()}")
    return {blob: _size(line) for blob, line in zip(unique, done.stdout.decode().splitlines(), strict=True)}


def _versions(repo: Repo, pairs, sizes: dict[str, int], limit: int):
    """A Source for each (path, blob), read one blob at a time through one ``git cat-file --batch`` when
    the engine asks for it. A version over ``limit`` bytes is not read (a pull request can commit many
    100 MB versions): it comes as too large, which the linter reports (HL003) as it would the file on disk."""
    with subprocess.Popen(
        ["git", "cat-file", "--batch"], cwd=repo.top, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as git:
        for path, blob in pairs:
            shown = repo.from_repo(path)
            yield Source(shown, too_large=True) if sizes[blob] > limit else Source(shown, _read_blob(git, blob))
        git.stdin.close()


def _read_blob(git: subprocess.Popen, blob: str) -> bytes:
    """One blob from a running ``git cat-file --batch`` (empty when git does not have it)."""
    git.stdin.write(blob.encode() + b"\n")
    git.stdin.flush()
    header = git.stdout.readline().split()
    if len(header) != 3:
        return b""
    data = git.stdout.read(int(header[2]))
    git.stdout.read(1)  # the newline after the contents
    return data


def _size(line: str) -> int:
    """The size in a ``cat-file --batch-check`` line (``<id> blob <size>``; 0 for ``<id> missing``)."""
    fields = line.split()
    return int(fields[2]) if len(fields) == 3 else 0


def _monday(date: datetime) -> datetime:
    day = date.astimezone(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=day.weekday())


def _weeks(states, scores) -> list[Week]:
    """One Week from the oldest commit's week to the newest's, at most MAX_WEEKS: the tree as the week's
    last commit left it (a week without commits repeats the week before)."""
    last_of_week: dict[datetime, tuple[str, dict[str, str]]] = {}
    for commit, date, state in states:
        last_of_week[_monday(date)] = (commit, state)
    end = max(last_of_week)
    start = max(min(last_of_week), end - timedelta(weeks=MAX_WEEKS - 1))  # dates out of order stay bounded
    weeks, (commit, state) = [], last_of_week[max(week for week in last_of_week if week <= start)]
    while start <= end:
        commit, state = last_of_week.get(start, (commit, state))
        results = [scores[pair] for pair in state.items() if pair in scores]
        values = [score for score, _passed in results if score is not None]
        weeks.append(
            Week(
                name=f"{start:%Y-%m-%d}",
                count=len(results),
                passed=sum(p for _s, p in results),
                median=statistics.median(values) if values else None,
                start=start,
                commit=commit,
            )
        )
        start += timedelta(weeks=1)
    return weeks
