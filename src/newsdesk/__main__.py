"""`python -m newsdesk` runs the command line, exactly like the `newsdesk` entry point."""

import sys

from newsdesk.cli import main

sys.exit(main())
