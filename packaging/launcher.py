"""Entry script of the PyInstaller bundle: exactly the `newsdesk` console script (newsdesk.cli:main).

It lives outside the package so that PyInstaller's script directory (added to the module search
path while it analyses) holds no module that could shadow one of ours.
"""

import sys

from newsdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
