"""Extraction workers that end with the process that started them.

A worker of `extract --jobs N` waits on a pipe for its next article; if the parent is killed outright
(`kill -9`, the out-of-memory killer) nothing closes that wait, and the worker lived on, adopted by init,
holding hundreds of MB. On Linux the kernel can send the worker a signal when its parent dies.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """In a freshly started worker: be killed when `parent` ends (Linux; elsewhere nothing is done).

    The kernel tracks the thread that forked this process: the pool forks from the thread that runs the
    extraction, which lives as long as the command does."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no C library to ask: the worker lives as before
        return
    # The parent may have died between the fork and the request, when no signal was left to send.
    if os.getppid() != parent:
        os._exit(1)
