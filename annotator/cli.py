"""The command line: `annotator` opens the window; subcommands script imports, exports, stats.

A thin click layer over the core. Exit status: 0 ok, 1 bad input (message on stderr naming
the file and line), 2 usage errors (click's own).

Only click and the format names are imported here: `--version` and `--help` answer without
loading the core, and each command imports what it uses when it runs.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.formats import EXPORT_FORMATS, IMPORT_FORMATS

if TYPE_CHECKING:
    from annotator.project import Project

T = TypeVar("T")

DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Database file (default: the per-user database).")


def fail(message: str) -> None:
    click.echo(f"annotator: {message}", err=True)
    sys.exit(1)


def main(args: list[str] | None = None) -> None:
    """The `annotator` command. A bug never shows a traceback: one line names it and the
    log file that holds the details."""
    try:
        cli.main(args=args, prog_name="annotator", standalone_mode=True)
    except Exception as exc:  # a bug: known failures are AnnotatorErrors, handled inside
        from annotator.crash_log import record, summary

        path, _ = record(type(exc), exc, exc.__traceback__, "command line")
        where = f"; details are in {path}" if path else ""
        click.echo(f"annotator: unexpected error ({summary(exc)}){where}. "
                   "Nothing was half-written; please report it.", err=True)
        sys.exit(1)


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@DB_OPTION
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """Label stance, actors and claims in Arabic news.

    With no command, opens the window on the per-user database (or on --db FILE).

    \b
    Example:
        annotator --db ~/work/elections.db
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db_path
    if ctx.invoked_subcommand is None:
        from annotator.desktop_check import window_problem

        problem = window_problem()
        if problem is not None:  # said plainly, before Qt aborts with its own message
            fail(problem)
        # The window lives in annotator.ui, which the CLI does not import at module level:
        # scripted commands must run where Qt is not installed or has no display.
        app = importlib.import_module("annotator.ui.app")
        sys.exit(app.run(db_path))


def _db(ctx: click.Context, db_path: Path | None) -> Path:
    from annotator.paths import default_database_path

    return db_path or ctx.obj.get("db") or default_database_path()


@cli.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.pass_context
def stats(ctx: click.Context, db_path: Path | None, as_json: bool) -> None:
    """Count documents, spans, relations and document labels, and documents by status.

    Reads only: a database that does not exist is an error, not a new file.

    \b
    Example:
        annotator stats --db team.db --json
    """
    from annotator.storage import document_list, open_database
    from annotator.storage import repository as repo

    path = _db(ctx, db_path)
    if not path.exists():
        fail(f"{path}: no such database (`annotator import` or `annotator merge` makes one)")
    try:
        db = open_database(path)
    except AnnotatorError as exc:
        fail(str(exc))
    try:
        result = {"database": str(path), "schema_version": db.schema_version(),
                  **repo.counts(db.conn), "status": document_list.status_counts(db.conn)}
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            if isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
            click.echo(f"{key}: {value}")


def found_options(noun: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The options `search` and `spans` share: how many, how words match, JSON."""
    def add(command: Callable[..., None]) -> Callable[..., None]:
        for option in reversed((
                click.option("--limit", type=click.IntRange(min=1), default=50,
                             show_default=True, help=f"How many {noun} to print."),
                click.option("--prefixes", is_flag=True, help="Also match words with an "
                             "attached و ف ب ك ل ال (وبالولايات)."),
                click.option("--strict-ta-marbuta", is_flag=True, help="ة does not match ه."),
                click.option("--json", "as_json", is_flag=True,
                             help="Print one JSON document."))):
            command = option(command)
        return command
    return add


@cli.command()
@click.argument("query")
@DB_OPTION
@click.option("--label", help="Only hits inside a span with this label.")
@found_options("hits")
@click.pass_context
def search(ctx: click.Context, query: str, db_path: Path | None, label: str | None,
           limit: int, prefixes: bool, strict_ta_marbuta: bool, as_json: bool) -> None:
    """Find QUERY in every article, whatever its spelling: harakat, tatweel, hamza seats,
    ى and ي, ة and ه, Eastern digits. Words must all be found; "a phrase" in quotes;
    -word excludes. Offsets are code points of the stored text.

    \b
    Example:
        annotator search '"الولايات المتحدة" -روسيا' --prefixes --db team.db
    """
    from annotator.search.corpus import search as run_search
    from annotator.search.folding import FoldOptions

    project = _open(ctx, db_path)
    try:
        options = FoldOptions(ta_marbuta=not strict_ta_marbuta, prefixes=prefixes)
        _build_index(project)
        result = run_search(project.database, query, options, label=label, limit=limit)
    except AnnotatorError as exc:
        fail(str(exc))
    finally:
        project.close()
    _print_found(result, "hits", as_json, ("doc_id", "title", "published", "start", "end",
                                           "text", "snippet"),
                 lambda h: f"{h.doc_id}\t{h.title}\t{h.start}-{h.end}\t{h.snippet}")


def _print_found(result, noun: str, as_json: bool, fields: tuple[str, ...], line) -> None:
    """A search's results: one JSON document, or a line each and a count on stderr."""
    if as_json:
        click.echo(json.dumps({"documents": result.documents, "truncated": result.truncated,
                               noun: [{f: getattr(h, f) for f in fields}
                                      for h in result.hits]}, ensure_ascii=False))
        return
    for h in result.hits:
        click.echo(line(h))
    more = " (more not shown: raise --limit)" if result.truncated else ""
    click.echo(f"{len(result.hits)} {noun} in {result.documents} documents{more}", err=True)


def _build_index(project) -> None:
    """A database from an older version gets its search index once, with a counter."""
    from annotator.search.corpus import ensure_index, has_index

    if has_index(project.database):
        return
    click.echo("building the search index (once, after an upgrade)…", err=True)
    progress = _Progress("indexed")
    ensure_index(project.database, lambda done, total: progress(
        done, f"of {total:,}") if done % 1000 == 0 else None)
    progress.done()


@cli.command()
@DB_OPTION
@click.option("--label", help="Spans with this label.")
@click.option("--attr", "attr", metavar="[ATTRIBUTE=]VALUE",
              help="Spans with this attribute value (of any attribute, or of ATTRIBUTE).")
@click.option("--annotator", help="Spans by this annotator.")
@click.option("--status", type=click.Choice(["new", "in_progress", "done"]),
              help="Spans in documents with this status.")
@click.option("--text", default="", help="The span's own text matches this query.")
@click.option("--link-type", help="Linked (either way) by a link of this type…")
@click.option("--linked-label", help="…to a span with this label…")
@click.option("--linked-text", default="", help="…whose text matches this query.")
@click.option("--in", "documents", default="", metavar="QUERY",
              help="Only in documents that match this text query.")
@found_options("spans")
@click.pass_context
def spans(ctx: click.Context, db_path: Path | None, label: str | None, attr: str | None,
          annotator: str | None, status: str | None, text: str, link_type: str | None,
          linked_label: str | None, linked_text: str, documents: str, limit: int,
          prefixes: bool, strict_ta_marbuta: bool, as_json: bool) -> None:
    """Find annotations: spans by label, attribute value, annotator, document status, their
    own text and their links, in documents that match a text query. Texts match as in
    `annotator search`. Offsets are code points of the stored text.

    \b
    Example: every stance rejecting normalization held by the United States
        annotator spans --label STANCE --attr value=rejects_normalization \\
            --link-type HELD_BY --linked-label ACTOR --linked-text 'الولايات المتحدة'
    """
    from annotator.search.annotations import AnnotationQuery, search_spans
    from annotator.search.folding import FoldOptions

    attribute, equals, value = (attr or "").partition("=")  # a value may hold "=" itself
    if not equals:
        attribute, value = "", attribute
    query = AnnotationQuery(label=label, attribute=attribute or None, value=value or None,
                            annotator=annotator, status=status, text=text,
                            link_type=link_type, linked_label=linked_label,
                            linked_text=linked_text, documents=documents)
    project = _open(ctx, db_path)
    try:
        options = FoldOptions(ta_marbuta=not strict_ta_marbuta, prefixes=prefixes)
        if documents.strip():
            _build_index(project)
        result = search_spans(project.database, query, options, limit=limit)
    except AnnotatorError as exc:
        fail(str(exc))
    finally:
        project.close()
    _print_found(result, "spans", as_json, (
        "span_id", "doc_id", "title", "published", "start", "end", "label", "attributes",
        "annotator", "text", "snippet"), lambda h: f"{h.doc_id}\t{h.title}\t{h.start}-"
                 f"{h.end}\t{h.label}\t{h.annotator}\t{h.snippet}")


class _Progress:
    """A counter on stderr while a terminal watches; silent when output is piped."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.active = sys.stderr.isatty()

    def __call__(self, count: int, name: str = "") -> None:
        if self.active and count % 200 == 0:
            click.echo(f"\r{self.verb} {count:,} documents {name}"[:120], err=True, nl=False)

    def done(self) -> None:
        if self.active:
            click.echo("\r\033[K", err=True, nl=False)


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=False, path_type=Path))
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), default="auto",
              show_default=True, help="Format of the files; auto looks at names and content.")
@click.option("--annotator", help="Who made the labels in the files, where they do not say.")
@click.option("--encoding", default="auto", show_default=True,
              help="Text encoding (auto tries UTF-8, UTF-16 with BOM, Windows-1256, "
                   "ISO-8859-6).")
@click.option("--text-column", help="CSV/TSV: the column holding the text.")
@click.option("--add-labels", is_flag=True,
              help="Add labels, attributes and link types the files use to the scheme "
                   "instead of refusing them.")
@click.option("--doccano-offsets", type=click.Choice(["utf16", "codepoints"]), default="utf16",
              show_default=True, help="How the doccano file counts offsets (its web UI: utf16).")
@click.option("--title-column", help="CSV/TSV: the column of the titles (\"\" for none).")
@click.option("--id-column", help="CSV/TSV: the column of the document ids.")
@click.option("--source-column", help="CSV/TSV: the column of the outlets.")
@click.option("--date-column", help="CSV/TSV: the column of the publication dates.")
@click.option("--source-from-folder", is_flag=True,
              help="txt: an article that names no outlet takes its folder's name as source.")
@click.option("--keep-duplicates", is_flag=True,
              help="A row that repeats an earlier row's text with other values becomes a "
                   "document of its own (by default its labels merge into the first).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON document.")
@click.pass_context
def import_(ctx: click.Context, paths: tuple[Path, ...], db_path: Path | None, fmt: str,
            annotator: str | None, encoding: str, text_column: str | None, add_labels: bool,
            doccano_offsets: str, title_column: str | None, id_column: str | None,
            source_column: str | None, date_column: str | None, source_from_folder: bool,
            keep_duplicates: bool, as_json: bool) -> None:
    """Import articles, and the labels other tools made on them.

    Formats: txt (a file or folder of scraped articles), jsonl (this tool's export, or
    records with a "text" field), csv/tsv, doccano, labelstudio, brat. Each file is
    imported whole or not at all; the labels of an article already in the database are
    merged into it (as `annotator merge` does), never dropped.

    \b
    Example:
        annotator import articles/ --db team.db
        annotator import export.jsonl --format doccano --annotator salma --add-labels
    """
    from annotator.io import importer

    roles = {role: name for role, name in (("title", title_column), ("id", id_column),
                                           ("source", source_column), ("date", date_column))
             if name is not None}
    options = importer.ImportOptions(fmt, encoding, annotator, add_labels, text_column,
                                     doccano_offsets, keep_duplicates, source_from_folder,
                                     roles or None)
    report = _run(ctx, db_path, "imported", lambda project, tick: importer.import_paths(
        project, list(paths), options, progress=lambda name, n: tick(n, name)), create=True)
    if as_json:
        click.echo(json.dumps(report.__dict__, ensure_ascii=False))
        return
    click.echo(f"imported {report.documents} documents ({report.spans} spans, "
               f"{report.relations} links, {report.doc_labels} document labels)")
    if report.merged is not None:
        click.echo(f"merged into {report.duplicates} documents already in the database:")
        for line in report.merged.lines(limit=20):
            click.echo(f"  {line}")
    if report.scheme_additions:
        click.echo(f"added to the scheme: {', '.join(sorted(set(report.scheme_additions)))}")


@cli.command()
@click.argument("other", type=click.Path(exists=False, path_type=Path))
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON document.")
@click.pass_context
def merge(ctx: click.Context, other: Path, db_path: Path | None, as_json: bool) -> None:
    """Merge a colleague's work: their database, or their native JSONL export.

    Documents match by id, else by text; every label, link, document label and status
    matches by its id and keeps its author and times. Merging the same file twice changes
    nothing; deletions travel; where both sides edited the same record the later edit
    wins and the report lists the conflict (the other version stays in the record's
    history). OTHER is only read. All or nothing.

    \b
    Example:
        annotator merge ~/exchange/salma.db --db team.db
        annotator merge salma-export.jsonl --json
    """
    from annotator.io.merging import merge_path

    report = _run(ctx, db_path, "merged", lambda project, tick: merge_path(project, other,
                                                                             progress=tick),
                  create=True)
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False))
        return
    click.echo(f"merged {other}")
    for line in report.lines(limit=20):
        click.echo(f"  {line}")


@cli.command()
@DB_OPTION
@click.option("--limit", type=int, default=50, show_default=True, help="How many to list.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.pass_context
def conflicts(ctx: click.Context, db_path: Path | None, limit: int, as_json: bool) -> None:
    """List the versions that lost a merge conflict, newest first, with the number that
    `annotator restore` takes to bring one back.

    \b
    Example:
        annotator conflicts --db team.db
    """
    project = _open(ctx, db_path)
    try:
        lost = project.conflicts(limit)
    finally:
        project.close()
    if as_json:
        click.echo(json.dumps(lost, ensure_ascii=False))
        return
    if not lost:
        click.echo("no merge conflicts")
    for entry in lost:
        row = entry["row"]
        who = row.get("updated_by") or row.get("annotator")
        what = {k: row[k] for k in ("label", "type", "field", "value", "note", "status",
                                    "attributes", "deleted") if k in row}
        click.echo(f"{entry['seq']}: {entry['tbl'][:-1]} {entry['record_id']} by {who} "
                   f"({row['updated_at'][:19]}), merged from {entry['source']}: "
                   f"{json.dumps(what, ensure_ascii=False)}")


@cli.command()
@click.argument("number", type=int)
@DB_OPTION
@click.option("--annotator", help="Who restores it (default: you).")
@click.pass_context
def restore(ctx: click.Context, number: int, db_path: Path | None,
            annotator: str | None) -> None:
    """Bring back an earlier version of a record, by its number in `annotator conflicts`.

    \b
    Example:
        annotator restore 42 --db team.db
    """
    project = _open(ctx, db_path)
    if annotator:
        project.annotator = annotator
    try:
        changes = project.restore_version(number)
    except AnnotatorError as exc:
        fail(str(exc))
    finally:
        project.close()
    click.echo(f"restored version {number} ({changes.description.lower()})")


def _split(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise click.BadParameter("write three fractions, e.g. 0.8,0.1,0.1") from None
    if len(parts) != 3 or any(p < 0 for p in parts) or abs(sum(parts) - 1) > 1e-6:
        raise click.BadParameter("three fractions that add up to 1, e.g. 0.8,0.1,0.1")
    return parts  # type: ignore[return-value]


@cli.command(name="export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="The file to write (a folder for brat, or with --split).")
@DB_OPTION
@click.option("--annotator", help="Only this annotator's labels.")
@click.option("--status", "statuses", multiple=True,
              type=click.Choice(["new", "in_progress", "done"]),
              help="Only documents with this status (repeat for several).")
@click.option("--labels", help="Only these span labels, comma-separated.")
@click.option("--split", "split", help="Train/dev/test fractions by document, e.g. 0.8,0.1,0.1.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the split: the same seed gives the same split.")
@click.option("--doccano-offsets", type=click.Choice(["utf16", "codepoints"]), default="utf16",
              show_default=True, help="doccano's web UI places spans by UTF-16 offsets.")
@click.option("--doccano-overlaps", type=click.Choice(["keep", "drop-nested", "split-documents"]),
              default="keep", show_default=True,
              help="Overlapping spans for doccano: keep them (its project needs \"Allow "
                   "overlapping entity\"), drop the nested ones, or one line per layer.")
@click.option("--table", type=click.Choice(["spans", "links", "documents"]), default="spans",
              show_default=True, help="csv: which table (xlsx holds all three).")
@click.option("--lang", type=click.Choice(["en", "ar"]), default="en", show_default=True,
              help="csv, xlsx: the language of label, value and column names.")
@click.option("--gold", is_flag=True,
              help="The reviewer's gold layer, of the adjudicated documents only.")
@click.option("--include-unadjudicated", is_flag=True,
              help="With --gold: also the documents not yet fully adjudicated.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON document.")
@click.pass_context
def export_(ctx: click.Context, fmt: str, out: Path, db_path: Path | None,
            annotator: str | None, statuses: tuple[str, ...], labels: str | None,
            split: str | None, seed: int, doccano_offsets: str, doccano_overlaps: str,
            table: str, lang: str, gold: bool, include_unadjudicated: bool,
            as_json: bool) -> None:
    """Export documents and labels as training data or spreadsheets.

    Formats: jsonl (this tool's own, complete), csv (one table: spans, links or documents,
    safe to open in Excel), xlsx (a workbook with the three), doccano, labelstudio, brat (a
    folder), conll (BIO tags). Every span is checked against its text first; a failed
    export writes nothing.

    \b
    Example:
        annotator export --format jsonl --out stance.jsonl --status done
        annotator export --format conll --out sets/ --split 0.8,0.1,0.1 --seed 7
        annotator export --format doccano --out gold.jsonl --gold
    """
    from annotator.io import exporter

    if gold and annotator:
        raise click.UsageError("--gold exports the gold layer; leave out --annotator")
    if include_unadjudicated and not gold:
        raise click.UsageError("--include-unadjudicated goes with --gold")
    options = exporter.ExportOptions(
        fmt, out, list(statuses) or None, annotator,
        [x.strip() for x in labels.split(",") if x.strip()] if labels else None,
        _split(split), seed, doccano_offsets, doccano_overlaps, table, lang, gold,
        include_unadjudicated)
    report = _run(ctx, db_path, "exported",
                  lambda project, tick: exporter.export(project, options, progress=tick))
    if as_json:
        click.echo(json.dumps(report.__dict__, ensure_ascii=False))
        return
    click.echo(f"exported {report.documents} documents ({report.spans} spans, "
               f"{report.relations} links) to {', '.join(report.files)}")


def _run(ctx: click.Context, db_path: Path | None, verb: str,
         task: Callable[[Project, _Progress], T], *, create: bool = False) -> T:
    """Open the database, run a long task with a terminal counter, close; a bad-input
    failure exits 1 with its message, and warnings go to stderr."""
    project = _open(ctx, db_path, create=create)
    progress = _Progress(verb)
    try:
        result = task(project, progress)
    except AnnotatorError as exc:
        progress.done()
        fail(str(exc))
    finally:
        project.close()
    progress.done()
    for warning in getattr(result, "warnings", []):
        click.echo(f"annotator: warning: {warning}", err=True)
    return result


def _open(ctx: click.Context, db_path: Path | None, *, create: bool = False) -> Project:
    """Open the database; only the commands that create one (import, merge) may find
    none, every other refuses a missing file rather than make an empty one."""
    from annotator.seeds import open_project

    path = _db(ctx, db_path)
    if not create and not path.exists():
        fail(f"{path}: no such database (`annotator import` or `annotator merge` makes one)")
    try:
        return open_project(path)
    except AnnotatorError as exc:
        fail(str(exc))


# The review's commands live in their own module and register themselves on `cli`.
from annotator import cli_review  # noqa: E402, F401
