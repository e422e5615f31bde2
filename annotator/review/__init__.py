"""Bringing in colleagues' work: merging databases and files record by record."""
