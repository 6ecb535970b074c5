"""Sessions: a namespace that persists across runs, like a notebook's cells.

`Session.run` blocks until the program ends, fails or is cancelled; the GUI
calls it from a worker thread. Hooks are called in that same thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import torch

from explorer.i18n import QT_TRANSLATE_NOOP, Text
from explorer.language.budget import MemoryBudget, current_budget
from explorer.language.errors import ERRORS, ProgramError, ProgramWarning
from explorer.language.gradients import GradientTracker
from explorer.language.interpreter import Interpreter
from explorer.language.proxies import BoundMethod, BuiltinFunction, ModuleProxy, ModuleRegistry, TorchFunction, VersionOnlyModule
from explorer.language.source import parse_program
from explorer.language.statements import ControlFlow

logger = logging.getLogger(__name__)

_HIDDEN_VALUE_TYPES = (ModuleProxy, VersionOnlyModule, TorchFunction, BuiltinFunction, BoundMethod)


@dataclass(frozen=True)
class RunHooks:
    """Callbacks into the caller while a program runs (in the running thread).

    `before_backward(tensor, names)` runs right before each backward or
    torch.autograd.grad call with the root tensor and a read-only view of the
    top-level names. `on_output(text)` receives each printed chunk.
    """

    before_backward: Callable[[torch.Tensor, Mapping[str, object]], None] | None = None
    on_output: Callable[[str], None] | None = None


@dataclass
class RunResult:
    """Result of one `Session.run`: output, error, warnings and the names afterwards."""

    output: str = ""
    error: ProgramError | None = None
    warnings: list[ProgramWarning] = field(default_factory=list)
    names: dict[str, object] = field(default_factory=dict)
    last_grad_fn_name: str | None = None
    backward_root_name: str | None = None
    backward_root: torch.Tensor | None = None
    cancelled: bool = False


class Session:
    """A playground namespace with `torch` bound, run on one device.

    For a device other than "cpu" the program runs inside
    `with torch.device(device):`, so tensor constructors default to it.
    """

    def __init__(self, device: str = "cpu", hooks: RunHooks | None = None) -> None:
        self.device = device
        self.hooks = hooks or RunHooks()
        self._registry = ModuleRegistry()
        self.namespace: dict[str, object] = {"torch": self._registry.module("torch")}
        self._gradients = GradientTracker()
        self._memory = MemoryBudget()

    def run(self, source: str, filename: str = "<program>", cancel: threading.Event | None = None) -> RunResult:
        """Run `source` in this session's namespace; a program's error is returned in the result, not raised."""
        result = RunResult()
        try:
            tree = parse_program(source, filename)
        except ProgramError as error:
            result.error = error
            return result

        # NOTE: catch_warnings changes the process-wide warning filters, so warnings
        # that other threads raise during the run are recorded here too.
        with warnings.catch_warnings(record=True) as warning_log:
            warnings.simplefilter("always")
            interpreter = Interpreter(
                self.namespace,
                self._registry,
                source,
                cancel,
                self.hooks.before_backward,
                self.hooks.on_output,
                warning_log,
                self._gradients,
                self._memory,
            )
            self._gradients.run_number += 1
            self._memory.start_run()
            budget_token = current_budget.set(self._memory)
            # torch.set_grad_enabled(False) called outside `with` changes the
            # thread's grad mode for good: restore it so later runs start clean.
            grad_enabled = torch.is_grad_enabled()
            try:
                with self._device_context():
                    interpreter.execute_block(tree.body)
            except ProgramError as error:
                # The traceback's frames would keep the run's values alive as long as the result.
                error.__traceback__ = None
                error.__context__ = None
                result.error = error
                result.cancelled = error.kind == "Cancelled"
            except ControlFlow as leaked:
                # parse_program rejects break and continue outside loops, so this is
                # an interpreter bug: report it as such instead of a traceback.
                logger.error("internal control flow escaped the program", exc_info=leaked)
                result.error = _internal_error(type(leaked).__name__, interpreter.line)
            finally:
                torch.set_grad_enabled(grad_enabled)
                current_budget.reset(budget_token)
            if warning_log:
                interpreter.collect_warnings(tree.body[-1] if tree.body else tree)

        result.output = "".join(interpreter.output_parts)
        result.warnings = interpreter.warnings
        result.names = self.user_names()
        result.last_grad_fn_name = interpreter.last_grad_fn_name
        result.backward_root = interpreter.backward_root
        result.backward_root_name = interpreter.backward_root_name
        return result

    def user_names(self) -> dict[str, Any]:
        """Return the top-level names the program bound, without modules and functions."""
        return {name: value for name, value in self.namespace.items() if not isinstance(value, _HIDDEN_VALUE_TYPES)}

    def _device_context(self) -> contextlib.AbstractContextManager:
        if self.device == "cpu":
            return contextlib.nullcontext()
        return torch.device(self.device)


def _internal_error(name: str, line: int) -> ProgramError:
    text = Text(
        ERRORS,
        QT_TRANSLATE_NOOP(
            "LanguageErrors",
            "internal error of the playground ({name}) while running this line; the program may be fine. "
            "Please report it with the program.",
        ),
        {"name": name},
    )
    return ProgramError("InternalError", text, max(line, 1), 1)
