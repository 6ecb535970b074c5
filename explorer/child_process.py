"""A warm Python child process that the app talks to in pickled frames.

The playground's programs (`explorer.runner_process`) and the Training tab's
runs (`explorer.training_process`) each run in such a child. There they do
not share the window's GIL, and they can be stopped or killed without harm to
the app.

Frames travel over the child's stdin and stdout: a 4-byte big-endian length,
then a pickle. The parent unpickles only the classes its caller allows. The
child starts in the package's directory and exits when its stdin closes, so
it never outlives the app.
"""

from __future__ import annotations

import atexit
import copyreg
import io
import logging
import math
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Collection
from typing import BinaryIO

log = logging.getLogger(__name__)

_HEADER = struct.Struct(">I")
# Put on a child's message queue once its stdout has closed.
EXITED = ("exited",)
# Maximum length of any dimension of an array without elements, in a frame.
MAX_EMPTY_ARRAY_LENGTH = 1024
# How long a child whose output has ended may take to exit before it is killed.
EXIT_WAIT_SECONDS = 1.0


def restricted_unpickler(allowed: Collection[tuple[str, str]], description: str) -> type[pickle.Unpickler]:
    """Return an Unpickler class that loads only the (module, name) classes in `allowed`.

    `description` names what the frames carry, for the error message.
    """

    class RestrictedUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str):
            if (module, name) not in allowed:
                raise pickle.UnpicklingError(f"{module}.{name} is not part of {description}")
            return super().find_class(module, name)

    return RestrictedUnpickler


def array_from_bytes(dtype: str, shape: tuple[int, ...], data: bytes):
    """Rebuild a numpy array of booleans or numbers that `write_frame` sent as bytes.

    numpy's own pickles rebuild a dtype from state that the pickle supplies,
    and such state can turn raw bytes into object pointers. So frames carry
    arrays as a dtype string, a shape and the bytes, and anything but a plain
    boolean, integer or float dtype of the right size raises UnpicklingError.
    """
    import numpy

    kind = numpy.dtype(dtype)
    if kind.kind not in "biuf" or kind.fields is not None or kind.subdtype is not None:
        raise pickle.UnpicklingError(f"arrays of dtype {dtype!r} cannot cross between processes")
    if type(shape) is not tuple or not all(type(size) is int and size >= 0 for size in shape):
        raise pickle.UnpicklingError(f"invalid array shape {shape!r}")
    # An empty array could otherwise claim a length of billions in its other dimensions.
    if shape and max(shape) > max(math.prod(shape), MAX_EMPTY_ARRAY_LENGTH):
        raise pickle.UnpicklingError(f"array shape {shape!r} is longer than its data")
    if type(data) is not bytes or math.prod(shape) * kind.itemsize != len(data):
        raise pickle.UnpicklingError(f"array data does not match shape {shape!r} and dtype {dtype!r}")
    return numpy.frombuffer(data, dtype=kind).reshape(shape).copy()


def _reduce_array(array) -> tuple:
    return (array_from_bytes, (array.dtype.str, array.shape, array.tobytes()))


def write_frame(stream: BinaryIO, message: object) -> None:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        # A per-pickler table keeps the C pickler's speed for every other type.
        pickler.dispatch_table = {**copyreg.dispatch_table, numpy.ndarray: _reduce_array}
    pickler.dump(message)
    data = buffer.getvalue()
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: BinaryIO, unpickler=pickle.Unpickler) -> object | None:
    """Return the next message, or None at the end of the stream."""
    header = _read_exactly(stream, _HEADER.size)
    if header is None:
        return None
    data = _read_exactly(stream, _HEADER.unpack(header)[0])
    if data is None:
        return None
    return unpickler(io.BytesIO(data)).load()


def _has_stderr() -> bool:
    try:
        os.fstat(2)
    except OSError:
        return False
    return True


class ChildProcess:
    """One child process, the thread that reads its frames and the queue they land in.

    The child runs `python -m module` and sends ("ready", pid) once it can
    take requests; `ready` is set then. Every other frame goes to `messages`,
    followed by EXITED when the child's stdout closes.
    """

    def __init__(self, python: str, module: str, unpickler: type[pickle.Unpickler]) -> None:
        package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [python, "-m", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # A parent without stderr (pythonw, `2>&-`) would leave the child's fd 2
            # free, and the child's own output could then reach the frame pipe.
            stderr=None if _has_stderr() else subprocess.DEVNULL,
            # `-m` puts the working directory first on sys.path. Starting in the
            # package's own directory keeps a torch.py where the app was started
            # from being imported in place of torch.
            cwd=package_root,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        self._unpickler = unpickler
        # Why the reader stopped reading, when a frame was refused.
        self.failure: str | None = None
        self._send_lock = threading.Lock()
        self.messages: queue.Queue = queue.Queue()
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, name=f"{module}-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        stream = self.process.stdout
        try:
            while True:
                message = read_frame(stream, self._unpickler)
                if message is None:
                    break
                if message[0] == "ready":
                    self.ready.set()
                else:
                    self.messages.put(message)
        except Exception as error:  # noqa: BLE001 - a bad frame ends this child; its user reports it
            log.exception("Reading from a child process failed")
            self.failure = f"{type(error).__name__}: {error}"
            self.kill()
        stream.close()
        self.messages.put(EXITED)

    def alive(self) -> bool:
        return self.process.poll() is None

    def output_ended(self) -> bool:
        """Return True once the child's stdout has closed or a frame from it was refused."""
        return not self._reader.is_alive()

    def exit_code(self) -> int:
        """Return the exit code of a child whose output has ended; kill it if it does not exit soon.

        A child that closes its stdout but goes on running would otherwise
        keep its parent waiting.
        """
        try:
            return self.process.wait(EXIT_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def send(self, message: object) -> None:
        """Send one frame; raises OSError when the child has gone."""
        with self._send_lock:
            write_frame(self.process.stdin, message)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()

    def close_input(self) -> None:
        try:
            self.process.stdin.close()
        except OSError:
            pass  # the child is gone and the buffered bytes cannot be written

    def close(self, timeout: float = 2.0) -> None:
        """Ask the child to exit by closing its stdin; kill it if it does not."""
        self.close_input()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def take_frame_streams() -> tuple[BinaryIO, BinaryIO]:
    """Return the child's (frames out, commands in) streams; call once, first thing in the child.

    Frames go to a copy of the original stdout. Anything else that writes to
    fd 1 (a C library, a stray print) then lands in stderr, not in a frame.
    """
    frames = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return frames, sys.stdin.buffer


_shared_instances: dict[type, WarmChild] = {}
_shared_lock = threading.Lock()


class WarmChild:
    """One warm child process at a time, started on demand and replaced after it dies or is killed.

    Subclasses set `MODULE` (run as `python -m MODULE`) and `UNPICKLER`, and
    send their requests to `self._child`.
    """

    MODULE: str
    UNPICKLER: type[pickle.Unpickler]

    @classmethod
    def shared(cls):
        """Return the app's one instance of this class, created on first use and closed at exit."""
        with _shared_lock:
            instance = _shared_instances.get(cls)
            if instance is None:
                instance = _shared_instances[cls] = cls()
                atexit.register(instance.close)
            return instance

    def __init__(self, python: str | None = None) -> None:
        self._python = python or sys.executable
        self._child: ChildProcess | None = None
        self._lock = threading.Lock()
        # Counts calls to close(), so that a restart in the background that
        # began before one starts nothing after it.
        self._closings = 0
        self._was_ready = False

    def start(self) -> None:
        """Start the child if none is running; returns at once."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._child is None or not self._child.alive():
            if self._child is not None:
                self._child.close_input()
            self._child = ChildProcess(self._python, self.MODULE, self.UNPICKLER)

    def is_ready(self) -> bool:
        """Return True when the child is running and has imported torch."""
        child = self._child
        ready = child is not None and child.ready.is_set() and child.alive()
        self._was_ready = self._was_ready or ready
        return ready

    def was_ready(self) -> bool:
        """Return True once any child of this object has been ready, even if it was replaced since."""
        return self._was_ready or self.is_ready()

    def pid(self) -> int | None:
        child = self._child
        return None if child is None else child.process.pid

    def close(self) -> None:
        with self._lock:
            self._closings += 1
            child, self._child = self._child, None
        if child is not None:
            child.close()

    def _replace(self, child: ChildProcess) -> None:
        """Kill `child` if it still runs and start a fresh one in the background, so the next run finds it warm."""
        child.kill()
        with self._lock:
            self._was_ready = self._was_ready or child.ready.is_set()
            if self._child is child:
                self._child = None
            closings = self._closings

        def restart() -> None:
            child.process.wait()
            child.close_input()
            with self._lock:
                if self._closings != closings:
                    return  # close() came meanwhile, so no fresh child is wanted
                try:
                    self._start_locked()
                except OSError:
                    log.exception("Starting a fresh %s process failed", self.MODULE)

        threading.Thread(target=restart, name=f"{self.MODULE}-restart", daemon=True).start()
