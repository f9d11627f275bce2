"""Thermolab's one entry point: `python main.py [COMMAND] ...` in a clone, `thermolab [COMMAND] ...` once
installed; `--help` lists the commands."""

import sys
from pathlib import Path

HOME = Path(__file__).resolve().parent
"""The folder that holds app/, models/, network/, widgets/ and resources/: the clone, or the installed
`thermolab` folder of site-packages (see setup.py)."""


def make_importable() -> None:
    """Let this process import Thermolab's folders as the top-level packages its code names.

    Installed, they sit in site-packages/thermolab rather than at its top, where five generic names
    would clash with other projects'; so only Thermolab's own process sees them as `app`, `models`...
    Sensor processes, started by spawning, inherit this path.
    """
    if str(HOME) not in sys.path:
        sys.path.insert(0, str(HOME))


def run(prog: str = "thermolab") -> int:
    """The `thermolab` command; `prog` is how usage lines name it."""
    make_importable()
    from app.cli import main

    return main(prog=prog)


if __name__ == "__main__":
    sys.exit(run("python main.py"))
