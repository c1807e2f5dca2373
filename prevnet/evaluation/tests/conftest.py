"""Evaluation tests run in a programme whose three years are all past (deterministic periods):
year 1 = 2020-04-01 to 2021-03-31, year 2 = 2021-04-01 to 2022-03-31, year 3 = 2022-04-01 to
2023-03-31."""

import pytest


@pytest.fixture(autouse=True)
def _past_programme(settings):
    settings.PREVNET_PROGRAMME_START = "2020-04-01"
