"""python -m bench WORKLOAD [--repeat N] [--quick] [--json [FILE]]"""

import sys

from bench.harness import main

sys.exit(main())
