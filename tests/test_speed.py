"""Speed work (issue 12) that must not change a byte: each shortcut against the long way."""

from __future__ import annotations

from conftest import SMALL
from rdflib.compare import isomorphic


def test_page_graph_in_a_light_store_gives_the_same_page() -> None:
    import kgraph
    from kgraph.visualize import render_html

    result = kgraph.build([SMALL])
    full, light = result.union(), result.union(store="SimpleMemory")
    assert type(light.store).__name__ == "SimpleMemory"
    assert len(light) == len(full) and isomorphic(light, full)
    assert render_html(light) == render_html(full)
