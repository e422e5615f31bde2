"""The export builds records straight from row tuples: column order must match the model."""

from __future__ import annotations

from dataclasses import fields

from annotator.model import DocLabel, Relation, Span
from annotator.storage.repository import COLUMNS


def test_row_tuples_line_up_with_the_model_fields() -> None:
    for model, table in ((Span, "spans"), (Relation, "relations"), (DocLabel, "doc_labels")):
        n = len(fields(model))
        assert [f.name for f in fields(model)] == list(COLUMNS[table][:n])
        assert COLUMNS[table][n:] == ("deleted", "base", "updated_by")
