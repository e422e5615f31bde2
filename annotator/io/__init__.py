"""Importers and exporters, one module per format, working on plain records."""
