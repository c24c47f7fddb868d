"""Speed work on start-up, output writing and the page (issue 12) that must not change a byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SMALL


def _page_the_long_way(assets: dict[str, str], data: str, title: str) -> str:
    """The page as it was put together: text markers replaced one after another in the decoded assets."""
    page = assets["page.html"]
    for marker, text in (
        ("/*VIS_CSS*/", assets["vis.css"]),
        ("/*PAGE_CSS*/", assets["page.css"]),
        ("/*VIS_JS*/", assets["vis.js"]),
        ("/*PAGE_JS*/", assets["page.js"]),
        ("/*DATA*/", data),
        ("<!--TITLE-->", title),
    ):
        head, sep, tail = page.partition(marker)
        assert sep
        page = head + text + tail
    return page


def _decoded_assets() -> dict[str, str]:
    """The assets read as text (universal newlines: vis-network's script holds carriage returns)."""
    from importlib import resources

    from kgraph.visualize import ASSETS, _pyvis_folder

    out = {name: (resources.files("kgraph") / "viz" / name).read_text(encoding="utf-8") for name in ASSETS}
    lib = _pyvis_folder() / "templates" / "lib" / "vis-9.1.2"
    out["vis.js"] = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    out["vis.css"] = (lib / "vis-network.css").read_text(encoding="utf-8")
    return out


def test_the_page_is_put_together_as_bytes_as_the_text_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import kgraph
    from kgraph import visualize
    from kgraph.facts import Facts
    from kgraph.visualize import page_bytes, render_html, render_html_bytes

    def no_decoding(*_: object, **__: object) -> str:
        raise AssertionError("the page's assets are read as bytes")

    result = kgraph.build([SMALL])
    facts = Facts.from_lines(result.union_lines())
    net = visualize.entity_net(facts)
    view = visualize.select_view(net, max_nodes=visualize.DEFAULT_MAX_NODES)
    context = visualize.Context.of(facts)
    title = "Tỉnh <b>ủy</b> /*DATA*/ & <!--TITLE-->"
    data = visualize.json_for_script(visualize.page_data(view, context, title))
    expected = _page_the_long_way(_decoded_assets(), data, visualize.html_text(title))
    visualize._asset_bytes.cache_clear()
    monkeypatch.setattr(Path, "read_text", no_decoding)
    assert page_bytes(view, title, context) == expected.encode("utf-8")
    assert render_html_bytes(facts) == render_html(facts).encode("utf-8")


def test_an_asset_holding_a_marker_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph import visualize

    real = Path.read_bytes

    def with_marker(path: Path) -> bytes:
        data = real(path)
        return data + b"/*DATA*/" if path.name == "vis-network.css" else data

    visualize._asset_bytes.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", with_marker)
    try:
        with pytest.raises(RuntimeError, match="vis.css holds the marker"):
            visualize._asset_bytes()
    finally:
        visualize._asset_bytes.cache_clear()


def _in_a_process(code: str) -> str:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_a_build_imports_its_modules_with_the_collector_already_slowed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = (
        "import gc\n"
        "from kgraph.cli import make_parser\n"
        f"args = make_parser().parse_args(['build', {str(SMALL)!r}, '--out', {str(out)!r}, '--no-html',"
        " '--no-cache', '--workers', '1', '--quiet'])\n"
        "passes = []\n"
        "gc.callbacks.append(lambda phase, info: passes.append(phase))\n"
        "args.func(args)\n"
        "print(len(passes), gc.get_threshold()[0])\n"
    )
    # importing the pipeline made ~27 passes of the collector (~4 ms) at the default threshold of 700
    assert _in_a_process(code) == "0 100000"


def test_a_command_registers_only_its_own_parser() -> None:
    from kgraph.cli import make_parser

    code = (
        "import argparse, sys\n"
        "made = []\n"
        "real = argparse._SubParsersAction.add_parser\n"
        "def add(self, name, **kw):\n"
        "    made.append(name)\n"
        "    return real(self, name, **kw)\n"
        "argparse._SubParsersAction.add_parser = add\n"
        "from kgraph.cli import make_parser\n"
        "make_parser(['build', 'x', '--out', 'y'])\n"
        "print(' '.join(made))\n"
    )
    assert _in_a_process(code) == "build"  # was all nine commands' parsers (~4 ms of start-up)
    every = make_parser(["--help"])._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert "build" in every and "serve" in every and "query" in every
    assert make_parser(["nonsense"]).format_help() == make_parser().format_help()
    one = make_parser(["build", "--help"])._subparsers._group_actions[0].choices["build"]  # type: ignore[union-attr]
    assert one.format_help() == make_parser()._subparsers._group_actions[0].choices["build"].format_help()  # type: ignore[union-attr]
