"""Reading files: HTML pages, Markdown, plain-text conventions, and the files that are no article."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import DATA, SEED
from rdflib.namespace import RDF

from kgraph.errors import InputError
from kgraph.read import (
    defuse_html,
    find_articles,
    find_metadata,
    looks_like_html,
    parse_date,
    parse_front_matter,
    parse_html,
    read_article,
)

HOSTILE = DATA / "hostile"


# ---------------------------------------------------------------- HTML


def test_html_page_gives_title_date_byline_and_body_only() -> None:
    article = read_article(HOSTILE / "page.html")
    assert article.title == "Ban Thường vụ Tỉnh ủy Hà Nam họp phiên thường kỳ tháng 8"
    assert article.published == "2017-08-02T15:00:00"  # the article's <time>, before the page's meta
    assert article.author == "Nguyễn Thị Hoa"
    text = article.text
    assert text.startswith(article.title + "\n")
    assert "Đồng chí Lê Văn Minh, Bí thư Tỉnh ủy chủ trì" in text
    assert "&" in text and "“khẩn trương”" in text and "Đề án số 05 <script>." in text  # entities decoded
    for dropped in (
        "Trang chủ",
        "Giá vàng",
        "Quảng cáo",
        "JavaScript",
        "Tìm kiếm",
        "Bản quyền",
        "alert",
        "fetch",
    ):
        assert dropped not in text, dropped
    assert article.warnings == ()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # no <article>: the whole body, the <title> as title, meta date and author
        (
            '<html><head><title>Tin tỉnh</title><meta name="date" content="03/08/2017">'
            '<meta name="author" content="Lê An"></head><body><p>Một câu.</p><p>Hai câu.</p></body></html>',
            ("Tin tỉnh\nMột câu.\nHai câu.", "Tin tỉnh", "2017-08-03", "Lê An"),
        ),
        # og:title wins over <title>; an author URL is no name
        (
            '<html><head><meta property="og:title" content="Tiêu đề &amp; phụ"><title>X | Báo</title>'
            '<meta property="article:author" content="https://x.vn/a"></head><body>Nội dung.</body></html>',
            ("Tiêu đề & phụ\nNội dung.", "Tiêu đề & phụ", "", ""),
        ),
        # unclosed tags, stray end tags and a comment do not lose text
        (
            "<body><div><p>Đoạn một<p>Đoạn hai</span></b><!-- bình luận --><br>Dòng ba",
            ("Đoạn một\nĐoạn hai\nDòng ba", "", "", ""),
        ),
        # an impossible date is no date
        ('<meta name="date" content="2017-02-31"><p>Văn bản.</p>', ("Văn bản.", "", "", "")),
    ],
)
def test_parse_html(page: str, expected: tuple[str, str, str, str]) -> None:
    assert parse_html(page) == expected


@pytest.mark.parametrize(
    ("page", "defused"),
    [
        ('<p class="a">x</p>', '<p class="a">x</p>'),  # well-formed tags stay
        ("a < b, c<d", "a &lt; b, c&lt;d"),  # a lone < is text
        ("<a <b>", "&lt;a <b>"),  # a tag cut short by another
        ("<!-- a < b --><p>", "<!-- a < b --><p>"),  # comments are skipped whole
        ("<p>x<!-- never closed <p>y", "<p>x"),  # an unclosed comment runs to the end
        ("<script>if (a<b) x()</script>", "<script>if (a<b) x()</script>"),  # script text untouched
        ("<p>x<script>a<b", "<p>x"),  # an unclosed script runs to the end
        ('<a x=">" <a x=">"', '&lt;a x=">" &lt;a x=">"'),  # never closed outside quotes
        ("<!DOCTYPE html><?xml x?></p >", "<!DOCTYPE html><?xml x?></p >"),
    ],
)
def test_defuse_html(page: str, defused: str) -> None:
    assert defuse_html(page) == defused


@pytest.mark.parametrize("unit", ["<a ", '<a href="', "<!--", "<?", "</", '<a x=">" ', "<!-- -- ", "<p>"])
def test_pathological_html_is_parsed_in_linear_time(unit: str) -> None:
    # Python's HTMLParser alone took 40 s on 80 KB of '<a ': a page must not stall a build
    started = time.process_time()  # CPU seconds: the machine's load does not count
    parse_html(unit * (200_000 // len(unit)) + "Văn bản")
    assert time.process_time() - started < 5


def test_txt_file_holding_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "<!DOCTYPE html><html><body><script>x()</script><p>Nội dung</p></body></html>", encoding="utf-8"
    )
    assert read_article(path).text == "Nội dung"
    assert looks_like_html("  <html lang='vi'>") and not looks_like_html("Bài viết <b>đậm</b>")


def test_html_page_without_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><body><nav>Trang chủ</nav><script>alert(1)</script></body></html>", encoding="utf-8"
    )
    with pytest.raises(InputError, match="menu.html: is an HTML page without text"):
        read_article(path)


# ---------------------------------------------------------------- Markdown


def test_markdown_front_matter_and_body() -> None:
    article = read_article(HOSTILE / "front_matter.md")
    assert article.title == "Tỉnh ủy Bắc Ninh triển khai Chỉ thị số 05-CT/TW"
    assert article.published == "2018-03-15"
    assert article.author == "Trần Văn Bình"
    assert (
        "Sáng 14/3, Ban Thường vụ Tỉnh ủy Bắc Ninh tổ chức hội nghị triển khai Chỉ thị số 05-CT/TW của"
        in article.text
    )
    assert "Đồng chí Nguyễn Nhân Chiến" in article.text and "thảo luận & thống nhất" in article.text
    for markup in ("**", "](", "https://", "---", "# ", "hoi-nghi.jpg", "tags"):
        assert markup not in article.text, markup


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ('---\ntitle: "A: b"\ndate: 2020-01-02\n---\nx', {"title": "A: b", "date": "2020-01-02"}),
        ("---\nauthors:\n  - Lê A\n  - Trần B\n---\n", {"authors": "Lê A, Trần B"}),
        ('+++\ntitle = \'Tựa\'\nauthor = ["X", "Y"]\n+++\n', {"title": "Tựa", "author": "X, Y"}),
        ("---\ntitle: never closed\n", {}),  # no closing fence: no front matter
        ("no front matter", {}),
    ],
)
def test_parse_front_matter(text: str, front: dict[str, str]) -> None:
    assert parse_front_matter(text)[0] == front


def test_markdown_heading_is_the_title_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Lời dẫn\n\n## Hội nghị Tỉnh ủy ##\n\nNội dung *nghiêng*.\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Hội nghị Tỉnh ủy"
    assert article.text.startswith("Hội nghị Tỉnh ủy\n") and "Nội dung nghiêng." in article.text


# ---------------------------------------------------------------- plain text


def test_plain_text_entities_and_byline() -> None:
    article = read_article(HOSTILE / "entities.txt")
    assert (
        article.title
        == "Ủy ban nhân dân tỉnh & Hội đồng nhân dân tỉnh ban hành Kế hoạch – phòng chống thiên tai"
    )
    assert '"khẩn trương" chỉ đạo Đảng ủy xã triển khai <b>kế hoạch</b>.' in article.text
    assert (article.published, article.author) == ("2019-06-05", "Báo Quảng Nam")


def test_seed_metadata() -> None:
    article = read_article(SEED)
    assert article.title.startswith("Đảng uỷ Khối Các cơ quan tỉnh tăng cường")
    assert article.published == "2017-08-03T07:28:00"
    assert article.warnings == ()
    assert article.text == SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2017-08-03", "2017-08-03"),
        ("2017-08-03T07:28:00+07:00", "2017-08-03T07:28:00+07:00"),
        ("2017-08-03 07:28", "2017-08-03T07:28:00"),
        ("2017-08-03T07:28:00.123Z", "2017-08-03T07:28:00Z"),
        ("2017-08-03T07:28+0700", "2017-08-03T07:28:00+07:00"),
        ("Cập nhật lúc07:28, Thứ Năm, 03/08/2017", "2017-08-03T07:28:00"),
        ("Thứ Năm, 3-8-2017", "2017-08-03"),
        ("31/02/2017", ""),  # no such day
        ("2017-13-01", ""),  # no such month
        ("99:99 03/08/2017", "2017-08-03"),  # no such time: the day stays
        ("hôm qua", ""),
    ],
)
def test_parse_date(value: str, iso: str) -> None:
    assert parse_date(value) == iso


def test_find_metadata_on_a_huge_first_line_is_cheap() -> None:
    title, published, author = find_metadata("x" * 200_000 + "\n03/08/2017\nTheo: TTXVN")
    assert (title, published, author) == ("", "2017-08-03", "TTXVN")


# ---------------------------------------------------------------- what is not an article


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("empty.txt", "is empty (0 bytes)"),
        ("blank.txt", "has no text (only white space or markup)"),
        ("binary.txt", "is a PNG image, not text"),
        ("report.pdf.txt", "is a PDF document, not text"),
    ],
)
def test_unusable_files_raise_input_error_naming_them(name: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        read_article(HOSTILE / name)
    assert caught.value.why == why
    assert str(caught.value).startswith(f"{(HOSTILE / name)}: {why}")
    assert "\n" not in str(caught.value)


def test_random_control_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 50)
    with pytest.raises(InputError, match="looks binary"):
        read_article(path)


def test_invalid_bytes_are_kept_with_a_warning() -> None:
    article = read_article(HOSTILE / "invalid_bytes.txt")
    assert article.warnings == ("invalid UTF-8: 3 bytes replaced by U+FFFD (first at byte 1500)",)
    assert article.text.count("\ufffd") == 3


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        find_articles([fifo])
    with pytest.raises(InputError, match="not a regular file"):
        read_article(fifo)
    (tmp_path / "a.txt").write_text("Bài.", encoding="utf-8")
    assert find_articles([tmp_path]) == [tmp_path / "a.txt"]  # a walk passes the pipe by


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Bài.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who reads everything (root)")
        with pytest.raises(InputError, match="cannot be read"):
            read_article(path)
    finally:
        path.chmod(0o644)


def test_folder_walk_skips_hidden_files_and_other_suffixes(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.html", ".hidden.txt", ".git/x.txt", "sub/d.htm", "e.pdf", "f.txt~"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_articles([tmp_path])]
    assert found == ["a.md", "b.txt", "c.html", "sub/d.htm"]


def test_bidirectional_controls_are_removed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "spoof.txt"
    path.write_text("Ban Chỉ đạo \u202etỉnh\u202c họp.\nĐồng chí \u2067An\u2069 dự.", encoding="utf-8")
    article = read_article(path)
    assert article.text == "Ban Chỉ đạo tỉnh họp.\nĐồng chí An dự."
    assert article.warnings == ("4 bidirectional control characters removed (they can disguise names)",)


def test_bidirectional_controls_from_html_entities_are_removed_too(tmp_path: Path) -> None:
    path = tmp_path / "spoof.html"
    path.write_text("<h1>Tỉnh &#x202e;ủy</h1><p class=author>An&#8238;</p><p>Nội dung.</p>", encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.author) == ("Tỉnh ủy", "An")
    assert "\u202e" not in article.text
    # two in the text, one each in the title and the byline taken from it
    assert article.warnings == ("4 bidirectional control characters removed (they can disguise names)",)


def test_utf8_bom_before_binary_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + bytes(range(0, 32)) * 10)
    with pytest.raises(InputError, match="looks binary"):
        read_article(path)


def test_evidence_quotes_the_sentence_as_written_with_offsets_into_the_article(tmp_path: Path) -> None:
    import kgraph
    from kgraph.namespaces import KG

    seed = SEED.read_text(encoding="utf-8")
    written = seed.replace("ủy", "uỷ").replace("hóa", "hoá").replace(" ", "  ", 40).replace("\n", "\r\n")
    path = tmp_path / "written.txt"
    path.write_bytes(("  " + written).encode("utf-8"))
    text = read_article(path).text
    graph = kgraph.build([path]).union()
    statements = list(graph.subjects(RDF.type, RDF.Statement))
    assert len(statements) >= 5
    for node in statements:
        evidence = str(graph.value(node, KG.evidence))
        start, end = int(graph.value(node, KG.startOffset)), int(graph.value(node, KG.endOffset))  # type: ignore[arg-type]
        assert text[start:end] == evidence
    assert any("uỷ" in str(graph.value(node, KG.evidence)) for node in statements)  # not normalised to ủy
