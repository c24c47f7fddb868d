"""Read article files: bytes -> text -> ``Article`` with title, date and byline.

Accepts ``.txt``, ``.md`` and ``.html``; folders are walked for those (hidden files and
folders skipped). Bytes are decoded by ``kgraph.encodings`` (UTF-8, UTF-16, Windows-1258,
TCVN3, VNI); HTML pages give their title, date, byline and body (scripts, styles and
navigation dropped), Markdown its front matter. A file that cannot be an article (missing,
binary, empty, too large) raises ``InputError`` naming it, so the caller skips it and goes
on; a file that can be read despite a problem (invalid bytes, a guessed encoding, a huge
line) is kept, with one-line warnings in ``Article.warnings``. Nothing read is ever run.
"""

from __future__ import annotations

import codecs
import html
import re
import stat
import unicodedata
from collections.abc import Iterable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from .encodings import NAMES, decode_text
from .errors import InputError
from .files import printable_path
from .model import Article

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024  # larger files are skipped
LARGE_BYTES = 2 * 1024 * 1024  # larger files are built, with a warning
LONG_LINE = 10_000  # characters; longer lines are built, with a warning
_SNIFF = 8192  # bytes looked at to tell text from binary

#: File signatures of common non-text formats, for a clear reason when one is given as an article.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)


def find_articles(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named by ``paths`` (files, or folders walked recursively, without the
    pages kgraph wrote there), sorted per folder."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(path, "no such file or folder", "check the path")
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not _is_hidden(p.relative_to(path))
                and not written_by_kgraph(p)
            )
            if not files:
                raise InputError(path, "folder holds no .txt, .md or .html article", "point at articles")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(path, "is not a regular file (a device or a pipe?)", "give a file or a folder")
    seen: set[Path] = set()
    unique = []
    for path in found:
        if path not in seen:
            seen.add(path)
            unique.append(path)
    return unique


#: The tag of every page kgraph writes (graph.html, viz, report, explain --html).
GENERATOR_TAG = b'<meta name="generator" content="kgraph">'


def written_by_kgraph(path: Path) -> bool:
    """A page kgraph wrote (a build's graph.html, a report): not an article, even when the
    output folder is the corpus folder or inside it (a rebuild would read its own pages)."""
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with path.open("rb") as handle:
            return GENERATOR_TAG in handle.read(1024)
    except OSError:
        return False  # read_bytes names the fault


def _is_hidden(relative: Path) -> bool:
    """Editor backups, ``.git`` and other dot-files under a folder are not articles."""
    return any(part.startswith(".") for part in relative.parts)


def binary_reason(data: bytes) -> str:
    """Why ``data`` is not text ('' when it may be): a known file signature, NUL or control bytes."""
    for magic, what in _MAGIC:
        if data.startswith(magic) and (magic != b"MZ" or b"\x00" in data[:_SNIFF]):
            return f"is {what}, not text"
    head = data[:_SNIFF]
    if b"\x00" in head:
        return "looks binary (NUL bytes)"
    controls = control_bytes(head)
    if head and controls / len(head) > 0.05:
        return f"looks binary ({controls} control bytes in the first {len(head)})"
    return ""


#: the bytes that are not control bytes: every byte from the space on, and the controls of text
_NOT_CONTROL = bytes(range(32, 256)) + b"\t\n\r\f\x1b"


def control_bytes(head: bytes) -> int:
    """How many control bytes (below 32, but tab, line ends, form feed and escape) ``head`` holds:
    the bytes left once the others are deleted (one C pass; a Python loop over the first 8 KB of
    each article was ~2 ms per 100 articles)."""
    return len(head.translate(None, _NOT_CONTROL))


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when ``data`` looks like BOM-less UTF-16 (NULs in every other byte)."""
    head = data[: _SNIFF - _SNIFF % 2]
    if len(head) < 8:
        return ""
    even = head[0::2].count(0) / (len(head) // 2)
    odd = head[1::2].count(0) / (len(head) // 2)
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return ""


def decode_article(data: bytes, path: Path) -> tuple[str, list[str]]:
    """(text, warnings) of an article's bytes; raise ``InputError`` for binary or empty input."""
    if not data:
        raise InputError(path, "is empty (0 bytes)", "give an article with text")
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        reason = binary_reason(data[3:])
        if reason:
            raise InputError(path, reason, "give a text, Markdown or HTML article")
        decoded = decode_text(data[3:])
        return decoded.text, _decoding_warnings(decoded.encoding, decoded.replaced, decoded.first_bad + 3)
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode_utf16(data[len(bom) :], codec, path, warnings)
    codec = _utf16_without_bom(data)
    if codec:
        warnings.append(f"no byte order mark: read as {codec.upper()}")
        return _decode_utf16(data, codec, path, warnings)
    reason = binary_reason(data)
    if reason:
        raise InputError(path, reason, "give a text, Markdown or HTML article")
    decoded = decode_text(data)
    return decoded.text, warnings + _decoding_warnings(decoded.encoding, decoded.replaced, decoded.first_bad)


def _decode_utf16(data: bytes, codec: str, path: Path, warnings: list[str]) -> tuple[str, list[str]]:
    if len(data) % 2:
        data = data[:-1]
        warnings.append("odd number of UTF-16 bytes: the last one dropped")
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    if replaced:
        warnings.append(f"invalid UTF-16: {replaced} characters replaced by U+FFFD")
    head = text[:_SNIFF]
    if len(_CONTROL.findall(head)) > 0.05 * len(head):
        raise InputError(path, "looks binary (control characters once read as UTF-16)", "give a text article")
    return text, warnings


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def _decoding_warnings(encoding: str, replaced: int, first_bad: int) -> list[str]:
    if replaced:
        return [f"invalid UTF-8: {replaced} bytes replaced by U+FFFD (first at byte {first_bad})"]
    if encoding != "utf-8":
        return [f"encoding detected as {NAMES[encoding]}; converted to Unicode"]
    return []


# ---------------------------------------------------------------- HTML pages

#: Elements whose text is never article text.
_DROP = frozenset(
    "script style noscript template svg math iframe object embed canvas form button select textarea "
    "nav aside head dialog".split()
)
#: Site furniture: dropped, unless inside an <article> or <main> (where they hold its title and byline).
_SITE = frozenset({"header", "footer"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table article section main blockquote pre dd dt dl "
    "figure figcaption hr address header footer title".split()
)
_AUTHOR_HINT = re.compile(r"\b(author|byline|tac-?gia)\b", re.I)
_DATE_META = frozenset(
    "article:published_time og:published_time datepublished date pubdate publishdate publish-date "
    "dc.date dc.date.issued dcterms.issued dcterms.created sailthru.date".split()
)
_AUTHOR_META = frozenset("author article:author dc.creator dcterms.creator byl".split())
_MAX_SEARCH = 200  # how deep a closing tag looks for its opening one (bounds malformed pages)


class _PageParser(HTMLParser):
    """Collects a page's body text and its metadata in one pass; tolerant of any markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, role)
        self.roles: dict[str, int] = {}
        self.body: list[str] = []
        self.article: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self.h1_done = False
        self.byline: list[str] = []
        self.byline_done = False
        self.meta: dict[str, str] = {}
        self.times: list[str] = []

    def _has(self, role: str) -> bool:
        return self.roles.get(role, 0) > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and "content" in values and key not in self.meta:
                self.meta[key] = values["content"]
        elif tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"])
        elif values.get("itemprop", "").lower() == "datepublished" and values.get("content"):
            self.times.insert(0, values["content"])
        if tag in _BLOCK:
            self._newline()
        if tag in _VOID:
            return
        role = ""
        if tag in _DROP or (tag in _SITE and not self._has("article")):
            role = "drop"
        elif tag in ("article", "main"):
            role = "article"
        elif tag == "title":
            role = "title"
        elif tag == "h1" and not self.h1_done:
            role = "h1"
        elif not self.byline_done and any(
            _AUTHOR_HINT.search(values.get(name, "")) for name in ("class", "rel", "itemprop", "id")
        ):
            role = "byline"
        self.stack.append((tag, role))
        self.roles[role] = self.roles.get(role, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self._newline()
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _MAX_SEARCH), -1):
            if self.stack[depth][0] == tag:
                while len(self.stack) > depth:
                    _, role = self.stack.pop()
                    self.roles[role] -= 1
                    if role == "h1" and "".join(self.h1).strip():
                        self.h1_done = True
                    elif role == "byline" and "".join(self.byline).strip():
                        self.byline_done = True
                return

    def handle_data(self, data: str) -> None:
        if self._has("title"):
            self.title.append(data)
            return
        if self._has("drop"):
            return
        self.body.append(data)
        if self._has("article"):
            self.article.append(data)
        if self._has("h1") and not self.h1_done:
            self.h1.append(data)
        if self._has("byline") and not self.byline_done:
            self.byline.append(data)

    def _newline(self) -> None:
        self.body.append("\n")
        if self._has("article"):
            self.article.append("\n")


def _clean_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else ""


_START_TAG = re.compile(
    r"""<[A-Za-z][^\s/>"'<=]*(?:\s+[^\s/>"'<=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"'<=`]+))?)*\s*/?>"""
)
_END_TAG = re.compile(r"</[A-Za-z][^<>]*>")
_RAW_TEXT = frozenset({"script", "style", "textarea", "xmp", "title", "noscript", "iframe", "noembed"})


def defuse_html(source: str) -> str:
    """The page with every ``<`` that starts no well-formed tag, comment or declaration escaped.

    Python's ``HTMLParser`` rescans the rest of the page for each unfinished construct, so
    80 KB of ``<a <a <a`` took it 40 seconds. This one pass is linear: complete tags are
    kept, comments and script contents are skipped whole, an unclosed comment or script
    is dropped with everything after it, and any other ``<`` becomes ``&lt;``. The price:
    a tag with ``<`` in an unquoted attribute value is read as text.
    """
    pieces: list[str] = []
    last = position = 0
    while True:
        start = source.find("<", position)
        if start < 0:
            break
        if source.startswith("<!--", start):
            close = source.find("-->", start + 4)
            if close < 0:
                return "".join(pieces) + source[last:start]
            position = close + 3
            continue
        if source.startswith("<![CDATA[", start):
            close = source.find("]]>", start + 9)
            if close < 0:
                return "".join(pieces) + source[last:start]
            position = close + 3
            continue
        following = source[start + 1 : start + 2]
        if following in ("!", "?"):
            close = source.find(">", start)
            after = source.find("<", start + 1)
            if close >= 0 and (after < 0 or close < after):
                position = close + 1
                continue
        elif following == "/":
            match = _END_TAG.match(source, start)
            if match:
                position = match.end()
                continue
        else:
            match = _START_TAG.match(source, start)
            if match:
                position = match.end()
                name = re.match(r"<([A-Za-z][^\s/>]*)", match.group(0))
                tag = name.group(1).lower() if name else ""
                if tag in _RAW_TEXT and not match.group(0).endswith("/>"):
                    close_match = re.compile(rf"</{tag}\b", re.I).search(source, position)
                    if close_match is None:
                        return "".join(pieces) + source[last:start]
                    position = close_match.start()
                continue
        pieces.append(source[last:start])
        pieces.append("&lt;")
        last = position = start + 1
    pieces.append(source[last:])
    return "".join(pieces)


def parse_html(source: str) -> tuple[str, str, str, str]:
    """(body text, title, published, author) of an HTML page; ``<article>`` text preferred when present."""
    parser = _PageParser()
    parser.feed(defuse_html(source))
    parser.close()
    article = _clean_lines("".join(parser.article))
    body = article if len(article) >= 40 else _clean_lines("".join(parser.body))
    meta = parser.meta
    title = (
        _one_line("".join(parser.h1))
        or _one_line(html.unescape(meta.get("og:title", "")))
        or _one_line("".join(parser.title))
    )
    published = ""
    for value in parser.times + [v for k, v in sorted(meta.items()) if k in _DATE_META]:
        published = parse_date(value)
        if published:
            break
    author = _one_line("".join(parser.byline), 100)
    if not author:
        for key in sorted(_AUTHOR_META):
            value = _one_line(meta.get(key, ""), 100)
            if value and not re.match(r"(?i)https?:", value):
                author = value
                break
    author = re.sub(r"(?i)^(by|bài|theo|tác giả)\s*:?\s+", "", author).strip(" .,")
    if title and not body.startswith(title):
        body = f"{title}\n{body}" if body else title
    return body, title, published, author


def looks_like_html(text: str) -> bool:
    """True when plain-named text is really an HTML page."""
    return re.match(r"\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", text, re.I) is not None


# ---------------------------------------------------------------- Markdown

_FRONT = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n")
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(keys -> values, rest) of Markdown opening with YAML (``---``) or TOML (``+++``) front matter."""
    opening = _FRONT.match(text)
    if not opening:
        return {}, text
    fence = text[:3]
    end = re.search(rf"^{re.escape(fence)}[ \t]*$", text[opening.end() :], re.M)
    if not end:
        return {}, text
    front = text[opening.end() : opening.end() + end.start()]
    rest = text[opening.end() + end.end() :]
    values: dict[str, str] = {}
    key = ""
    for line in front.splitlines():
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key:  # a YAML list under the last key: authors
            values[key] = ", ".join(v for v in (values.get(key, ""), _unquote(item.group(1))) if v)
            continue
        pair = re.match(r"^([A-Za-z_][\w.-]*)\s*[:=]\s*(.*)$", line)
        if pair:
            key = pair.group(1).lower()
            value = pair.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
            values[key] = _unquote(value)
    return values, rest


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def markdown_to_text(text: str) -> tuple[str, str]:
    """(plain text, first ``#`` heading) of Markdown: markup dropped, words kept."""
    heading = ""
    lines: list[str] = []
    for line in text.splitlines():
        if re.match(r"^\s*(```|~~~)", line) or re.match(r"^\s*([-*_]\s*){3,}$", line):
            continue
        found = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if found:
            line = found.group(1)
            heading = heading or line
        line = re.sub(r"^\s{0,3}(>\s?)+", "", line)
        line = re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", "", line)
        line = _MD_LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), line)
        line = re.sub(r"<(?:https?://|mailto:)[^>\s]{0,2000}>", "", line)
        line = re.sub(r"(\*\*|__|\*|`)", "", line)
        lines.append(line)
    return html.unescape("\n".join(lines)), _one_line(html.unescape(heading))


# ---------------------------------------------------------------- plain-text conventions

_DATE_TIME = re.compile(
    r"(?:lúc\s*)?(?P<h>\d{1,2})[:h](?P<mi>\d{2})\D{0,30}?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
)
_DATE = re.compile(r"\b(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>(?:19|20)\d{2})\b")
_ISO = re.compile(
    r"^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_BYLINE = re.compile(
    r"^[ \t]*(?:Bài(?: và ảnh)?|Theo|Tin(?: và ảnh)?|Nguồn)[ \t]*:[ \t]*(?P<name>[^\n]{2,60}?)[ \t]*$", re.M
)


def _iso(y: str, m: str, d: str, h: str | None = None, mi: str | None = None, s: str | None = None) -> str:
    """ISO date (or date-time) from parts; '' when they name no real day or time."""
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        return ""
    if day.year < 1900:
        return ""
    if h is None or mi is None:
        return day.isoformat()
    if int(h) > 23 or int(mi) > 59 or int(s or 0) > 59:
        return day.isoformat()
    return f"{day.isoformat()}T{int(h):02d}:{int(mi):02d}:{int(s or 0):02d}"


def parse_date(value: str) -> str:
    """ISO 8601 date or date-time from ``2017-08-03T07:28+07:00``, ``03/08/2017`` or ``07:28 03/08/2017``."""
    match = _ISO.match(value)
    if match:
        found = _iso(match["y"], match["m"], match["d"], match["h"], match["mi"], match["s"])
        if found and "T" in found and match["tz"]:
            tz = match["tz"]
            found += tz if tz == "Z" or ":" in tz else f"{tz[:3]}:{tz[3:]}"
        return found
    match = _DATE_TIME.search(value)
    if match:
        return _iso(match["y"], match["m"], match["d"], match["h"], match["mi"])
    match = _DATE.search(value)
    if match:
        return _iso(match["y"], match["m"], match["d"])
    return ""


def find_metadata(text: str) -> tuple[str, str, str]:
    """(title, published, author) read from an article's plain text conventions."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line.strip())
            if len(lines) == 4:
                break
    title = lines[0] if lines and len(lines[0]) <= 300 else ""
    published = parse_date("\n".join(line[:300] for line in lines[1:4]))
    author = ""
    bylines = list(_BYLINE.finditer(text))
    if bylines:
        author = bylines[-1]["name"].strip(" .,")
    return title, published, author


#: Bidirectional embedding, override and isolate controls: never in Vietnamese news, used to spoof text.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _tidy(*texts: str) -> tuple[tuple[str, ...], int]:
    """Texts in NFC without bidirectional controls, and how many controls were removed."""
    tidied: list[str] = []
    removed = 0
    for text in texts:
        text, count = _BIDI.subn("", unicodedata.normalize("NFC", text))
        tidied.append(text)
        removed += count
    return tuple(tidied), removed


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((values[key] for key in keys if values.get(key)), "")


def _size_warnings(data: bytes, text: str) -> list[str]:
    warnings = []
    if len(data) > LARGE_BYTES:
        warnings.append(f"large file ({len(data) / 1024 / 1024:.1f} MB): built, slowly")
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > LONG_LINE:
        warnings.append(f"a line of {longest} characters: built as is")
    return warnings


def read_bytes(path: Path) -> bytes:
    """An article file's bytes, read once (its cache key is the hash of exactly these bytes);
    ``InputError`` when it is no regular file, too large or unreadable."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a folder", "give an article file; 'kgraph build' reads folders")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file (a device or a pipe?)", "give a file")
        if info.st_size > MAX_BYTES:
            raise InputError(path, f"too large ({info.st_size} bytes)", f"split it below {MAX_BYTES} bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file", "check the path") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror})", "check its permissions") from None
    if len(data) > MAX_BYTES:  # grew between stat and read
        raise InputError(path, f"too large ({len(data)} bytes)", f"split it below {MAX_BYTES} bytes")
    return data


def source_name(path: Path) -> str:
    """The path as an article's source (``kg:sourceFile``, the cache's key): posix form, with
    bytes that are not UTF-8 (``\\xff``) and control characters (a line break) escaped."""
    return printable_path(path.as_posix())


def read_article(path: Path, data: bytes | None = None) -> Article:
    """Read one article file (or its ``data``, already read) into an ``Article``;
    raise ``InputError`` when it cannot be used."""
    if data is None:
        data = read_bytes(path)
    text, warnings = decode_article(data, path)
    text = unicodedata.normalize("NFC", text)
    title = published = author = ""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or looks_like_html(text):
        text, title, published, author = parse_html(text)
        if not text.strip():
            raise InputError(path, "is an HTML page without text", "give the article's page")
    elif suffix in (".md", ".markdown"):
        front, body = parse_front_matter(text)
        text, heading = markdown_to_text(body)
        title = _one_line(front.get("title", "")) or heading
        published = parse_date(_first(front, ("date", "published", "pubdate")))
        author = _one_line(_first(front, ("author", "authors", "byline")), 100)
        if title and not text.lstrip().startswith(title):
            text = f"{title}\n{text}"
    elif "&" in text:
        text = html.unescape(text)
    # after the formats: entities such as &#x202e; or decomposed letters come out of them too
    (text, title, author), bidi = _tidy(text, title, author)
    if bidi:
        warnings.append(f"{bidi} bidirectional control characters removed (they can disguise names)")
    if not text.strip():
        raise InputError(path, "has no text (only white space or markup)", "give an article with text")
    first_title, first_published, first_author = find_metadata(text)
    warnings += _size_warnings(data, text)
    return Article(
        source=source_name(path),
        text=text,
        title=title or first_title,
        published=published or first_published,
        author=author or first_author,
        warnings=tuple(warnings),
    )
