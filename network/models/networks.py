"""Peer networks of organisations (municipalities, regions, county boards, police regions
and others) that share a challenge, and their discussions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.admin_forms import PrivacyGuardedModelForm


class Network(models.Model):
    name = models.CharField(_("namn"), max_length=150)
    slug = models.SlugField(_("kortnamn i adresser"), max_length=150, unique=True)
    challenge = models.ForeignKey(
        "portal.Challenge",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="networks",
        verbose_name=_("gemensam utmaning"),
    )
    purpose = models.TextField(_("syfte"), blank=True)
    description = models.TextField(_("beskrivning"), blank=True)
    coordinator_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_networks",
        verbose_name=_("samordnas av (person i förstärkningsteamet)"),
    )
    coordinator_organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_networks",
        verbose_name=_("samordnas av organisation"),
        help_text=_("Organisationens kontaktpersoner tar emot ansökningar och bjuder in."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    # The Wagtail collection holding the documents its members share, made at the first
    # upload (network.services.networks.workspace); only its readers download them.
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="network",
    )

    base_form_class = PrivacyGuardedModelForm

    class Meta:
        verbose_name = _("nätverk")
        verbose_name_plural = _("nätverk")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:network_detail", args=[self.slug])

    def has_active_member(self, organisation):
        return self.memberships.filter(
            organisation=organisation, status=NetworkMembership.Status.ACTIVE
        ).exists()

    @property
    def coordinator_label(self):
        if self.coordinator_organisation_id:
            return str(self.coordinator_organisation)
        return _("Förstärkningsteamet")


class NetworkMembership(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", _("Inbjuden")
        REQUESTED = "requested", _("Har ansökt")
        ACTIVE = "active", _("Medlem")
        LEFT = "left", _("Har lämnat")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("organisation"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    changed_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("medlemskap i nätverk")
        verbose_name_plural = _("medlemskap i nätverk")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"], name="one_membership_per_network"
            )
        ]

    def __str__(self):
        return f"{self.organisation} i {self.network}"


class NetworkLink(models.Model):
    """A link or a document shared in the network's workspace, for its members only."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("rubrik"), max_length=200)
    url = models.URLField(_("adress"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,  # a document deleted in the admin takes its entry along
        related_name="+",
        verbose_name=_("dokument"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("tillagt av"),
    )
    added_at = models.DateTimeField(_("tillagt"), default=timezone.now)

    class Meta:
        verbose_name = _("länk eller dokument")
        verbose_name_plural = _("länkar och dokument")
        ordering = ["-added_at", "-id"]

    def __str__(self):
        return self.title

    @property
    def href(self):
        return self.document.url if self.document_id else self.url


class Thread(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("rubrik"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_post_at = models.DateTimeField(auto_now_add=True)
    # Pinned by the network's coordinator or an editor: listed first on the network page.
    pinned = models.BooleanField(_("fäst"), default=False)

    class Meta:
        verbose_name = _("diskussionstråd")
        verbose_name_plural = _("diskussionstrådar")
        ordering = ["-pinned", "-last_post_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:thread_detail", args=[self.network.slug, self.pk])


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_organisation = models.ForeignKey(
        "organisations.Organisation", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("inlägg"))
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the author changes the text (shown as "Redigerat"); old texts are not kept.
    edited_at = models.DateTimeField(null=True, blank=True)
    # Set when the author deleted the opening post of a thread that has replies: the body
    # is erased and the post stays as a placeholder, so that the thread still reads.
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.CharField(_("skäl till att dölja"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("inlägg")
        verbose_name_plural = _("inlägg")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.thread}: {self.body[:40]}"


class PostReport(models.Model):
    """Someone in the network thinks a post should not be there, and says why."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("skäl"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("anmält inlägg")
        verbose_name_plural = _("anmälda inlägg")

    def __str__(self):
        return self.reason


class DigestSubscription(models.Model):
    """What email a person wants about a network's discussion: an email for each reply in
    the threads they take part in, at most one digest a day of the network's new posts, or
    none. A person without a row gets the replies in their threads at once (INSTANT); a row
    made without a mode is a digest, as every row was before there were modes."""

    class Mode(models.TextChoices):
        INSTANT = "instant", _("Ett mejl för varje nytt svar i trådar där jag skriver")
        DIGEST = "digest", _("En sammanfattning om dagen av nätverkets nya inlägg")
        NONE = "none", _("Inga mejl")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_digests"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="subscriptions")
    mode = models.CharField(
        _("e-post om diskussionen"), max_length=10, choices=Mode.choices, default=Mode.DIGEST
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # When the current mode was chosen: a digest never reaches back before it.
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="one_digest_per_network")
        ]

    def __str__(self):
        return f"{self.user} – {self.network}"
