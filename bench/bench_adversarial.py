"""Adversarial shapes at N and 2N characters: does doubling an article at most double its time?

    .venv/bin/python bench/bench_adversarial.py                 # every shape at 40,000 and 80,000
    .venv/bin/python bench/bench_adversarial.py --size 20000 --only huge_token,caps_same
    .venv/bin/python bench/bench_adversarial.py --profile caps_same   # cProfile of one shape at 2N
    .venv/bin/python bench/bench_adversarial.py --hostile             # the hostile folder, one build

Each shape is written to a file and built in this process as one article is in a corpus
build (``pipeline.process_article``: read, decode, normalise, split, extract, RDF lines),
the fastest of ``--repeat`` runs, in CPU seconds. Printed per shape: seconds at N and at 2N, the ratio
2N/N (linear time gives ~2x; the target is <= 2.6x), and the 2N time against the seed
article's (``examples/000_bb5079a8e0720d63.txt``, 11 KB) measured in the same run (the
target is <= 10x for 80,000 characters), both in process and as whole ``kgraph build``
processes (start-up and writing included, as a user sees it). ``big_article`` (the seed repeated) runs at
2.5 MB and 5 MB whatever ``--size``. A shape still running after ``--limit`` seconds is
stopped and printed as such (the build's own per-article limit is turned off here).
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import pstats
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SEED = ROOT / "examples" / "000_bb5079a8e0720d63.txt"

_CAPS_SAME = "Sở Tài Chính Hà Nam Đảng Ủy Khối Ban Thường Vụ "
_SYLLABLES = (
    "an bình cao đông giang hà hải hòa hưng khánh lâm long minh nam ngọc phú phúc quang sơn tân thái "
    "thanh thành thuận tiến trung trường tuấn văn việt vĩnh xuân yên ủy ban sở hội đoàn đảng khối"
).split()
_BODIES = (
    "Sở Tài chính, Sở Nội vụ, Ủy ban nhân dân tỉnh Hà Nam, Ban Tuyên giáo Tỉnh ủy, "
    "Hội Nông dân huyện Lý Nhân, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh, Bộ Tài chính, "
)


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def _different_caps(size: int) -> str:
    rng = random.Random(14)
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(_SYLLABLES).capitalize()
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def _distinct_bodies(size: int) -> str:
    """A list of bodies with different names: every one a new entity of the article."""
    rng = random.Random(11)
    heads = ("Sở", "Ban", "Hội Nông dân xã", "Ủy ban nhân dân xã", "Đảng ủy phường", "Trường")
    parts: list[str] = []
    length = 0
    while length < size:
        name = " ".join(rng.choice(_SYLLABLES).capitalize() for _ in range(2))
        parts.append(f"{rng.choice(heads)} {name}, ")
        length += len(parts[-1])
    return "".join(parts)[:size]


def _nested(size: int) -> str:
    depth = (size - 6) // 9
    return "(Ủy ban " * depth + "Hà Nội" + ")" * depth


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


#: shape name -> text of about ``size`` characters
SHAPES: dict[str, Callable[[int], str]] = {
    "huge_token": lambda n: "x" * n + " Hà Nội.",
    "huge_vn_token": lambda n: _repeat("ủyban", n) + " Hà Nội.",
    "caps_same": lambda n: _repeat(_CAPS_SAME, n),
    "caps_different": _different_caps,
    "unclosed_quotes": lambda n: _repeat("“Hội nghị Ban Chấp hành Đảng bộ tỉnh ", n),
    "nested_brackets": _nested,
    "list_of_bodies": lambda n: _repeat(_BODIES, n),
    "distinct_bodies": _distinct_bodies,
    "long_line": lambda n: _repeat(_seed_text().replace("\n", " ") + " ", n),
    "no_space_line": lambda n: _repeat("Hà,Nội;", n),
}
BIG = "big_article"


def _build(path: Path) -> str:
    from kgraph.pipeline import process_article

    return process_article(path.as_posix())[3]


def _time(path: Path, repeat: int) -> float:
    """CPU seconds of building ``path`` in this process, the fastest of ``repeat`` (CPU time,
    not wall time: on a shared machine the load moves wall times by 2x and more)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        why = _build(path)
        best = min(best, time.process_time() - start)
        if why:
            print(f"  ({path.name} skipped: {why})", file=sys.stderr)
    return best


def _timed_child(path: str, repeat: int, queue: multiprocessing.Queue[float]) -> None:
    queue.put(_time(Path(path), repeat))


def time_limited(path: Path, repeat: int, limit: float) -> float | None:
    """Seconds to build ``path`` (fastest of ``repeat``) in a child process; None past ``limit``."""
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[float] = context.Queue()
    child = context.Process(target=_timed_child, args=(str(path), repeat, queue))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return queue.get() if not queue.empty() else None


def build_process(path: Path, out: Path) -> float:
    """CPU seconds (user + system) of a whole ``kgraph build PATH`` process (one worker, no
    page, no cache), start-up included."""
    import resource
    import subprocess

    command = [sys.executable, "-m", "kgraph", "build", str(path), "--out", str(out)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command + ["--no-html", "--no-cache", "--workers", "1", "--quiet"], env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def hostile_build(folder: Path) -> int:
    """``kgraph build`` of a hostile folder: the committed hostile files, a 5 MB article, a
    5 MB page, a 100,000-character line, every adversarial shape at 80,000 characters, file
    names with a line break and with bytes that are not UTF-8. Prints the exit code, the time
    and the skipped files."""
    import shutil
    import subprocess

    source = folder / "in"
    shutil.copytree(ROOT / "tests" / "data" / "hostile", source)
    seed = _seed_text()
    write(source, "five_mb", _repeat(seed, 5_000_000))
    page = "<html><body><script>" + "x" * 4_900_000 + "</script><article>" + seed + "</article></body></html>"
    (source / "five_mb_page.html").write_text(page, encoding="utf-8")
    write(source, "long_line", _repeat(seed.replace("\n", " ") + " ", 100_000))
    for name, maker in SHAPES.items():
        write(source, f"shape_{name}", maker(80_000))
    (source / "line\nbreak.txt").write_text(seed, encoding="utf-8")
    with open(os.path.join(os.fsencode(source), b"caf\xe9.txt"), "w", encoding="utf-8") as handle:
        handle.write(seed)
    command = [
        sys.executable,
        "-m",
        "kgraph",
        "build",
        str(source),
        "--out",
        str(folder / "out"),
        "--no-html",
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    start = time.perf_counter()
    done = subprocess.run(command + ["--quiet"], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    files, load = sum(1 for _ in source.iterdir()), os.getloadavg()[0]
    print(f"hostile folder: {files} files, exit {done.returncode}, {elapsed:.1f} s; load {load:.1f}")
    print(done.stderr.strip())
    return 0


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=40_000, help="N, in characters (default 40,000)")
    parser.add_argument("--only", help="comma-separated shape names")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a shape is stopped")
    parser.add_argument("--profile", metavar="SHAPE", help="print a cProfile of SHAPE at 2N instead")
    parser.add_argument("--hostile", action="store_true", help="time one build of a hostile folder instead")
    args = parser.parse_args()
    os.environ["KGRAPH_ARTICLE_TIMEOUT"] = "0"  # measure the stages, not the guard
    from kgraph.pipeline import warm_up

    warm_up()
    names = args.only.split(",") if args.only else [*SHAPES, BIG]
    with tempfile.TemporaryDirectory(prefix="kgraph-adversarial-") as tmp:
        folder = Path(tmp)
        if args.hostile:
            return hostile_build(folder)
        if args.profile:
            maker = SHAPES[args.profile]
            path = write(folder, args.profile, maker(2 * args.size))
            profile = cProfile.Profile()
            profile.runcall(_build, path)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
            return 0
        seed = _time(SEED, max(3, args.repeat))
        seed_process = min(build_process(SEED, folder / "out") for _ in range(2))
        load = os.getloadavg()[0]
        print(
            f"seed article {SEED.name} ({SEED.stat().st_size} bytes): {seed:.3f} CPU s in process, ", end=""
        )
        print(f"{seed_process:.2f} CPU s as a kgraph build process; load {load:.1f}")
        print("| shape | N chars | N s | 2N s | 2N/N | 2N vs seed | 2N build process | vs seed's |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name in names:
            if name == BIG:
                text = _seed_text()
                small, big = _repeat(text, 2_500_000), _repeat(text, 5_000_000)
            else:
                small, big = SHAPES[name](args.size), SHAPES[name](2 * args.size)
            t1 = time_limited(write(folder, f"{name}-1", small), args.repeat, args.limit)
            t2 = time_limited(write(folder, f"{name}-2", big), args.repeat, args.limit) if t1 else None
            show1 = f"{t1:.3f}" if t1 is not None else f"> {args.limit:.0f}"
            show2 = f"{t2:.3f}" if t2 is not None else "—"
            ratio = f"{t2 / t1:.2f}×" if t1 and t2 else "—"
            vs_seed = f"{t2 / seed:.1f}×" if t2 else "—"
            whole = build_process(folder / f"{name}-2.txt", folder / "out") if t2 else 0.0
            shown = f"{whole:.2f} | {whole / seed_process:.1f}×" if whole else "— | —"
            print(
                f"| {name} | {len(small):,} | {show1} | {show2} | {ratio} | {vs_seed} | {shown} |", flush=True
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
