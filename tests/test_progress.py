"""Progress lines when stderr is not a terminal, -q, and the build's next steps."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kgraph.cli import main
from kgraph.cli.progress import ProgressLines, next_steps

CORPUS = Path(__file__).parent / "data" / "corpus_small"


def test_lines_every_interval_with_count_rate_and_time_left() -> None:
    now = [100.0]
    out = io.StringIO()
    lines = ProgressLines(out, interval=5.0, clock=lambda: now[0])
    lines.on_total(1000)

    def articles(n: int) -> None:
        for _ in range(n):
            now[0] += 0.0625
            lines.progress(Path("a.txt"))

    articles(64)  # 4 s: no line yet
    assert out.getvalue() == ""
    articles(16)  # 5 s
    assert out.getvalue().splitlines() == ["kgraph: 80/1,000 articles (8%), 16.0/s, about 58 s left"]
    articles(48)  # 8 s: the next line comes at 10 s
    assert len(out.getvalue().splitlines()) == 1
    lines.on_stage("writing")
    lines.close()
    assert out.getvalue().splitlines()[-2:] == [
        "kgraph: 128/1,000 articles; writing",
        "kgraph: 128 articles in 8 s",
    ]


def test_a_quick_build_prints_no_progress() -> None:
    out = io.StringIO()
    lines = ProgressLines(out, interval=5.0, clock=lambda: 1.0)
    lines.on_total(3)
    for _ in range(3):
        lines.progress(Path("a.txt"))
    lines.on_stage("writing")
    lines.close()
    assert out.getvalue() == ""


def test_build_prints_progress_lines_to_a_log_and_nothing_with_q(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kgraph.cli import progress

    monkeypatch.setattr(progress, "INTERVAL", 0.0)  # a line per article
    assert main(["build", str(CORPUS), "--out", str(tmp_path / "a"), "--no-html", "--workers", "1"]) == 0
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert err[0].startswith("kgraph: 1/6 articles (16%), ") and "left" in err[0]
    assert err[-1].startswith("kgraph: 6 articles in ")
    assert "next:" in captured.out and f"kgraph report {tmp_path / 'a' / 'graph.trig'}" in captured.out
    assert (
        main(["build", str(CORPUS), "--out", str(tmp_path / "b"), "--no-html", "-q", "--workers", "1"]) == 0
    )
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_next_steps_name_the_page_the_report_and_a_query(tmp_path: Path) -> None:
    text = next_steps(tmp_path, html=True)
    assert (tmp_path / "graph.html").resolve().as_uri() in text and "kgraph report" in text
    assert "kgraph query" in text and "kgraph viz" in text
    assert "graph.html" not in next_steps(tmp_path, html=False)


def test_every_option_is_described_in_help() -> None:
    import argparse

    from kgraph.cli import make_parser

    parser = make_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    undescribed = [
        f"{name} {'/'.join(action.option_strings) or action.dest}"
        for name, sub in commands.choices.items()
        for action in sub._actions
        if not action.help and not isinstance(action, argparse._HelpAction)
    ]
    assert undescribed == []
    assert {"report", "viz", "build", "evaluate", "export"} <= set(commands.choices)
