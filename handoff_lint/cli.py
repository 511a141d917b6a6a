"""Command line: ``handoff-lint [check] PATHS…``, ``score``, ``report``, ``init``, ``merge``, ``types``, ``rules``,
``explain``, ``new``.

The CLI only wires the pipeline together: load config and types → discover files → lint each
→ render with a reporter → exit code from scoring/verdict.py. ``main`` turns every error into one line
and exit code 2 (click alone would exit 1 on a crash, which reads as "handoff failed").
"""

from __future__ import annotations

import functools
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from handoff_lint import __version__
from handoff_lint.config.settings import Config, check_threshold, load_config
from handoff_lint.errors import ConfigError, HandoffLintError
from handoff_lint.output.formats import REPORTERS
from handoff_lint.output.untrusted import plain
from handoff_lint.scoring.verdict import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_FAILED, EXIT_OK, decide, exit_code

FORMATS = tuple(REPORTERS)  # the output formats' registry names them
PROGRESS_MIN_FILES = 50  # fewer files finish before a bar would be worth reading


class InternalError(Exception):
    """An unexpected exception while linting one file; carries the file's path."""

    def __init__(self, path: str, description: str):
        super().__init__(f"internal error while linting {path}: {description}")


class DefaultGroup(click.Group):
    """``handoff-lint PATHS`` means ``handoff-lint check PATHS`` (a file named like a command: ``./new``)."""

    def parse_args(self, ctx, args):
        word = args[0] if args else ""
        if word.isalpha() and word not in self.commands and not os.path.exists(word):  # not "new.md", "docs/"
            from difflib import get_close_matches

            close = get_close_matches(word, list(self.commands), n=1, cutoff=0.6)
            if close:  # "chek docs/handoffs": a typo of a command, not a missing file
                raise click.UsageError(f"no command or path '{word}'; did you mean '{close[0]}'?", ctx)
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args.insert(0, "check")
        ctx.meta["debug"] = "--debug" in args
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        """Every failure of the tool itself becomes one line on stderr and exit code 2."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # `handoff-lint … | head`: the reader left; stop quietly, as grep or git do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
            ctx.exit(EXIT_BROKEN_PIPE)
        except (HandoffLintError, InternalError) as exc:
            debug = ctx.meta.get("debug")
            if debug:
                import traceback

                traceback.print_exc()
            hint = " (run with --debug for the traceback)" if isinstance(exc, InternalError) and not debug else ""
            click.echo(f"handoff-lint: error: {plain(str(exc))}{hint}", err=True)  # names from the PR: escaped
        except Exception as exc:  # a bug outside any one file
            if ctx.meta.get("debug"):
                import traceback

                traceback.print_exc()
            click.echo(f"handoff-lint: internal error: {type(exc).__name__}: {plain(str(exc))}", err=True)
        ctx.exit(EXIT_ERROR)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handoff-lint")
def cli():
    """Lint go-to-market handoff documents: required sections, placeholders and a completeness score.

    Run `handoff-lint PATHS…` (same as `handoff-lint check PATHS…`).
    """


def _load(config_path: str | None, threshold: int | None = None, select=(), ignore=(), start: Path | None = None):
    """The config (with ``--threshold``, ``--select`` and ``--ignore`` applied over it) and the handoff
    types it names; ``start``: the folder to look for the config from (default: the working folder)."""
    from handoff_lint.handoff_types.definitions import load_types

    config = load_config(config_path, start)
    if threshold is not None:
        config.threshold = check_threshold(threshold, "--threshold")
    if select or ignore:
        from handoff_lint.config.selection import apply_command_line

        apply_command_line(config, select, ignore)
    types = load_types(config.schema_dirs)
    unknown = sorted({name for name in config.types.values() if name not in types})
    if unknown:
        raise ConfigError(f"{config.source}: 'types' maps files to unknown type '{unknown[0]}'")
    for code, options in config.rule_options.items():
        for key, value in options.items():
            if isinstance(value, dict) and key not in types:
                raise ConfigError(f"{config.source}: [rules.{code}.{key}] names unknown handoff type '{key}'")
    return config, types


def load_recorded(config):
    """The config's recorded baseline, or None; engine/baseline_file.py is imported only when it names one."""
    if config.baseline_file is None:
        return None
    from handoff_lint.engine.baseline_file import load

    return load(config)


def _use_color(choice: str, no_color: bool = False) -> bool:
    """--color always|never wins; auto: NO_COLOR (non-empty) turns colour off, FORCE_COLOR (non-empty)
    turns it on, else colour only on a terminal (the NO_COLOR and FORCE_COLOR conventions, as ruff)."""
    if no_color or choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _show_progress(files: int, quiet: bool) -> bool:
    """A progress bar only where someone watches: a terminal, not CI, not --quiet, a long run."""
    ci = os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS")
    return files > PROGRESS_MIN_FILES and not quiet and not ci and sys.stderr.isatty()


def _targets(paths, config: Config) -> list[str]:
    """The paths given, else the config's (relative to the working directory)."""
    if paths:
        return list(paths)
    return [p if Path(p).is_absolute() else os.path.relpath(config.root / p) for p in config.paths]


def _run(
    paths,
    config: Config,
    types,
    type_name,
    select=None,
    jobs: int = 0,
    use_cache: bool = True,
    quiet=False,
    force_exclude: bool = False,
    shard: tuple[int, int] | None = None,
    stdin_filename: str | None = None,
):
    """Lint the discovered files (only those ``select`` keeps, when given; of those, one shard's)."""
    from handoff_lint.engine.runner import lint_files, lint_many
    from handoff_lint.files.discover import discover
    from handoff_lint.files.stdin import reads_stdin, stdin_sources

    if type_name and type_name not in types:
        raise click.BadParameter(f"unknown type '{type_name}'; known: {', '.join(sorted(types))}", param_hint="--type")
    if reads_stdin(paths, stdin_filename):  # `check -`: a document from an editor or a pipe
        with _naming_the_file():
            sources = stdin_sources(stdin_filename, config, force_exclude)
            return [result for _source, _digest, result in lint_many(sources, config, types, type_name)]
    targets = _targets(paths, config)
    if not paths:
        missing = next((target for target in targets if not os.path.exists(target)), None)
        if missing:  # most likely a first run: say how to start
            where = f"in {config.source}" if config.source else "in .handoff-lint.toml"
            raise HandoffLintError(
                f"path not found: {missing} — no handoffs here yet? Start one with "
                f"`handoff-lint new TYPE --company NAME` (`handoff-lint types` lists the types), "
                f"name files or folders to check, or set `paths` {where}"
            )
    files, excluded = discover(targets, config.exclude, config.root, force_exclude)
    for path in excluded:
        where = plain(config.source)
        click.echo(f"handoff-lint: {plain(path)} not checked: excluded by 'exclude' in {where}", err=True)
    if select is not None:
        files = [path for path in files if select(path)]
    if shard is not None:
        from handoff_lint.engine.shard import select_shard

        every = len(files)
        files = select_shard(files, *shard, config.root)
        click.echo(f"handoff-lint: shard {shard[0]}/{shard[1]}: {len(files)} of {every} files", err=True)
    with _naming_the_file():
        if not _show_progress(len(files), quiet):
            return lint_files(files, config, types, type_name, jobs=jobs, use_cache=use_cache)
        with click.progressbar(length=len(files), label="linting", file=sys.stderr, update_min_steps=10) as bar:
            return lint_files(files, config, types, type_name, jobs=jobs, use_cache=use_cache, progress=bar.update)


@contextmanager
def _naming_the_file():
    """A bug while linting (check's files, the baseline's or the history's old versions) must name the
    file, never hide behind a traceback."""
    from handoff_lint.engine.runner import LintFailure

    try:
        yield
    except LintFailure as failure:
        raise InternalError(failure.path, str(failure)) from failure


def _emit(text, output_file: str | None, append=False, color: bool | None = None, explicit=True, root=None) -> None:
    """Write a report (a string, or an iterable of pieces) to a file or stdout; never through a committed
    symlink (files/safe_io.open_output). ``explicit``: the user named ``output_file`` (not a default);
    ``root``: the config's folder (its repository is the boundary)."""
    from handoff_lint.files.safe_io import open_output

    pieces = [text] if isinstance(text, str) else text
    if output_file:
        try:
            # surrogateescape: a file name with a non-UTF-8 byte is written back as that byte.
            with open_output(output_file, append, explicit, root=root) as handle:
                handle.writelines(pieces)
        except OSError as exc:
            raise HandoffLintError(f"cannot write {output_file}: {exc.strerror or exc}") from None
    else:
        for piece in pieces:
            click.echo(piece, nl=False, color=color)  # color=None: click strips escapes off a terminal


def _resolve_format(explicit: str | None) -> str:
    """An explicit --format wins; on GitHub Actions the default is annotations; else text."""
    if explicit:
        return explicit
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


_common = [
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="Config file (default: nearest .handoff-lint.toml or pyproject.toml).",
    ),
    click.option("--type", "type_name", metavar="TYPE", help="Lint every file as this handoff type."),
    click.option("--threshold", type=int, help="Minimum score to pass, 0-100 (default 70 or the config's)."),
    click.option("--debug", is_flag=True, help="Show the traceback of an internal error."),
    click.option(
        "--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (default 0: one per core)."
    ),
    click.option("--no-cache", is_flag=True, help="Do not read or write .handoff-lint-cache/."),
]


def _parse_shard(ctx, param, value):
    if value is None:
        return None
    from handoff_lint.engine.shard import parse_shard

    try:
        return parse_shard(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def _apply_all(options: list):
    """A decorator that adds ``options`` in the order listed (in --help, too)."""

    def decorate(func):
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


common_options = _apply_all(_common)


# --select/--ignore over the config's select/ignore (config/selection.py says how they combine).
_selection = [
    click.option(
        "--select",
        multiple=True,
        metavar="RULES",
        help="Only these rules: codes, prefixes (HL4) or names, comma-separated (replaces the config's select).",
    ),
    click.option(
        "--ignore",
        multiple=True,
        metavar="RULES",
        help="Leave out these rules: codes, prefixes or names, comma-separated (added to the config's ignore).",
    ),
]


selection_options = _apply_all(_selection)


@dataclass(frozen=True)
class LintOptions:
    """The options every linting command (check, score, report) takes, as one argument."""

    config_path: str | None
    type_name: str | None
    threshold: int | None
    jobs: int
    no_cache: bool
    select: tuple[str, ...]
    ignore: tuple[str, ...]

    def load(self):
        """The config with --threshold, --select and --ignore applied, and its handoff types (``_load``)."""
        return _load(self.config_path, self.threshold, self.select, self.ignore)


def lint_options(command):
    """Adds the common and selection options to ``command`` and hands them over as ``options`` (LintOptions);
    --debug is read before the command runs (DefaultGroup)."""

    @functools.wraps(command)
    def with_options(*args, config_path, type_name, threshold, debug, jobs, no_cache, select, ignore, **kwargs):
        options = LintOptions(config_path, type_name, threshold, jobs, no_cache, select, ignore)
        return command(*args, options=options, **kwargs)

    return common_options(selection_options(with_options))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@lint_options
@click.option(
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(FORMATS),
    help="Output format (default: github when GITHUB_ACTIONS=true, else text; concise: one line per handoff).",
)
@click.option("--statistics", is_flag=True, help="Print how often each rule fired instead of the findings.")
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="Lint standard input ('-') as this file: its path in the output, for type globs and excludes.",
)
@click.option(
    "--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report to a file instead of stdout."
)
@click.option("--quiet", "-q", is_flag=True, help="Only failing handoffs, no info findings, no summary.")
@click.option(
    "--color",
    "color_choice",
    type=click.Choice(("auto", "always", "never")),
    default="auto",
    show_default=True,
    help="Colour the text report. auto: on a terminal, unless NO_COLOR is set (FORCE_COLOR forces it).",
)
@click.option("--no-color", is_flag=True, help="Same as --color never.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when handoffs fail.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the config's exclude to files named on the command line too (as pre-commit does).",
)
@click.option("--show-score", is_flag=True, help="Print the Handoff Quality Score table for each file.")
@click.option(
    "--changed-since",
    metavar="REF",
    help="Only handoffs added, modified or renamed since the merge base with this git ref.",
)
@click.option(
    "--baseline",
    "baseline_ref",
    metavar="REF",
    help="Score each handoff as it was at the merge base with this git ref and report the change.",
)
@click.option("--fail-on-regression", is_flag=True, help="Fail a handoff whose score dropped since --baseline.")
@click.option(
    "--no-baseline-file",
    is_flag=True,
    help="Hold every handoff to the threshold, also those the config's baseline-file records (handoff-lint init).",
)
@click.option(
    "--summary-file",
    type=click.Path(dir_okay=False),
    help="Also append a Markdown summary table to this file (e.g. $GITHUB_STEP_SUMMARY).",
)
@click.option(
    "--shard",
    metavar="I/N",
    callback=_parse_shard,
    help="Lint only shard I of N: a stable 1/N of the files, by a hash of each path (see docs/ci.md).",
)
def check(
    paths,
    options: LintOptions,
    output_format,
    statistics,
    stdin_filename,
    output_file,
    quiet,
    color_choice,
    no_color,
    exit_zero,
    force_exclude,
    show_score,
    changed_since,
    baseline_ref,
    fail_on_regression,
    no_baseline_file,
    summary_file,
    shard,
):
    """Lint handoffs (files or folders; default: the config's paths, else docs/handoffs)."""
    from handoff_lint.output.formats import get_reporter

    if fail_on_regression and not baseline_ref:
        raise HandoffLintError("--fail-on-regression needs --baseline REF (the scores to compare with)")
    # --statistics prints counts, not annotations: only an explicit --format changes it from text.
    output_format = (output_format or "text") if statistics else _resolve_format(output_format)
    if statistics and output_format not in ("text", "json"):
        raise click.UsageError("--statistics prints text or json, not " + output_format)
    config, types = options.load()
    repo = scope = None
    if changed_since or baseline_ref:
        from handoff_lint.files.git import Repo

        repo = Repo()
    if changed_since:
        from handoff_lint.files.changed import changed_scope

        scope = changed_scope(repo, changed_since, config)
        if scope.everything:
            click.echo(f"handoff-lint: {plain(scope.everything)}: checking every handoff", err=True)
    results = _run(
        paths,
        config,
        types,
        options.type_name,
        select=scope.includes if scope else None,
        jobs=options.jobs,
        use_cache=not options.no_cache,
        quiet=quiet,
        force_exclude=force_exclude,
        shard=shard,
        stdin_filename=stdin_filename,
    )
    changed_lines = {result.path: scope.changed_lines(result.path) for result in results} if scope else None
    baselines = None
    if baseline_ref:
        from handoff_lint.engine.baseline import baselines as baselines_of

        with _naming_the_file():
            baselines = baselines_of(results, repo, baseline_ref, config, types, options.type_name, options.jobs)
    recorded = None if no_baseline_file else load_recorded(config)
    if recorded is not None and repo is not None:  # a branch may not loosen the baseline for itself
        from handoff_lint.engine.baseline_file import as_at_base

        recorded = as_at_base(recorded, repo, baseline_ref or changed_since)
    run = decide(
        results,
        config.threshold,
        changed_lines=changed_lines,
        baselines=baselines,
        ratchet=fail_on_regression,
        recorded=recorded,
    )
    color = _use_color(color_choice, no_color) and not output_file and output_format in ("text", "concise")
    if statistics:  # counts per rule instead of the findings (ruff's --statistics)
        from handoff_lint.output.formats.statistics import render_statistics

        _emit(render_statistics(run, as_json=output_format == "json"), output_file, root=config.root)
    else:
        reporter = get_reporter(output_format)(color=color, quiet=quiet, show_score=show_score)
        _emit(reporter.chunks(run), output_file, color=color or None, root=config.root)
    if summary_file:
        summary = get_reporter("markdown")(annotated=output_format == "github").render(run)
        _emit(summary, summary_file, append=True, root=config.root)
    click.get_current_context().exit(exit_code(run, exit_zero))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@lint_options
def score(files, options: LintOptions):
    """Print the Handoff Quality Score table for each file."""
    from handoff_lint.output.formats.score_table import render_score_table

    config, types = options.load()
    results = _run(files, config, types, options.type_name, jobs=options.jobs, use_cache=not options.no_cache)
    run = decide(results, config.threshold, recorded=load_recorded(config))
    for result, verdict in run:
        if result.score is None:
            reason = next((f.text for f in result.findings), "not scored")
            click.echo(f"{plain(result.path)}: not scored — {plain(reason)}")
        else:
            click.echo(render_score_table(result, verdict))
        click.echo("")
    click.get_current_context().exit(exit_code(run))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@lint_options
@click.option(
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(("html", "markdown")),
    default="html",
    show_default=True,
    help="html: one self-contained page with charts; markdown: the same overview for a job summary or wiki.",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False),
    help="Where to write (default handoff-report.html; Markdown goes to stdout).",
)
@click.option("--history", "history_spec", metavar="SPEC", help="Add the trend from git: 26w (weeks) or 300 (commits).")
@click.option("--link-base", metavar="URL", help="Link handoffs to URL/<repository path> instead of relative paths.")
@click.option("--worst", type=click.IntRange(min=1), default=20, show_default=True, help="Handoffs in the worst list.")
def report(
    paths,
    options: LintOptions,
    output_format,
    output_file,
    history_spec,
    link_base,
    worst,
):
    """Write the team report: pass rates, category heat map, worst handoffs, and the trend from git."""
    from handoff_lint.output.team_report import build

    if output_format == "html":
        from handoff_lint.output.team_report.charts import require

        require()  # before any work: without the 'report' extra, say how to install it
    span = None
    if history_spec:
        from handoff_lint.output.team_report.history import parse_span

        span = parse_span(history_spec)
    explicit = bool(output_file)
    if output_format == "html" and not output_file:
        output_file = "handoff-report.html"
    config, types = options.load()
    type_name, jobs, use_cache = options.type_name, options.jobs, not options.no_cache
    run = decide(_run(paths, config, types, type_name, jobs=jobs, use_cache=use_cache), config.threshold)
    past = None
    if span:
        from handoff_lint.output.team_report.history import history

        with _naming_the_file():
            past = history(_targets(paths, config), span, config, types, type_name, jobs, use_cache=use_cache)
        for note in past.notes:
            click.echo(f"handoff-lint: --history: {note}", err=True)
    cache_root = config.root if use_cache else None
    from handoff_lint.output.team_report.collect import receiving_team

    receivers = {name: receiving_team(handoff_type.label, name) for name, handoff_type in types.items()}
    page = build(run, output_format, output_file, past, link_base, worst, cache_root, config.root, receivers)
    # A default output lands in the working folder: that folder's repository bounds it, not the config's.
    _emit(page, output_file, explicit=explicit, root=config.root if explicit else None)
    if output_file:
        click.echo(f"handoff-lint: wrote {plain(output_file)} ({len(run)} handoffs)", err=True)


@cli.command()
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("--threshold", type=click.IntRange(0, 100), default=70, show_default=True, help="Minimum score to pass.")
@click.option("--force", is_flag=True, help="Replace an existing config and baseline file.")
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Re-record the config's baseline file: improved handoffs are held to their new score, fixed ones leave it.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (default 0: one per core).")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def init(folders, threshold, force, update_baseline, jobs, debug):
    """Start on a repository of existing handoffs: write the config and a baseline of today's failures.

    Finds the handoff folders and types (or takes FOLDERS), writes .handoff-lint.toml with README and
    index pages excluded, and records the handoffs that fail today in .handoff-lint-baseline.json:
    from then on they fail only when a change makes them worse; every other handoff, new ones
    included, must meet the threshold. Run it at the repository's top folder.
    """
    from handoff_lint.commands import init as init_command
    from handoff_lint.engine.baseline_file import BASELINE_FILE, write
    from handoff_lint.handoff_types.definitions import load_types

    root = Path(os.path.realpath(Path.cwd()))
    if update_baseline:
        _update_baseline(jobs)
        return
    existing = init_command.existing_config(root)
    baseline_path = root / BASELINE_FILE
    for path in (existing, baseline_path if baseline_path.exists() else None):
        if path is not None and not force:
            raise HandoffLintError(
                f"{os.path.relpath(path)} already exists; not overwritten (`handoff-lint init --force` replaces it, "
                "`handoff-lint init --update-baseline` re-records the baseline)"
            )
    types = load_types([])
    detected = init_command.detect(root, types, list(folders))
    click.echo(f"found {init_command.summary(detected)}")
    if detected.index_pages:
        pages = ", ".join(detected.index_pages)
        click.echo(f"excluded {len(detected.index_pages)} index page{'s'[: len(detected.index_pages) > 1]}: {pages}")
    for glob, name in detected.type_globs.items():
        click.echo(f"typed {glob} as {name} (the folder's other handoffs say so)")
    # Lint with the config before writing it: a run that stops half-way leaves neither file behind.
    text = init_command.config_text(detected, threshold)
    config = init_command.parse(text, root)
    run = decide(_run((), config, types, None, jobs=jobs, use_cache=False, quiet=True), config.threshold)
    failing = init_command.record(run, root)
    init_command.write_config(root / init_command.CONFIG_FILE, text)
    note = ""
    if existing is not None and existing.name != init_command.CONFIG_FILE:
        note = f" (it comes before {existing.name}'s [tool.handoff-lint], now unused)"
    click.echo(f"wrote {init_command.CONFIG_FILE}{note}")
    write(baseline_path, failing, threshold)
    passed = len(run) - len(failing)
    click.echo(f"linted {len(run)} handoffs: {passed} pass, {len(failing)} fail today (threshold {threshold})")
    click.echo(
        f"wrote {BASELINE_FILE}: the {len(failing)} failing handoffs pass while a change leaves them no worse; "
        f"new handoffs must meet the threshold"
    )
    click.echo(f"next: commit {init_command.CONFIG_FILE} and {BASELINE_FILE}; docs/adopting.md says what comes next")


def _update_baseline(jobs: int) -> None:
    """``init --update-baseline``: each recorded handoff re-recorded, never looser; those that pass now leave."""
    from handoff_lint.commands import init as init_command
    from handoff_lint.engine.baseline_file import load, write

    config, types = _load(None)
    recorded = load(config)
    if recorded is None:
        where = config.source or "no config file"
        raise HandoffLintError(f"{where}: no 'baseline-file' to update; `handoff-lint init` records one")
    run = decide(_run((), config, types, None, jobs=jobs, use_cache=True, quiet=True), config.threshold)
    update = init_command.update(recorded, run)
    write(recorded.path, update.entries, config.threshold)
    click.echo(
        f"wrote {recorded.name}: {len(update.entries)} handoffs ({update.left} left it, {update.tightened} held to "
        "a better score or fewer errors)"
    )
    if update.not_added:
        click.echo(
            f"{update.not_added} failing handoffs are not in the baseline and were not added: "
            "they must meet the threshold"
        )


@cli.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--output-file", "-o", type=click.Path(dir_okay=False), help="Write the merged report to a file instead of stdout."
)
def merge(reports, output_file):
    """Merge the JSON or SARIF reports of `check --shard` runs into one, files in path order."""
    from handoff_lint.engine.shard import merge_reports

    texts = []
    for name in reports:
        try:
            texts.append((name, Path(name).read_text(encoding="utf-8", errors="surrogateescape")))
        except OSError as exc:
            raise HandoffLintError(f"cannot read {name}: {exc.strerror or exc}") from None
    _kind, text = merge_reports(texts)
    _emit(text, output_file)


@cli.command(name="types")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: nearest .handoff-lint.toml or pyproject.toml).",
)
def list_types(config_path):
    """List the handoff types (built-in and the team's own)."""
    _config, types = _load(config_path)
    width = max(len(name) for name in types)
    for name, handoff_type in sorted(types.items()):
        required = sum(s.required for s in handoff_type.sections)
        label, sections = plain(handoff_type.label), len(handoff_type.sections)
        click.echo(f"{plain(name):<{width}}  {label} — {required} required sections of {sections}")


@cli.command(name="rules")
def list_rules():
    """List every rule with its code, name, default severity and summary."""
    from handoff_lint.rules import all_rules

    for rule in all_rules():
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity.value:<8} {rule.summary}")


@cli.command()
@click.argument("code")
def explain(code):
    """Explain a rule: why it exists, with a bad and a good example."""
    from handoff_lint.rules import get_rule
    from handoff_lint.rules.describe import render

    rule = get_rule(code)
    if rule is None:
        raise HandoffLintError(f"no rule '{code}'; `handoff-lint rules` lists them")
    click.echo(render(rule))


@cli.command()
@click.argument("type_name", metavar="TYPE")
@click.option("--company", required=True, help="The customer's name.")
@click.option("--from", "from_", help="Who hands over.")
@click.option("--to", help="Who receives the handoff.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write (default: <company>-<type>.md in the config's first path, else docs/handoffs).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: nearest .handoff-lint.toml or pyproject.toml).",
)
def new(type_name, company, from_, to, output, config_path):
    """Write a new handoff from the type's template (never overwrites a file)."""
    from datetime import date

    from handoff_lint.commands.new import render_new_handoff, slugify

    config, types = _load(config_path)
    if type_name not in types:
        raise click.BadParameter(f"unknown type '{type_name}'; known: {', '.join(sorted(types))}", param_hint="TYPE")
    text = render_new_handoff(types[type_name], company, from_, to, date.today())
    if output:
        target = Path(output)
    else:  # like every path in the config, the default folder is relative to the config's folder
        folder = config.root / (config.paths[0] if config.paths else "docs/handoffs")
        target = Path(os.path.relpath(folder / f"{slugify(company)}-{type_name}.md"))
    from handoff_lint.files.safe_io import open_output, output_folders

    try:
        output_folders(str(target), explicit=bool(output), root=config.root)
        with open_output(str(target), explicit=bool(output), exclusive=True, root=config.root) as handle:
            handle.write(text)
    except FileExistsError:
        raise HandoffLintError(f"{target} already exists; not overwritten (choose another path with -o)") from None
    except OSError as exc:
        raise HandoffLintError(f"cannot write {target}: {exc.strerror or exc}") from None
    click.echo(f"created {plain(str(target))} — fill in the placeholders, then run: handoff-lint {plain(str(target))}")
    click.echo("it says status: draft (scored, not held to the threshold): set status: ready when you hand it over")


# --- fix and lsp: help while writing (commands/fix.py, commands/lsp.py; issue 25) ------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: nearest .handoff-lint.toml or pyproject.toml).",
)
@click.option("--type", "type_name", metavar="TYPE", help="Fix every file as this handoff type.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff and change nothing (exit 1 if any).")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Also rewrite what the author wrote where it is unambiguous (frontmatter dates as YYYY-MM-DD).",
)
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def fix(paths, config_path, type_name, show_diff, unsafe_fixes, debug):
    """Insert a placeholder skeleton for what each handoff is missing (never changes the author's lines)."""
    from handoff_lint.commands.fix import FixRefused, fix_file, refusal, write_atomically
    from handoff_lint.engine.linter import Linter
    from handoff_lint.files.boundary import Boundary
    from handoff_lint.files.discover import discover

    config, types = _load(config_path)
    if type_name and type_name not in types:
        raise click.BadParameter(f"unknown type '{type_name}'; known: {', '.join(sorted(types))}", param_hint="--type")
    targets = _targets(paths, config)
    links = [t for t in targets if os.path.islink(t) and not os.path.isdir(t)]  # refused below, by name
    files, _excluded = discover([t for t in targets if t not in links], config.exclude, config.root)
    files += links
    linter = Linter(config, types, type_name)
    boundary = Boundary(config.root)
    refused = changed = 0
    for path in files:
        reason = refusal(path, boundary)
        try:
            if reason:
                raise FixRefused(reason)
            result = fix_file(linter, path, unsafe_fixes)
        except FixRefused as exc:
            click.echo(f"handoff-lint: {plain(path)}: {plain(str(exc))}", err=True)
            refused += 1
            continue
        if not result.changed:
            continue
        changed += 1
        if show_diff:
            click.echo(result.diff(), nl=False)
            continue
        try:
            write_atomically(path, result.fixed)
        except OSError as exc:
            raise HandoffLintError(f"cannot write {path}: {exc.strerror or exc}") from None
        click.echo(f"fixed {plain(path)}: added {plain('; '.join(result.applied))}", err=True)
    if not show_diff:
        click.echo(f"handoff-lint: {changed} of {len(files)} handoffs fixed", err=True)
    context = click.get_current_context()
    # A refused file is the file's problem, not a usage or internal error: exit 1, as check gives an unreadable file.
    context.exit(EXIT_FAILED if refused or (show_diff and changed) else EXIT_OK)


@cli.command()
@click.option("--stdio", is_flag=True, help="Talk LSP over stdin/stdout (the default and only transport).")
def lsp(stdio):
    """Run the language server (diagnostics, hover, code actions) for an editor; needs the 'lsp' extra."""
    from handoff_lint.commands.lsp import serve

    serve()


# --- end of fix and lsp -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=argv, prog_name="handoff-lint")
