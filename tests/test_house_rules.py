"""The arrows of docs/architecture.md: which folder may import which, and no Qt in models/ or network/ (the
sensor process included), so the core runs headless and each subsystem can be read alone."""

import ast
from pathlib import Path

import pytest

from tests.support import ROOT, ServerProcess

QT_MODULES = {"PySide6", "pyqtgraph", "shiboken6"}
THERMOLAB = {"app", "main", "models", "network", "resources", "widgets"}
# Which of Thermolab's folders each folder may import; app/ may import everything.
MAY_IMPORT = {
    "models": {"models"},
    "network": {"models", "network"},
    "widgets": {"models", "widgets"},
}
# Subsystems that share only what lies above them (network/ top or models/), neither importing the other.
APART = [("network.sensors", "network.collector")]


def imported_modules(folder: str) -> list[tuple[str, str]]:
    """(file, module) for each absolute import of the .py files under `folder`, at any depth of the code."""
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            found += [(str(path.relative_to(ROOT)), name) for name in names]
    return found


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@pytest.mark.parametrize("folder", ["models", "network"])
def test_the_core_imports_nothing_of_qt(folder):
    offenders = [f"{path}: {module}" for path, module in imported_modules(folder) if module.split(".")[0] in QT_MODULES]
    assert offenders == []


@pytest.mark.parametrize("folder", sorted(MAY_IMPORT))
def test_each_folder_imports_only_the_folders_it_may(folder):
    allowed = MAY_IMPORT[folder]
    offenders = [
        f"{path}: {module}"
        for path, module in imported_modules(folder)
        if module.split(".")[0] in THERMOLAB and module.split(".")[0] not in allowed
    ]
    assert offenders == []


@pytest.mark.parametrize(("one", "other"), [pair for apart in APART for pair in (apart, apart[::-1])])
def test_subsystems_kept_apart_never_import_each_other(one, other):
    folder = one.replace(".", "/")
    offenders = [f"{path}: {module}" for path, module in imported_modules(folder) if within(module, other)]
    assert offenders == []


def test_the_headless_server_never_loads_qt(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    maps = Path(f"/proc/{server.process.pid}/maps")
    loaded = maps.read_text() if maps.exists() else ""
    server.stop()
    assert "libQt6" not in loaded and "PySide6" not in loaded
