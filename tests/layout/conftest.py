import shutil

import pytest

from explorer.layout.backends import EMBEDDED, SYSTEM


@pytest.fixture(params=[SYSTEM, EMBEDDED])
def backend(request) -> str:
    """Each Graphviz backend; the system one is skipped where `dot` is not on PATH."""
    if request.param == SYSTEM and shutil.which("dot") is None:
        pytest.skip("the dot program is not on PATH")
    return request.param
