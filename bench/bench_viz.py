"""How fast the network page becomes interactive in headless Chromium.

Synthetic networks of 300 (physics, then frozen), 500, 2,000 and 5,000 entities with 2.5
links per entity (precomputed layout), and a 20,000-entity one drawn with the default cap.
For each: the Python time to write the page, its size, the browser time from navigation
to "drawn and frozen" (``body[data-ready]``), and the time a neighbourhood highlight takes
once there. Browser times are also printed as a ratio to an empty page loaded in the same
run (the fixed cost of parsing the inlined vis-network). Target: 2,000 entities and 5,000
links interactive within 3 s.

    .venv/bin/python bench/bench_viz.py            # all sizes
    .venv/bin/python bench/bench_viz.py 2000       # some sizes only

A built corpus's page and report (the figures of docs/viz.md): the share of the entities
drawn on opening that have a link, whether clicking the most connected entity shows all
its links' evidence sentences, and the report's charts, requests and console errors:

    .venv/bin/python bench/bench_viz.py --page OUT/graph.html --report OUT/report.html
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph.network import select_view
from kgraph.visualize import DEFAULT_MAX_NODES, render_view

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
KINDS = ["PartyCommittee", "StateAgency", "Person", "Location", "MassOrganization", "Event", "Resolution"]
RELATIONS = ["directs", "implements", "cooperatesWith", "memberOf", "participatesIn", "locatedIn"]
SYLLABLES = "Nguyễn Trần Lê Phạm Hoàng Văn Thị Đức Minh Hòa Bình Đồng Nai Hà Tĩnh ủy Sở Ban".split()


def synthetic_network(n: int, links_per_node: float = 2.5, seed: int = 1) -> nx.MultiDiGraph:
    """``n`` entities, ``n * links_per_node`` links; half the link ends chosen by degree (hubs)."""
    rng = random.Random(seed)
    net = nx.MultiDiGraph()
    for i in range(n):
        name = " ".join(rng.choice(SYLLABLES) for _ in range(3)) + f" {i}"
        net.add_node(
            f"https://w3id.org/kgraph/resource/e{i:06d}",
            label=name,
            kind=KINDS[i % len(KINDS)],
            aliases="",
            articles="",
        )
    ids = sorted(net.nodes)
    ends: list[str] = []
    while len(ends) < 2 * int(n * links_per_node):
        a = rng.choice(ends) if ends and rng.random() < 0.5 else rng.choice(ids)
        b = rng.choice(ids)
        rel = rng.choice(RELATIONS)
        if a != b and not net.has_edge(a, b, key=rel):
            net.add_edge(a, b, key=rel, relation=rel, evidence=f"Câu chứng cứ {len(ends)}.")
            ends += [a, b]
    return net


def open_and_wait(browser: Any, path: Path) -> dict[str, float]:
    """Load ``path``; seconds until drawn and frozen, then milliseconds of one highlight."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith("file:") else requests.append(r.url))
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_selector("body[data-ready='1']", timeout=120_000)
    wall = time.perf_counter() - start
    highlight = page.evaluate(
        """() => { const n = kgraph.data.nodes; if (!n.length) return 0;
                   const best = n.reduce((a, b) => (b.value > a.value ? b : a));
                   const t = performance.now(); kgraph.focus(best.id); return performance.now() - t; }"""
    )
    info = page.evaluate(
        "({nodes: kgraph.nodes.length, edges: kgraph.edges.length,"
        " notice: document.getElementById('notice').textContent})"
    )
    context.close()
    if errors or requests:
        raise SystemExit(f"{path.name}: console errors {errors[:3]} requests {requests[:3]}")
    return {"wall": wall, "highlight_ms": float(highlight), **info}


HUB_JS = """() => { const d = {}; kgraph.data.edges.forEach(e => { d[e.from] = (d[e.from] || 0) + 1;
                                                  d[e.to] = (d[e.to] || 0) + 1; });
    return Object.keys(d).sort((a, b) => d[b] - d[a] || (a < b ? -1 : 1))[0]; }"""
LINKED_JS = """() => { const shown = kgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id);
    const ends = new Set();
    kgraph.edges.get({filter: e => !e.hidden}).forEach(e => { ends.add(e.from); ends.add(e.to); });
    return [shown.filter(id => ends.has(id)).length, shown.length]; }"""


def corpus_figures(browser: Any, page_path: Path | None, report_path: Path | None) -> None:
    """Print the figures of a built corpus's page and report."""
    if page_path is not None:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith("file:") else requests.append(r.url))
        start = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        ready = time.perf_counter() - start
        linked, drawn = page.evaluate(LINKED_JS)
        hub = page.evaluate(HUB_JS)
        page.evaluate("id => kgraph.network.focus(id, {scale: 1.5, animation: false})", hub)
        x, y = page.evaluate(
            """id => { const p = kgraph.network.canvasToDOM(kgraph.network.getPosition(id));
                       const r = document.getElementById('network').getBoundingClientRect();
                       return [p.x + r.left, p.y + r.top]; }""",
            hub,
        )
        page.mouse.click(x, y)
        text = page.inner_text("#details")
        sentences = page.evaluate(
            "id => kgraph.data.edges.filter(e => e.from === id || e.to === id)"
            ".flatMap(e => e.ev.map(v => v[0]))",
            hub,
        )
        shown = sum(1 for s in sentences if s in text)
        label = page.evaluate("id => kgraph.nodes.get(id).label", hub)
        print(
            f"page {page_path}: ready in {ready:.2f} s; drawn {drawn}, "
            f"linked {linked} ({linked / max(drawn, 1):.1%})"
        )
        print(f"  most connected: {label}; evidence sentences shown on click: {shown}/{len(sentences)}")
        print(f"  requests {len(requests)}, console errors {len(errors)}")
        context.close()
    if report_path is not None:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        errors = []
        requests = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith("file:") else requests.append(r.url))
        page.goto(report_path.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        charts = page.evaluate("document.querySelectorAll('.js-plotly-plot svg.main-svg').length / 3")
        tables = page.evaluate("document.querySelectorAll('section table').length")
        print(f"report {report_path}: {charts:.0f} charts drawn, {tables} tables")
        print(f"  requests {len(requests)}, console errors {len(errors)}")
        context.close()


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    if argv and argv[0] in ("--page", "--report"):
        paths = dict(zip(argv[::2], argv[1::2], strict=False))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page, report = paths.get("--page"), paths.get("--report")
            corpus_figures(browser, Path(page) if page else None, Path(report) if report else None)
            browser.close()
        return 0

    sizes = [int(a) for a in argv] or [300, 500, 2000, 5000, 20000]
    folder = Path(tempfile.mkdtemp(prefix="bench-viz-"))
    cases: list[tuple[str, nx.MultiDiGraph, int]] = [("empty", nx.MultiDiGraph(), 0)]
    for n in sizes:
        cap = DEFAULT_MAX_NODES if n > 5000 else 0
        cases.append((f"{n} nodes" + (f" (default cap {cap})" if cap else ""), synthetic_network(n), cap))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        open_and_wait(browser, _write(folder / "warmup.html", render_view(select_view(nx.MultiDiGraph()))))
        baseline = 0.0
        header = ("case", "links", "python s", "MB", "ready s", "x empty", "focus ms")
        print(f"{header[0]:32} " + " ".join(f"{h:>9}" for h in header[1:]))
        for name, net, cap in cases:
            t0 = time.perf_counter()
            html = render_view(select_view(net, max_nodes=cap), title=name)
            python_s = time.perf_counter() - t0
            path = _write(folder / f"{name.split()[0]}.html", html)
            result = open_and_wait(browser, path)
            baseline = baseline or result["wall"]
            print(
                f"{name:32} {net.number_of_edges():>9} {python_s:>9.2f} {len(html) / 1e6:>9.2f} "
                f"{result['wall']:>9.2f} {result['wall'] / baseline:>9.1f} {result['highlight_ms']:>9.0f}",
                flush=True,
            )
            if cap:
                print(f"  drew {result['nodes']} nodes, {result['edges']} links; notice: {result['notice']}")
        browser.close()
    return 0


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
