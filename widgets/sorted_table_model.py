"""A table model that keeps its rows in the order the user chose, sorting them itself."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

_DIGITS = re.compile(r"\d+")


def natural_key(text: str) -> str:
    """capteur_2 before capteur_10: numbers padded so that text order is number order."""
    return _DIGITS.sub(lambda number: number.group().zfill(20), text)


class SortedTableModel(QAbstractTableModel):
    """Rows in the order of the header the user clicked, sorted again at each refresh.

    A QSortFilterProxyModel sorts through Qt, which asks the model for every value it compares: for
    the simulator's 500 sensors sorted by a column, some 8,750 calls back into Python and over
    100 ms per refresh, each call waiting for the GIL whenever other threads hold it. Here Python
    sorts the rows it holds, once, and the selection moves with its rows.

    Subclasses set COLUMNS and give `row_id()` and `sort_value()`; `_rows` is in display order and
    `_index` maps each row's id to its position.
    """

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, headers: list[str], tips: list[str] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._index: dict[str, int] = {}
        self._headers, self._tips = headers, tips
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def row_id(self, row) -> str:
        raise NotImplementedError

    def sort_value(self, row, column: str):
        """What the column sorts by; None sorts before any value."""
        raise NotImplementedError

    def unsorted_position(self, row) -> int:
        """Where a row goes when no column is chosen (-1): by default, where it already is."""
        return self._index[self.row_id(row)]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and self._tips is not None:
            return self._tips[section]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """What a click on a header asks for; the order is kept as values change."""
        self._sort_column, self._sort_order = column, order
        self.resort()

    def resort(self) -> None:
        """Rows in the chosen order again, after their values changed; the selection follows its rows."""
        if self._sort_column < 0:
            rows = sorted(self._rows, key=self.unsorted_position)
        else:
            column = self.COLUMNS[self._sort_column]

            def key(row):
                value = self.sort_value(row, column)
                return (value is not None, value if value is not None else 0, self.row_id(row))

            rows = sorted(self._rows, key=key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        if all(new is old for new, old in zip(rows, self._rows, strict=True)):
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        ids = [self.row_id(self._rows[index.row()]) for index in kept]
        self._rows = rows
        self._reindex()
        self.changePersistentIndexList(
            kept, [self.index(self._index[i], index.column()) for i, index in zip(ids, kept, strict=True)]
        )
        self.layoutChanged.emit()

    def _reindex(self) -> None:
        self._index = {self.row_id(row): position for position, row in enumerate(self._rows)}
