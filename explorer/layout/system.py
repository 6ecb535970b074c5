"""The system Graphviz: the `dot` program on PATH, run as a subprocess with a timeout."""

from __future__ import annotations

import functools
import logging
import re
import shutil
import subprocess

from explorer.layout import messages
from explorer.layout.model import LayoutError

logger = logging.getLogger(__name__)

_VERSION = re.compile(r"version\s+(\S+)")
# Characters of dot's stderr kept in an error message.
MAX_ERROR_CHARS = 2000


def find_dot() -> str | None:
    """Return the path of the `dot` program on PATH, or None."""
    return shutil.which("dot")


def render(dot_source: str, fmt: str, timeout: float, dot_path: str | None = None) -> bytes:
    """Run `dot -T<fmt>` on `dot_source` and return its output.

    Raises LayoutError when dot is missing, cannot start, exceeds `timeout`
    seconds (the process is killed) or exits with an error.
    """
    path = dot_path or find_dot()
    if path is None:
        raise LayoutError(messages.system_dot_missing())
    try:
        completed = subprocess.run(
            [path, f"-T{fmt}"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        logger.warning("dot timed out after %s s on a graph of %d characters", timeout, len(dot_source))
        raise LayoutError(messages.timed_out(timeout)) from None
    except OSError as error:
        raise LayoutError(messages.dot_not_runnable(path, str(error))) from None
    stderr = completed.stderr.decode("utf-8", errors="replace").strip()
    if completed.returncode != 0:
        detail = stderr[:MAX_ERROR_CHARS] or f"exit status {completed.returncode}"
        raise LayoutError(messages.render_failed(detail))
    if stderr:
        logger.debug("dot warnings: %s", stderr[:MAX_ERROR_CHARS])
    return completed.stdout


@functools.lru_cache(maxsize=4)
def version(dot_path: str) -> str | None:
    """Return the Graphviz version `dot -V` reports, such as "2.43.0", or None."""
    try:
        completed = subprocess.run([dot_path, "-V"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.search(completed.stderr.decode("utf-8", errors="replace"))
    return match.group(1) if match else None
