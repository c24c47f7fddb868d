"""Read article files: bytes -> text -> ``Article`` with title, date and byline.

Accepts ``.txt``, ``.md`` and ``.html``; folders are walked for those. Decoding tries
UTF-8 (with or without BOM) and UTF-16 with BOM, then Windows-1258. Problems with one
file raise ``InputError`` naming it, so the caller can skip it and go on.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .model import Article

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024


def find_articles(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named by ``paths`` (files, or folders walked recursively), sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(path, "no such file or folder", "check the path")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                raise InputError(path, "folder holds no .txt, .md or .html article", "point at articles")
            found.extend(files)
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        if path not in seen:
            seen.add(path)
            unique.append(path)
    return unique


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode an article's bytes; raise ``InputError`` for binary or undecodable input."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(path, "looks binary (NUL bytes)", "give a text, Markdown or HTML article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


_TAG = re.compile(r"<[^>]+>")
_DROP = re.compile(r"<(script|style|nav|header|footer|noscript)\b.*?</\1\s*>", re.S | re.I)
_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|tr|article|section)\b[^>]*>", re.I)


def html_to_text(source: str) -> tuple[str, str]:
    """Body text and <title> of an HTML page (scripts, styles, navigation dropped)."""
    title_match = re.search(r"<title[^>]*>(.*?)</title>", source, re.S | re.I)
    title = html.unescape(_TAG.sub("", title_match.group(1))).strip() if title_match else ""
    body = _DROP.sub(" ", source)
    body = re.sub(r"<title[^>]*>.*?</title>", " ", body, flags=re.S | re.I)
    body = _BLOCK.sub("\n", body)
    body = html.unescape(_TAG.sub(" ", body))
    return body, title


_DATE_TIME = re.compile(
    r"(?:lúc\s*)?(?P<h>\d{1,2})[:h](?P<mi>\d{2})\D{0,30}?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
)
_DATE = re.compile(r"\b(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>(?:19|20)\d{2})\b")
_BYLINE = re.compile(r"^\s*(?:Bài(?: và ảnh)?|Theo|Tin(?: và ảnh)?|Nguồn)\s*:\s*(?P<name>[^\n]{2,60}?)\s*$", re.M)


def find_metadata(text: str) -> tuple[str, str, str]:
    """(title, published, author) read from an article's plain text conventions."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else ""
    if len(title) > 300:
        title = ""
    published = ""
    head = "\n".join(lines[1:4])
    match = _DATE_TIME.search(head)
    if match:
        published = (
            f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}"
            f"T{int(match['h']):02d}:{int(match['mi']):02d}:00"
        )
    else:
        match = _DATE.search(head)
        if match:
            published = f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}"
    author = ""
    bylines = list(_BYLINE.finditer(text))
    if bylines:
        author = bylines[-1]["name"].strip(" .,")
    return title, published, author


def read_article(path: Path) -> Article:
    """Read one article file into an ``Article``; raise ``InputError`` when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"too large ({size} bytes)", f"split it below {MAX_BYTES} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})", "check its permissions") from None
    text = decode_bytes(data, path)
    title = ""
    if path.suffix.lower() in (".html", ".htm") or re.match(r"\s*<(!doctype|html)", text, re.I):
        text, title = html_to_text(text)
    elif path.suffix.lower() == ".md" and text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            front = text[3:end]
            text = text[end + 4 :]
            found = re.search(r"^title:\s*[\"']?(.*?)[\"']?\s*$", front, re.M)
            title = found.group(1) if found else ""
    else:
        text = html.unescape(text) if "&" in text else text
    if not text.strip():
        raise InputError(path, "is empty", "give an article with text")
    first_title, published, author = find_metadata(text)
    return Article(
        source=path.as_posix(), text=text, title=title or first_title, published=published, author=author
    )
