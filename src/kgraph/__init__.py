"""kgraph: knowledge graphs from Vietnamese political and administrative news."""

from __future__ import annotations

from .api import Report, build_to, query
from .errors import GraphFileError, InputError, KgraphError, OntologyError, QueryError
from .pipeline import BuildResult, build
from .store import load_graph

__all__ = [
    "BuildResult",
    "GraphFileError",
    "InputError",
    "KgraphError",
    "OntologyError",
    "QueryError",
    "Report",
    "__version__",
    "build",
    "build_to",
    "load_graph",
    "query",
]
__version__ = "0.1.0"
