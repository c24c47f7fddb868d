#!/usr/bin/env python3
"""Copy the training material into the repository (run once; training then needs no ../shared).

    python train/tagger/prepare.py ../shared/corpus/vntc-politics ../shared/gold/silver-vntc

Writes train/tagger/data/corpus.jsonl.xz ({"file", "text"}: each article's file as decoded
UTF-8), train/tagger/data/labels.jsonl.xz ({"file", "entities": [[type, label], ...]}) and
train/tagger/split.tsv (file<TAB>train|dev|test, fixed by a hash of the file name: 80/10/10).
"""

from __future__ import annotations

import hashlib
import json
import lzma
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def split_of(name: str) -> str:
    """train, dev or test, from the file name alone (deterministic, 80/10/10)."""
    bucket = int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 10
    return "test" if bucket == 9 else "dev" if bucket == 8 else "train"


def main(corpus: str, gold: str) -> int:
    files = sorted(Path(corpus).glob("*.txt"))
    (HERE / "data").mkdir(exist_ok=True)
    with lzma.open(HERE / "data" / "corpus.jsonl.xz", "wt", encoding="utf-8", preset=9) as out:
        for path in files:
            text = path.read_bytes().decode("utf-8")
            out.write(json.dumps({"file": path.name, "text": text}, ensure_ascii=False) + "\n")
    with lzma.open(HERE / "data" / "labels.jsonl.xz", "wt", encoding="utf-8", preset=9) as out:
        for path in files:
            label_file = Path(gold) / (path.stem + ".json")
            entities = json.loads(label_file.read_text(encoding="utf-8"))["entities"]
            pairs = [[e["type"], e["label"]] for e in entities]
            out.write(json.dumps({"file": path.name, "entities": pairs}, ensure_ascii=False) + "\n")
    with open(HERE / "split.tsv", "w", encoding="utf-8") as out:
        out.write("# file\tsplit (train 80 / dev 10 / test 10, by sha1 of the file name)\n")
        for path in files:
            out.write(f"{path.name}\t{split_of(path.name)}\n")
    print(f"{len(files)} articles -> {HERE / 'data'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
