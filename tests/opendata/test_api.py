"""The read-only API at /api/v2/: what it shows, what it never shows, its filters, pages
of results and its rate limit."""

import json

import pytest
from django.core.cache import cache

from .conftest import SECRET_LINK

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    return response, response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def test_guidance_lists_live_public_pages_with_their_terms(client, content):
    response, data = get(client, "/api/v2/guidance/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"  # an intranet's page may read it
    assert titles(data) == ["RBM-modellen i vardagen"]
    item = data["items"][0]
    assert item["summary"] == "Kort om vägledningen."
    assert item["support_area"]["slug"] == content["guidance"].get_parent().slug
    assert item["target_groups"] == [{"slug": "unga-i-riskzon", "name": "Unga i riskzon"}]
    assert item["meta"]["html_url"] == content["guidance"].full_url

    detail = client.get(item["meta"]["detail_url"]).json()
    assert detail["methods"][0]["slug"] == "rbm"
    assert detail["methods"][0]["html_url"] == "http://localhost/metoder/rbm/"  # the site root
    assert [level["code"] for level in detail["prevention_levels"]] == ["selective"]
    assert detail["body"] == []  # the StreamField, as blocks (none in the factory)


@pytest.mark.parametrize("who", ["visitor", "editor", "member"])
def test_drafts_and_private_pages_are_not_found_whoever_asks(client, content, editor, who):
    """A signed-in editor (who may see drafts in the admin) or a member (who may read the
    login-restricted page on the site) gets from the API what a visitor gets."""
    if who == "editor":
        editor.is_superuser = True
        editor.save()
        client.force_login(editor)
    elif who == "member":
        client.force_login(content["owner"])
    _, data = get(client, "/api/v2/guidance/", fields="*")
    assert "Utkast om skolan" not in titles(data)
    assert "Intern vägledning" not in titles(data)
    for page in (content["draft"], content["private"]):
        assert client.get(f"/api/v2/guidance/{page.pk}/").status_code == 404
    assert (
        client.get("/api/v2/guidance/find/", {"html_path": content["private"].url}).status_code
        == 404
    )


def test_good_examples_name_no_person(client, content):
    _, data = get(client, "/api/v2/good-examples/", fields="*")
    body = json.dumps(data, ensure_ascii=False)
    assert "anna.andersson@kalmar.se" not in body
    assert "Anna" not in body
    assert "owner" not in body
    example = next(item for item in data["items"] if item["title"] == "Gemensamt språk med RBM")
    assert example["municipality"]["name"] == "Kalmar"
    assert example["municipality"]["county"] == {"code": "08", "name": "Kalmar län"}
    assert example["problem"] == "<p>Problemet.</p>"
    response = client.get("/api/v2/good-examples/", {"fields": "owner"})
    assert response.status_code == 400


def test_workshops_show_when_and_where_but_no_link_or_seats(client, content):
    _, data = get(client, "/api/v2/workshops/", fields="*")
    body = json.dumps(data, ensure_ascii=False)
    for secret in (SECRET_LINK, "meeting_link", "capacity", "per_organisation_cap", "seat"):
        assert secret not in body
    (workshop,) = data["items"]
    assert workshop["format"] == {"code": "hybrid", "label": "Hybrid"}
    assert workshop["theme"]["name"] == "Samverkan med BUP"
    (occasion,) = workshop["occasions"]
    assert occasion["place"] == "Kalmar stadshus"
    assert occasion["county"]["code"] == "08"
    assert len(occasion["sessions"]) == 1
    detail = client.get(f"/api/v2/workshops/{content['workshop'].pk}/").content.decode()
    assert SECRET_LINK not in detail
    for field in ("meeting_link", "capacity", "network"):
        assert client.get("/api/v2/workshops/", {"fields": field}).status_code == 400


def test_filters_are_the_listings(client, content, support_area):
    examples = "/api/v2/good-examples/"
    assert titles(get(client, examples, municipality="kalmar")[1]) == ["Gemensamt språk med RBM"]
    assert titles(get(client, examples, county="08")[1]) == ["Gemensamt språk med RBM"]
    assert titles(get(client, examples, county="01")[1]) == []
    assert titles(get(client, examples, support_area=support_area.slug)[1]) == [
        "Gemensamt språk med RBM"
    ]
    guidance = "/api/v2/guidance/"
    assert titles(get(client, guidance, target_group="unga-i-riskzon")[1]) == [
        "RBM-modellen i vardagen"
    ]
    assert titles(get(client, guidance, method="rbm")[1]) == ["RBM-modellen i vardagen"]
    workshops = "/api/v2/workshops/"
    assert titles(get(client, workshops, county="08", format="hybrid")[1]) == ["RBM i praktiken"]
    assert titles(get(client, workshops, format="digital")[1]) == []
    assert titles(get(client, workshops, past="true")[1]) == []
    methods = get(client, "/api/v2/methods/", evidence_status="recommended")[1]
    assert [item["slug"] for item in methods["items"]] == ["rbm"]

    response, data = get(client, examples, county="99")
    assert response.status_code == 400
    assert "county" in data["message"]
    response, data = get(client, examples, kommun="kalmar")
    assert response.status_code == 400
    assert "kommun" in data["message"]


def test_pages_of_results(client, content):
    _, first = get(client, "/api/v2/good-examples/", limit=1)
    _, second = get(client, "/api/v2/good-examples/", limit=1, offset=1)
    assert first["meta"]["total_count"] == second["meta"]["total_count"] == 2
    # The listing's order: the newest year first.
    assert titles(first) + titles(second) == ["Gemensamt språk med RBM", "Ett annat exempel"]
    assert client.get("/api/v2/good-examples/", {"limit": 51}).status_code == 400


def test_support_areas_and_methods(client, content, support_area):
    _, areas = get(client, "/api/v2/support-areas/")
    assert titles(areas) == [support_area.title]
    _, methods = get(client, "/api/v2/methods/")
    assert methods["items"][0]["name"] == "RBM-modellen"


def test_rate_limit_per_client_address(client, content, settings):
    settings.OPENDATA_API_RATE = "3/min"
    cache.clear()
    for _ in range(3):
        assert client.get("/api/v2/methods/").status_code == 200
    refused = client.get("/api/v2/methods/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert client.get("/api/v2/methods/", REMOTE_ADDR="192.0.2.7").status_code == 200
