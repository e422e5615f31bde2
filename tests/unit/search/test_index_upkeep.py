"""The corpus index follows every write in the same transaction: it is consistent after an
import, a merge, a deletion, an undo, a failed write and an upgrade (which rebuilds it by
itself, with progress). Consistent means: it holds every document once, and asking it gives
the same documents as an index built afresh from the stored texts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.io.importer import ImportOptions, import_paths
from annotator.project import Project
from annotator.search.corpus import ensure_index, has_index, search
from annotator.search.folding import fold_for_index
from annotator.seeds import open_project
from annotator.storage import search_index

TERMS = ["بلينكن", "الولايات", "المتحده", "2254", "زيلينسكي", "بيدرسن", "دمشق", "غزه"]


def assert_consistent(project: Project) -> None:
    conn = project.database.conn
    assert search_index.exists(conn)
    rowids = [r[0] for r in conn.execute("SELECT rowid FROM documents ORDER BY rowid")]
    assert [r[0] for r in conn.execute(f"SELECT rowid FROM {search_index.TABLE} "
                                       "ORDER BY rowid")] == rowids
    conn.execute("CREATE VIRTUAL TABLE temp.fresh USING fts5(folded, "
                 "tokenize='unicode61 remove_diacritics 0')")
    try:
        for rowid, text in conn.execute("SELECT rowid, text FROM documents").fetchall():
            conn.execute("INSERT INTO temp.fresh (rowid, folded) VALUES (?, ?)",
                         [rowid, fold_for_index(text)])
        for term in TERMS:
            ours = conn.execute(f"SELECT rowid FROM {search_index.TABLE} WHERE "
                                f"{search_index.TABLE} MATCH ? ORDER BY rowid", [term])
            fresh = conn.execute("SELECT rowid FROM temp.fresh WHERE fresh MATCH ? "
                                 "ORDER BY rowid", [term])
            assert ours.fetchall() == fresh.fetchall(), term
    finally:
        conn.execute("DROP TABLE temp.fresh")


def found(project: Project, query: str) -> set[str]:
    return {hit.doc_id for hit in search(project.database, query).hits}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = open_project(tmp_path / "work.db", "amal", with_seeds=True)
    yield p
    p.close()


def test_a_new_database_is_indexed_as_it_is_written(project: Project) -> None:
    assert_consistent(project)  # the seed, indexed in the transaction that stored it
    doc = project.add_document("قال زيلينسكي إن الهدنة انتهت", title="new").created
    assert_consistent(project)
    assert found(project, "زيلينسكي") == {doc}


def test_an_import_is_indexed_in_its_own_transaction(project: Project, tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "وصل بيدرسن إلى دمشق"}\n{"text": "غزة تحت القصف"}\n',
                    encoding="utf-8")
    import_paths(project, [data], ImportOptions())
    assert_consistent(project)
    assert len(found(project, "بيدرسن")) == 1


def test_a_failed_import_leaves_documents_and_index_as_they_were(
        project: Project, tmp_path: Path) -> None:
    data = tmp_path / "broken.jsonl"
    data.write_text('{"text": "وصل بيدرسن إلى دمشق"}\n{"text": \n', encoding="utf-8")
    with pytest.raises(AnnotatorError):
        import_paths(project, [data], ImportOptions())
    assert_consistent(project)
    assert found(project, "بيدرسن") == set()


def test_a_merge_and_its_deletions(project: Project, tmp_path: Path) -> None:
    other = open_project(tmp_path / "basel.db", "basel", with_seeds=True)
    doc = other.add_document("وصل المبعوث غير بيدرسن إلى دمشق", title="basel's").created
    other.close()
    project.merge_database(tmp_path / "basel.db")
    assert_consistent(project)
    assert found(project, "بيدرسن") == {doc}
    other = Project.open(tmp_path / "basel.db", "basel")
    other.add_document("بيدرسن مرة أخرى", title="gone")
    other.undo()  # a deleted document travels as a tombstone
    other.close()
    project.merge_database(tmp_path / "basel.db")
    assert_consistent(project)
    assert found(project, "بيدرسن") == {doc}


def test_undo_and_redo(project: Project) -> None:
    doc = project.add_document("قال زيلينسكي إن الهدنة انتهت", title="new").created
    project.undo()
    assert_consistent(project)
    assert found(project, "زيلينسكي") == set()
    project.redo()
    assert_consistent(project)
    assert found(project, "زيلينسكي") == {doc}


def as_before_the_index(path: Path) -> None:
    """Turn a database back into what version 4 left: documents and no index."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE doc_search")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_search_index'")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


def old_database(path: Path, articles: int) -> Project:
    """A database as version 4 left it (the seed and `articles` more, no index), opened."""
    p = open_project(path, "amal", with_seeds=True)
    for n in range(articles):
        p.add_document(f"الخبر رقم {n} عن غزة", title=str(n))
    p.close()
    as_before_the_index(path)
    return Project.open(path, "amal")


def test_an_upgrade_builds_the_index_with_progress(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    p = old_database(path, 30)
    assert not has_index(p.database)
    p.add_document("زيلينسكي بعد الترقية")  # a write before the build indexes nothing
    assert not has_index(p.database)
    seen: list[tuple[int, int]] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("annotator.search.corpus.BATCH", 10)
        assert ensure_index(p.database, lambda done, total: seen.append((done, total)))
    assert seen == [(10, 32), (20, 32), (30, 32), (32, 32)]
    assert_consistent(p)
    assert len(found(p, "غزه")) == 30
    p.close()


def test_a_cancelled_build_resumes_and_searches_meanwhile_read_every_article(
        tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    p = old_database(path, 25)

    def stop(done: int, _total: int) -> None:
        if done >= 10:
            raise KeyboardInterrupt

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("annotator.search.corpus.BATCH", 10)
        with pytest.raises(KeyboardInterrupt):
            ensure_index(p.database, stop)
        assert not has_index(p.database)
        late = p.add_document("غزة بعد الإلغاء").created  # not followed: the build is staged
        with p.database.snapshot() as conn:
            assert search_index.to_build(conn) == 17
        seen: list[tuple[int, int]] = []
        assert ensure_index(p.database, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (17, 17)
    assert_consistent(p)
    assert late in found(p, "غزه") and len(found(p, "غزه")) == 26
    p.close()


def test_a_search_without_the_write_lock_reads_every_article(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    p = open_project(path, "amal", with_seeds=True)
    doc = p.add_document("زيلينسكي قبل الترقية").created
    p.close()
    as_before_the_index(path)
    p = Project.open(path, "amal")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert found(p, "زيلينسكي") == {doc}
        assert not has_index(p.database)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert found(p, "زيلينسكي") == {doc}
    assert has_index(p.database)
    p.close()


def test_labels_are_saved_between_the_steps_of_a_build(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    p = old_database(path, 25)
    other = Project.open(path, "basel")
    other.database.set_busy_timeout(0.05)  # a label must not wait for the whole build
    doc = other.documents()[3].id
    saved: list[str] = []

    def label_meanwhile(done: int, _total: int) -> None:
        k = len(saved)
        saved.append(other.add_span(doc, k, k + 3, "ACTOR").created)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("annotator.search.corpus.BATCH", 10)
        assert ensure_index(p.database, label_meanwhile)
    assert len(saved) == 3 and all(other.span(s) for s in saved)
    assert_consistent(p)
    other.close()
    p.close()
