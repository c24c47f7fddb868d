"""File helpers shared by every writer: atomic writes, printable paths, filesystem faults as
one line, the lock of an output folder, and output sets swapped in together.

An output set (``graph.ttl``, ``.trig``, ``.nq``, ``.html``) is written into
``OUT/.kgraph-staging/``; once every file is complete and synced, a ``COMMIT`` list is
written there, then each file is renamed into ``OUT`` and the folder removed. A build
stopped at any point (even SIGKILL) leaves either a staging folder without ``COMMIT``
(dropped by the next build, old outputs untouched) or one with it (the next build finishes
the renames first), so readers never keep a mixed set and no temporary file stays behind.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError

LOCK = ".kgraph-lock"
STAGING = ".kgraph-staging"
COMMIT = "COMMIT"

#: errno -> (what happened, what to do), for the one line a filesystem fault becomes.
_FAULTS = {
    errno.EROFS: ("is on a read-only file system", "give --out a writable folder"),
    errno.ENOSPC: ("no space left on the device", "free some space or give --out on another disk"),
    errno.EDQUOT: ("disk quota exceeded", "free some space or give --out on another disk"),
    errno.EFBIG: ("file too large for this process's file-size limit", "raise 'ulimit -f' or free space"),
    errno.EACCES: ("permission denied", "give --out a folder you may write to"),
    errno.EPERM: ("operation not permitted", "give --out a folder you may write to"),
}


def _umask() -> int:
    """The process's umask (read by setting it, then putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def printable_path(path: object) -> str:
    """A path for a one-line message: control characters (a line break in a file name) and
    bytes that are not UTF-8 (``\\xff``) escaped."""
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def fault(error: OSError, path: object) -> InputError:
    """A filesystem fault while writing ``path`` as one ``InputError`` line naming the path."""
    where = error.filename if error.filename is not None else path
    why, fix = _FAULTS.get(error.errno or 0, (f"cannot be written ({error.strerror or error})", ""))
    return InputError(printable_path(where), why, fix or "check the folder and the disk")


def write_atomic(path: Path, data: bytes | Iterable[str] | Iterable[bytes], sync: bool = True) -> None:
    """Write ``data`` (bytes, or pieces: UTF-8 text or bytes) to ``path`` via a temporary file and a rename.

    The temporary file is removed on every exit path, a failed write included. ``sync=False``
    skips the flush to disk before the rename: for files whose reader checks them (the cache's
    article files, read back only when their hash matches), where a torn file is only a miss.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                for piece in data:
                    handle.write(piece.encode("utf-8") if type(piece) is str else piece)  # type: ignore[arg-type]
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_file(path: Path, data: bytes | Iterable[str], option: str = "--out") -> None:
    """:func:`write_atomic` for a file the user named with ``option``: a folder there, or a
    filesystem fault, is one ``InputError`` naming that file (not the temporary one)."""
    if path.is_dir():
        raise InputError(printable_path(path), "is a folder", f"give {option} the name of a file")
    try:
        write_atomic(path, data)
    except OSError as error:
        raise fault(OSError(error.errno, error.strerror), path) from None


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold ``OUT/.kgraph-lock`` (an advisory lock the kernel drops when the process dies):
    two builds into one folder would mix their outputs, so the second one stops."""
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(
                printable_path(out),
                "is being written by another kgraph build",
                "wait for it or give another --out",
            ) from None
        yield
    finally:
        os.close(fd)


def recover(out: Path) -> None:
    """Finish or drop the output set an interrupted build left in ``OUT/.kgraph-staging``."""
    staging = out / STAGING
    if staging.is_symlink() or (staging.exists() and not staging.is_dir()):
        staging.unlink()  # not a folder a build made: a link (to anywhere), a file, a pipe
        return
    if not staging.is_dir():
        return
    commit = staging / COMMIT
    if commit.is_file():
        text = commit.read_bytes().decode("utf-8", "replace")  # a name that is not UTF-8 is not ours
        _install(out, staging, text.split("\n"))
    shutil.rmtree(staging, ignore_errors=True)


def _plain(name: str) -> bool:
    """Whether ``name`` may be an output of ``OUT`` itself: no folder, '..', absolute path or NUL,
    nor a hidden name (kgraph's own: the cache, the lock, the staging folder)."""
    return (
        bool(name)
        and not name.startswith(".")
        and "/" not in name
        and "\0" not in name
        and "\ufffd" not in name
    )


def _install(out: Path, staging: Path, entries: list[str]) -> None:
    """Rename the staged files into ``out``; ``-name`` entries are stale outputs to remove.
    A COMMIT list is ours only when its names are plain file names: any other is ignored."""
    for entry in entries:
        if not _plain(entry.removeprefix("-")):
            continue
        if entry.startswith("-"):
            if not (out / entry[1:]).is_dir():
                (out / entry[1:]).unlink(missing_ok=True)
        elif (staging / entry).is_file() and not (out / entry).is_dir():
            os.replace(staging / entry, out / entry)


class OutputSet:
    """The files of one build, written into a staging folder and swapped in together.

    ``path(name)`` gives where to write a file; ``commit(stale)`` installs them all and
    removes ``stale`` outputs of earlier builds; leaving the ``with`` block without a
    commit removes the staging folder, so the previous outputs stay as they were.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.staging = out / STAGING
        self.names: list[str] = []

    def __enter__(self) -> OutputSet:
        recover(self.out)
        self.staging.mkdir(parents=True)
        return self

    def path(self, name: str) -> Path:
        self.names.append(name)
        return self.staging / name

    def commit(self, stale: Iterable[str] = ()) -> None:
        entries = self.names + [f"-{name}" for name in stale if name not in self.names]
        write_atomic(self.staging / COMMIT, "\n".join(entries).encode("utf-8"))
        _install(self.out, self.staging, entries)

    def __exit__(self, *_: object) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
