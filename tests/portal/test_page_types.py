"""Every page type: created where it belongs and nowhere else, renders, and is editable."""

from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from events.models import WorkshopIndexPage, WorkshopPage
from organisations.models import Municipality
from organisations.services import load_reference_data
from portal.models import (
    GoodExampleIndexPage,
    GoodExamplePage,
    GuidancePage,
    HomePage,
    InformationPage,
    OtherSupportIndexPage,
    OtherSupportPage,
    SupportAreaIndexPage,
    SupportAreaPage,
)
from support.models import QuestionAnswerIndexPage, SupportOfferPage

from ..factories import (
    GoodExampleIndexPageFactory,
    GoodExamplePageFactory,
    GuidancePageFactory,
    HomePageFactory,
    InformationPageFactory,
    MethodFactory,
    OtherSupportIndexPageFactory,
    OtherSupportPageFactory,
    SupportAreaIndexPageFactory,
    SupportAreaPageFactory,
    ThemeFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                SupportAreaIndexPage,
                GoodExampleIndexPage,
                OtherSupportIndexPage,
                InformationPage,
                WorkshopIndexPage,
                SupportOfferPage,
                QuestionAnswerIndexPage,
            },
        )

    def test_support_areas_live_under_their_index(self):
        self.assertAllowedParentPageTypes(SupportAreaIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SupportAreaIndexPage, {SupportAreaPage})
        self.assertAllowedParentPageTypes(SupportAreaPage, {SupportAreaIndexPage})

    def test_guidance_lives_under_a_support_area_and_has_no_children(self):
        self.assertAllowedSubpageTypes(SupportAreaPage, {GuidancePage})
        self.assertAllowedParentPageTypes(GuidancePage, {SupportAreaPage})
        self.assertAllowedSubpageTypes(GuidancePage, set())
        self.assertCanNotCreateAt(HomePage, GuidancePage)
        self.assertCanNotCreateAt(GoodExampleIndexPage, GuidancePage)

    def test_good_examples_live_under_their_index(self):
        self.assertAllowedParentPageTypes(GoodExampleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GoodExampleIndexPage, {GoodExamplePage})
        self.assertAllowedParentPageTypes(GoodExamplePage, {GoodExampleIndexPage})
        self.assertAllowedSubpageTypes(GoodExamplePage, set())
        self.assertCanNotCreateAt(SupportAreaPage, GoodExamplePage)

    def test_other_national_support_lives_under_its_index(self):
        self.assertAllowedParentPageTypes(OtherSupportIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(OtherSupportIndexPage, {OtherSupportPage})
        self.assertAllowedParentPageTypes(OtherSupportPage, {OtherSupportIndexPage})
        self.assertAllowedSubpageTypes(OtherSupportPage, set())
        self.assertCanNotCreateAt(HomePage, OtherSupportPage)
        self.assertCanNotCreateAt(SupportAreaPage, OtherSupportPage)

    def test_information_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(InformationPage, {HomePage, InformationPage})
        self.assertAllowedSubpageTypes(InformationPage, {InformationPage})

    def test_workshops_live_under_their_index(self):
        self.assertAllowedParentPageTypes(WorkshopIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WorkshopIndexPage, {WorkshopPage})
        self.assertAllowedParentPageTypes(WorkshopPage, {WorkshopIndexPage})
        self.assertAllowedSubpageTypes(WorkshopPage, set())
        self.assertCanNotCreateAt(HomePage, WorkshopPage)
        self.assertCanNotCreateAt(SupportAreaPage, WorkshopPage)


class PageRenderingAndEditingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        load_reference_data()
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root)
        site = Site.objects.get(is_default_site=True)
        welcome = site.root_page
        site.root_page = cls.home
        site.save()
        welcome.delete()
        cls.information = InformationPageFactory(parent=cls.home, title="Om portalen")
        cls.area_index = SupportAreaIndexPageFactory(parent=cls.home)
        cls.area = SupportAreaPageFactory(parent=cls.area_index, title="Samverkan")
        method = MethodFactory(name="SSPF-modellen")
        cls.area.methods.set([method])
        cls.area.save_revision().publish()
        cls.guidance = GuidancePageFactory(parent=cls.area, title="Så kommer SSPF i gång")
        cls.example_index = GoodExampleIndexPageFactory(parent=cls.home)
        cls.example = GoodExamplePageFactory(
            parent=cls.example_index,
            title="Uppföljning av SSPF",
            municipality=Municipality.objects.get(name="Borås"),
            support_areas=[cls.area],
            methods=[method],
        )
        cls.support_index = OtherSupportIndexPageFactory(parent=cls.home)
        cls.support = OtherSupportPageFactory(
            parent=cls.support_index,
            title="Brås stöd till kommuner",
            support_areas=[cls.area],
        )
        cls.workshop_index = WorkshopIndexPageFactory(parent=cls.home)
        cls.workshop = WorkshopPageFactory(
            parent=cls.workshop_index,
            title="SSPF i praktiken",
            theme=ThemeFactory(name="Samverkan i SSPF", support_area=cls.area),
            support_area=cls.area,
            format="hybrid",
            place="Stadshuset, Borås",
        )

    def pages(self):
        return [
            self.home,
            self.information,
            self.area_index,
            self.area,
            self.guidance,
            self.example_index,
            self.example,
            self.support_index,
            self.support,
            self.workshop_index,
            self.workshop,
        ]

    def test_every_page_renders(self):
        for page in self.pages():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)

    def edit_form_data(self, page):
        """The edit form as the admin renders it, plus the body that its JavaScript builds."""
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        data = data.copy()
        if hasattr(page, "body"):
            body = streamfield([("heading", {"text": "Ny rubrik", "level": "h2"})])
            data.update(nested_form_data({"body": body}))
        if hasattr(page, "materials"):  # a workshop's materials, built by the same script
            data.update(nested_form_data({"materials": streamfield([])}))
        data["action-publish"] = "action-publish"
        return data

    def test_every_page_is_editable(self):
        """An editor opens each page in the admin, changes it and publishes the change."""
        self.client.force_login(self.create_superuser("redaktor"))
        for page in self.pages():
            with self.subTest(page=type(page).__name__):
                edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
                data = self.edit_form_data(page)
                data["title"] = f"{page.title} (redigerad)"
                response = self.client.post(edit_url, data)
                self.assertRedirects(
                    response, reverse("wagtailadmin_explore", args=[page.get_parent().pk])
                )
                page.refresh_from_db()
                self.assertEqual(page.title, data["title"])
                if hasattr(page, "body"):
                    self.assertEqual(page.body[0].value["text"], "Ny rubrik")

    # The plain-text fields an editor fills in on each page type (the lead text, and on a
    # workshop who it is for); the body is tried too where the page has one.
    TEXT_FIELDS = (
        "intro",
        "summary",
        "target_audience",
        "actor_name",
        "audience",
        "how_to_get",
        "source",
    )

    def test_editors_cannot_publish_a_personal_number(self):
        self.client.force_login(self.create_superuser("redaktor"))
        for page in self.pages():
            with self.subTest(page=type(page).__name__):
                data = self.edit_form_data(page)
                fields = [name for name in self.TEXT_FIELDS if name in data]
                self.assertTrue(fields, "every page type has a text field to try")
                for name in fields:
                    data[name] = "Kort om 121212-1212"
                if hasattr(page, "body"):
                    body = streamfield([("heading", {"text": "Om 900101-9703", "level": "h2"})])
                    data.update(nested_form_data({"body": body}))
                revisions = page.revisions.count()
                response = self.client.post(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), data
                )
                self.assertEqual(response.status_code, 200)
                form = response.context["form"]
                for name in fields:
                    self.assertIn("121212-1212", str(form.errors[name]))
                if hasattr(page, "body"):
                    self.assertIn("900101-9703", str(form.errors["body"]))
                page.refresh_from_db()
                for name in fields:
                    self.assertNotIn("121212", getattr(page, name))
                self.assertEqual(page.revisions.count(), revisions, "nor is a draft saved")

    def test_every_page_is_previewable(self):
        editor = self.create_superuser("forhandsvisare")
        for page in self.pages():
            with self.subTest(page=type(page).__name__):
                self.client.force_login(editor)  # the assertion logs out when it is done
                self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page))

    def test_guidance_shows_its_last_review_date_and_area(self):
        response = self.client.get(self.guidance.url)
        self.assertContains(response, "Senast granskad")
        self.assertContains(
            response, '<time datetime="2025-09-01">1 september 2025</time>', html=True
        )
        self.assertContains(response, "Samverkan")

    def test_support_area_lists_its_guidance_examples_and_methods(self):
        response = self.client.get(self.area.url)
        self.assertContains(response, "Så kommer SSPF i gång")
        self.assertContains(response, "Uppföljning av SSPF")
        self.assertContains(response, "SSPF-modellen")

    def test_support_area_lists_the_other_national_support_it_concerns(self):
        response = self.client.get(self.area.url)
        self.assertContains(response, "Annat nationellt stöd inom området")
        self.assertContains(
            response, f'<a href="{self.support.url}">Brås stöd till kommuner</a>', html=True
        )

    def test_other_support_page_says_who_offers_it_and_where_it_comes_from(self):
        response = self.client.get(self.support.url)
        self.assertContains(response, "Brottsförebyggande rådet (Brå)")
        self.assertContains(response, "Nationell myndighet")
        self.assertContains(response, "Källa: Ds 2025:19, avsnitt 6.5.1")
        self.assertContains(response, '<a href="https://bra.se" rel="external">', count=1)

    def test_drafts_are_not_listed(self):
        draft = GuidancePageFactory(parent=self.area, title="Utkast som inte syns", live=False)
        response = self.client.get(self.area.url)
        self.assertNotContains(response, draft.title)

    def test_home_page_shows_areas_and_latest_examples(self):
        response = self.client.get("/")
        self.assertContains(response, "Samverkan")
        self.assertContains(response, "Uppföljning av SSPF")
        self.assertContains(response, 'lang="sv"')

    def test_example_page_names_its_municipality_or_says_it_is_unnamed(self):
        response = self.client.get(self.example.url)
        self.assertContains(response, "Borås")
        unnamed = GoodExamplePageFactory(
            parent=self.example_index,
            title="Anonymt exempel",
            unnamed_municipality="En pilotkommun",
        )
        self.assertContains(self.client.get(unnamed.url), "En pilotkommun")

    def test_method_pages_list_what_uses_the_method(self):
        response = self.client.get("/metoder/")
        self.assertContains(response, "SSPF-modellen")
        detail = self.client.get(response.context["methods"][0].get_absolute_url())
        self.assertContains(detail, "Uppföljning av SSPF")
        self.assertContains(detail, "Samverkan")
