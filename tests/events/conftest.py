import datetime

import pytest
from django.utils import timezone

from ..factories import ThemeFactory, WorkshopIndexPageFactory, WorkshopPageFactory


@pytest.fixture
def workshop_index(home_page):
    return WorkshopIndexPageFactory(parent=home_page)


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Samverkan med BUP", slug="samverkan-med-bup")


@pytest.fixture
def workshop(workshop_index, theme):
    return WorkshopPageFactory(
        parent=workshop_index, title="RBM i praktiken", theme=theme, capacity=2
    )


@pytest.fixture
def soon():
    return lambda **delta: timezone.now() + datetime.timedelta(**delta)


@pytest.fixture
def kalmar_kommun(kalmar):
    return kalmar.organisation


@pytest.fixture
def vaxjo_kommun(vaxjo):
    return vaxjo.organisation
