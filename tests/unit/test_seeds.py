"""First run: the default database starts with the seed article, parsed into its parts."""

from __future__ import annotations

from pathlib import Path

from annotator.io.scraped import parse_scraped
from annotator.paths import default_database_path
from annotator.seeds import open_project
from annotator.text import clean_text


def test_default_database_is_created_with_the_seed_and_the_scheme() -> None:
    path = default_database_path()
    assert not path.exists()
    project = open_project()
    assert project.path == path and path.exists()
    [summary] = project.documents()
    doc = project.document(summary.id)
    assert doc.title == "بلينكن: أمريكا تدعم تطبيق القرار 2254 الخاص بسوريا"
    assert doc.source == "بلدي نيوز"
    assert doc.meta["site"] == "It's Over 9000!"
    assert len(doc.meta["related"]) == 6
    assert doc.text.startswith("أكد وزير الخارجية الأمريكي، أنتوني بلينكن")
    assert doc.text.endswith("في أقرب وقت ممكن\".")
    assert "مقالات ذات صلة" not in doc.text and "It's Over 9000" not in doc.text
    assert project.undo_text is None  # seeding is not an undoable user action
    assert project.scheme.label("ACTOR")
    project.close()


def test_seeds_are_loaded_once() -> None:
    open_project().close()
    project = open_project()
    assert len(project.documents()) == 1
    project.close()


def test_an_explicit_new_file_starts_empty(tmp_path: Path) -> None:
    project = open_project(tmp_path / "team.db")
    assert project.documents() == []
    project.close()
    project = open_project(tmp_path / "demo.db", with_seeds=True)
    assert len(project.documents()) == 1
    project.close()


def test_plain_text_without_the_layout_stays_whole() -> None:
    article = parse_scraped(clean_text("سطر واحد فقط من النص.").text)
    assert article.body == "سطر واحد فقط من النص." and article.title == ""


def test_title_without_site_suffix_and_without_related_tail() -> None:
    text = "عنوان الخبر\n\nالجزيرة\n\nالفقرة الأولى من الخبر، وفيها كلام.\n\nالفقرة الثانية.\n"
    article = parse_scraped(text)
    assert (article.title, article.source) == ("عنوان الخبر", "الجزيرة")
    assert article.body == "الفقرة الأولى من الخبر، وفيها كلام.\n\nالفقرة الثانية."
    assert "related" not in article.meta
