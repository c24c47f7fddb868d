"""The incremental-build cache: each article's triples on disk, keyed by source path and content.

    OUT/.kgraph-cache/manifest.json          version, code fingerprint, one entry per article
    OUT/.kgraph-cache/articles-ab12….nt      the articles' sorted N-Triples lines, one after another

An entry is reused only when the article's path and the SHA-256 of its bytes are the
ones recorded and the pack still holds the lines recorded at its place (checked by hash,
so a torn write is a miss, not a wrong graph). Articles that could not be used are remembered too
(why, by path and content hash): the same code fails the same way on the same bytes. The
manifest also records ``kgraph.__version__`` and a hash of the code and data that shape
the triples (reader, text, extractors, builder, word lists): when either differs, the
whole cache is ignored and rebuilt. The pack is named by what it holds and written before
the manifest that names it, which is replaced atomically; the packs it does not name are
removed after it, so an interrupted build leaves a usable cache (the last manifest and its
pack). One pack, not a file per article: creating a file and its folder cost ~0.3-0.7 CPU ms
each here, 30-70 ms of a 100-article build.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import InputError
from .files import write_atomic

CACHE_DIR = ".kgraph-cache"
MANIFEST = "manifest.json"
FORMAT = 2  # 1: one file per article under articles/

#: Modules and folders of the package whose content decides the triples of an article.
SHAPING = (
    "read.py",
    "encodings.py",
    "text.py",
    "model.py",
    "identity.py",
    "namespaces.py",
    "rdf.py",
    "extract",
    "data",
    "ontology",
)


def fingerprint_of(package: Path, version: str) -> str:
    """``version`` plus a hash of the files under ``package`` that shape extraction and building."""
    digest = hashlib.sha256(f"kgraph {version}\n".encode())
    for name in SHAPING:
        root = package / name
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if not path.is_file() or path.suffix == ".pyc" or "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{version}+{digest.hexdigest()[:16]}"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The fingerprint of the installed kgraph: its version and its extraction code and data."""
    from .version import __version__

    return fingerprint_of(Path(__file__).parent, __version__)


@dataclass(frozen=True)
class Entry:
    """One article as cached: where it came from and which named graph its lines make."""

    source: str  # the path as given, posix form (it is also the graph's kg:sourceFile)
    digest: str  # SHA-256 of the file's bytes
    graph: str  # the article's IRI, which names its graph
    lines_hash: str  # SHA-256 of the cached N-Triples text
    triples: int
    warnings: tuple[str, ...] = ()


@dataclass
class Manifest:
    """What the cache holds plus what the last build wrote (for the up-to-date check)."""

    fingerprint: str
    entries: dict[str, Entry] = field(default_factory=dict)  # by source
    outputs: dict[str, list[int]] = field(default_factory=dict)  # file name -> [size, mtime_ns]
    summary: dict[str, dict[str, int]] = field(default_factory=dict)
    shard: str = ""
    skipped: dict[str, tuple[str, str]] = field(default_factory=dict)  # source -> (digest, why)
    store: str = ""  # the store spec that mirrors this build ('' when none is known to)
    pack: str = ""  # the file holding the entries' lines ('' when none)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # source -> (offset, size) in it

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "fingerprint": self.fingerprint,
            "shard": self.shard,
            "store": self.store,
            "pack": self.pack,
            "outputs": dict(sorted(self.outputs.items())),
            "summary": self.summary,
            "articles": [
                {
                    "source": e.source,
                    "digest": e.digest,
                    "graph": e.graph,
                    "lines": e.lines_hash,
                    "triples": e.triples,
                    "warnings": list(e.warnings),
                    "at": list(self.spans.get(e.source, ())),
                }
                for _, e in sorted(self.entries.items())
            ],
            "skipped": [
                {"source": source, "digest": digest, "why": why}
                for source, (digest, why) in sorted(self.skipped.items())
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("unknown cache format")
        entries = {
            a["source"]: Entry(
                a["source"], a["digest"], a["graph"], a["lines"], int(a["triples"]), tuple(a["warnings"])
            )
            for a in data["articles"]
        }
        skipped = {s["source"]: (s["digest"], s["why"]) for s in data.get("skipped", [])}
        spans = {a["source"]: (int(a["at"][0]), int(a["at"][1])) for a in data["articles"] if a["at"]}
        outputs, summary = data["outputs"], data["summary"]
        shard, store = data["shard"], data["store"]
        if not (_is_summary(summary) and isinstance(outputs, dict) and isinstance(data["pack"], str)):
            raise ValueError("not a manifest kgraph writes")
        if not all(isinstance(source, str) for source in entries):
            raise ValueError("not a manifest kgraph writes")
        return cls(data["fingerprint"], entries, outputs, summary, shard, skipped, store, data["pack"], spans)


def _is_summary(summary: object) -> bool:
    """Whether ``summary`` has the shape a build writes: name -> {name: count}."""
    if not isinstance(summary, dict):
        return False
    tables = summary.values()
    return all(isinstance(counts, dict) and all(type(n) is int for n in counts.values()) for counts in tables)


def lines_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_entry(source: str, digest: str, graph: str, text: str, warnings: Iterable[str]) -> Entry:
    """The cache entry of an article's N-Triples ``text``."""
    return Entry(source, digest, graph, lines_digest(text), text.count("\n"), tuple(warnings))


def unpack(pack: bytes, span: tuple[int, int] | None) -> str | None:
    """The text at ``span`` of a pack (None: no span, or not text there)."""
    if span is None or span[0] + span[1] > len(pack):
        return None
    try:
        return pack[span[0] : span[0] + span[1]].decode("utf-8")
    except UnicodeDecodeError:
        return None


def read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file; else an ``OSError`` (a FIFO put there
    would block the open for ever, a device such as /dev/zero never ends)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with open(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def read_manifest(root: Path) -> Manifest:
    """The manifest in the cache folder ``root`` (``OSError``/``ValueError``/... when unusable)."""
    try:
        return Manifest.from_json(read_regular(root / MANIFEST).decode("utf-8"))
    except (RecursionError, OverflowError):  # arrays nested past the limit; int() of Infinity
        raise ValueError("not a manifest kgraph writes") from None


def read_pack(root: Path, manifest: Manifest) -> bytes:
    """The pack ``manifest`` names (empty when it names none or it cannot be read)."""
    if not manifest.pack or "/" in manifest.pack:
        return b""
    try:
        return read_regular(root / manifest.pack)
    except OSError:
        return b""


class Cache:
    """The cache folder of one output folder."""

    def __init__(self, out: str | Path) -> None:
        self.root = Path(out) / CACHE_DIR
        self.fingerprint = code_fingerprint()
        self.previous = self._load()
        self._pack: bytes | None = None  # the previous pack, read on the first lookup
        self._texts: dict[str, str] = {}  # source -> lines, for the next pack

    def _load(self) -> Manifest:
        try:
            manifest = read_manifest(self.root)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return Manifest(self.fingerprint)
        if manifest.fingerprint != self.fingerprint:
            return Manifest(self.fingerprint)  # kgraph or its extractor changed: start afresh
        return manifest

    def lookup(self, source: str, digest: str) -> tuple[Entry, str] | None:
        """The cached entry and N-Triples text of ``source`` with this content, if intact."""
        entry = self.previous.entries.get(source)
        if entry is None or entry.digest != digest:
            return None
        if self._pack is None:
            self._pack = read_pack(self.root, self.previous)
        text = unpack(self._pack, self.previous.spans.get(source))
        if text is None or lines_digest(text) != entry.lines_hash:
            return None
        return entry, text

    def lookup_skipped(self, source: str, digest: str) -> str | None:
        """Why ``source`` with this content could not be used last time (same code, same bytes)."""
        found = self.previous.skipped.get(source)
        return found[1] if found is not None and found[0] == digest else None

    def store(self, entry: Entry, text: str) -> None:
        """Keep one article's N-Triples text for the pack that ``save`` writes."""
        self._texts[entry.source] = text

    def save(self, manifest: Manifest) -> None:
        """Write the pack of the manifest's articles (the texts given to ``store``), replace the
        manifest, then drop the packs it does not name (and an older kgraph's article files)."""
        sources = sorted(s for s in manifest.entries if s in self._texts)
        named = "".join(f"{s}\0{manifest.entries[s].lines_hash}\n" for s in sources)
        manifest.pack = f"articles-{hashlib.sha256(named.encode()).hexdigest()[:16]}.nt" if sources else ""
        manifest.spans = spans = {}

        def pieces() -> Iterator[bytes]:
            at = 0
            for source in sources:
                data = self._texts[source].encode("utf-8")
                spans[source] = (at, len(data))
                at += len(data)
                yield data

        if sources:  # checked by hash when read: a torn pack is only misses, so it is not flushed
            _remove_folder(self.root / manifest.pack)  # a rename cannot replace a folder
            write_atomic(self.root / manifest.pack, pieces(), sync=False)
        _remove_folder(self.root / MANIFEST)
        write_atomic(self.root / MANIFEST, manifest.to_json().encode("utf-8"))
        for path in self.root.iterdir():  # the build holds the folder's lock: nobody else writes here
            name = path.name
            stale = name.startswith("articles-") and name != manifest.pack
            if stale or (name.startswith((".articles-", f".{MANIFEST}.")) and name.endswith(".tmp")):
                _remove_folder(path)
                path.unlink(missing_ok=True)  # an older pack, or what a killed build left half-written
            elif name == "articles":  # one file per article (format 1)
                _remove_folder(path)


def _remove_folder(path: Path) -> None:
    """Remove ``path`` if it is a folder (not a link to one) with what it holds."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)


def read_folder(folder: str | Path, fingerprint: str) -> tuple[Manifest, list[tuple[Entry, str]]]:
    """The manifest and cached articles (entry, N-Triples text) of a build folder, e.g. a shard's.

    The folder must have been built by this kgraph (same ``fingerprint``) and its cache
    must be intact; anything else is an ``InputError`` naming the folder.
    """
    root = Path(folder) / CACHE_DIR
    try:
        manifest = read_manifest(root)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        fix = "give folders written by 'kgraph build'"
        raise InputError(folder, "holds no kgraph build cache", fix) from None
    if manifest.fingerprint != fingerprint:
        raise InputError(
            folder,
            f"was built by another kgraph or extractor ({manifest.fingerprint}, this is {fingerprint})",
            "rebuild it with this kgraph",
        )
    pack = read_pack(root, manifest)
    articles = []
    for _, entry in sorted(manifest.entries.items()):
        text = unpack(pack, manifest.spans.get(entry.source))
        if text is None or lines_digest(text) != entry.lines_hash:
            raise InputError(folder, f"cache of {entry.source} is damaged", "rebuild that folder")
        articles.append((entry, text))
    return manifest, articles
