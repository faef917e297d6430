"""Governance from a member's phone: vote on the open decision of La Cape,
accept the charter in force; and what a member must never reach."""
import os
import re

import requests

from conftest import ARTIFACTS as SHOTS, login

OPEN_DECISION = "Acheter une deuxième machine à coudre"


def test_member_votes_and_accepts_the_charter_on_a_phone(phone, odoo_url):
    login(phone, odoo_url, "samir")
    phone.goto(odoo_url + "/my/decisions")
    # Open decisions come first, with their deadline.
    first = phone.locator(".o_kpa_decisions a").first
    assert OPEN_DECISION in first.inner_text()
    assert "Vote jusqu'au" in first.inner_text()
    first.click()
    phone.wait_for_selector(".o_kpa_vote_form")
    # Blocking without a reason is refused with a plain message.
    phone.fill("textarea[name=reason]", "")
    with phone.expect_navigation():
        phone.click("button[value=block]")
    assert phone.locator(".alert-danger").count() == 1
    assert "dites pourquoi" in phone.locator(".alert-danger").inner_text()
    # A big full-width button: one tap to agree.
    button = phone.locator("button[value=agree]")
    assert button.bounding_box()["width"] > 300
    phone.fill("textarea[name=reason]", "Les rideaux attendent.")
    with phone.expect_navigation():
        button.click()
    assert phone.locator(".o_kpa_voted").count() == 1
    assert "Votre vote" in phone.inner_text(".o_kpa_vote_form")
    assert "D'accord" in phone.inner_text(".o_kpa_vote_form")
    assert "Samir Haddad" in phone.inner_text(".o_kpa_decision")
    phone.screenshot(path=os.path.join(SHOTS, "portal-decision.png"),
                     full_page=True)

    phone.goto(odoo_url + "/my/charter")
    assert "Charte de La Cape" in phone.inner_text(".o_kpa_charter")
    assert "version 2" in phone.inner_text(".o_kpa_charter")
    assert "Ce qui a changé" in phone.inner_text(".o_kpa_charter")
    accept = phone.locator("button.o_kpa_accept")
    if accept.count():
        with phone.expect_navigation():
            accept.click()
        assert phone.locator(".o_kpa_accepted").count() == 1
    assert "Vous avez accepté cette version" in phone.inner_text(
        ".o_kpa_charter")
    assert phone.locator("button.o_kpa_accept").count() == 0
    phone.screenshot(path=os.path.join(SHOTS, "portal-charter.png"),
                     full_page=True)


def _session(odoo_url, user):
    session = requests.Session()
    page = session.get(odoo_url + "/web/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    session.post(odoo_url + "/web/login", data={
        "login": user, "password": user, "csrf_token": token.group(1)})
    return session


def test_member_never_reaches_another_kpa(odoo_url):
    session = _session(odoo_url, "samir")
    assert session.get(odoo_url + "/my/decisions").status_code == 200
    for url in ("/my/decisions/999999", "/my/charter/999999",
                "/my/decisions/abc"):
        assert session.get(odoo_url + url).status_code == 404, url
    # Without the CSRF token, a vote is refused.
    response = session.post(odoo_url + "/my/decisions/1",
                            data={"position": "agree"})
    assert response.status_code in (400, 403, 404)
    response = session.post(odoo_url + "/my/logbook",
                            data={"body": "Sans jeton"})
    assert response.status_code in (400, 403)


def test_member_writes_the_logbook_and_raises_a_topic(phone, odoo_url):
    login(phone, odoo_url, "ines")
    phone.goto(odoo_url + "/my/logbook")
    with phone.expect_navigation():
        phone.click(".o_kpa_logbook_form button[type=submit]")
    assert "Écrivez d'abord" in phone.inner_text(".alert-danger")
    phone.fill("textarea[name=body]", "Machine à coudre <b>huilée</b>.")
    with phone.expect_navigation():
        phone.click(".o_kpa_logbook_form button[type=submit]")
    entry = phone.locator(".o_kpa_logbook_entry").first.inner_text()
    assert "Machine à coudre <b>huilée</b>." in entry
    phone.goto(odoo_url + "/my/topics")
    phone.fill("input[name=name]", "Horaires d'été")
    with phone.expect_navigation():
        phone.click(".o_kpa_topic_form button[type=submit]")
    assert "Horaires d'été" in phone.inner_text(".list-group")


def test_member_sees_the_next_meeting_and_who_does_what(phone, odoo_url):
    login(phone, odoo_url, "samir")
    phone.goto(odoo_url + "/my/home")
    with phone.expect_navigation():
        phone.click("a[href='/my/meetings']")
    meeting = phone.inner_text(".o_kpa_meeting")
    assert "Point gouvernance de La Cape" in meeting
    assert "Des plantes dans la grande salle" in meeting
    assert "18:00" in meeting  # Paris time
    assert phone.locator(".o_kpa_meeting a[href^='https://visio']").count()
    roles = phone.inner_text(".o_kpa_roles")
    assert "Ménage" in roles and "Kevin Dubois" in roles
    page = phone.content()
    assert "Les cinq critères de rémunération" in page  # held, decided
    phone.screenshot(path=os.path.join(SHOTS, "portal-meetings.png"),
                     full_page=True)
