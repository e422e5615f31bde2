"""The bundle's entry point: the same `annotator` command as `pip install` gives."""

from annotator.cli import main

if __name__ == "__main__":
    main()
