"""The simulator's table sorts its snapshots itself and keeps the user's selection on its sensors."""

from PySide6.QtCore import Qt

from models.sensor_row import SensorRow
from models.value_models import Constant
from widgets.simulator.sensor_fleet_table import SensorFleetModel, SensorFleetTable

ACKED = SensorFleetModel.COLUMNS.index("acked")


def snapshot(acked: dict[str, int]) -> list[SensorRow]:
    """Rows in the order the sensors were added, as the sensor process sends them."""
    return [SensorRow(sensor, 10.0, "sending", True, n, n, n, 0, 0, 0, 20.0, None) for sensor, n in acked.items()]


def make_table(qtbot, sensors) -> SensorFleetTable:
    model = SensorFleetModel()
    for sensor in sensors:
        model.describe(sensor, Constant())
    table = SensorFleetTable(model)
    qtbot.addWidget(table)
    return table


def test_unsorted_rows_keep_the_order_sensors_were_added_in_and_a_header_sorts_them(qtbot):
    table = make_table(qtbot, ["capteur_10", "capteur_2", "capteur_1"])
    table.source.set_rows(snapshot({"capteur_10": 5, "capteur_2": 7, "capteur_1": 6}))
    assert table.source.ids() == ["capteur_10", "capteur_2", "capteur_1"]
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert table.source.ids() == ["capteur_1", "capteur_2", "capteur_10"]
    table.sortByColumn(ACKED, Qt.SortOrder.DescendingOrder)
    assert table.source.ids() == ["capteur_2", "capteur_1", "capteur_10"]
    table.source.set_rows(snapshot({"capteur_10": 9, "capteur_2": 7, "capteur_1": 6}))
    assert table.source.ids() == ["capteur_10", "capteur_2", "capteur_1"]


def test_the_selection_stays_on_its_sensors_through_new_order_arrivals_and_departures(qtbot):
    table = make_table(qtbot, ["a", "b", "c", "d"])
    table.source.set_rows(snapshot({"a": 1, "b": 2, "c": 3}))
    table.sortByColumn(ACKED, Qt.SortOrder.DescendingOrder)
    table.selectRow(table.source.ids().index("a"))
    table.source.set_rows(snapshot({"a": 9, "b": 2, "c": 3}))
    assert table.source.ids()[0] == "a" and table.selected_ids() == ["a"]
    table.source.set_rows(snapshot({"a": 9, "c": 3, "d": 10}))
    assert table.source.ids() == ["d", "a", "c"]
    assert table.selected_ids() == ["a"]
    assert table.source.row(table.selectionModel().selectedRows()[0].row()).acked == 9
