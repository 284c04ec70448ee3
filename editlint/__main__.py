"""``python -m editlint`` runs the command line."""

from .cli import main

if __name__ == "__main__":  # not when a worker process imports the main module (--jobs)
    raise SystemExit(main())
