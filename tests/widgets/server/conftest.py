"""Fixtures the server panels' tests share."""

import pytest

from app.server.services_session import ServicesSession
from app.settings import settings


@pytest.fixture
def services(qtbot):
    """The Services panel with its session, as the server window holds them; shut down after the test."""
    session = ServicesSession(settings())
    qtbot.addWidget(session.panel)
    # Shown, so clicks land on laid-out buttons as they would on a screen.
    session.panel.show()
    qtbot.waitExposed(session.panel)
    yield session
    session.shutdown()
