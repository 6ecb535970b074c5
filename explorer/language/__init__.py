"""The playground language: a safe subset of Python for PyTorch tutorial code.

Programs are parsed with `ast` and interpreted node by node against
allow-lists; user code is never passed to eval, exec or compile.
"""

from explorer.language.errors import ProgramError, ProgramWarning
from explorer.language.session import RunHooks, RunResult, Session

__all__ = ["ProgramError", "ProgramWarning", "RunHooks", "RunResult", "Session"]
