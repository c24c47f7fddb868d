"""Run every benchmark of ``bench/`` in one go (``make bench``): build, then viz and store when present.

Each benchmark is its own process, so one's imports and memory do not colour another's
figures; their output is printed as it comes. Extra arguments go to ``bench_build.py``
(e.g. ``--only a,b`` or ``--sizes 100,1000``). Exit status: 1 when any benchmark failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Benchmarks in the order they run; the optional ones are skipped when their file is absent.
BENCHMARKS = ("bench_build.py", "bench_viz.py", "bench_store.py")


def main(argv: list[str]) -> int:
    failed = []
    for name in BENCHMARKS:
        path = HERE / name
        if not path.is_file():
            print(f"== {name}: not present, skipped", flush=True)
            continue
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        extra = argv if name == "bench_build.py" else []
        code = subprocess.run([sys.executable, str(path), *extra], cwd=HERE.parent).returncode
        print(f"== {name}: exit {code} after {time.perf_counter() - start:.0f} s", flush=True)
        if code != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
