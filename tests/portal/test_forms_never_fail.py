"""No input to any public form produces a server error (property-based, with hypothesis)."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# Anything a browser can send: any text except lone surrogates, which cannot be encoded.
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["121212-1212", "19121212-1212", "", " ", "0", "-1", "9999", "<script>"]
)
values = text | st.lists(text, max_size=4)

FORMS = {
    # path: the fields the form has (hypothesis also sends fields it does not have)
    "/konto/signup/": ["email", "first_name", "last_name", "password1", "password2"],
    "/konto/login/": ["login", "password", "remember"],
    "/konto/password/reset/": ["email"],
    "/mina-sidor/organisation/": ["municipality", "job_title"],
    "/mina-sidor/goda-exempel/nytt/": [
        "title",
        "summary",
        "problem",
        "what_was_done",
        "partners",
        "partners_description",
        "results",
        "lessons",
        "support_areas",
        "prevention_levels",
        "methods",
        "collaboration_forms",
        "year",
    ],
    "/mina-sidor/radera-konto/": ["password"],
}
LISTING_FILTERS = [
    "support_area",
    "prevention_level",
    "county",
    "municipality",
    "method",
    "tag",
    "sida",
]


def form_data(fields):
    known = st.fixed_dictionaries({}, optional=dict.fromkeys(fields, values))
    unknown = st.dictionaries(text, values, max_size=3)
    return st.tuples(known, unknown).map(lambda pair: {**pair[1], **pair[0]})


@pytest.fixture
def signed_in_member(client, home_page, support_area, example_index, member_a):
    client.force_login(member_a)
    return client


FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("path", list(FORMS))
@FUZZ
@given(data=st.data())
def test_public_forms_never_answer_with_a_server_error(signed_in_member, path, data):
    cache.clear()  # keep allauth's rate limits from hiding the form behind a 429
    payload = data.draw(form_data(FORMS[path]))
    response = signed_in_member.post(path, payload)
    assert response.status_code < 500, payload


@FUZZ
@given(filters=form_data(LISTING_FILTERS))
def test_the_example_listing_never_answers_with_a_server_error(client, example_index, filters):
    response = client.get(example_index.url, filters)
    assert response.status_code == 200, filters


SEARCH_PARAMETERS = [
    "q",
    "kind",
    "support_area",
    "prevention_level",
    "county",
    "year",
    "sortering",
    "sida",
]


@FUZZ
@given(parameters=form_data(SEARCH_PARAMETERS))
def test_the_search_page_never_answers_with_a_server_error(client, home_page, parameters):
    response = client.get("/sok/", parameters)
    assert response.status_code == 200, parameters
