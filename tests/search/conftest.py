"""Fixtures shared by the search tests."""

import pytest
from django.db import connection

from search.backends import reset_backend


@pytest.fixture(params=["whoosh", "postgres"])
def backend(request, settings):
    if request.param == "postgres" and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL)")
    settings.SEARCH_BACKEND = request.param
    reset_backend()
    yield request.param
    reset_backend()
