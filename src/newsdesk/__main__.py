"""`python -m newsdesk` runs the command line, exactly like the `newsdesk` entry point."""

from newsdesk.cli import run

run()
