"""kgraph: knowledge graphs from Vietnamese political and administrative news.

The public names are imported on first use (PEP 562), so ``kgraph`` commands that need
only part of the package do not pay for loading all of it (rdflib's SPARQL engine alone
takes 0.1 s).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import GraphFileError, InputError, KgraphError, OntologyError, QueryError
from .version import __version__

if TYPE_CHECKING:
    from .api import Report, build_to, query
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

_LAZY = {
    "BuildResult": "pipeline",
    "build": "pipeline",
    "Report": "api",
    "build_to": "api",
    "query": "api",
    "load_graph": "store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
