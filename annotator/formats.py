"""The names of the file formats, kept apart so that the command line can list them
without importing the readers and writers."""

IMPORT_FORMATS = ("auto", "txt", "jsonl", "csv", "doccano", "labelstudio", "brat")
EXPORT_FORMATS = ("jsonl", "csv", "xlsx", "doccano", "labelstudio", "brat", "conll")
