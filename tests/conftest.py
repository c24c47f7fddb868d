"""Shared fixtures: the seed article and its graph, built once per session.

Also what keeps the suite fast: bytecode kept in .pytest_cache/pycache under
PYTHONDONTWRITEBYTECODE, and the pytest-xdist scheduler ``make test`` uses (whole modules per
worker, ``xdist_group`` tests together)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest


def _cache_bytecode_outside_the_tree() -> None:
    """Under PYTHONDONTWRITEBYTECODE every pytest run and every ``kgraph`` subprocess the tests
    start compiles the package and rewrites the test modules again (seconds of CPU a run).
    Keep the bytecode, but in .pytest_cache (ignored by git, removed by ``make clean``), never
    beside the sources; the subprocesses inherit the same folder."""
    if not sys.dont_write_bytecode or sys.pycache_prefix:
        return
    prefix = str(Path(__file__).resolve().parent.parent / ".pytest_cache" / "pycache")
    sys.dont_write_bytecode, sys.pycache_prefix = False, prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = prefix


_cache_bytecode_outside_the_tree()

DATA = Path(__file__).parent / "data"
SEED = DATA / "000_bb5079a8e0720d63.txt"
SEED_GOLD = DATA / "gold" / "000_bb5079a8e0720d63.json"
SMALL = DATA / "corpus_small"  # six articles for the build tests
ARTICLES = DATA / "articles"  # whole articles of the judged genres
OUTPUTS = ("graph.ttl", "graph.trig", "graph.nq", "graph.html")


@pytest.fixture(scope="session")
def seed_result():  # type: ignore[no-untyped-def]
    import kgraph

    return kgraph.build([SEED])


@pytest.fixture(scope="session")
def seed_graph(seed_result):  # type: ignore[no-untyped-def]
    return seed_result.union()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the small corpus the build tests may edit."""
    target = tmp_path / "corpus"
    shutil.copytree(SMALL, target)
    return target


@pytest.fixture(autouse=True)
def no_progress_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build whose stderr is not a terminal prints a progress line every 5 s; on a loaded
    machine a test's build can pass 5 s and add one to the stderr it compares line by line.
    Progress lines are tested in test_progress.py (which sets the interval itself)."""
    from kgraph.cli import progress

    monkeypatch.setattr(progress, "INTERVAL", float("inf"))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):  # type: ignore[no-untyped-def]
    """``make test`` runs pytest-xdist with ``--dist loadgroup``: each module goes whole to one
    worker (its module fixtures, a built corpus, a server or a browser, start once), and the
    tests marked ``xdist_group(NAME)`` go together to one worker (the Virtuoso tests share
    one store). Any other ``--dist`` keeps xdist's own scheduler."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class ModulesAndGroups(LoadGroupScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            group = super()._split_scope(nodeid)
            return group if group != nodeid else nodeid.split("::", 1)[0]

    return ModulesAndGroups(config, log)
