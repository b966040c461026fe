"""Entry script of the PyInstaller bundle: exactly the `newsdesk` console script (newsdesk.cli:run).

It lives outside the package so that PyInstaller's script directory (added to the module search
path while it analyses) holds no module that could shadow one of ours.
"""

from newsdesk.cli import run

if __name__ == "__main__":
    run()
