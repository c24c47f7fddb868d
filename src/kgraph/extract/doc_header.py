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


def _lines(text: str) -> list[str]:
    """The text's lines and table cells that hold a letter or digit, stripped."""
    out = []
    for raw in text.replace("|", "\n").split("\n"):
        line = raw.strip()
        if any(c.isalnum() for c in line):
            out.append(line)
        if len(out) >= _READ:
            break
    return out


def _capitals(line: str) -> bool:
    return any(c.isalpha() for c in line) and line == line.upper()


def _body(lines: list[str], before: int) -> str:
    """The capitalised lines just above the motto (above line ``before``): the issuing body."""
    motto = next((i for i in range(before) if name_key(" ".join(lines[i : i + 2])).startswith(_REPUBLIC)), -1)
    k = motto
    while k > 0 and _capitals(lines[k - 1]) and motto - k < 3:
        k -= 1
    return " ".join(lines[k:motto]) if motto > 0 else ""


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


def _date(lines: list[str], start: int) -> tuple[str, str, int]:
    """The first date at or within three lines after ``start``: (ISO date, the place written before
    it, its line) or ('', '', start)."""
    for i in range(start, min(start + 4, len(lines))):
        m = _DATE.search(lines[i])
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= day <= 31 and 1 <= month <= 12:
                place = lines[i][: m.start()].strip(" ,")
                return f"{year:04d}-{month:02d}-{day:02d}", place, i
    return "", "", start


def read_header(text: str, lex: Lexicon) -> Header | None:
    """The header at the top of ``text``, or None when the text opens with none."""
    lines = _lines(text)
    at = next((i for i, line in enumerate(lines) if _NUMBER.match(line)), -1)
    if at < 0:
        return None
    m = _NUMBER.match(lines[at])
    number = m.group(1) if m and m.group(1) else (lines[at + 1] if at + 1 < len(lines) else "")
    number = re.sub(r"\s+", "", number)
    if "/" not in number:
        return None
    body = _body(lines, at)
    date, place, i = _date(lines, at)
    kind = next((k for k in range(i + 1, min(i + 4, len(lines))) if name_key(lines[k]) in lex.doc_words), -1)
    if kind < 0 or not _capitals(lines[kind]):
        return Header(number, date, "", body, place)
    title = []
    for line in lines[kind + 1 : kind + 1 + _TITLE_LINES]:
        if not _capitals(line) or _authority(line, body, lex):
            break
        title.append(line)
    return Header(number, date, " ".join(title), body, place)
