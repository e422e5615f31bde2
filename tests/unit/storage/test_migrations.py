"""Every schema version upgrades to the current one with its data intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.project import Project
from annotator.storage import migrations as schema
from annotator.storage import open_database

NAMES = schema.known_names()


def test_migrations_are_numbered_in_order() -> None:
    assert NAMES == sorted(NAMES)
    assert all(name[:4].isdigit() for name in NAMES)


@pytest.mark.parametrize("version", range(len(NAMES)))
def test_upgrade_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.db"
    if version == 0:
        path.write_bytes(b"")  # an empty file is version 0
    else:
        open_database(path, stop_before=NAMES[version]).close()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        conn.close()
    project = Project.open(path, "upgrader")
    assert project.database.schema_version() == schema.current_version()
    assert project.database.integrity_ok()
    doc = project.add_document("نص بعد الترقية").created
    project.add_span(doc, 0, 2, "ACTOR")
    project.close()
    reopened = Project.open(path, "upgrader")
    assert len(reopened.spans(doc)) == 1
    reopened.close()


def test_data_written_at_the_first_version_survives_the_upgrade(tmp_path: Path) -> None:
    # Written with the first release's schema through the current code, then upgraded.
    path = tmp_path / "old.db"
    project = Project.open(path, "old")
    doc = project.add_document("الولايات المتحدة لا تدعم التطبيع").created
    span = project.add_span(doc, 0, 16, "ACTOR", attributes={"type": "state"}).created
    project.close()
    upgraded = Project.open(path, "old")
    assert upgraded.span(span).attributes == {"type": "state"}
    upgraded.close()


def test_the_names_an_open_checks_are_the_migrations() -> None:
    from annotator.storage import schema_names

    assert schema_names.NAMES == tuple(schema.known_names())
    assert schema_names.CURRENT_VERSION == schema.current_version()
    assert schema_names.MIGRATIONS_TABLE == schema.migrations.migrations_table


def test_opening_an_up_to_date_file_does_not_import_the_migrations(tmp_path: Path) -> None:
    import subprocess
    import sys

    open_database(tmp_path / "x.db").close()
    code = ("import sys; from annotator.storage import open_database; "
            f"open_database({str(tmp_path / 'x.db')!r}).close(); "
            "print('sqlite_utils' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
