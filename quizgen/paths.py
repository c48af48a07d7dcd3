"""Files as quizgen reads and writes them: only regular files are read, within a size limit; an output path
checked against the inputs of the same command never replaces a file read; every file is written through a
recognisable temporary file beside it, and what a killed run left behind is removed by the next."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # not on Windows: there, pids and age alone tell a leftover
    fcntl = None  # type: ignore[assignment]

from .errors import QuizgenError


def refuse_input_as_output(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise when `output` is one of `inputs`: the same name, a symbolic link to it or a hard link (so
    `extract x.txt -o x.txt` stops before it writes the deck over the article)."""
    out = Path(output)
    try:
        if not out.exists():
            return  # a file that does not exist yet is no input
    except OSError:
        return  # a name the system cannot look up (too long) is no input; writing it reports the error
    for raw in inputs:
        try:
            same = os.path.samefile(out, raw)
        except OSError:
            continue
        if same:
            shown = "" if Path(raw) == out else f" ({raw})"
            raise QuizgenError(f"is also an input{shown}; writing here would replace it", where=str(output))


def output_target(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """The file to write and its folder, after checking that the folder exists and the target is not a
    folder: one error line each. A name too long for the file system is one too, where Path.is_dir raises."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise QuizgenError("folder does not exist", where=str(folder))
    try:
        is_dir = target.is_dir()
    except OSError as exc:
        raise QuizgenError(f"cannot write: {exc.strerror}", where=str(target)) from None
    if is_dir:
        raise QuizgenError("is a folder", where=str(target))
    return target, folder


class NotARegularFile(OSError):
    """A device, a pipe or a socket where a file was expected."""


class FileTooLarge(OSError):
    """A file over the size limit its reader sets."""

    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(errno.EFBIG, "file too large")
        self.size = size  # None when it grew while it was read
        self.limit = limit


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A device or a pipe (/dev/zero, a FIFO) would
    never end or never come: refused before reading (NotARegularFile), as is a file over the limit
    (FileTooLarge). Opened non-blocking, so a FIFO does not block the open."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise FileTooLarge(info.st_size, limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(None, limit)
    return data


# ---- writing: temporary files beside their target ------------------------------------------------------
# Every file quizgen writes is written under a temporary name beside it, then renamed over it, so a reader
# sees the old file or the new one, never half of one. The temporary name says whose it is,
# `.<target name>.quizgen-<pid>-<token>.tmp`, so that what a killed run left behind can be recognised and
# removed by the next run (`remove_stale`), and nothing goes to /tmp, where no one would look for it.
# The writer holds an flock on its temporary file or folder while it works: a temporary that is locked
# belongs to a live writer and is never removed, whatever its age.

STALE_SECONDS = 3600  # an unlocked temporary this old is a leftover even when its pid is alive (reused)
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.quizgen-(?P<pid>[0-9]+)-(?P<token>[0-9a-f]{8,})\.tmp")


def temp_name(target_name: str) -> str:
    """A fresh temporary name for `target_name`, recognisable by `remove_stale`."""
    return f".{target_name}.quizgen-{os.getpid()}-{secrets.token_hex(6)}.tmp"


def _folder_of(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def _lock(fd: int, wait: bool = True) -> bool:
    """An exclusive flock on `fd`; False when another holds it (and `wait` is False)."""
    if fcntl is None:  # no flock here: pids and age alone tell a leftover
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without locks: fall back on pids and age, as above
    return True


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def remove_stale(folder: str | os.PathLike[str], target_name: str | None = None) -> list[Path]:
    """Remove quizgen's temporary files and folders in `folder` (those of `target_name` only, when given)
    that a killed run left behind: not locked by a writer, and of a process that has ended or older than
    an hour. Anything else, including any name quizgen does not make, is left alone. Never raises; returns
    what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        m = _TEMP_NAME.fullmatch(name)
        if m is None or (target_name is not None and m["target"] != target_name):
            continue
        path = Path(folder) / name
        with contextlib.suppress(OSError):
            if _remove_if_stale(path, int(m["pid"]), now):
                removed.append(path)
    return removed


def _remove_if_stale(path: Path, pid: int, now: float) -> bool:
    info = os.lstat(path)
    is_dir = stat.S_ISDIR(info.st_mode)
    if not (is_dir or stat.S_ISREG(info.st_mode)):
        return False  # a link, a FIFO or a device by that name is no temporary of quizgen's
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if not _lock(fd, wait=False):
            return False  # a live writer's
        if _pid_alive(pid) and now - info.st_mtime < STALE_SECONDS:
            return False  # its writer may not have locked it yet
        if is_dir:
            shutil.rmtree(path)
        else:
            os.unlink(path)
        return True
    finally:
        os.close(fd)


def write_atomic(
    target: str | os.PathLike[str],
    data: bytes | Callable[[BinaryIO], None],
    *,
    clean: bool = True,
    sync: bool = True,
) -> None:
    """Write `data` (bytes, or a function that writes to the binary file it is given) to `target`: into a
    temporary file beside it, synced, then renamed over it. The new file has the mode a newly created file
    would (0o666 less the umask). On any failure the temporary file is removed and the error raised (an
    OSError for the file system's). `clean`: first remove the stale temporaries of earlier runs in that
    folder (of any target: a killed `export -o a.apkg` is cleaned up by `export -o b.apkg` too). `sync`:
    on the disk before the rename (a cache entry, checked when read, can do without)."""
    target = Path(target)
    folder = _folder_of(target)
    if clean:
        remove_stale(folder)
    tmp = folder / temp_name(target.name)
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        _lock(fd)
        with os.fdopen(os.dup(fd), "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:
                data(fh)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        os.close(fd)  # (releases the lock)
    if sync:
        _sync_folder(folder)


def write_output(target: str | os.PathLike[str], data: bytes) -> None:
    """`write_atomic` for a file the user named (a deck, a csv): the target checked first (output_target)
    and any failure one error line, a QuizgenError."""
    output_target(target)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise QuizgenError(f"cannot write: {exc.strerror or exc}", where=str(target)) from None


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; a file system that cannot sync a folder is no error."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def scratch_folder(beside: str | os.PathLike[str], *, clean: bool = True) -> Iterator[Path]:
    """A fresh, locked folder for the scratch work of writing `beside` (the path of the file to be
    written), in the same folder and named as `write_atomic`'s temporary files are; removed with its
    contents on leaving, however the block ends. `clean`: as for `write_atomic`."""
    target = Path(beside)
    folder = _folder_of(target)
    if clean:
        remove_stale(folder)
    work = folder / temp_name(target.name)
    os.mkdir(work)
    try:
        fd = os.open(work, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    try:
        _lock(fd)
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)
        os.close(fd)
