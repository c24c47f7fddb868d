"""One exception hierarchy for kgraph, grouped by who must act.

    KgraphError                 anything kgraph reports as a one-line message
    ├── InputError              a path or file the user gave cannot be used
    ├── QueryError              a SPARQL query is malformed or not allowed
    ├── GraphFileError          a graph file cannot be read
    └── OntologyError           the ontology or shapes are broken (a bug or a bad edit)

The CLI prints ``str(error)`` on one line and exits 1; anything else is a bug and keeps
its traceback.
"""

from __future__ import annotations


class KgraphError(Exception):
    """Base of every error kgraph turns into a one-line message."""


class InputError(KgraphError):
    """A path or file given by the user cannot be used."""

    def __init__(self, path: object, why: str, fix: str = "") -> None:
        self.path = str(path)
        self.why = why
        self.fix = fix
        shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in self.path)
        message = f"{shown}: {why}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class QueryError(KgraphError):
    """A SPARQL query is malformed or asks for something not allowed."""


class GraphFileError(KgraphError):
    """A graph file cannot be read or parsed."""


class OntologyError(KgraphError):
    """The ontology or the SHACL shapes are missing or inconsistent."""
