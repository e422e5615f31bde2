"""The review's commands: agreement between annotators. Registered on `annotator.cli`;
the core is imported inside the command, so that `--help` and `--version` stay fast."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli import DB_OPTION, _open, cli, fail
from annotator.errors import AnnotatorError


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise click.BadParameter("give names separated by commas")
    return names


def _f(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


@cli.command()
@DB_OPTION
@click.option("--annotators", help="Compare these (A,B,...); default: everyone but gold.")
@click.option("--labels", help="Only spans with these labels (A,B,...).")
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many documents to list by disagreements.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.pass_context
def agreement(ctx: click.Context, db_path: Path | None, annotators: str | None,
              labels: str | None, top: int, as_json: bool) -> None:
    """Agreement between annotators, over the documents each pair both annotated:
    Cohen's kappa and Krippendorff's alpha for document fields, precision, recall and F1
    per label for spans (exact and overlap matching) and per type for links, the
    documents with the most disagreements, and each annotator against gold.

    \b
    Example:
        annotator agreement --annotators amal,basel --db team.db
    """
    from annotator.review.agreement import agreement as measure

    project = _open(ctx, db_path)
    try:
        report = measure(project.database, _names(annotators), _names(labels))
    except AnnotatorError as exc:
        fail(str(exc))
    finally:
        project.close()
    if as_json:
        click.echo(report.to_json())
        return
    click.echo(f"agreement of {', '.join(report.annotators)} over {report.documents} "
               "documents annotated by at least two of them")
    if report.fields:
        click.echo("\ndocument fields: Krippendorff's alpha (nominal); Cohen's kappa by pair")
        for f in report.fields:
            pairs = "  ".join(f"{pair} {_f(k)}" for pair, k in f.kappa.items())
            click.echo(f"  {f.field:14} alpha {_f(f.alpha)} ({f.documents} documents)  {pairs}")
    _scores("spans: F1 (precision, recall), the first of a pair the reference", report.spans)
    _scores("links: F1 (precision, recall), exact", report.links)
    if report.spans:
        click.echo(f"\nmean span F1 over pairs: exact {_f(report.mean_f1('*', 'exact'))}, "
                   f"overlap {_f(report.mean_f1('*', 'overlap'))}")
    if top and report.disagreements:
        click.echo("\ndocuments with the most disagreements")
        for doc_id, title, n in report.disagreements[:top]:
            click.echo(f"  {n:5}  {doc_id}  {title}")
    _scores("against gold: F1 (precision, recall)", report.against_gold)


def _scores(title: str, scores) -> None:
    if not scores:
        return
    click.echo(f"\n{title}")
    for s in scores:
        click.echo(f"  {s.reference} / {s.prediction}  {s.what:10} {s.match:8} "
                   f"{_f(s.f1)} ({_f(s.precision)}, {_f(s.recall)})  "
                   f"{s.reference_count} vs {s.predicted_count}")
