"""Hints for PyTorch's well-known autograd errors and warnings.

A hint is chosen by a fragment of PyTorch's own message (as torch 2.13 words
it); the message itself is kept verbatim. Each hint explains what went wrong in
the learner's terms and how to fix it.
"""

from __future__ import annotations

from explorer.i18n import QT_TRANSLATE_NOOP, Text

HINTS = "LanguageHints"

# (fragment of PyTorch's message, lower case; hint template). The first match wins.
_ERROR_HINTS: tuple[tuple[str, str], ...] = (
    (
        "trying to backward through the graph a second time",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "backward was called twice through the same graph. The first backward frees the values "
            "the graph saved for computing gradients. Rebuild the graph (run the forward computation "
            "again) before each backward, or call backward(retain_graph=True) the first time if you "
            "really need to go through it twice.",
        ),
    ),
    (
        "has been modified by an inplace operation",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "A tensor that autograd saved for backward was changed in place afterwards (an operation "
            "ending in _, such as add_, or an assignment like t[0] = ...). Its version counter no "
            "longer matches the saved one. Use the out-of-place form (t = t + 1 instead of "
            "t.add_(1)) or call .clone() before changing it.",
        ),
    ),
    (
        "grad can be implicitly created only for scalar outputs",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "backward() without arguments works only on a tensor with one element, such as a loss. "
            "Reduce the output first (y.sum().backward() or y.mean().backward()), or pass a gradient "
            "of the same shape: y.backward(gradient=torch.ones_like(y)).",
        ),
    ),
    (
        "dtype can require gradients",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "Gradients exist only for floating point (and complex) tensors. Create the tensor with a "
            "float value or dtype: torch.tensor(2.0, requires_grad=True) or "
            "torch.tensor([1, 2], dtype=torch.float32, requires_grad=True).",
        ),
    ),
    (
        "leaf variable that requires grad is being used in an in-place operation",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "A leaf tensor with requires_grad=True cannot be changed in place while autograd records, "
            "because its gradient would no longer make sense. Update parameters inside "
            "'with torch.no_grad():', as optimizers do, or use an out-of-place operation.",
        ),
    ),
    (
        "does not require grad and does not have a grad_fn",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "backward was called on a tensor that autograd did not record: none of the tensors it "
            "was computed from has requires_grad=True, or it was computed under torch.no_grad() or "
            "from .detach(). Create the inputs with requires_grad=True and compute the output "
            "outside torch.no_grad().",
        ),
    ),
    (
        "expected all tensors to be on the same device",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "The tensors in one operation live on different devices (for example cpu and cuda:0). "
            "Move them to one device with .to(device), or create them with device=device.",
        ),
    ),
    (
        "is not on the expected device",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "The tensors in one operation live on different devices (for example cpu and cuda:0). "
            "Move them to one device with .to(device), or create them with device=device.",
        ),
    ),
    (
        "you can only change requires_grad flags of leaf variables",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "requires_grad can be changed only on leaf tensors. To stop gradients at a computed "
            "tensor, use y = y.detach().",
        ),
    ),
    (
        "appears to not have been used in the graph",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "torch.autograd.grad was asked for the gradient with respect to a tensor that the output "
            "does not depend on. Check the inputs list, or pass allow_unused=True to get None for it.",
        ),
    ),
    (
        "shapes cannot be multiplied",
        QT_TRANSLATE_NOOP(
            "LanguageHints",
            "For a matrix product A @ B the number of columns of A must equal the number of rows of "
            "B. Print both .shape values; .view(-1, 1) or .T often fixes the shape.",
        ),
    ),
)

NON_LEAF_GRAD_FRAGMENT = "is not a leaf tensor is being accessed"

NON_LEAF_GRAD_HINT = QT_TRANSLATE_NOOP(
    "LanguageHints",
    "Only leaf tensors (created by you, with requires_grad=True) keep their .grad after backward; "
    "this tensor was computed from others, so its .grad is None. Call .retain_grad() on it before "
    "backward to keep its gradient, or read the .grad of the leaf tensor instead.",
)


def hint_for_error(message: str) -> Text | None:
    """Return the hint for one of PyTorch's well-known error messages, or None."""
    lowered = message.lower()
    for fragment, template in _ERROR_HINTS:
        if fragment in lowered:
            return Text(HINTS, template)
    return None


def hint_for_warning(message: str) -> Text | None:
    """Return the hint for one of PyTorch's well-known warnings, or None."""
    if NON_LEAF_GRAD_FRAGMENT in message.lower():
        return Text(HINTS, NON_LEAF_GRAD_HINT)
    return None
