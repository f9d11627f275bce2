"""The arrows of docs/architecture.md: models/ and network/ never import Qt, so everything runs headless."""

import ast
from pathlib import Path

import pytest

from tests.support import ROOT, ServerProcess

QT_MODULES = {"PySide6", "pyqtgraph", "shiboken6"}


@pytest.mark.parametrize("folder", ["models", "network"])
def test_the_core_imports_nothing_of_qt(folder):
    offenders = []
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert offenders == []


def test_the_headless_server_never_loads_qt(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    maps = Path(f"/proc/{server.process.pid}/maps")
    loaded = maps.read_text() if maps.exists() else ""
    server.stop()
    assert "libQt6" not in loaded and "PySide6" not in loaded
