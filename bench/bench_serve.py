"""``kgraph serve`` under load and under attack (issue 15), as ratios within one run.

    .venv/bin/python bench/bench_serve.py                   # load (a) and attack figures (b)
    .venv/bin/python bench/bench_serve.py --only a --baseline 95a429e   # also the old server
    .venv/bin/python bench/bench_serve.py --graph out/graph.ttl

(a) Load: a 100-article ``graph.ttl`` (the first 100 articles of the corpus, built once) served
    from the file and from an ``oxigraph:`` store. One client sends 200 small queries one
    after another (a new connection each), then 200 clients send 2 each, all at once
    (400 requests). Printed: queries/s, the ratio of the two (target >= 0.5), 200s, 503s
    (and the slowest 503), errors (resets, timeouts at 20 s). ``--baseline REV`` runs the
    same against the server of commit REV (``git archive``), in the same run.
(b) Attacks, with ``--timeout 5``: hidden update and SERVICE tricks (answers, connections
    our listener received, triple count before/after) on the file, an Oxigraph store and,
    when ``KGRAPH_VIRTUOSO_URL`` is set, a Virtuoso with write rights (``/sparql-auth``);
    a catastrophic REGEX with an ``ASK`` beside it; 50 KB of junk; four cartesian
    ``COUNT(*)`` on the Oxigraph store, then a small query; a foreign ``Host``.
(c) Slowloris: 1,100 connections that send half a request and hold it; an ``ASK`` meanwhile,
    after the read timeout (10 s), and once they are closed.

Every server binds 127.0.0.1 on a free port and is stopped at the end. Reads the corpus from
``../shared`` (or ``--corpus DIR``), never the project; writes only to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from serve_helpers import Listener, Served, ask  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "vntc-politics"
SMALL = [
    "ASK { ?s ?p ?o }",
    "SELECT ?name WHERE { ?e skos:prefLabel ?name } LIMIT 10",
    "SELECT (COUNT(*) AS ?n) WHERE { ?d kg:issuedBy ?b }",
]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
REGEX = 'SELECT * WHERE { VALUES ?x { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" } FILTER REGEX(?x, "^(a+)+$") }'


def build_graph(corpus: Path, work: Path) -> Path:
    articles = work / "articles"
    articles.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:100]:
        shutil.copy(path, articles / path.name)
    out = work / "built"
    argv = [sys.executable, "-m", "kgraph", "build", str(articles), "--out", str(out), "--no-html", "--quiet"]
    subprocess.run(argv, check=True, cwd=ROOT)
    return out / "graph.ttl"


def one_client(served: Served, count: int) -> float:
    started = time.perf_counter()
    for index in range(count):
        status, _, body = ask(served.endpoint, SMALL[index % len(SMALL)])
        assert status == 200, body
    return count / (time.perf_counter() - started)


def many_clients(served: Served, clients: int, each: int) -> dict[str, float]:
    results: list[tuple[int, float]] = []
    gate = threading.Barrier(clients)

    def client(number: int) -> None:
        gate.wait()
        for index in range(each):
            started = time.perf_counter()
            try:
                status = ask(served.endpoint, SMALL[(number + index) % len(SMALL)], timeout=20)[0]
            except OSError:
                status = 0
            results.append((status, time.perf_counter() - started))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ok = [s for s, _ in results if s == 200]
    refused = [t for s, t in results if s == 503]
    return {
        "qps": len(ok) / wall,
        "ok": len(ok),
        "refused": len(refused),
        "slowest_refusal": max(refused, default=0.0),
        "errors": sum(1 for s, _ in results if s not in (200, 503)),
    }


def serve_from(src: Path | None, args: list[str], log: Path) -> Served:
    """``kgraph serve`` from this tree, or from the sources in ``src`` (a baseline)."""
    before = os.environ.get("PYTHONPATH")
    if src is not None:
        os.environ["PYTHONPATH"] = str(src)
    try:
        return Served(args, log)
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


def part_a(graph: Path, work: Path, baseline: str | None) -> None:
    store = work / "store"
    from kgraph.store import open_store

    with open_store(f"oxigraph:{store}") as writer:
        writer.load_file(graph)
    sources = [("this tree", None)]
    if baseline:
        old = work / "baseline"
        old.mkdir()
        argv = ["git", "archive", baseline, "src"]
        archive = subprocess.run(argv, cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        sources.append((f"commit {baseline}", old / "src"))
    print("| server | graph | 1 client q/s | 200 clients q/s | ratio | 200 | 503 (slowest s) | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, src in sources:
        for name, spec in (("graph.ttl", str(graph)), ("oxigraph:", f"oxigraph:{store}")):
            served = serve_from(src, [spec, "--timeout", "30"], work / f"log-{name}.txt")
            try:
                single = one_client(served, 200)
                load = many_clients(served, 200, 2)
            finally:
                served.stop()
            refused = f"{load['refused']:.0f} ({load['slowest_refusal']:.1f})"
            print(
                f"| {label} | {name} | {single:.0f} | {load['qps']:.0f} | {load['qps'] / single:.2f} "
                f"| {load['ok']:.0f} | {refused} | {load['errors']:.0f} |",
                flush=True,
            )


def count(served: Served) -> int:
    status, _, body = ask(served.endpoint, COUNT)
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) if status == 200 else -1


def tricks(served: Served) -> str:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_serve_attacks import SERVICE_TRICKS, UPDATE_TRICKS

    listener = Listener()
    before = count(served)
    statuses = [ask(served.endpoint, t)[0] for t in UPDATE_TRICKS]
    url = f"http://127.0.0.1:{listener.port}/sparql"
    statuses += [ask(served.endpoint, t.replace("{url}", url))[0] for t in SERVICE_TRICKS]
    time.sleep(0.3)
    listener.close()
    accepted = sum(1 for s in statuses if s == 200)
    return (
        f"{len(statuses)} tricks: answers {sorted(set(statuses))}, {accepted} accepted, "
        f"{listener.connections} connections out, triples {before} -> {count(served)}"
    )


def timed_ask(served: Served, query: str, timeout: float = 130) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        status = ask(served.endpoint, query, timeout=timeout)[0]
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def limits(served: Served, ox_served: Served) -> list[str]:
    out = []
    slow: dict[str, tuple[int, float]] = {}
    thread = threading.Thread(target=lambda: slow.update(r=timed_ask(served, REGEX)))
    thread.start()
    time.sleep(0.3)
    status, seconds = timed_ask(served, "ASK { ?s ?p ?o }", 10)
    thread.join()
    out.append(f"REGEX: {slow['r'][0]} in {slow['r'][1]:.2f} s; ASK beside it: {status} in {seconds:.2f} s")
    status, seconds = timed_ask(served, "a" * 50_000, 60)
    out.append(f"50 KB junk: {status} in {seconds:.2f} s")
    answers: list[tuple[int, float]] = []
    threads = [
        threading.Thread(target=lambda: answers.append(timed_ask(ox_served, CARTESIAN))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    status, seconds = timed_ask(ox_served, "ASK { ?s ?p ?o }", 10)
    out.append(f"4 cartesian on Oxigraph: {sorted(answers)}; then ASK: {status} in {seconds:.2f} s")
    foreign = ask(served.endpoint, "ASK {}", headers={"Host": "evil.example"})[0]
    cors = ask(served.endpoint, "ASK {}")[1].get("access-control-allow-origin", "none")
    out.append(f"foreign Host: {foreign}; Access-Control-Allow-Origin: {cors}")
    return out


def part_b(graph: Path, work: Path) -> None:
    store = work / "store-b"
    from kgraph.store import open_store

    with open_store(f"oxigraph:{store}") as writer:
        writer.load_file(graph)
    served = Served([str(graph), "--timeout", "5"], work / "log-b-file.txt")
    ox_served = Served([f"oxigraph:{store}", "--timeout", "5"], work / "log-b-ox.txt")
    try:
        print(f"- file: {tricks(served)}")
        print(f"- oxigraph: {tricks(ox_served)}")
        virtuoso = os.environ.get("KGRAPH_VIRTUOSO_URL", "").rstrip("/")
        if virtuoso:
            os.environ.setdefault("KGRAPH_SPARQL_USER", os.environ.get("KGRAPH_VIRTUOSO_USER", "dba"))
            os.environ.setdefault("KGRAPH_SPARQL_PASSWORD", os.environ.get("KGRAPH_VIRTUOSO_PASSWORD", "dba"))
            remote = Served([f"sparql:{virtuoso}/sparql-auth", "--timeout", "5"], work / "log-b-v.txt")
            try:
                print(f"- virtuoso (write rights): {tricks(remote)}")
            finally:
                remote.stop()
        for line in limits(served, ox_served):
            print(f"- {line}", flush=True)
    finally:
        served.stop()
        ox_served.stop()


def part_c(graph: Path, work: Path) -> None:
    """1,100 half-sent connections held open; an ASK meanwhile, after the read timeout, after."""
    import socket

    served = Served([str(graph)], work / "log-c.txt")
    held = []
    try:
        for index in range(1100):
            sock = socket.create_connection((served.host, served.port))
            head = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n"
            sock.sendall(head + (b"\r\nquery=" if index % 2 else b""))
            held.append(sock)
        for label, pause in (("meanwhile", 0.0), ("after 11 s, still held", 11.0)):
            time.sleep(pause)
            status, seconds = timed_ask(served, "ASK { ?s ?p ?o }", 10)
            print(f"- 1,100 half-sent connections, ASK {label}: {status} in {seconds:.2f} s", flush=True)
        for sock in held:
            sock.close()
        time.sleep(1)
        status, seconds = timed_ask(served, "ASK { ?s ?p ?o }", 10)
        print(f"- once they are closed: {status} in {seconds:.2f} s", flush=True)
    finally:
        for sock in held:
            sock.close()
        served.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("KGRAPH_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--graph", type=Path, help="a graph.ttl to serve (default: 100 articles, built)")
    parser.add_argument("--only", default="a,b,c")
    parser.add_argument("--baseline", metavar="REV", help="also measure the server of this commit in (a)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-serve-") as folder:
        work = Path(folder)
        graph = args.graph or build_graph(args.corpus, work)
        load = os.getloadavg()[0]
        print(f"graph: {graph} ({graph.stat().st_size // 1024} KiB); load average {load:.1f}", flush=True)
        if "a" in args.only:
            part_a(graph, work, args.baseline)
        if "b" in args.only:
            part_b(graph, work)
        if "c" in args.only:
            part_c(graph, work)


if __name__ == "__main__":
    main()
