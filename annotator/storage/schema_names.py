"""What a database file must say to be ours and current, without importing the migrations
(sqlite-utils, and with it numpy where installed, costs a command 60-200 ms): opening an
up-to-date file needs only these. tests/unit/storage/test_migrations.py keeps NAMES in
step with migrations.py."""

from __future__ import annotations

MIGRATION_SET = "annotator"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' own
APPLICATION_ID = 0x414E4E54  # "ANNT" in the file header: marks a file as ours
NAMES = ("0001_initial", "0002_merge_history", "0003_document_list_index",
         "0004_same_text_documents", "0005_search_index", "0006_by_annotator",
         "0007_documents_live", "0008_review")
CURRENT_VERSION = len(NAMES)
