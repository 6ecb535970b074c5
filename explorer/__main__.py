"""Allow `python -m explorer`, the same as the `autograd-explorer` command."""

import sys

from explorer.cli import main

sys.exit(main())
