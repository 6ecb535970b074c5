"""Limits that keep one playground program from exhausting the machine.

Every limit is checked before the work it bounds is done: tensor sizes before
the allocation, integer powers before the power is computed, repetition before
the sequence is built. Exceeding one raises a `ProgramError` of kind
"LimitExceeded" that names the limit and the program line.

NOTE: the memory of all live objects together is not bounded: a loop that
keeps appending large tensors to a list stops only at MAX_LOOP_ITERATIONS or
MAX_EVALUATION_STEPS.
"""

from __future__ import annotations

# Source text.
MAX_SOURCE_CHARS = 200_000
# Depth of nested expressions and blocks in the syntax tree.
MAX_NESTING_DEPTH = 100

# Work.
# The regression tutorial runs 10000 epochs of about 30 evaluation steps each.
MAX_EVALUATION_STEPS = 20_000_000
MAX_LOOP_ITERATIONS = 2_000_000

# Tensors: elements and bytes of any single tensor a call would create.
MAX_TENSOR_ELEMENTS = 100_000_000
MAX_ALLOCATION_BYTES = 512 * 1024 * 1024

# Python values.
MAX_INT_BITS = 100_000
# Elements of a list, tuple, set or dict, and characters of a string.
MAX_SEQUENCE_LENGTH = 10_000_000
# Characters one program may print in total.
MAX_OUTPUT_CHARS = 2_000_000
# Field width or precision in a format specification.
MAX_FORMAT_WIDTH = 10_000
