import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    # A French page requested by an earlier test can leave French active in this thread;
    # messages asserted here are the English ones.
    with translation.override("en"):
        yield
