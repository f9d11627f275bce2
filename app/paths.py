"""Where Thermolab keeps its files when the user names none; no Qt, so headless commands use it too."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "thermolab"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
"""What ships with the code (icon, translations): found beside it, whatever the current folder."""


def data_dir() -> Path:
    """The user's data folder for Thermolab; THERMOLAB_DATA_DIR overrides it (tests, portable use)."""
    if override := os.environ.get("THERMOLAB_DATA_DIR"):
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_NAME


def made_data_dir() -> Path:
    """`data_dir()`, created readable by the user alone when it does not exist yet, whatever the umask:
    it holds the readings and the secrets file. A folder that exists is the user's choice and is left
    as it is."""
    folder = data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def default_database() -> Path:
    """The default SQLite file; its folder is created, since nobody chose it."""
    return made_data_dir() / "mesures.db"


def default_text_file() -> Path:
    """The default text file, the exercise's `donnees.txt`, beside the default database."""
    return made_data_dir() / "donnees.txt"


def default_storage(text_file: bool) -> Path:
    return default_text_file() if text_file else default_database()


def storage_file(config) -> Path | str:
    """The file (or the database URL) a ServerConfig names, or the default file of the kind it chose."""
    return config.storage_path if config.storage_path is not None else default_storage(config.text_file)
