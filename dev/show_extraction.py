"""Print what the extractor reads from article files: entities, relations, posts (for reading outputs by hand).

    .venv/bin/python dev/show_extraction.py ARTICLE...
"""

from __future__ import annotations

import sys
from pathlib import Path

from kgraph.pipeline import extract_file


def main(paths: list[str]) -> None:
    for path in paths:
        x = extract_file(Path(path))
        print("=====", path, "|", x.document.title[:100])
        for e in sorted(x.entities.values(), key=lambda e: (e.kind, e.label)):
            extra = " ".join(v for v in (e.number, e.issued_on, e.term, e.title[:40]) if v)
            print(f"  {e.kind:22} {e.label}  {list(e.aliases)[:3] if e.aliases else ''} {extra}")
        for r in x.relations:
            print(f"  -> {x.entities[r.subject].label} --{r.predicate}--> {x.entities[r.object].label}   [{r.rule}]")
        for m in x.memberships:
            org = x.entities[m.organization].label if m.organization else ""
            print(f"  post: {x.entities[m.person].label} | {m.title} | {org} {'(former)' if m.former else ''}")


if __name__ == "__main__":
    main(sys.argv[1:])
