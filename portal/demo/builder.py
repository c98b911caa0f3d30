"""Build the demo site from the content modules in this package.

Every object is found by its slug and updated, or created when missing, so running the
build again gives the same site.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from organisations.models import Municipality
from organisations.services import load_reference_data
from portal.models import (
    Challenge,
    CollaborationForm,
    GoodExampleIndexPage,
    GoodExamplePage,
    GuidancePage,
    HomePage,
    InformationPage,
    Method,
    OtherSupportIndexPage,
    OtherSupportPage,
    PortalSettings,
    SupportAreaIndexPage,
    SupportAreaPage,
    TargetGroup,
)

from . import examples, knowledge, site, support, vocabulary

HOME_SLUG = "start"

# Other apps add their demo content with @hooks.register(DEMO_CONTENT_HOOK): a function of
# the home page that creates or updates what it owns, idempotently, and returns counts.
DEMO_CONTENT_HOOK = "register_demo_content"


def stream(blocks):
    """Turn the content modules' block notation into StreamField data."""
    data = []
    for kind, *args in blocks:
        if kind == "h":
            data.append(("heading", {"text": args[0], "level": "h2"}))
        elif kind == "p":
            data.append(("paragraph", RichText(args[0])))
        elif kind == "callout":
            data.append(("callout", {"title": args[0], "text": RichText(args[1])}))
        elif kind == "steps":
            title, steps = args
            data.append(
                (
                    "steps",
                    {
                        "title": title,
                        "steps": [
                            {"title": step, "text": text, "responsible": who}
                            for step, text, who in steps
                        ],
                    },
                )
            )
        else:
            raise ValueError(f"Unknown demo block kind: {kind}")
    return data


def _upsert_snippets():
    for method in vocabulary.METHODS:
        Method.objects.update_or_create(
            slug=method["slug"],
            defaults={"body": "", "abbreviation": "", **method},
        )
    for form in vocabulary.COLLABORATION_FORMS:
        CollaborationForm.objects.update_or_create(slug=form["slug"], defaults=form)
    for slug, name in vocabulary.TARGET_GROUPS:
        TargetGroup.objects.update_or_create(slug=slug, defaults={"name": name})
    for slug, name in vocabulary.CHALLENGES:
        Challenge.objects.update_or_create(slug=slug, defaults={"name": name})


def upsert_child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return page


def publish(page, **relations):
    """Set many-to-many relations and tags, then publish the page as a new revision."""
    tags = relations.pop("tags", None)
    for name, objects in relations.items():
        setattr(page, name, objects)
    if tags is not None:
        page.tags.set(tags)
    page.save_revision().publish()
    return page


def _by_slug(model, slugs):
    objects = {obj.slug: obj for obj in model.objects.filter(slug__in=slugs)}
    return [objects[slug] for slug in slugs]


def _home_page():
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).first()
    if home is None:
        home = HomePage(title=site.HOME["title"], slug=HOME_SLUG)
        root.add_child(instance=home)
    home.title = site.HOME["title"]
    home.intro = site.HOME["intro"]
    home.body = stream(site.HOME["body"])
    publish(home)

    default_site = Site.objects.filter(is_default_site=True).first()
    if default_site is None:
        default_site = Site(hostname="localhost", port=80, is_default_site=True)
    default_site.root_page = home
    default_site.site_name = "Kunskapsnätverket"
    default_site.save()

    # Wagtail's welcome page is a plain Page directly under the root.
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
    return home


def _support_areas(home):
    index = upsert_child(
        home,
        SupportAreaIndexPage,
        site.SUPPORT_AREA_INDEX["slug"],
        title=site.SUPPORT_AREA_INDEX["title"],
        intro=site.SUPPORT_AREA_INDEX["intro"],
        show_in_menus=True,
    )
    publish(index)
    for area_data in knowledge.SUPPORT_AREAS:
        area = upsert_child(
            index,
            SupportAreaPage,
            area_data["slug"],
            title=area_data["title"],
            summary=area_data["summary"],
            support_formats=area_data["support_formats"],
            body=stream(area_data["body"]),
        )
        publish(
            area,
            methods=_by_slug(Method, area_data["methods"]),
            collaboration_forms=_by_slug(CollaborationForm, area_data["collaboration_forms"]),
        )
        for guidance in area_data["guidance"]:
            page = upsert_child(
                area,
                GuidancePage,
                guidance["slug"],
                title=guidance["title"],
                summary=guidance["summary"],
                body=stream(guidance["body"]),
                prevention_levels=guidance["prevention_levels"],
                partners=guidance["partners"],
                last_reviewed=knowledge.LAST_REVIEWED,
                review_interval_months=knowledge.REVIEW_INTERVAL_MONTHS,
            )
            publish(
                page,
                target_groups=_by_slug(TargetGroup, guidance["target_groups"]),
                collaboration_forms=_by_slug(CollaborationForm, guidance["collaboration_forms"]),
                methods=_by_slug(Method, guidance["methods"]),
                tags=guidance["tags"],
            )


def _good_examples(home):
    index = upsert_child(
        home,
        GoodExampleIndexPage,
        site.EXAMPLE_INDEX["slug"],
        title=site.EXAMPLE_INDEX["title"],
        intro=site.EXAMPLE_INDEX["intro"],
        show_in_menus=True,
    )
    publish(index)
    for example in examples.GOOD_EXAMPLES:
        municipality = (
            Municipality.objects.get(name=example["municipality"])
            if example["municipality"]
            else None
        )
        page = upsert_child(
            index,
            GoodExamplePage,
            example["slug"],
            title=example["title"],
            municipality=municipality,
            unnamed_municipality=example["unnamed_municipality"],
            year=example["year"],
            summary=example["summary"],
            problem=example["problem"],
            what_was_done=example["what_was_done"],
            partners=example["partners"],
            partners_description=example["partners_description"],
            results=example["results"],
            lessons=example["lessons"],
            prevention_levels=example["prevention_levels"],
        )
        publish(
            page,
            support_areas=_by_slug(SupportAreaPage, example["support_areas"]),
            target_groups=_by_slug(TargetGroup, example["target_groups"]),
            methods=_by_slug(Method, example["methods"]),
            collaboration_forms=_by_slug(CollaborationForm, example["collaboration_forms"]),
            tags=example["tags"],
        )


def _other_support(home):
    index = upsert_child(
        home,
        OtherSupportIndexPage,
        site.OTHER_SUPPORT_INDEX["slug"],
        title=site.OTHER_SUPPORT_INDEX["title"],
        intro=site.OTHER_SUPPORT_INDEX["intro"],
        show_in_menus=True,
    )
    publish(index)
    for entry in support.OTHER_SUPPORT:
        page = upsert_child(
            index,
            OtherSupportPage,
            entry["slug"],
            title=entry["title"],
            actor_name=entry["actor_name"],
            actor_kind=entry["actor_kind"],
            summary=entry["summary"],
            audience=entry["audience"],
            body=stream(entry["body"]),
            how_to_get=entry["how_to_get"],
            source=entry["source"],
            link=entry["link"],
        )
        publish(
            page,
            support_areas=_by_slug(SupportAreaPage, entry["support_areas"]),
            target_groups=_by_slug(TargetGroup, entry["target_groups"]),
        )


def _information_pages(home):
    for info in site.INFORMATION_PAGES:
        page = upsert_child(
            home,
            InformationPage,
            info["slug"],
            title=info["title"],
            intro=info["intro"],
            body=stream(info["body"]),
            show_in_menus=True,
        )
        publish(page)


def build_demo_site():
    """Create or update the whole demo site. Returns what it holds, by kind."""
    load_reference_data()
    _upsert_snippets()
    home = _home_page()
    _support_areas(home)
    _good_examples(home)
    _other_support(home)
    _information_pages(home)
    for build in hooks.get_hooks(DEMO_CONTENT_HOOK):
        build(home)
    settings = PortalSettings.load()
    settings.show_demo_notice = True
    settings.save()
    return demo_counts()


def demo_counts():
    counts = {
        "stödområden": SupportAreaPage.objects.live().count(),
        "vägledningar": GuidancePage.objects.live().count(),
        "goda exempel": GoodExamplePage.objects.live().count(),
        "annat nationellt stöd": OtherSupportPage.objects.live().count(),
        "informationssidor": InformationPage.objects.live().count(),
        "metoder": Method.objects.count(),
        "samverkansformer": CollaborationForm.objects.count(),
        "målgrupper": TargetGroup.objects.count(),
        "utmaningar": Challenge.objects.count(),
        "kommuner": Municipality.objects.count(),
        "pilotkommuner": Municipality.objects.filter(pilot_year__isnull=False).count(),
    }
    for count in hooks.get_hooks("register_demo_counts"):
        counts.update(count())
    counts["sidor totalt"] = Page.objects.filter(depth__gt=1).count()
    return counts
