"""Print the functions of the given Python files longer than a limit (default 60 lines).

    .venv/bin/python dev/function_lengths.py src/kgraph/extract/*.py src/kgraph/rdf.py [--limit 60]
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def long_functions(path: Path, limit: int) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            if size > limit:
                out.append((node.name, size))
    return out


def main(argv: list[str]) -> int:
    limit = 60
    if "--limit" in argv:
        at = argv.index("--limit")
        limit = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    count = 0
    for name in argv:
        for function, size in long_functions(Path(name), limit):
            print(f"{name}: {function} {size} lines")
            count += 1
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
