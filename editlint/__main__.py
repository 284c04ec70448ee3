"""``python -m editlint`` runs the command line."""

from .cli import main

raise SystemExit(main())
