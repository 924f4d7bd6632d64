"""`python -m konnekta_desktop` runs the same command line as `konnekta-desktop`."""

import sys

from .cli import main

sys.exit(main())
