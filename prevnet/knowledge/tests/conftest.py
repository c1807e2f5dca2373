import pytest

from prevnet.knowledge import seed


@pytest.fixture
def seeded(db):
    seed.load()
