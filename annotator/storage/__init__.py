"""The only package that contains SQL: connection setup, migrations and row access."""

from annotator.storage.database import Database, copy_for_reading, open_database

__all__ = ["Database", "copy_for_reading", "open_database"]
