"""kgraph's version: a leaf, so the cache can read it without importing the package's API."""

__version__ = "0.1.0"
