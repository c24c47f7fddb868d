"""``python -m kgraph``."""

from .cli import run

run()
