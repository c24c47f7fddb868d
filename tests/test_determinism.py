"""Same input, same bytes: a build and its pages do not depend on Python's hash seed.

Set and dict orders of strings change with ``PYTHONHASHSEED``; each run below is a fresh
process with its own seed, on three small articles of our own that name the same people
with their posts written in different cases (``Phó Chủ tịch`` / ``Phó chủ tịch``): one
membership node then carries several ``kg:postTitle`` spellings in the union graph.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF

from kgraph.namespaces import KG, ORG, RES

ARTICLES = Path(__file__).parent / "data" / "determinism"
SEEDS = ("1", "2", "3")


def _kgraph(seed: str, *args: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "kgraph", *args, "-q"], env=env, check=True)


def _outputs(tmp_path: Path, seed: str) -> dict[str, bytes]:
    out = tmp_path / f"seed{seed}"
    _kgraph(seed, "build", str(ARTICLES), "--out", str(out), "--no-cache", "--workers", "1")
    _kgraph(seed, "viz", str(out / "graph.trig"), "--out", str(out / "viz.html"))
    _kgraph(seed, "viz", str(out / "graph.ttl"), "--out", str(out / "focus.html"), "--focus", "Trần Văn Khải")
    names = ("graph.ttl", "graph.trig", "graph.nq", "graph.html", "viz.html", "focus.html")
    return {name: (out / name).read_bytes() for name in names}


def test_build_and_viz_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    with ThreadPoolExecutor(len(SEEDS)) as pool:  # the seeds' processes side by side
        runs = list(pool.map(lambda seed: _outputs(tmp_path, seed), SEEDS))
    for name in runs[0]:
        differing = [seed for seed, run in zip(SEEDS, runs, strict=True) if run[name] != runs[0][name]]
        assert not differing, f"{name} differs with PYTHONHASHSEED={differing} from {SEEDS[0]}"


def test_a_post_written_in_two_cases_shows_one_chosen_spelling() -> None:
    from kgraph.visualize import posts_of

    graph = Graph()
    membership = RES["membership-1"]
    graph.add((membership, RDF.type, ORG.Membership))
    graph.add((membership, ORG.member, RES["person-1"]))
    for title in ("Phó chủ tịch", "Phó Chủ tịch", "phó chủ tịch"):  # three articles' spellings
        graph.add((membership, KG.postTitle, Literal(title, lang="vi")))
    assert posts_of(graph) == {str(RES["person-1"]): [("Phó Chủ tịch", "", False)]}
