"""A network's workspace: members share links and documents that only the network's
readers (and editors) see and download, by any address."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from network.forms import safe_file_name
from network.models import Network, NetworkLink, NetworkMembership
from network.services.networks import workspace
from organisations.models import Municipality

pytestmark = pytest.mark.django_db

Document = get_document_model()
PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNR = "19121212-1212"  # a valid personal identity number (the Tax Agency's example)


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Documents in a folder of their own, as in production (the serve view reads a path)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def network(kalmar, vaxjo, editor, coordinator_b):
    network = Network.objects.create(
        name="Samverkan med BUP",
        slug="bup",
        coordinator_organisation=vaxjo.organisation,
    )
    for organisation in (kalmar.organisation, vaxjo.organisation):
        NetworkMembership.objects.create(
            network=network, organisation=organisation, status="active"
        )
    return network


@pytest.fixture
def lund_member(make_person, municipalities):
    """A member of a third municipality, not in the network."""
    return make_person("medlem@lund.se", Municipality.objects.get(name="Lund"))


def pdf(name="plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def upload(client, title="Handlingsplan 2026", file=None, slug="bup"):
    return client.post(
        f"/kommuner/natverk/{slug}/dokument/ny/",
        {"title": title, "file": file or pdf()},
    )


@pytest.fixture
def shared(network, member_a):
    """A document member_a of Kalmar uploaded to the network."""
    return workspace.add_document(network, member_a, title="Handlingsplan 2026", file=pdf())


def download(client, item):
    return client.get(item.document.url)


def body(response):
    return b"".join(response.streaming_content)


# Uploading and seeing --------------------------------------------------------------------


def test_a_member_uploads_a_document_that_the_network_page_lists(client, network, member_a):
    client.force_login(member_a)
    response = upload(client)
    assert response.status_code == 302
    assert response["Location"] == "/kommuner/natverk/bup/#links-heading"
    item = NetworkLink.objects.get()
    assert item.title == "Handlingsplan 2026" and item.added_by == member_a
    document = item.document
    assert document.collection == Network.objects.get().collection
    assert document.collection.name == "Samverkan med BUP"
    assert document.collection.get_parent().name == "Nätverk"
    page = client.get("/kommuner/natverk/bup/").content.decode()
    assert "Handlingsplan 2026" in page and document.url in page
    assert "Maja Person" in page


def test_a_member_downloads_it_and_a_colleague_of_another_member_too(client, shared, coordinator_b):
    client.force_login(coordinator_b)  # Växjö is a member too
    response = download(client, shared)
    assert response.status_code == 200
    assert body(response) == PDF
    assert "Cookie" in response["Vary"]  # no shared cache gives it to someone else


def test_a_member_of_a_third_municipality_neither_sees_nor_downloads_it(
    client, shared, lund_member
):
    client.force_login(lund_member)
    page = client.get("/kommuner/natverk/bup/").content.decode()
    assert "Handlingsplan 2026" not in page
    assert shared.document.url not in page
    assert f"/documents/{shared.document.pk}/" not in page
    response = client.get(f"/documents/{shared.document.pk}/{shared.document.filename}")
    assert response.status_code == 403
    assert PDF not in response.content
    # Nor can they add to it.
    assert upload(client, title="Intrång").status_code == 403
    assert client.get("/kommuner/natverk/bup/lank/ny/").status_code == 403


def test_a_visitor_is_sent_to_sign_in_and_sees_no_title(client, shared):
    assert "Handlingsplan 2026" not in client.get("/kommuner/natverk/bup/").content.decode()
    response = download(client, shared)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=/documents/")


def test_an_editor_downloads_it(client, shared, editor):
    client.force_login(editor)
    assert download(client, shared).status_code == 200
    assert "Handlingsplan 2026" in client.get("/kommuner/natverk/bup/").content.decode()


def test_a_member_of_an_organisation_that_left_loses_access(client, shared, network, member_a):
    client.force_login(member_a)
    assert download(client, shared).status_code == 200
    NetworkMembership.objects.filter(organisation=member_a.memberships.get().organisation).update(
        status="left"
    )
    assert download(client, shared).status_code == 403
    assert "Handlingsplan 2026" not in client.get("/kommuner/natverk/bup/").content.decode()


def test_a_document_moved_into_a_folder_inside_the_networks_collection_stays_closed(
    client, shared, lund_member
):
    inner = shared.document.collection.add_child(name="Protokoll")
    Document.objects.filter(pk=shared.document_id).update(collection=inner)
    NetworkLink.objects.filter(pk=shared.pk).update(document=None, url="https://example.se")
    client.force_login(lund_member)
    assert download(client, shared).status_code == 403


def test_the_documents_of_a_deleted_network_are_for_editors_only(
    client, shared, network, member_a, editor
):
    document = shared.document
    network.delete()
    client.force_login(member_a)
    assert client.get(document.url).status_code == 403
    client.force_login(editor)
    assert client.get(document.url).status_code == 200


def test_members_have_no_way_into_the_admins_document_listing_or_chooser(
    client, shared, member_a, lund_member
):
    for person in (member_a, lund_member):
        client.force_login(person)
        for path in (
            "/admin/documents/",
            "/admin/documents/chooser/",
            "/admin/api/main/documents/",
        ):
            response = client.get(path)
            # Wagtail sends people without admin access to sign in, for every one of them.
            assert response.status_code == 302, path
            assert response["Location"].startswith("/konto/login/"), path
            assert b"Handlingsplan" not in response.content


def test_ordinary_public_documents_stay_served_to_everyone(client, lund_member, network):
    document = Document.objects.create(
        title="Vägledning", file=ContentFile(PDF, name="vagledning.pdf")
    )
    assert document.collection == Collection.get_first_root_node()
    assert download_url(client, document).status_code == 200
    client.force_login(lund_member)
    assert download_url(client, document).status_code == 200


def download_url(client, document):
    return client.get(document.url)


def test_html_and_svg_documents_are_never_shown_inline(client):
    for name in ("sida.html", "bild.svg"):
        document = Document.objects.create(
            title=name, file=ContentFile(b"<script>alert(1)</script>", name=name)
        )
        response = client.get(document.url)
        assert response["Content-Disposition"].startswith("attachment"), name
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_documents_are_always_served_through_the_checking_view(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    document = Document.objects.create(title="x", file=ContentFile(PDF, name="x.pdf"))
    assert document.url == f"/documents/{document.pk}/x.pdf"


# Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "file, message",
    [
        (SimpleUploadedFile("skript.html", b"<html></html>"), "Filer av den typen går inte"),
        (SimpleUploadedFile("bild.svg", b"<svg/>"), "Filer av den typen går inte"),
        (SimpleUploadedFile("program.exe", b"MZ"), "Filer av den typen går inte"),
        (SimpleUploadedFile("utan-typ", b"text"), "Filer av den typen går inte"),
        (SimpleUploadedFile("falsk.pdf", b"<html>not a pdf</html>"), "inte ut att vara en PDF-fil"),
        (SimpleUploadedFile("falsk.docx", b"%PDF-1.4"), "inte ut att vara en DOCX-fil"),
        (SimpleUploadedFile(f"{PNR}.pdf", PDF), "personnummer"),
    ],
)
def test_a_refused_file_gets_a_swedish_message_at_the_field_and_the_title_stays(
    client, network, member_a, file, message
):
    client.force_login(member_a)
    response = upload(client, title="Min rubrik", file=file)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors["file"])
    assert 'value="Min rubrik"' in response.content.decode()
    assert not NetworkLink.objects.exists() and not Document.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"title": "Plan"},
        {"title": ["a", "b"], "file": "inte en fil"},
        {"title": "x" * 201, "file": ""},
        {"title": "\x00", "url": "https://"},
    ],
)
def test_odd_input_gets_an_answer_never_a_server_error(client, network, member_a, data):
    client.force_login(member_a)
    for path in ("dokument/ny/", "lank/ny/"):
        response = client.post(f"/kommuner/natverk/bup/{path}", data)
        assert response.status_code == 200, (path, data)
        assert response.context["form"].errors
    assert not NetworkLink.objects.exists()


def test_the_title_and_the_file_are_both_guarded(network, member_a):
    from network.forms import DocumentForm, LinkForm
    from portal.privacy import PrivacyGuardMixin

    assert issubclass(DocumentForm, PrivacyGuardMixin) and issubclass(LinkForm, PrivacyGuardMixin)


def test_a_file_over_the_size_limit_is_refused_with_the_limit(client, network, member_a, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(member_a)
    response = upload(client, title="Stor plan", file=pdf(content=PDF + b"0" * 2000))
    assert response.status_code == 200
    error = " ".join(response.context["form"].errors["file"])
    assert "Filen är för stor" in error and "högst 1,0\xa0kB" in error
    assert 'value="Stor plan"' in response.content.decode()
    assert not Document.objects.exists()


def test_a_personal_identity_number_in_the_title_is_refused(client, network, member_a):
    client.force_login(member_a)
    response = upload(client, title=f"Utredning {PNR}")
    assert "personnummer" in " ".join(response.context["form"].errors["title"])
    assert not Document.objects.exists()
    response = client.post(
        "/kommuner/natverk/bup/lank/ny/", {"title": f"Om {PNR}", "url": "https://example.se"}
    )
    assert "personnummer" in " ".join(response.context["form"].errors["title"])
    assert not NetworkLink.objects.exists()


def test_the_stored_file_name_keeps_nothing_of_the_senders_folders(client, network, member_a):
    assert safe_file_name("C:\\Users\\anna.svensson\\Rapport 1.PDF") == "rapport-1.pdf"
    assert safe_file_name("/home/anna/Åtgärder.docx") == "atgarder.docx"
    assert safe_file_name("...pdf") == "dokument.pdf"
    client.force_login(member_a)
    upload(client, file=pdf(name="C:\\Users\\anna.svensson\\Min plan.pdf"))
    assert NetworkLink.objects.get().document.filename.startswith("min-plan")
    assert "anna" not in NetworkLink.objects.get().document.file.name


# Links -----------------------------------------------------------------------------------


def test_a_member_adds_a_link(client, network, member_a):
    client.force_login(member_a)
    response = client.post(
        "/kommuner/natverk/bup/lank/ny/",
        {"title": "Rapport från BRÅ", "url": "www.bra.se/rapport"},
    )
    assert response.status_code == 302
    link = NetworkLink.objects.get()
    assert link.url == "https://www.bra.se/rapport" and link.added_by == member_a
    assert (
        'href="https://www.bra.se/rapport"' in client.get("/kommuner/natverk/bup/").content.decode()
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.se/fil",
        "file:///etc/passwd",
        f"https://example.se/?pnr={PNR}",
    ],
)
def test_only_http_and_https_links_are_taken(client, network, member_a, url):
    client.force_login(member_a)
    response = client.post("/kommuner/natverk/bup/lank/ny/", {"title": "Länk", "url": url})
    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert 'value="Länk"' in response.content.decode()
    assert not NetworkLink.objects.exists()


# Removing --------------------------------------------------------------------------------


def remove(client, item):
    return client.post(f"/kommuner/natverk/bup/lankar-och-dokument/{item.pk}/ta-bort/")


def test_the_author_confirms_then_removes_and_the_document_goes_too(
    client, shared, member_a, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    confirm = client.get(f"/kommuner/natverk/bup/lankar-och-dokument/{shared.pk}/ta-bort/")
    assert confirm.status_code == 200
    assert "Ta bort ”Handlingsplan 2026”?" in confirm.content.decode()
    assert NetworkLink.objects.exists()  # nothing happens on GET
    with django_capture_on_commit_callbacks(execute=True):
        response = remove(client, shared)
    assert response.status_code == 302
    assert not NetworkLink.objects.exists() and not Document.objects.exists()


def test_a_colleague_in_the_network_cannot_remove_what_someone_else_added(
    client, shared, make_person, kalmar
):
    colleague = make_person("kollega@kalmar.se", kalmar)
    client.force_login(colleague)
    assert remove(client, shared).status_code == 403
    assert (
        "Ta bort"
        not in client.get("/kommuner/natverk/bup/")
        .content.decode()
        .split("links-heading")[1]
        .split("</section>")[0]
    )
    assert NetworkLink.objects.exists()


def test_the_networks_coordinator_and_an_editor_remove_it(
    client, network, member_a, coordinator_b, editor
):
    for person in (coordinator_b, editor):
        item = workspace.add_link(network, member_a, title="Länk", url="https://example.se")
        client.force_login(person)
        assert remove(client, item).status_code == 302
        assert not NetworkLink.objects.filter(pk=item.pk).exists()


def test_a_member_of_another_network_cannot_remove_by_address(client, shared, lund_member):
    client.force_login(lund_member)
    assert remove(client, shared).status_code == 403
    other = Network.objects.create(name="Annat", slug="annat")
    response = client.post(
        f"/kommuner/natverk/{other.slug}/lankar-och-dokument/{shared.pk}/ta-bort/"
    )
    assert response.status_code == 404
    assert NetworkLink.objects.exists()


def test_the_shared_items_are_in_the_persons_data_export(shared, member_a):
    from network.my_pages import personal_data

    _name, data = personal_data(member_a)
    [item] = data["länkar och dokument du har lagt till"]
    assert item["rubrik"] == "Handlingsplan 2026" and item["fil"].endswith(".pdf")
