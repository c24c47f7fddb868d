"""Progress as plain lines on stderr, for builds whose stderr is not a terminal (logs, CI).

A terminal gets tqdm's bar (``cli/build.py``); a log gets one line every ``interval``
seconds with the count, the rate and the time left, then the stages and a last line
when the work ends. A build done within the first interval prints nothing (stderr keeps
only its warnings):

    kgraph: 120/1,000 articles (12%), 24.1/s, about 37 s left
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..settings import BuildHooks

#: Seconds between two progress lines.
INTERVAL = 5.0


class ProgressLines(BuildHooks):
    """The build's hooks, printing a line now and then."""

    def __init__(
        self,
        stream: TextIO | None = None,
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.interval = INTERVAL if interval is None else interval
        self.printed = False
        self.clock = clock
        self.total = 0
        self.done = 0
        self.stage = ""
        self.start = self.last = clock()

    def _print(self, text: str) -> None:
        self.printed = True
        print(f"kgraph: {text}", file=self.stream or sys.stderr, flush=True)

    def on_total(self, total: int) -> None:
        self.total = total
        self.start = self.last = self.clock()

    def progress(self, _: Path) -> None:
        self.done += 1
        now = self.clock()
        if now - self.last >= self.interval:
            self.last = now
            self._print(self.line(now))

    def line(self, now: float) -> str:
        """The count, the rate and the time left at ``now``."""
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        text = f"{self.done:,}/{self.total:,} articles"
        if self.total:
            text += f" ({100 * self.done // self.total}%)"
        text += f", {rate:.1f}/s"
        left = self.total - self.done
        if left > 0 and rate > 0:
            text += f", about {_duration(left / rate)} left"
        return text

    def on_stage(self, stage: str) -> None:
        if stage != self.stage:
            self.stage = stage
            if self.printed or self.clock() - self.start >= self.interval:
                self._print(f"{self.done:,}/{self.total:,} articles; {stage}")

    def close(self) -> None:
        if self.printed:
            elapsed = self.clock() - self.start
            self._print(f"{self.done:,} articles in {_duration(elapsed)}")


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def next_steps(out: Path, html: bool) -> str:
    """What to open or run after a build into ``out``."""
    graph = out / "graph.trig"
    lines = ["next:"]
    if html:
        lines.append(f"  open {(out / 'graph.html').resolve().as_uri()} (the network, in a browser)")
    lines += [
        f"  kgraph report {graph} --out {out / 'report.html'}   (charts of the corpus)",
        f"  kgraph query {graph} who-directs-whom   (ready-made queries: kgraph query {graph} --list)",
        f"  kgraph viz {graph} --out {out / 'focus.html'} --focus NAME   (one entity's neighbourhood)",
    ]
    return "\n".join(lines)
