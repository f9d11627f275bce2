"""Numbers and times as the user's language writes them, and numbers typed with either separator.

Everything here follows `QLocale()`, the application's default locale, which the language choice
sets: 22,5 and 1 234 in French, 22.5 and 1,234 in English. Only what a person reads or types goes
through it: the wire, the database and the standard CSV keep their one fixed form (docs/protocol.md).
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QDoubleSpinBox

_MINUS_SIGNS = str.maketrans({"\u2212": "-"})


class Numbers:
    """How the default locale writes numbers, read from QLocale once and applied in Python.

    Tables format hundreds of cells a refresh, and each call into Qt may wait for the GIL behind the
    server's threads (README, "The window"): one snapshot a refresh costs four calls, not three a
    cell. Digits stay Latin, as in every language Thermolab speaks.
    """

    __slots__ = ("decimal", "group", "minus", "_signs")

    def __init__(self, decimal: str = ".", group: str = ",", minus: str = "-"):
        self.decimal, self.group, self.minus = decimal, group, minus
        signs = {",": group, ".": decimal, "-": minus}
        # Python's own signs need no translation: English cells cost what they did before.
        self._signs = str.maketrans({sign: own for sign, own in signs.items() if sign != own})

    @classmethod
    def current(cls) -> Numbers:
        locale = QLocale()
        return cls(locale.decimalPoint(), locale.groupSeparator(), locale.negativeSign())

    def integer(self, value: int) -> str:
        """1 234 567, 1,234,567."""
        return self.localise(f"{value:,}")

    def fixed(self, value: float, decimals: int) -> str:
        """22,50, 1,234.5."""
        return self.localise(f"{value:,.{decimals}f}")

    def significant(self, value: float, digits: int = 6) -> str:
        """0,1, 1e+06, 1,000: Python's `g` in the locale's signs."""
        return self.localise(f"{value:,.{digits}g}")

    def localise(self, text: str) -> str:
        """Python's number text (`-1,234.5`) in the locale's signs."""
        return text.translate(self._signs) if self._signs else text


def date_time_format() -> str:
    """A date and a time to the second, the date as the locale writes it short but with the whole
    year: `dd/MM/yyyy HH:mm:ss` in French, `M/d/yyyy HH:mm:ss` in American English. The C locale (no
    language set) has no date form of its own: `yyyy-MM-dd HH:mm:ss`, as ISO 8601 writes it."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd HH:mm:ss"
    date = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return (date if "yyyy" in date else date.replace("yy", "yyyy")) + " HH:mm:ss"


def date_time(timestamp: float) -> str:
    """Local time in `date_time_format()`: 21/11/2026 14:31:05."""
    return QLocale().toString(QDateTime.fromMSecsSinceEpoch(round(timestamp * 1000)), date_time_format())


def parse_decimal(text: str) -> float:
    """A number as a person types it: 22.5 or 22,5 in any language, the comma or the point being the
    decimal separator (nobody types a thousands separator into a temperature). ValueError otherwise."""
    return float(text.strip().translate(_MINUS_SIGNS).replace(",", "."))


class DecimalSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox that reads 22.5 and 22,5 alike.

    Qt's reads with its locale only: in French it refused "22.5", and where the comma groups
    thousands (English) it read "22,5" as 225. The box shows no thousands separator, so here either
    sign typed is the decimal one.
    """

    def validate(self, text: str, position: int):
        return super().validate(self._decimal(text), position)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(self._decimal(text))

    def _decimal(self, text: str) -> str:
        """The other sign made the locale's, in the number only: a translated suffix may hold either."""
        prefix, suffix = self.prefix(), self.suffix()
        if len(text) < len(prefix) + len(suffix) or not (text.startswith(prefix) and text.endswith(suffix)):
            return text
        point = self.locale().decimalPoint()
        number = text[len(prefix) : len(text) - len(suffix)].replace("," if point == "." else ".", point)
        return prefix + number + suffix
