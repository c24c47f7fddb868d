#!/usr/bin/env python3
"""CPU the name tagger costs: extraction of 100 corpus articles, in process, and the share spent
in ``tagger.tag_tokens`` (features and CRF), once cold (fresh caches) and once warm.

    .venv/bin/python train/tagger/cost.py            # the first 100 of ../shared/corpus/vntc-politics
    PYTHONPATH=/tmp/old/src .venv/bin/python train/tagger/cost.py   # another tree (e.g. a git archive)

A measuring tool for this folder's README (it reads ../shared; kgraph never does).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from kgraph.extract import extract, tagger
from kgraph.extract.lexicon import lexicon
from kgraph.extract.tokens import Token
from kgraph.read import read_article
from kgraph.text import make_document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "vntc-politics"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--articles", type=int, default=100)
    args = ap.parse_args(argv)
    files = sorted(Path(args.corpus).glob("*.txt"))[: args.articles]
    docs = [make_document(read_article(f)) for f in files]
    tagger.load_model()
    lexicon()
    spent = [0.0]
    tag_tokens = tagger.tag_tokens

    def timed(tokens: list[Token], *context: Any) -> list[tagger.Tagged]:
        started = time.process_time()
        out = tag_tokens(tokens, *context)
        spent[0] += time.process_time() - started
        return out

    tagger.tag_tokens = timed  # type: ignore[assignment]  # rule_tagged_names reads the module's name
    for label in ("cold", "warm"):
        spent[0] = 0.0
        started = time.process_time()
        for doc in docs:
            extract(doc)
        total = time.process_time() - started
        print(f"{label}: extraction of {len(docs)} articles {total:.2f} s CPU, tagging {spent[0]:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
