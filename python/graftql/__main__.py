"""``python -m graftql``: the same as the ``graftql`` command."""

import sys

from graftql.cli import main

sys.exit(main())
