"""`pip install .` as a user runs it: the wheel, what it holds, and the `thermolab` command it installs,
run from a fresh virtual environment rather than from the clone."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.sensor_support import wait_until
from tests.support import ROOT, TIMEOUT, LineClient, _address, running_server, stored_rows

CODE = ("app", "models", "network", "widgets")
SHIPPED_RESOURCES = ("icons/thermolab.svg", "translations/thermolab_en.qm", "translations/thermolab_fr.qm")
PIP = (sys.executable, "-m", "pip")
OFFLINE = ("--quiet", "--no-deps", "--no-index")
LEFT_BEHIND = (".git", ".venv", "build", "*.egg-info", "__pycache__", ".pytest_cache", "tests", "screenshots", "*.db*")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel pip builds for `pip install .`, built offline from a copy of the clone: setuptools
    writes build/ and an egg-info folder beside the sources it builds."""
    source = tmp_path_factory.mktemp("source") / "thermolab"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*LEFT_BEHIND))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [*PIP, "wheel", *OFFLINE, "--no-build-isolation", "-w", out, source], check=True, capture_output=True, timeout=120
    )
    (built,) = out.glob("thermolab-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed, its `bin` folder returned. Its dependencies come from this
    test's environment through a .pth file, which adds their folder to the path and nothing else:
    the clone's editable install is not seen there, so the venv runs the wheel's code alone."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=False)
    python = home / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], check=True, capture_output=True, text=True
    ).stdout.strip()
    dependencies = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    Path(purelib, "dependencies.pth").write_text("".join(f"{folder}\n" for folder in sorted(dependencies)))
    subprocess.run([*PIP, "--python", python, "install", *OFFLINE, wheel], check=True, capture_output=True, timeout=120)
    return home / "bin"


def user_environment(tmp_path: Path) -> dict[str, str]:
    """Away from the clone and the user's settings, on the offscreen platform, in French."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return {
        **environment,
        "QT_QPA_PLATFORM": "offscreen",
        "THERMOLAB_DATA_DIR": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
        "LANG": "fr_FR.UTF-8",
    }


def run(command: list, tmp_path: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=tmp_path, env=user_environment(tmp_path), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def test_the_wheel_holds_the_code_and_resources_under_one_name(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert {name.split("/")[0] for name in names if ".dist-info/" not in name} == {"thermolab"}
    code = {f"thermolab/{path.relative_to(ROOT).as_posix()}" for folder in CODE for path in (ROOT / folder).rglob("*.py")}
    assert code - names == set(), "folders of code missing from pyproject.toml's packages"
    assert {f"thermolab/resources/{path}" for path in SHIPPED_RESOURCES} <= names
    assert "thermolab/main.py" in names
    assert not any("screenshots" in name or name.endswith(".ts") for name in names)
    assert "thermolab = thermolab.main:run" in entry_points


def test_the_installed_command_lists_the_commands(installed, tmp_path):
    result = run([installed / "thermolab", "--help"], tmp_path)
    assert result.stdout.startswith("usage: thermolab ")
    assert all(command in result.stdout for command in ("server", "simulate", "send", "export", "bench"))


def test_the_installed_code_finds_its_icon_and_french(installed, tmp_path):
    """What the windows load from resources/, looked up beside the installed code, not the clone."""
    probe = (
        "from thermolab.main import make_importable; make_importable()\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from app.paths import RESOURCES\n"
        "from app.qt_app import make_application\n"
        "app = make_application()\n"
        "print(RESOURCES)\n"
        "print(app.windowIcon().pixmap(32, 32).isNull())\n"
        "print(QCoreApplication.translate('ClockBox', 'Clock server'))\n"
    )
    resources, icon_missing, french = run([installed / "python", "-c", probe], tmp_path).stdout.splitlines()
    assert Path(resources).is_relative_to(installed.parent) and Path(resources).name == "resources"
    assert icon_missing == "False"
    assert french == "Serveur d'horloge"


def test_the_installed_command_opens_both_windows_and_stores_readings(installed, tmp_path):
    database = tmp_path / "m.db"
    with subprocess.Popen(
        [installed / "thermolab", "--port", "0", "--db", str(database)],
        cwd=tmp_path,
        env=user_environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as lab:
        line = next((line for line in lab.stdout if line.startswith("listening on ")), "")
        assert line, lab.stderr.read()
        with LineClient(_address(line.strip())) as sensor:
            sensor.send({"capteur_id": "c", "temperature": 21.5, "seq": 1})
            assert sensor.answer() == {"ack": 1}
        lab.send_signal(signal.SIGTERM)
        _, stderr = lab.communicate(timeout=TIMEOUT)
    assert lab.returncode == 0, stderr
    assert [row[:2] for row in stored_rows(database)] == [("c", 21.5)]


def test_the_installed_sensor_process_sends_readings(installed, tmp_path):
    """The simulator's sensors run in a spawned process, which must find the installed code too."""
    probe = (
        "import sys\n"
        "from thermolab.main import make_importable; make_importable()\n"
        "from network.sensors.sensor_host import Add, SensorHost\n"
        "from models.value_models import make_model\n"
        "from models.sensor_target import SensorTarget\n"
        "host = SensorHost(SensorTarget('127.0.0.1', int(sys.argv[1])))\n"
        "host.send(Add(('installed',), make_model('walk'), 50.0, True))\n"
        "sys.stdin.readline()\n"
        "host.close()\n"
        "print(*(message.sentence for message in host.messages() if hasattr(message, 'sentence')))\n"
    )
    with running_server(tmp_path / "m.db") as server:
        with subprocess.Popen(
            [installed / "python", "-c", probe, str(server.address[1])],
            cwd=tmp_path,
            env=user_environment(tmp_path),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as sensors:
            wait_until(lambda: len(stored_rows(tmp_path / "m.db")) >= 10, "readings from the installed sensor process")
            problems, stderr = sensors.communicate("\n", timeout=TIMEOUT)
    assert sensors.returncode == 0, stderr
    assert problems.strip() == ""
