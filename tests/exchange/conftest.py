"""Fixtures of the exchange tests: LibreOffice Calc, started once per session."""

from tests.exchange.calc import calc  # noqa: F401 - a fixture
