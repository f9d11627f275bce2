"""The sensors table sorts itself and keeps the user's selection on its sensors as values change."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.support import batches
from widgets.server.sensor_table import SensorTable, SensorTableModel


def shown(table: SensorTable) -> list[str]:
    model = table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def make_table(qtbot) -> SensorTable:
    table = SensorTable(SensorTableModel())
    qtbot.addWidget(table)
    return table


def add(table: SensorTable, points: dict) -> None:
    table.source.add_points(batches(points), {sensor: QColor("red") for sensor in points})


def test_rows_follow_the_chosen_column_and_new_sensors_take_their_place(qtbot):
    table = make_table(qtbot)
    add(table, {"b": ([1.0], [30.0]), "c": ([1.0], [10.0]), "a": ([1.0], [20.0])})
    assert shown(table) == ["a", "b", "c"]
    table.sortByColumn(SensorTableModel.COLUMNS.index("max"), Qt.SortOrder.DescendingOrder)
    assert shown(table) == ["b", "a", "c"]
    add(table, {"d": ([2.0], [25.0])})
    assert shown(table) == ["b", "d", "a", "c"]


def test_the_selection_stays_on_its_sensor_when_the_order_changes(qtbot):
    table = make_table(qtbot)
    add(table, {"a": ([1.0], [10.0]), "b": ([1.0], [20.0])})
    table.sortByColumn(SensorTableModel.COLUMNS.index("last"), Qt.SortOrder.AscendingOrder)
    table.selectRow(shown(table).index("a"))
    with qtbot.assertNotEmitted(table.selection_changed):
        add(table, {"a": ([2.0], [50.0])})
        table.source.refresh()
    assert shown(table) == ["b", "a"]
    assert table.selected_sensors() == {"a"}
    assert [index.row() for index in table.selectionModel().selectedRows()] == [1]


def test_sensors_are_listed_with_numbers_in_number_order(qtbot):
    table = make_table(qtbot)
    add(table, {f"capteur_{n}": ([1.0], [20.0]) for n in (10, 2, 1)})
    assert shown(table) == ["capteur_1", "capteur_2", "capteur_10"]
