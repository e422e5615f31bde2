"""The Document tab shows what the file said about the document; the language is guessed
by script when the file does not say; an archive's folders can name the sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.project import Project
from annotator.text import language_by_script
from tests.helpers.cli import run

pytestmark = pytest.mark.qt


def test_the_document_tab_shows_every_field_and_the_url_opens(open_window, qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    source = tmp_path / "posts.jsonl"
    source.write_text(json.dumps({
        "text": "שלום, זה פוסט בעברית על המצב", "title": "פוסט", "url": "https://example.org/p/1",
        "published": "2024-01-05", "English MT": "Hello, this is a post in Hebrew",
        "Bias": "Unbiased"}, ensure_ascii=False) + "\n", encoding="utf-8")
    window = open_window()
    assert run("import", source, "--db", window.project.path)[0] == 0
    window.refresh_from_file()
    doc = next(d for d in window.project.documents() if d.title == "פוסט")
    window.documents.choose(doc.id)
    shown = {name: label.text() for name, label in window.document_info.values.items()}
    assert shown["English MT"] == "Hello, this is a post in Hebrew"
    assert shown["Bias"] == "Unbiased" and shown["Published"] == "2024-01-05"
    assert shown["Language"] == "עברית"  # guessed by script: the file did not say
    url = window.document_info.values["URL"]
    assert url.openExternalLinks() and "https://example.org/p/1" in url.text()


@pytest.mark.parametrize("text, tag", [("قال الوزير", "ar"), ("שלום לכולם", "he"),
                                       ("The minister said", "und-Latn"), ("2254 😀", "")])
def test_language_by_script(text: str, tag: str) -> None:
    assert language_by_script(text) == tag


def test_sources_from_folder_names(tmp_path: Path) -> None:
    for outlet in ("aljazeera", "bbc"):
        (tmp_path / "archive" / outlet).mkdir(parents=True)
        (tmp_path / "archive" / outlet / "a.txt").write_text(
            f"خبر من {outlet} عن الاجتماع اليوم في المدينة", encoding="utf-8")
    db = tmp_path / "a.db"
    assert run("import", tmp_path / "archive", "--db", db, "--source-from-folder")[0] == 0
    project = Project.open(db, "x")
    assert sorted(d.source for d in project.documents()) == ["aljazeera", "bbc"]
    assert {project.document(d.id).language for d in project.documents()} == {"ar"}
    project.close()
