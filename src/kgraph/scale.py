"""Scale-out on an existing engine: the articles to extract run as Dask tasks.

``kgraph build … --dask ADDRESS`` splits the articles into shards (contiguous slices of the
sorted list), submits one task per shard to the Dask scheduler at ``ADDRESS``
(``tcp://host:8786``), and merges the shards' outputs in order, so the output files are
byte-identical to a local build. The workers read the articles by path: they must see the
same files at the same paths (a shared filesystem). Needs ``pip install 'kgraph[dask]'``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .errors import InputError

#: Shards per Dask worker thread: enough to balance uneven articles, few enough to stay cheap.
SHARDS_PER_THREAD = 4


def _client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--dask", "needs Dask", "pip install 'kgraph[dask]'") from None
    try:
        return Client(address, timeout=3, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(
            address, f"no Dask scheduler answers ({error})", "start one: dask scheduler"
        ) from None


def run_on_dask(
    sources: list[str], address: str, task: Callable[[list[str], float], list[Any]], time_limit: float
) -> Iterator[Any]:
    """``task(shard, time_limit)`` over the shards of ``sources`` as Dask tasks at ``address``;
    their outputs, in order."""
    if not sources:
        return
    client = _client(address)
    try:
        threads = max(1, sum(client.nthreads().values()))
        size = max(1, -(-len(sources) // (threads * SHARDS_PER_THREAD)))
        shards = [sources[i : i + size] for i in range(0, len(sources), size)]
        futures = client.map(task, shards, time_limit=time_limit, pure=False)
        for future in futures:
            yield from future.result()
    finally:
        client.close()
