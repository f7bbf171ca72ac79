"""Shared fixtures: Qt runs offscreen, every test gets its own data folder and temporary databases."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop.services.setup import init_database  # noqa: E402
from desktop.store import Store  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test touches the real per-user data folder."""
    monkeypatch.setenv("SXTDBV_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def db_path(tmp_path):
    """The path of a database that does not exist yet."""
    return tmp_path / "test.db"


@pytest.fixture
def seeded_store(db_path) -> Store:
    """A new database seeded with the 2024 plan."""
    store = init_database(db_path)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path) -> Store:
    """A new database without any plan."""
    store = init_database(tmp_path / "empty.db", empty=True)
    yield store
    store.close()
