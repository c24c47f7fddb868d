"""A build's options as one object, and the hooks a progress display listens on.

``BuildSettings`` travels from the command line (or ``kgraph.build_to``) down through the
pipeline unchanged; ``BuildHooks`` is the one object a display implements (every method
does nothing by default).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: ``(i, n)``: the i-th of n slices of a corpus, 0 <= i < n.
Shard = tuple[int, int]

#: Seconds one article may take before it is skipped, plus as many per MB of the article
#: (``KGRAPH_ARTICLE_TIMEOUT``; 0 = no limit).
DEFAULT_ARTICLE_TIMEOUT = float(os.environ.get("KGRAPH_ARTICLE_TIMEOUT", "60") or 0)


@dataclass(frozen=True)
class BuildSettings:
    """How to build: every option of ``kgraph build`` but the paths and the output folder."""

    html: bool = True  # write graph.html too
    workers: int = 1  # processes extracting in parallel (same output whatever their number)
    shard: Shard | None = None  # build only this slice of the corpus
    incremental: bool = True  # reuse and update OUT/.kgraph-cache
    merge_folders: bool = False  # the paths are build folders (shards) to merge
    store: str | None = None  # oxigraph:PATH or sparql:URL, made to mirror the build
    dask: str | None = None  # a Dask scheduler's address: extract there instead of locally
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT  # seconds per article (and per MB); 0 = no limit

    @property
    def shard_text(self) -> str:
        return f"{self.shard[0]}/{self.shard[1]}" if self.shard else ""


class BuildHooks:
    """What a progress display hears: the article count, each finished article, each later stage."""

    def on_total(self, total: int) -> None:
        """The number of articles, once known."""

    def progress(self, path: Path) -> None:
        """One article done (extracted, taken from the cache, or skipped)."""

    def on_stage(self, stage: str) -> None:
        """A stage after extraction starts: 'writing', 'store'."""
