"""Annotator: label stance, actors and claims in Arabic news, stored in one SQLite file."""

__version__ = "0.1.0"
