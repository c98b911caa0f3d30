"""A network's workspace: the links and documents its members share.

Only the readers of the network (the people of its active member organisations, and
editors) see them, add them and download the documents. Each network's documents live in
a Wagtail collection of its own under "Nätverk"; `may_download` is what the
`before_serve_document` hook asks, and Wagtail's serve view is the only way to a document's
file (WAGTAILDOCS_SERVE_METHOD = "serve_view"; the documents folder of MEDIA_ROOT is
never served directly, see config/urls.py and docs/deployment.md).
"""

import secrets

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection

from network.models import Network, NetworkLink
from portal.accounts.roles import is_editor

from .permissions import can_coordinate, can_read_discussion

# The parent of every network's collection, beside the editors' own collections.
PARENT_COLLECTION_NAME = "Nätverk"


def require_workspace_reader(user, network):
    if not can_read_discussion(user, network):
        raise PermissionError(_("Länkar och dokument är bara för nätverkets medlemmar."))


def can_remove(user, item):
    """The person who added it, the network's coordinators and editors remove an item."""
    if not user.is_authenticated:
        return False
    if item.added_by_id is not None and item.added_by_id == user.pk:
        # Only while they can still read the network (not after their organisation left).
        return can_read_discussion(user, item.network)
    return can_coordinate(user, item.network)


def network_collection(network):
    """The network's collection, made (under "Nätverk") the first time it is needed."""
    if network.collection_id:
        return network.collection
    with transaction.atomic():
        network = Network.objects.select_for_update().get(pk=network.pk)
        if network.collection_id:
            return network.collection
        root = Collection.get_first_root_node()
        parent = root.get_children().filter(name=PARENT_COLLECTION_NAME).first()
        if parent is None:
            parent = root.add_child(name=PARENT_COLLECTION_NAME)
        collection = parent.add_child(name=_unique_child_name(parent, network.name))
        network.collection = collection
        network.save(update_fields=["collection"])
        return collection


def _unique_child_name(parent, name):
    taken = set(parent.get_children().values_list("name", flat=True))
    candidate, number = name[:245], 2
    while candidate in taken:
        candidate, number = f"{name[:240]} ({number})", number + 1
    return candidate


@transaction.atomic
def add_link(network, user, *, title, url):
    require_workspace_reader(user, network)
    item = NetworkLink.objects.create(network=network, title=title, url=url, added_by=user)
    log(item, "network.link.added", user=user)
    return item


@transaction.atomic
def add_document(network, user, *, title, file):
    """Store the file as a Wagtail document in the network's collection, and list it."""
    require_workspace_reader(user, network)
    # A random part in the stored name, so that a file cannot be guessed from its title,
    # should a proxy ever serve the media folder against docs/deployment.md.
    stem, dot, extension = file.name.rpartition(".")
    file.name = (
        f"{stem}-{secrets.token_hex(6)}.{extension}"
        if dot
        else f"{file.name}-{secrets.token_hex(6)}"
    )
    document = get_document_model()(
        title=title, file=file, collection=network_collection(network), uploaded_by_user=user
    )
    document._set_document_file_metadata()  # size and hash, as Wagtail's own upload does
    document.save()
    item = NetworkLink.objects.create(
        network=network, title=title, document=document, added_by=user
    )
    log(item, "network.document.added", user=user)
    return item


@transaction.atomic
def remove(item, user):
    """Remove a link, or a document together with its file."""
    if not can_remove(user, item):
        raise PermissionError(
            _("Bara den som lade till det, nätverkets samordnare och redaktörer kan ta bort det.")
        )
    log(item, "network.document.removed" if item.document_id else "network.link.removed", user=user)
    if item.document_id:
        # Deleting the document deletes its entry (CASCADE), and Wagtail deletes the file
        # from the storage once the transaction has committed.
        item.document.delete()
    else:
        item.delete()


# Who may download a document -------------------------------------------------------------


def networks_of_document(document):
    """None for a public document; else the networks it belongs to: the one whose
    collection (or a collection inside it) holds it, and any whose workspace lists it.

    A document under "Nätverk" whose network is gone (deleted in the admin) belongs to no
    network but is not public either: the empty list, for editors only.
    """
    collection = document.collection
    ancestor_paths = [
        collection.path[:end]
        for end in range(collection.steplen, len(collection.path) + 1, collection.steplen)
    ]
    by_collection = Network.objects.filter(collection__path__in=ancestor_paths)
    by_link = Network.objects.filter(links__document=document)
    networks = list((by_collection | by_link).distinct())
    if networks:
        return networks
    under_networks = Collection.objects.filter(
        path__in=ancestor_paths, depth=2, name=PARENT_COLLECTION_NAME
    ).exists()
    return [] if under_networks else None


def may_download(user, document, networks=...):
    """True for anyone if the document is public; else for editors and for the readers of
    every network it belongs to (a person of an organisation that left has no access)."""
    if networks is ...:
        networks = networks_of_document(document)
    if networks is None:
        return True
    if not user.is_authenticated:
        return False
    if is_editor(user):
        return True
    return bool(networks) and all(can_read_discussion(user, network) for network in networks)
