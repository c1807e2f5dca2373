import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    # A French request earlier in the same thread leaves French active for reverse().
    with translation.override("en"):
        yield
