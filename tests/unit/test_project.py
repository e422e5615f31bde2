"""The facade: every mutation validated, one transaction, reported, undoable and redoable."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import NotFoundError, TextError, ValidationError
from annotator.project import Project
from tests.helpers.texts import FAMILY, HARD_TEXT

SEED_LIKE = ("أكد وزير الخارجية الأمريكي، أنتوني بلينكن، دعم القرار 2254 باعتباره الحل الوحيد. "
             "وأوضح أن الولايات المتحدة لا تدعم تطبيع العلاقات مع نظام الأسد.")


@pytest.fixture
def doc(project: Project) -> str:
    return project.add_document(SEED_LIKE, title="بلينكن", source="بلدي نيوز").created


def find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def snapshot(project: Project, doc: str) -> tuple:
    return (tuple(project.spans(doc)), tuple(project.relations(doc)),
            tuple(project.doc_labels(doc)), project.document(doc).status)


def test_add_document_stores_clean_text_and_metadata(project: Project) -> None:
    changes = project.add_document("\ufeffسطر\r\nثان", title="ع", source="م",
                                   url="https://x", published="2023-05-05", language="ar",
                                   meta={"k": [1, "ب"]})
    doc = project.document(changes.created)
    assert doc.text == "سطر\nثان"
    assert (doc.title, doc.source, doc.url, doc.published, doc.language) == (
        "ع", "م", "https://x", "2023-05-05", "ar")
    assert doc.meta == {"k": [1, "ب"]} and doc.status == "new" and doc.annotator == "tester"
    assert changes.documents == {changes.created}


def test_same_text_is_stored_once(project: Project, doc: str) -> None:
    again = project.add_document(SEED_LIKE.replace("\n", "\r\n"), title="other")
    assert again.empty and again.created == doc
    assert len(project.documents()) == 1


@pytest.mark.parametrize("text", ["", "  ", "a\x00b", "a\udc00"])
def test_bad_text_is_refused_and_nothing_stored(project: Project, text: str) -> None:
    with pytest.raises(TextError):
        project.add_document(text)
    assert project.documents() == []
    assert project.undo_text is None


def test_span_offsets_are_code_points_and_snapped(project: Project, doc: str) -> None:
    start, end = find(SEED_LIKE, "بلينكن")
    changes = project.add_span(doc, start - 1, end, "ACTOR", attributes={"type": "person"})
    span = project.span(changes.created)
    assert (span.start, span.end) == (start, end)
    assert span.text_in(project.document(doc).text) == "بلينكن"
    assert span.annotator == "tester" and span.created_at == span.updated_at
    assert project.document(doc).status == "in_progress"


def test_offsets_survive_emoji_and_zwj_sequences(project: Project) -> None:
    doc = project.add_document(HARD_TEXT).created
    for word in ("بلينكن", "واشنطن", "Blinken", "2254", FAMILY):
        start, end = find(HARD_TEXT, word)
        span = project.span(project.add_span(doc, start, end, "ACTOR").created)
        assert HARD_TEXT[span.start:span.end] == word


@pytest.mark.parametrize("start, end, label, attrs, message", [
    (-1, 3, "ACTOR", {}, "empty or negative"),
    (5, 5, "ACTOR", {}, "empty or negative"),
    (10, 100000, "ACTOR", {}, "past the end of the text"),
    (0, 3, "PERSON", {}, "unknown label 'PERSON'"),
    (0, 3, "ACTOR", {"type": "alien"}, "'alien' is not a choice of ACTOR.type"),
    (0, 3, "ACTOR", {"value": "neutral"}, "ACTOR has no attribute 'value'"),
])
def test_invalid_spans_are_refused_and_nothing_changes(project: Project, doc: str, start: int,
                                                       end: int, label: str, attrs: dict,
                                                       message: str) -> None:
    before = snapshot(project, doc)
    with pytest.raises(ValidationError, match=message):
        project.add_span(doc, start, end, label, attributes=attrs)
    assert snapshot(project, doc) == before


def test_the_same_span_twice_is_refused(project: Project, doc: str) -> None:
    project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "ACTOR")
    with pytest.raises(ValidationError, match="already has your ACTOR span"):
        project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "ACTOR")
    project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "CLAIM")  # another label is fine
    project.annotator = "colleague"
    project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "ACTOR")  # so is another annotator
    assert len(project.spans(doc)) == 3


def test_whitespace_only_selection_is_refused(project: Project) -> None:
    doc = project.add_document("أ     ب").created
    with pytest.raises(ValidationError, match="only whitespace"):
        project.add_span(doc, 2, 5, "ACTOR")


def test_overlapping_and_nested_spans_are_kept(project: Project, doc: str) -> None:
    a = project.add_span(doc, *find(SEED_LIKE, "الولايات المتحدة"), "ACTOR").created
    b = project.add_span(doc, *find(SEED_LIKE, "الولايات المتحدة لا تدعم تطبيع"), "STANCE").created
    c = project.add_span(doc, *find(SEED_LIKE, "المتحدة لا تدعم"), "CLAIM").created
    assert {s.id for s in project.spans(doc)} == {a, b, c}


def test_update_span_label_attributes_note_and_boundaries(project: Project, doc: str) -> None:
    start, end = find(SEED_LIKE, "أنتوني بلينكن")
    span_id = project.add_span(doc, start, end, "ACTOR", attributes={"type": "person"}).created
    project.update_span(span_id, note="وزير الخارجية")
    project.update_span(span_id, start=start + len("أنتوني "))
    span = project.span(span_id)
    assert SEED_LIKE[span.start:span.end] == "بلينكن" and span.note == "وزير الخارجية"
    project.update_span(span_id, label="CLAIM")
    assert project.span(span_id).attributes == {}  # ACTOR's type does not apply to CLAIM
    project.update_span(span_id, attributes={"certainty": "reported"})
    assert project.span(span_id).attributes == {"certainty": "reported"}
    assert project.undo_text == "Edit attributes"


def test_relations_are_validated_against_the_scheme(project: Project, doc: str) -> None:
    actor = project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "ACTOR").created
    claim = project.add_span(doc, *find(SEED_LIKE, "القرار 2254 باعتباره الحل الوحيد"),
                             "CLAIM").created
    rel = project.add_relation("SAID_BY", claim, actor).created
    assert [r.id for r in project.relations(doc)] == [rel]
    before = snapshot(project, doc)
    for args, message in [
        (("SAID_BY", actor, claim), "must start at CLAIM, not ACTOR"),
        (("HELD_BY", claim, actor), "must start at STANCE"),
        (("SAID_BY", claim, claim), "two different spans"),
        (("SAID_BY", claim, actor), "already linked"),
        (("LIKES", claim, actor), "unknown relation"),
    ]:
        with pytest.raises(ValidationError, match=message):
            project.add_relation(*args)
    with pytest.raises(NotFoundError):
        project.add_relation("SAID_BY", claim, "no-such-span")
    assert snapshot(project, doc) == before


def test_label_change_that_breaks_a_relation_is_refused(project: Project, doc: str) -> None:
    actor = project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "ACTOR").created
    claim = project.add_span(doc, *find(SEED_LIKE, "الحل الوحيد"), "CLAIM").created
    project.add_relation("SAID_BY", claim, actor)
    with pytest.raises(ValidationError, match="delete the relation first"):
        project.update_span(actor, label="STANCE")
    assert project.span(actor).label == "ACTOR"


def test_relation_across_documents_is_refused(project: Project, doc: str) -> None:
    other = project.add_document("بيان آخر من الخارجية").created
    claim = project.add_span(doc, *find(SEED_LIKE, "الحل الوحيد"), "CLAIM").created
    actor = project.add_span(other, 0, 4, "ACTOR").created
    with pytest.raises(ValidationError, match="same document"):
        project.add_relation("SAID_BY", claim, actor)


def test_delete_span_tombstones_it_and_its_relations_in_one_step(project: Project,
                                                                 doc: str) -> None:
    actor = project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "ACTOR").created
    claim = project.add_span(doc, *find(SEED_LIKE, "الحل الوحيد"), "CLAIM").created
    project.add_relation("SAID_BY", claim, actor)
    changes = project.delete_span(actor)
    assert len(changes.relations) == 1 and changes.spans == {actor}
    assert [s.id for s in project.spans(doc)] == [claim] and project.relations(doc) == []
    tombstones = project.database.conn.execute(
        "SELECT count(*) FROM spans WHERE deleted = 1").fetchone()[0]
    assert tombstones == 1
    project.undo()
    assert len(project.relations(doc)) == 1 and len(project.spans(doc)) == 2


def test_doc_labels_and_status(project: Project, doc: str) -> None:
    project.set_doc_label(doc, "stance", "rejects_normalization")
    project.set_doc_label(doc, "stance", "conditional")
    [label] = project.doc_labels(doc)
    assert (label.field, label.value, label.annotator) == ("stance", "conditional", "tester")
    with pytest.raises(ValidationError):
        project.set_doc_label(doc, "stance", "maybe")
    with pytest.raises(ValidationError):
        project.set_doc_label(doc, "mood", "x")
    project.set_doc_label(doc, "stance", None)
    assert project.doc_labels(doc) == []
    project.set_status(doc, "done")
    assert project.documents()[0].status == "done"
    with pytest.raises(ValidationError):
        project.set_status(doc, "finished")


def test_undo_and_redo_every_kind_of_action(project: Project, doc: str) -> None:
    states = [snapshot(project, doc)]
    actor = project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "ACTOR").created
    states.append(snapshot(project, doc))
    claim = project.add_span(doc, *find(SEED_LIKE, "الحل الوحيد"), "CLAIM").created
    states.append(snapshot(project, doc))
    actions = [
        lambda: project.add_relation("SAID_BY", claim, actor),
        lambda: project.update_span(actor, attributes={"type": "person"}),
        lambda: project.update_span(claim, note="ملاحظة"),
        lambda: project.update_span(claim, end=find(SEED_LIKE, "الحل")[1]),
        lambda: project.set_doc_label(doc, "relevance", "relevant"),
        lambda: project.set_status(doc, "done"),
        lambda: project.delete_span(actor),
    ]
    for action in actions:
        action()
        states.append(snapshot(project, doc))
    strip = lambda s: tuple(tuple((x.id, getattr(x, "start", None), getattr(x, "note", None),  # noqa: E731
                                   getattr(x, "attributes", None), getattr(x, "value", None))
                                  for x in part) if isinstance(part, tuple) else part
                            for part in s)
    for expected in reversed(states[:-1]):
        assert project.undo() is not None
        assert strip(snapshot(project, doc)) == strip(expected)
    assert project.undo_text == "Add document بلينكن"  # only the fixture's import is left
    for expected in states[1:]:
        project.redo()
        assert strip(snapshot(project, doc)) == strip(expected)
    assert project.redo() is None


def test_a_new_action_clears_redo(project: Project, doc: str) -> None:
    project.add_span(doc, 0, 3, "ACTOR")
    project.undo()
    assert project.redo_text == "Add ACTOR span"
    project.add_span(doc, 4, 10, "CLAIM")
    assert project.redo_text is None


def test_everything_is_there_after_reopening(db_path: Path) -> None:
    project = Project.open(db_path, "a")
    doc = project.add_document(SEED_LIKE).created
    actor = project.add_span(doc, *find(SEED_LIKE, "بلينكن"), "ACTOR").created
    claim = project.add_span(doc, *find(SEED_LIKE, "الحل الوحيد"), "CLAIM").created
    project.add_relation("SAID_BY", claim, actor)
    project.add_span(doc, 0, 3, "STANCE")
    project.undo()
    project.set_doc_label(doc, "stance", "neutral")
    expected = snapshot(project, doc)
    project.close()
    reopened = Project.open(db_path, "b")
    assert snapshot(reopened, doc) == expected
    assert reopened.database.integrity_ok()
    reopened.close()


def test_scheme_is_stored_in_the_database_and_can_change(db_path: Path) -> None:
    project = Project.open(db_path, "a")
    doc = project.add_document(SEED_LIKE).created
    span = project.add_span(doc, 0, 3, "STANCE").created
    new = project.scheme.source.replace("STANCE", "POSITION")
    project.set_scheme(new, "team.toml")
    project.close()
    reopened = Project.open(db_path, "a")
    assert reopened.scheme.label("POSITION") and not reopened.scheme.label("STANCE")
    assert reopened.span(span).label == "STANCE"  # old labels stay readable
    reopened.close()


def test_unknown_ids_raise_not_found(project: Project) -> None:
    for call in (lambda: project.document("x"), lambda: project.span("x"),
                 lambda: project.delete_span("x"), lambda: project.delete_relation("x"),
                 lambda: project.set_status("x", "done")):
        with pytest.raises(NotFoundError):
            call()


def test_records_built_from_row_values_equal_and_stay_frozen() -> None:
    import dataclasses

    from annotator.model import Span, from_values
    values = ("s", "d", 1, 5, "ACTOR", {"type": "state"}, None, "amal", "c", "u", 0)
    span = from_values(Span, values)
    assert span == Span(*values[:-1])
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]
