"""The command line: `annotator` opens the window; subcommands script imports, exports, stats.

A thin click layer over the core. Exit status: 0 ok, 1 bad input (message on stderr naming
the file and line), 2 usage errors (click's own).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.paths import default_database_path
from annotator.seeds import open_project

DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Database file (default: the per-user database).")


def fail(message: str) -> None:
    click.echo(f"annotator: {message}", err=True)
    sys.exit(1)


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@DB_OPTION
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """Label stance, actors and claims in Arabic news.

    With no command, opens the window on the per-user database (or on --db FILE).

    \b
    Example:
        annotator --db ~/work/elections.db
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db_path
    if ctx.invoked_subcommand is None:
        # The window lives in annotator.ui, which the CLI does not import at module level:
        # scripted commands must run where Qt is not installed or has no display.
        app = importlib.import_module("annotator.ui.app")
        sys.exit(app.run(db_path))


def _db(ctx: click.Context, db_path: Path | None) -> Path:
    return db_path or ctx.obj.get("db") or default_database_path()


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.pass_context
def stats(ctx: click.Context, db_path: Path | None, as_json: bool) -> None:
    """Count documents, spans, relations and document labels.

    \b
    Example:
        annotator stats --db team.db --json
    """
    try:
        project = open_project(_db(ctx, db_path))
    except AnnotatorError as exc:
        fail(str(exc))
    try:
        counts = project.counts()
        by_status: dict[str, int] = {}
        for doc in project.documents():
            by_status[doc.status] = by_status.get(doc.status, 0) + 1
        result = {"database": str(project.path), "schema_version":
                  project.database.schema_version(), **counts, "status": by_status}
    finally:
        project.close()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            click.echo(f"{key}: {value}")
