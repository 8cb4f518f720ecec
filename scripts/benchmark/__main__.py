"""`python -m benchmark`: the same as `python -m benchmark.run`."""

import sys

from .run import main

sys.exit(main())
