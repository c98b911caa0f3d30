"""`manage.py delete_inactive_accounts`: who goes, who stays, and what a dry run says."""

from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


def run_cleanup(*args):
    out = StringIO()
    call_command("delete_inactive_accounts", *args, stdout=out)
    return out.getvalue()


def emails_left():
    return set(get_user_model().objects.values_list("email", flat=True))


def test_cleanup_keeps_a_verified_member_who_added_a_second_unverified_address(
    member_a, municipalities
):
    User = get_user_model()
    User.objects.filter(pk=member_a.pk).update(
        last_login=timezone.now(), date_joined=timezone.now() - timedelta(days=400)
    )
    EmailAddress.objects.create(user=member_a, email="privat@example.se", verified=False)

    run_cleanup()

    assert member_a.email in emails_left()


def test_cleanup_deletes_a_person_whose_every_address_is_unverified(make_person):
    person = make_person("aldrig@example.se")
    EmailAddress.objects.filter(user=person).update(verified=False)
    EmailAddress.objects.create(user=person, email="annan@example.se", verified=False)
    get_user_model().objects.filter(pk=person.pk).update(
        date_joined=timezone.now() - timedelta(days=20)
    )

    run_cleanup()

    assert "aldrig@example.se" not in emails_left()


def test_cleanup_dry_run_lists_who_would_go_and_why_and_deletes_nobody(make_person, editor):
    User = get_user_model()
    old = timezone.now() - timedelta(days=800)
    unverified = make_person("overifierad@example.se")
    EmailAddress.objects.filter(user=unverified).update(verified=False)
    User.objects.filter(pk=unverified.pk).update(date_joined=timezone.now() - timedelta(days=20))
    asleep = make_person("sover@example.se")
    User.objects.filter(pk=asleep.pk).update(last_login=old, date_joined=old)
    never = make_person("aldrig-inloggad@example.se")
    User.objects.filter(pk=never.pk).update(last_login=None, date_joined=old)
    active = make_person("aktiv@example.se")
    User.objects.filter(pk=active.pk).update(last_login=timezone.now())
    User.objects.filter(pk=editor.pk).update(last_login=old, date_joined=old)
    before = emails_left()

    output = run_cleanup("--dry-run")

    assert emails_left() == before
    lines = output.splitlines()
    unverified_line = next(line for line in lines if "overifierad@example.se" in line)
    assert "no verified email address" in unverified_line
    assert "14 days" in unverified_line
    asleep_line = next(line for line in lines if "sover@example.se" in line)
    assert "last signed in" in asleep_line and "24 months" in asleep_line
    never_line = next(line for line in lines if "aldrig-inloggad@example.se" in line)
    assert "never signed in" in never_line
    assert "aktiv@example.se" not in output
    assert editor.email not in output
    assert "Would delete 3 account(s)." in output
