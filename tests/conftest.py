"""Shared fixtures: the seed article and its graph, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEED = DATA / "000_bb5079a8e0720d63.txt"
SEED_GOLD = DATA / "gold" / "000_bb5079a8e0720d63.json"


@pytest.fixture(scope="session")
def seed_result():  # type: ignore[no-untyped-def]
    import kgraph

    return kgraph.build([SEED])


@pytest.fixture(scope="session")
def seed_graph(seed_result):  # type: ignore[no-untyped-def]
    return seed_result.union()
