"""The allow-listed surface of torch that a playground program can reach.

Every module attribute, tensor attribute and tensor method a program can use
is named here, each callable with the size check (`guards`) that runs before
the call. Anything not listed is unreachable: the interpreter rejects it with
a "NotAllowed" error.
"""

from __future__ import annotations

from explorer.language.guards import (
    BACKWARD,
    BROADCAST,
    CONCAT,
    CONVERT,
    DATA,
    DRY_RUN,
    PRODUCT,
    SAFE,
    TOLIST,
)


_KINDS = {
    "SAFE": SAFE,
    "BROADCAST": BROADCAST,
    "PRODUCT": PRODUCT,
    "CONCAT": CONCAT,
    "CONVERT": CONVERT,
    "DRY_RUN": DRY_RUN,
    "TOLIST": TOLIST,
    "BACKWARD": BACKWARD,
    "DATA": DATA,
}


def _table(**groups: str) -> dict[str, str]:
    """Build {name: guard kind} from {GUARD_KIND_CONSTANT_NAME: "space separated names"}.

    The values are the `guards` constants themselves, so callers compare kinds with `is`.
    """
    table: dict[str, str] = {}
    for kind_name, names in groups.items():
        for name in names.split():
            table[name] = _KINDS[kind_name]
    return table


# Module attributes that are plain values (dtypes, constants, version).
TORCH_VALUES = frozenset(
    """
    float float32 float64 double float16 half bfloat16 complex64 complex128 cfloat cdouble
    int int8 int16 int32 int64 short long uint8 bool
    pi e inf nan __version__ Tensor
    """.split()
)

# Submodules reachable as attributes of torch (also importable).
TORCH_SUBMODULES = {"optim": "torch.optim", "cuda": "torch.cuda", "autograd": "torch.autograd", "nn": "torch.nn"}

# torch.empty, torch.empty_like and torch.manual_seed are the playground's own
# versions (`replacements`): the empty constructors return zero-filled tensors.
TORCH_FUNCTIONS = _table(
    SAFE="""
        manual_seed initial_seed seed is_tensor is_floating_point is_complex numel
        no_grad enable_grad set_grad_enabled is_grad_enabled inference_mode device get_default_dtype
        mean sum prod max min amax amin argmax argmin median mode logsumexp nansum nanmean std var
        std_mean var_mean norm count_nonzero any all unique
        exp exp2 log log2 log10 log1p expm1 sqrt rsqrt sin cos tan asin acos atan sinh cosh tanh
        sigmoid relu abs neg reciprocal square sign floor ceil round trunc frac erf sinc
        clamp clip clamp_min clamp_max nan_to_num isnan isinf isfinite logical_not
        softmax log_softmax cumsum cumprod sort argsort topk
        transpose reshape flatten unflatten squeeze unsqueeze permute t movedim swapaxes
        chunk split unbind flip roll narrow select diagonal diag trace tril triu gather take
        finfo iinfo broadcast_shapes
        """,
    BROADCAST="""
        add sub mul div true_divide floor_divide pow fmod remainder atan2 hypot maximum minimum
        fmax fmin where lerp eq ne lt le gt ge isclose allclose equal logical_and logical_or
        logical_xor heaviside addcmul addcdiv dist
        """,
    PRODUCT="matmul mm bmm dot outer ger mv addmm baddbmm einsum kron tensordot cross cdist index_select",
    CONCAT="cat stack hstack vstack dstack column_stack row_stack block_diag",
    DATA="tensor as_tensor",
    CONVERT="zeros_like ones_like empty_like rand_like randn_like full_like randint_like",
    DRY_RUN="""
        zeros ones empty full rand randn randint normal arange linspace logspace eye randperm
        tril_indices triu_indices broadcast_to broadcast_tensors meshgrid cartesian_prod tile
        repeat_interleave diag_embed histc
        """,
)

CUDA_FUNCTIONS = _table(
    SAFE="""
        is_available device_count current_device get_device_name manual_seed manual_seed_all
        synchronize is_bf16_supported memory_allocated max_memory_allocated memory_reserved
        empty_cache
        """,
)

OPTIM_FUNCTIONS = _table(SAFE="SGD Adam AdamW RMSprop Adagrad Adadelta Adamax NAdam RAdam")

AUTOGRAD_FUNCTIONS = {"grad": BACKWARD, "backward": BACKWARD}

FUNCTIONAL_FUNCTIONS = _table(
    SAFE="""
        relu relu6 leaky_relu elu selu gelu silu softplus sigmoid tanh softmax log_softmax
        dropout normalize
        """,
    BROADCAST="""
        mse_loss l1_loss smooth_l1_loss huber_loss cross_entropy nll_loss binary_cross_entropy
        binary_cross_entropy_with_logits
        """,
    PRODUCT="linear",
    DRY_RUN="one_hot",
)

MODULE_FUNCTIONS: dict[str, dict[str, str]] = {
    "torch": TORCH_FUNCTIONS,
    "torch.cuda": CUDA_FUNCTIONS,
    "torch.optim": OPTIM_FUNCTIONS,
    "torch.autograd": AUTOGRAD_FUNCTIONS,
    "torch.nn.functional": FUNCTIONAL_FUNCTIONS,
    "torch.nn": {},
}

MODULE_VALUES: dict[str, frozenset[str]] = {
    "torch": TORCH_VALUES,
    "torch.cuda": frozenset(),
    "torch.optim": frozenset(),
    "torch.autograd": frozenset(),
    "torch.nn.functional": frozenset(),
    "torch.nn": frozenset(),
}

MODULE_SUBMODULES: dict[str, dict[str, str]] = {
    "torch": TORCH_SUBMODULES,
    "torch.nn": {"functional": "torch.nn.functional"},
}

IMPORTABLE_MODULES = frozenset(MODULE_FUNCTIONS)

# Tensor attributes read as values.
TENSOR_VALUES = frozenset(
    """
    shape dtype device grad grad_fn requires_grad is_leaf retains_grad data T mT ndim is_cuda
    itemsize nbytes real imag
    """.split()
)
# Tensor attributes a program may assign.
TENSOR_SETTABLE = frozenset({"grad", "requires_grad", "data"})

TENSOR_METHODS = _table(
    BACKWARD="backward",
    SAFE="""
        retain_grad requires_grad_ item view view_as reshape reshape_as detach detach_ clone
        contiguous numel nelement dim size element_size is_floating_point is_complex is_contiguous
        t transpose permute squeeze unsqueeze flatten unflatten movedim swapaxes
        sum mean std var prod max min amax amin argmax argmin median mode logsumexp nansum nanmean
        norm all any count_nonzero unique
        abs exp exp2 log log2 log10 log1p expm1 sqrt rsqrt sin cos tan asin acos atan sinh cosh
        tanh sigmoid relu neg reciprocal square sign floor ceil round trunc frac erf
        clamp clip clamp_min clamp_max nan_to_num isnan isinf isfinite logical_not
        softmax log_softmax cumsum cumprod sort argsort topk
        chunk split unbind flip roll narrow select diagonal trace tril triu gather take
        add_ sub_ mul_ div_ pow_ zero_ fill_ clamp_ exp_ neg_ abs_ sqrt_ copy_ normal_ uniform_
        sigmoid_ relu_ tanh_ masked_fill_
        """,
    BROADCAST="""
        add sub mul div true_divide floor_divide pow fmod remainder atan2 hypot maximum minimum
        fmax fmin lerp eq ne lt le gt ge isclose allclose equal logical_and logical_or logical_xor
        masked_fill where addcmul addcdiv dist
        """,
    PRODUCT="matmul mm bmm dot outer ger mv inner index_select",
    CONVERT="float double half bfloat16 int long short bool to type type_as cpu cuda",
    # new_empty is left out: its uninitialized memory would show the process's leftover data.
    DRY_RUN="expand expand_as repeat tile broadcast_to repeat_interleave new_zeros new_ones new_full",
    TOLIST="tolist",
    DATA="new_tensor",
)

# Attributes of grad_fn nodes (torch.autograd.graph.Node).
NODE_ATTRIBUTES = frozenset({"next_functions", "name", "metadata"})

OPTIMIZER_ATTRIBUTES = frozenset({"zero_grad", "step", "param_groups", "add_param_group", "state_dict", "defaults"})

# Python value methods, by type. Growth checks for the str ones are in `safe_builtins`.
STR_METHODS = frozenset(
    """
    capitalize casefold center count endswith find index isalnum isalpha isdecimal isdigit
    islower isnumeric isspace istitle isupper join ljust lower lstrip partition removeprefix
    removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith
    strip swapcase title upper zfill format
    """.split()
)
LIST_METHODS = frozenset("append extend insert remove pop clear index count reverse sort copy".split())
TUPLE_METHODS = frozenset({"index", "count"})
DICT_METHODS = frozenset("keys values items get pop setdefault update clear copy".split())
SET_METHODS = frozenset("add remove discard pop clear copy union intersection difference issubset issuperset".split())
NUMBER_ATTRIBUTES = frozenset({"real", "imag", "conjugate", "is_integer", "bit_length"})
SIZE_METHODS = frozenset({"numel", "index", "count"})
DTYPE_ATTRIBUTES = frozenset({"is_floating_point", "is_complex", "is_signed", "itemsize"})
DEVICE_ATTRIBUTES = frozenset({"type", "index"})
RETURN_TYPE_ATTRIBUTES = frozenset({"values", "indices"})
FINFO_ATTRIBUTES = frozenset({"bits", "eps", "max", "min", "tiny", "resolution", "smallest_normal", "dtype"})

# Methods of Python values that can grow a value; `safe_builtins` checks them.
GROWING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "replace", "join", "format", "extend", "insert", "append"})
