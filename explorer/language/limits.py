"""Limits that keep one playground program from exhausting the machine.

Every limit is checked before the work it bounds is done: tensor sizes before
the allocation, integer powers before the power is computed, repetition before
the sequence is built. Exceeding one raises a `ProgramError` of kind
"LimitExceeded" that names the limit and the program line.

Two budgets bound the memory of a whole run rather than of one value:
MAX_TOTAL_TENSOR_BYTES counts the tensors that are still alive, and
MAX_CREATED_SEQUENCE_BYTES counts what bulk operations on lists and strings
have built so far in the run, freed or not.
"""

from __future__ import annotations

# Source text.
MAX_SOURCE_CHARS = 200_000
# Depth of nested expressions and blocks in the syntax tree.
MAX_NESTING_DEPTH = 100
# Depth of nested lists, tuples and dicts that printing, str() or
# torch.tensor(data) walk. Python's own recursion limit (1000 frames) stops
# deeper walks elsewhere, such as comparisons.
MAX_DATA_DEPTH = 100

# Work.
# The regression tutorial runs 10000 epochs of about 30 evaluation steps each.
MAX_EVALUATION_STEPS = 20_000_000
MAX_LOOP_ITERATIONS = 2_000_000

# Tensors: elements and bytes of any single tensor a call would create.
# NOTE: one torch call on a tensor this large runs to its end before the next
# cancellation check: about 0.5 to 2 s for an elementwise op and 20 s for a
# sort on one CPU core of a shared server with torch 2.13.
MAX_TENSOR_ELEMENTS = 100_000_000
MAX_ALLOCATION_BYTES = 512 * 1024 * 1024
# Bytes of the tensor storages that the program created and that are still
# alive, across all its runs in one session: four tensors at MAX_ALLOCATION_BYTES.
MAX_TOTAL_TENSOR_BYTES = 2 * 1024 * 1024 * 1024
# Floating-point operations of one matrix product (matmul, @, mm, bmm, mv, dot,
# einsum, tensordot, linear, addmm, baddbmm, cdist), computed from the shapes
# before the call: a multiply and an add count as two. 4 * 10**9 admits a
# 1000 x 1000 @ 1000 x 1000 product (2 * 10**9) and is a million times the
# tutorial's 500 x 3 @ 3 x 1. One server CPU core ran float32 products at
# about 80 GFLOP/s (torch 2.13); estimating a slow laptop core at 20 GFLOP/s,
# the largest allowed product takes 0.05 to 0.2 s. Slower dtypes count more per
# operation (guards._FLOP_WEIGHTS).
# NOTE: the backward pass of a product does about twice its work, and one
# backward call runs the whole graph without a cancellation check.
MAX_OPERATION_FLOPS = 4 * 10**9

# Python values.
MAX_INT_BITS = 100_000
# Elements of a list, tuple, set or dict, and characters of a string.
MAX_SEQUENCE_LENGTH = 10_000_000
# Estimated bytes of the lists, tuples, sets, dicts and strings that bulk
# operations (repetition, concatenation, list(), join, padding, tolist(), str())
# build in one run, counted when they are built: 8 bytes per item, 1 per
# character, 32 per number that tolist() creates. Values freed since still count.
MAX_CREATED_SEQUENCE_BYTES = 2 * 1024 * 1024 * 1024
# Characters one program may print in total.
MAX_OUTPUT_CHARS = 2_000_000
# Field width or precision in a format specification.
MAX_FORMAT_WIDTH = 10_000
