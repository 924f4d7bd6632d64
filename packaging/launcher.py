"""Entry script for the frozen app: the same command line as `konnekta-desktop`."""

import sys

from konnekta_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
