"""The header of an official document given as the article's text (the layout of Nghị định
30/2020/NĐ-CP, Phụ lục I): the issuing body's name, the national motto, ``Số: 130/KH-UBND``, the
place and date (``Thanh Hóa, ngày 27 tháng 6 năm 2025``), the type (``KẾ HOẠCH``) and the title
in capitals, then the signer's authority (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …``) or the text. Pages
cut the header into lines and table cells (``|``); the lines are read as they come.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import name_key
from .lexicon import Lexicon, word

_NUMBER = re.compile(word("header_number_re"))  # Số: 130/KH-UBND
_DATE = re.compile(word("header_date_re"))  # ngày 27 tháng 6 năm 2025
_REPUBLIC = name_key(word("republic"))  # cộng hòa: the motto's first word
_TITLE_LINES = 6
_READ = 60  # lines of the text the header may take


@dataclass(frozen=True)
class Header:
    number: str  # as written, without spaces
    date: str = ""  # ISO
    title: str = ""
    body: str = ""  # the issuing body as written at the top
    place: str = ""  # where it was signed ('Thanh Hóa, ngày …')
    body_span: tuple[int, int] = (0, 0)  # where the body's lines stand in the text
    other_spans: tuple[tuple[int, int], ...] = ()  # the motto's and the title's lines: no names


@dataclass(frozen=True)
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str) -> list[_Line]:
    """The text's lines and table cells that hold a letter or digit, stripped, with their offsets."""
    out = []
    for m in re.finditer(r"[^\n|]+", text):
        line = m.group().strip()
        if any(c.isalnum() for c in line):
            start = m.start() + m.group().find(line)
            out.append(_Line(line, start, start + len(line)))
        if len(out) >= _READ:
            break
    return out


def _capitals(line: str) -> bool:
    return any(c.isalpha() for c in line) and line == line.upper()


def _span(lines: list[_Line]) -> tuple[int, int]:
    return (lines[0].start, lines[-1].end) if lines else (0, 0)


def _motto(lines: list[_Line], before: int) -> int:
    """The line the national motto opens at (above line ``before``), -1 when none."""
    return next(
        (
            i
            for i in range(before)
            if name_key(" ".join(x.text for x in lines[i : i + 2])).startswith(_REPUBLIC)
        ),
        -1,
    )


def _body(lines: list[_Line], motto: int) -> list[_Line]:
    """The capitalised lines just above the motto: the issuing body."""
    k = motto
    while k > 0 and _capitals(lines[k - 1].text) and motto - k < 3:
        k -= 1
    return lines[k:motto] if motto > 0 else []


def _authority(line: str, body: str, lex: Lexicon) -> bool:
    """A capitalised line naming the signer's authority: the body, a post or a body's head."""
    keys = name_key(line).split()
    if body and " ".join(keys).startswith(name_key(body)):
        return True
    titles = (tuple(name_key(w) for w in t) for t in lex.titles.get(keys[0], ()))
    heads = (h.keys for h in lex.heads.get(keys[0], ()) if len(h.keys) > 1)
    return any(len(t) > 1 and tuple(keys[: len(t)]) == t for t in titles) or any(
        tuple(keys[: len(h)]) == h for h in heads
    )


def _date(lines: list[_Line], start: int) -> tuple[str, str, int]:
    """The first date at or within three lines after ``start``: (ISO date, the place written before
    it, its line) or ('', '', start)."""
    for i in range(start, min(start + 4, len(lines))):
        m = _DATE.search(lines[i].text)
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= day <= 31 and 1 <= month <= 12:
                place = lines[i].text[: m.start()].strip(" ,")
                return f"{year:04d}-{month:02d}-{day:02d}", place, i
    return "", "", start


def _title(lines: list[_Line], after: int, body: str, lex: Lexicon) -> list[_Line]:
    """The capitalised lines after the type's line, to the signer's authority."""
    title = []
    for line in lines[after + 1 : after + 1 + _TITLE_LINES]:
        if not _capitals(line.text) or _authority(line.text, body, lex):
            break
        title.append(line)
    return title


def read_header(text: str, lex: Lexicon) -> Header | None:
    """The header at the top of ``text``, or None when the text opens with none."""
    lines = _lines(text)
    at = next((i for i, line in enumerate(lines) if _NUMBER.match(line.text)), -1)
    if at < 0:
        return None
    m = _NUMBER.match(lines[at].text)
    number = m.group(1) if m and m.group(1) else (lines[at + 1].text if at + 1 < len(lines) else "")
    number = re.sub(r"\s+", "", number)
    if "/" not in number:
        return None
    motto = _motto(lines, at)
    body_lines = _body(lines, motto)
    body = " ".join(line.text for line in body_lines)
    date, place, i = _date(lines, at)
    kind = next(
        (k for k in range(i + 1, min(i + 4, len(lines))) if name_key(lines[k].text) in lex.doc_words), -1
    )
    title = _title(lines, kind, body, lex) if kind >= 0 and _capitals(lines[kind].text) else []
    spans = (_span(lines[motto:at]) if motto >= 0 else (0, 0), _span(title))
    text_title = " ".join(line.text for line in title)
    return Header(number, date, text_title, body, place, _span(body_lines), spans)
