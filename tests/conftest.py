"""Suite-wide settings.

Under CI (CI=true) hypothesis runs derandomized: the same examples every run, so a landing never
depends on the luck of the draw. Locally, and in `make stress`, examples stay random, which is how
the fuzz tests keep finding new cases (seen: a non-UTF-8 byte in a table definition).
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")
