"""Hostile uses of every command: each gives one line naming the file and the fix, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, SEED

from kgraph.cli import main

GRAPH = DATA / "store_sample.trig"


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    # `kgraph query GRAPH --list | head -1`: the reader leaves before kgraph writes
    command = [sys.executable, "-m", "kgraph", "query", str(GRAPH), "--list"]
    reader, writer = os.pipe()
    os.close(reader)
    done = subprocess.run(command, stdout=writer, stderr=subprocess.PIPE, text=True, timeout=120)
    os.close(writer)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
    assert done.stderr == "" and done.returncode == 141
