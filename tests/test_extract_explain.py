"""The rule registry and ``kgraph explain``: every product names its rule; drops are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, SEED
from test_hostile import make_long_line

from kgraph.cli import main
from kgraph.explain import render_html, render_text
from kgraph.extract import Trace, trace
from kgraph.extract.rules import (
    ARTICLE_RELATION_RULES,
    DOCUMENT_RULES,
    MENTION_RULES,
    SENTENCE_RELATION_RULES,
    rule_name,
)
from kgraph.model import Article
from kgraph.read import read_article
from kgraph.text import make_document

RULES = {
    rule_name(r) for r in (*DOCUMENT_RULES, *MENTION_RULES, *SENTENCE_RELATION_RULES, *ARTICLE_RELATION_RULES)
}
#: Parts of a registered rule that name their products themselves
PARTS = {
    "event_resolution",
    "post_parts",
    "fronted_doc",
    "issue_verb",
    "cooperate_together",
    "doc_implements",
}
PARTS |= {
    f"cue_{c}"
    for c in ("lead", "implement", "organize", "participate", "cooperate", "assign", "partof", "person")
}


def _trace(text: str, title: str = "") -> Trace:
    body = f"{title}\n{text}" if title else text
    return trace(make_document(Article(source="t.txt", text=body, title=title)))


def test_every_mention_entity_and_relation_names_a_registered_rule() -> None:
    t = trace(make_document(read_article(SEED)))
    found = [f for sm in t.sentences for f in sm.found]
    assert found and t.extraction.relations and t.extraction.entities
    assert {f.rule for f in found} <= RULES | PARTS
    assert {e.rule for e in t.extraction.entities.values()} <= RULES | PARTS
    assert {r.rule for r in t.extraction.relations} <= RULES | PARTS
    assert "" not in {f.rule for f in found} | {r.rule for r in t.extraction.relations}


def test_rule_names_are_unique() -> None:
    rules = [*DOCUMENT_RULES, *MENTION_RULES, *SENTENCE_RELATION_RULES, *ARTICLE_RELATION_RULES]
    assert len({rule_name(r) for r in rules}) == len(rules)


def test_a_relation_failing_the_subject_check_is_reported() -> None:
    t = _trace("UBND tỉnh đề nghị, yêu cầu Chính phủ xem xét.")
    reasons = [d.reason for d in t.dropped]
    assert any("subject check" in r for r in reasons), reasons


def test_a_name_cut_by_a_stop_word_is_reported() -> None:
    t = _trace("Luật Đất đai được Quốc hội thông qua.")
    cut = [d for d in t.dropped if d.rule == "laws"]
    assert cut and "stop word" in cut[0].reason and "được" in cut[0].reason


def test_text_shows_mentions_relations_rules_and_drops() -> None:
    out = render_text(trace(make_document(read_article(SEED))), "seed.txt")
    assert "mention   PartyCommittee" in out
    assert "--implements--> Nghị quyết Trung ương 4 (khóa XII)" in out
    assert "[cue_implement]" in out and "[plenum_resolutions]" in out
    assert "dropped" in out


def test_html_escapes_everything_and_highlights_by_class() -> None:
    t = _trace("Sở Tài chính <script>alert(1)</script> chỉ đạo “<b>x</b>” & Sở Y tế tỉnh Nghệ An.")
    page = render_html(t, "<evil>.txt")
    assert "<script>" not in page and "<b>" not in page and "<evil>" not in page
    assert '<mark class="k-StateAgency"' in page


def test_cli_explain_text_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED)]) == 0
    assert "relation" in capsys.readouterr().out
    page = tmp_path / "x.html"
    assert main(["explain", str(SEED), "--html", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "blank.txt"])
def test_cli_explain_refuses_unusable_files_on_one_line(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", str(DATA / "hostile" / name)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and name in err and "Traceback" not in err


def test_cli_explain_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


@pytest.mark.parametrize(
    "path",
    [
        DATA / "hostile" / n
        for n in (
            "utf16.txt",
            "tcvn3.txt",
            "vni.txt",
            "windows1258.txt",
            "nfd.txt",
            "page.html",
            "iri_chars.txt",
        )
    ]
    + sorted((DATA / "encodings").glob("*.txt")),
    ids=lambda p: p.name,
)
def test_cli_explain_reads_odd_encodings(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", str(path), "--html", str(tmp_path / "p.html")]) == 0
    assert main(["explain", str(path)]) == 0
    assert "sentences" in capsys.readouterr().out


def test_cli_explain_huge_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.txt"
    make_long_line(path, 100_000)
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) < 2500  # each sentence on one bounded line


def test_explain_says_how_a_relation_is_put_and_where_it_came_from() -> None:
    text = render_text(
        _trace(
            "UBND tỉnh Hà Tĩnh đề nghị Bộ Y tế chỉ đạo Bệnh viện Bạch Mai hỗ trợ. Các chi bộ học tập Chỉ thị "
            "số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh. Bộ Chính trị đánh giá cao."
        ),
        "t.txt",
    )
    assert "Bộ Y tế --directs--> Bệnh viện Bạch Mai   [cue_lead] (requested)" in text
    assert "--issuedBy--> Bộ Chính trị   [issuer_table] (from the issuers table)" in text
