"""The only package that contains SQL: connection setup, migrations and row access."""

from annotator.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
