"""The translations stay complete: every text of the windows has its French, compiled as committed.

`make translations` regenerates resources/translations; these tests fail until it was run and every
new entry translated, so no change can add English-only text to a window.
"""

from __future__ import annotations

import ast
import builtins
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.support import ROOT

TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
SOURCES = sorted(str(p.relative_to(ROOT)) for folder in ("app", "widgets") for p in (ROOT / folder).rglob("*.py"))
"""As the Makefile's TRANSLATED: every module of app/ and widgets/."""
LUPDATE_OPTIONS = {"fr": ["-no-obsolete", "-locations", "none"], "en": ["-no-obsolete", "-locations", "none", "-pluralonly"]}


def run_tool(name: str, *arguments: str) -> None:
    subprocess.run([str(BIN / f"pyside6-{name}"), "-silent", *arguments], cwd=ROOT, check=True, capture_output=True, timeout=120)


def source_texts(ts: Path) -> set[str]:
    return {message.findtext("source") for message in ElementTree.parse(ts).getroot().iter("message")}


def unfinished(ts: Path) -> list[str]:
    """The source texts whose translation is missing, unfinished, obsolete or empty."""
    missing = []
    for message in ElementTree.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] if message.get("numerus") == "yes" else [translation.text]
        if translation.get("type") is not None or not all(forms):
            missing.append(message.findtext("source"))
    return missing


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_text_lupdate_finds_is_in_the_committed_file(tmp_path, language):
    """A tr() added or changed since the last `make translations` makes lupdate write another file."""
    committed = TRANSLATIONS / f"thermolab_{language}.ts"
    fresh = Path(shutil.copy(committed, tmp_path / committed.name))
    run_tool("lupdate", *LUPDATE_OPTIONS[language], *SOURCES, "-ts", str(fresh))
    new, gone = source_texts(fresh) - source_texts(committed), source_texts(committed) - source_texts(fresh)
    assert (new, gone) == (set(), set()), "run `make translations` and translate the new texts"
    assert fresh.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), "run `make translations`"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_entry_is_translated(language):
    assert unfinished(TRANSLATIONS / f"thermolab_{language}.ts") == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_committed_qm_is_the_ts_compiled(tmp_path, language):
    """Compared by content: git keeps no file times."""
    compiled = tmp_path / f"thermolab_{language}.qm"
    run_tool("lrelease", str(TRANSLATIONS / f"thermolab_{language}.ts"), "-qm", str(compiled))
    assert compiled.read_bytes() == (TRANSLATIONS / f"thermolab_{language}.qm").read_bytes(), "run `make translations`"


OUR_ERRORS = {"InvalidReading", "InvalidRule", "EchoTimeout"}
"""The core's exceptions whose name does not end in Error: their sentence reaches a window too."""
SENTENCE_CALLS = {"event", "_close", "_fail", "_error", "_trouble", "Closing", "Problem"}
"""Calls of the Qt-free core whose text argument reaches a window: an event, a reason, a problem."""


def sentence_templates(node: ast.expr) -> list[str]:
    """The text of a literal or f-string with each value as {0}, {1}...; both texts of a value chosen by `if`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if not isinstance(node, ast.JoinedStr):
        return []
    texts = [""]
    for part in node.values:
        if isinstance(part, ast.Constant):
            texts = [t + part.value for t in texts]
        elif isinstance(part.value, ast.IfExp):
            options = [o for branch in (part.value.body, part.value.orelse) for o in sentence_templates(branch) or ["\0"]]
            texts = [t + o for t in texts for o in options]
        else:
            texts = [t + "\0" for t in texts]
    numbered = []
    for text in texts:
        for number in range(text.count("\0")):
            text = text.replace("\0", f"{{{number}}}", 1)
        numbered.append(text)
    return numbered


def fallbacks(node: ast.expr) -> list[str]:
    """The texts a value falls back to inside an f-string (`{message or 'no reason given'}`): each is
    a sentence of its own, translated as the value it stands for."""
    values = node.values if isinstance(node, ast.JoinedStr) else []
    choices = [v.value for v in values if isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.BoolOp)]
    return [text for choice in choices for operand in choice.values for text in sentence_templates(operand)]


def called_name(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def core_sentences() -> set[tuple[str, str]]:
    files = [*(ROOT / "models").rglob("*.py"), *(ROOT / "network").rglob("*.py")]
    # The Qt-free module of app/ whose sentences a window shows.
    files.append(ROOT / "app" / "secret_store.py")
    found = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        texts, helpers = [], set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = called_name(node)
            ours = name.endswith("Error") and not hasattr(builtins, name) or name in OUR_ERRORS
            if ours or name in SENTENCE_CALLS:
                text = node.args[1] if name == "event" and len(node.args) > 1 else node.args[0]
                texts.append(text)
                if isinstance(text, ast.Call):
                    # A helper writes the sentence (`WeatherError(_refusal(...))`): what it returns is one.
                    helpers.add(called_name(text))
        # Only the module's own helpers: an imported one is checked in its module.
        helpers &= {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in helpers:
                texts += [n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None]
            elif isinstance(node, ast.Call) and called_name(node) in helpers:
                # The fragments a helper sets in its sentence (`_malformed("is not well-formed XML")`).
                texts += node.args
        for text in texts:
            found.update((t, str(path.relative_to(ROOT))) for t in sentence_templates(text) + fallbacks(text))
    return found


def test_every_sentence_the_core_raises_or_logs_has_a_template_to_translate():
    """widgets/core_text.py translates the core's English sentences for the windows: a sentence added
    to the core (an error raised, an event logged) must be added there too."""
    from widgets.core_text import TEMPLATES

    assert sorted(found for found in core_sentences() if found[0] not in TEMPLATES) == []
