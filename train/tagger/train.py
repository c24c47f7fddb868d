#!/usr/bin/env python3
"""Train the name tagger (kgraph/data/tagger.crfsuite) from the data in train/tagger/data.

    .venv/bin/python train/tagger/train.py              # train on 'train', report on 'dev' and 'test'
    .venv/bin/python train/tagger/train.py --iterations 150 --out /tmp/tagger.crfsuite

Each article is read and normalised as kgraph reads it; its silver labels (entity names
without offsets) are projected onto its tokens, longest name first, by name key (NFC, common
tone placement, lower case) with the first letter's case kept; every occurrence is tagged.
Titles labelled as persons (``Thủ tướng``) are left out. Deterministic: same data, same model.
"""

from __future__ import annotations

import argparse
import json
import lzma
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from kgraph.extract.lexicon import lexicon
from kgraph.extract.tagger import chunks, decode, features, model_path
from kgraph.extract.tagger_context import doc_words
from kgraph.extract.tokens import Token, tokenize
from kgraph.read import read_article
from kgraph.text import make_document

HERE = Path(__file__).resolve().parent
SHORT = {"Person": "PER", "Organization": "ORG", "Location": "LOC"}


def load() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]], dict[str, str]]:
    with lzma.open(HERE / "data" / "corpus.jsonl.xz", "rt", encoding="utf-8") as f:
        texts = {d["file"]: d["text"] for d in map(json.loads, f)}
    with lzma.open(HERE / "data" / "labels.jsonl.xz", "rt", encoding="utf-8") as f:
        labels = {d["file"]: [tuple(e) for e in d["entities"]] for d in map(json.loads, f)}
    split = {}
    for line in (HERE / "split.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, part = line.split("\t")
            split[name] = part
    return texts, labels, split  # type: ignore[return-value]


def candidates(entities: list[tuple[str, str]]) -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """First key -> (keys of the name's tokens, label, first letter upper), longest first."""
    lex = lexicon()
    out: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for etype, label in entities:
        if etype not in SHORT:
            continue
        toks = tokenize(label)
        keys = tuple(t.key for t in toks)
        if not keys:
            continue
        if etype == "Person" and (keys[0] in lex.titles or not label[:1].isupper()):
            continue  # a title labelled as a person
        out.setdefault(keys[0], []).append((keys, SHORT[etype], label[:1].isupper()))
    for group in out.values():
        group.sort(key=lambda c: -len(c[0]))
    return out


def project(tokens: list[Token], cands: dict[str, list[tuple[tuple[str, ...], str, bool]]]) -> list[str]:
    tags = ["O"] * len(tokens)
    i = 0
    while i < len(tokens):
        hit = None
        for keys, short, upper in cands.get(tokens[i].key, ()):
            n = len(keys)
            if tuple(t.key for t in tokens[i : i + n]) == keys and (tokens[i].is_cap or not upper):
                hit = (n, short)
                break
        if hit is None:
            i += 1
            continue
        n, short = hit
        tags[i : i + n] = [f"B-{short}"] + [f"I-{short}"] * (n - 1)
        i += n
    return tags


def sequences(texts: dict[str, str], labels: dict[str, list[tuple[str, str]]], names: list[str]):
    """(file, features, tags) of every stretch the tagger sees in the named articles, read as
    kgraph reads them."""
    lex = lexicon()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            path = Path(tmp) / name
            path.write_text(texts[name], encoding="utf-8")
            document = make_document(read_article(path))
            cands = candidates(labels[name])
            context = doc_words((s.text for s in document.sentences), lex)
            for sentence in document.sentences:
                tokens = tokenize(sentence.text, sentence.start)
                tags = project(tokens, cands)
                for a, b in chunks(tokens):  # as the tagger sees a sentence: its capitalised stretches
                    out.append((name, features(tokens[a:b], lex, context, a == 0), tags[a:b]))
    return out


def span_scores(gold: list[list[str]], pred: list[list[str]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(decode(g)), set(decode(p))
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(model_path()), help="model file to write (default: the package's)")
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--c1", type=float, default=0.3)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--min-freq", type=int, default=2, help="drop features seen fewer times")
    ap.add_argument("--algorithm", default="lbfgs", help="CRFsuite's training algorithm (lbfgs, ap, pa …)")
    ap.add_argument("--on", default="train", help="comma-separated splits to train on (train,dev)")
    args = ap.parse_args(argv)
    texts, labels, split = load()
    parts = set(args.on.split(","))
    data = {
        p: sequences(texts, labels, sorted(n for n in texts if split[n] == p))
        for p in ("train", "dev", "test")
    }
    counts = Counter(t for _, _, tags in data["train"] for t in tags if t.startswith("B-"))
    print(f"sentences: {', '.join(f'{p} {len(v)}' for p, v in data.items())}; train names {dict(counts)}")
    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    for part in sorted(parts):
        for _, feats, tags in data[part]:
            trainer.append(feats, tags)
    params = {"max_iterations": args.iterations, "feature.minfreq": args.min_freq,
              "feature.possible_transitions": True}
    if args.algorithm == "lbfgs":
        params |= {"c1": args.c1, "c2": args.c2}
    trainer.set_params(params)
    started = time.perf_counter()
    trainer.train(args.out)
    size = Path(args.out).stat().st_size
    print(f"trained in {time.perf_counter() - started:.0f} s -> {args.out} ({size} bytes)")
    tagger = pycrfsuite.Tagger()
    tagger.open(args.out)
    for part in ("dev", "test"):
        gold = [tags for _, _, tags in data[part]]
        pred = [tagger.tag(feats) for _, feats, _ in data[part]]
        p, r, f = span_scores(gold, pred)
        print(f"{part}: spans vs projected silver P={p:.3f} R={r:.3f} F1={f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
