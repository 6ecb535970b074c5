"""Playground versions of a few torch functions, reached in place of torch's own.

`torch.empty` and `torch.empty_like` return zero-filled tensors: torch's
uninitialized memory would show the process's leftover data, such as
pointers, to the program. Zeros are one valid "uninitialized" content.

`torch.manual_seed` skips the lazy seeding of device backends that are not
available. For each such backend (CUDA, XPU, MTIA), torch 2.13 queues the seed
with a `traceback.format_stack()` of the caller, so each call formats the
stack three times. The interpreter's deep Python stack made that cost 150 to
400 microseconds per call, against about 4 for this version.
"""

from __future__ import annotations

import torch


def empty(*args: object, **kwargs: object) -> torch.Tensor:
    memory_format = kwargs.pop("memory_format", None)
    if memory_format is None:
        return torch.zeros(*args, **kwargs)
    # torch.zeros has no memory_format: fill the tensor torch.empty allocated.
    tensor = torch.empty(*args, memory_format=memory_format, **kwargs)
    with torch.no_grad():
        tensor.zero_()
    return tensor


def empty_like(*args: object, **kwargs: object) -> torch.Tensor:
    return torch.zeros_like(*args, **kwargs)


# Device backends that torch.manual_seed seeds besides the CPU generator, as
# (module name, its seeding function) in torch's order. torch.mps.manual_seed
# is a plain call when MPS is available and nothing otherwise.
_SEEDED_BACKENDS = (("cuda", "manual_seed_all"), ("mps", "manual_seed"), ("xpu", "manual_seed_all"), ("mtia", "manual_seed_all"))


def manual_seed(seed: object) -> torch.Generator:
    """Seed the CPU generator and every available device backend, as torch.manual_seed does."""
    seed = int(seed)
    for module_name, function_name in _SEEDED_BACKENDS:
        backend = getattr(torch, module_name, None)
        if backend is not None and backend.is_available():
            getattr(backend, function_name)(seed)
    return torch.default_generator.manual_seed(seed)


def cuda_manual_seed(seed: object) -> None:
    if torch.cuda.is_available():
        torch.cuda.manual_seed(seed)


def cuda_manual_seed_all(seed: object) -> None:
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


# (module, attribute) -> the playground's function.
REPLACEMENTS = {
    ("torch", "empty"): empty,
    ("torch", "empty_like"): empty_like,
    ("torch", "manual_seed"): manual_seed,
    ("torch.cuda", "manual_seed"): cuda_manual_seed,
    ("torch.cuda", "manual_seed_all"): cuda_manual_seed_all,
}

for (_module, _name), _function in REPLACEMENTS.items():
    # repr() in a program shows "<function manual_seed at 0x...>", as for torch's own.
    _function.__name__ = _function.__qualname__ = _name
