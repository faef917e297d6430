"""What people will throw at the portal: wrong types, huge and negative
numbers, HTML and script, no CSRF token, other people's ids. Never a 500,
never a change. Then a bounded fuzz loop over the portal routes."""
import random
import re
import time

import pytest
import requests
from playwright.sync_api import Error as PlaywrightError

from conftest import login, rpc_admin

NASTY = [
    "", " ", "abc", "-1", "-0.01", "1e308", "99999999999999999999999",
    "12.345", "0x1F", "NaN", "Infinity", "None", "[]", "{}",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "'; DROP TABLE res_users; --", "é" * 5000, "%00", "../../etc/passwd",
]
# route -> the form fields it reads
POST_FORMS = {
    "/my/decisions/%(decision)s": ["position", "reason"],
    "/my/logbook": ["kpa_id", "body", "name"],
    "/my/topics": ["kpa_id", "name", "description"],
    "/my/charter/accept": ["charter_id"],
    "/my/declarations/new": ["kpa", "week", "amount_net", "hours",
                             "comment", "action", "kpa_form_token"],
}
GET_ROUTES = [
    "/my", "/my/home", "/my/kpa", "/my/cape", "/my/cape/%(id)s/pdf",
    "/my/decisions", "/my/decisions/%(id)s", "/my/decisions/page/%(id)s",
    "/my/charter", "/my/charter/%(id)s", "/my/logbook",
    "/my/logbook/page/%(id)s", "/my/topics", "/my/meetings",
    "/my/declarations", "/my/declarations/%(id)s",
    "/my/declarations/statement?month=%(text)s",
    "/my/declarations?kpa=%(text)s&week=%(text)s",
    "/my/declarations?kpa=%(id)s", "/my/declarations/new?kpa=%(text)s",
]
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def portal_session(url, login):
    http = requests.Session()
    page = http.get(url + "/web/login", timeout=60)
    token = CSRF.search(page.text).group(1)
    http.post(url + "/web/login", data={
        "login": login, "password": login, "csrf_token": token}, timeout=60)
    return http


def token_of(http, url, path):
    page = http.get(url + path, timeout=60)
    found = CSRF.search(page.text)
    return found.group(1) if found else ""


def snapshot(url):
    """What a portal form could change, counted."""
    return {model: rpc_admin(url, model, "search_count", [])
            for model in ("kpa.decision.vote", "kpa.logbook.entry",
                          "kpa.governance.topic", "kpa.membership",
                          "hr.contract", "kpa.cooperative",
                          "kpa.remuneration.declaration")}


@pytest.fixture(scope="module")
def samir(odoo_url):
    return portal_session(odoo_url, "samir")


@pytest.fixture(scope="module")
def other_kpa_decision(odoo_url):
    ids = rpc_admin(odoo_url, "kpa.decision", "search", [
        ("kpa_id.name", "!=", "La Cape")], limit=1)
    return ids[0] if ids else 999999


def test_nasty_values_in_every_form(odoo_url, samir, other_kpa_decision):
    before = snapshot(odoo_url)
    for path, fields in POST_FORMS.items():
        path = path % {"decision": other_kpa_decision}
        for value in NASTY:
            data = {field: value for field in fields}
            data["csrf_token"] = token_of(samir, odoo_url, "/my/logbook")
            response = samir.post(odoo_url + path, data=data, timeout=60,
                                  allow_redirects=False)
            assert response.status_code < 500, (path, value)
    after = snapshot(odoo_url)
    # Some nasty values are valid text (a topic named "abc" is fine on the
    # member's own KPA); nothing may change on another KPA's decision.
    assert after["kpa.decision.vote"] == before["kpa.decision.vote"]
    assert after["kpa.membership"] == before["kpa.membership"]
    assert after["hr.contract"] == before["hr.contract"]
    assert after["kpa.remuneration.declaration"] \
        == before["kpa.remuneration.declaration"]


def test_no_csrf_token_changes_nothing(odoo_url, samir):
    before = snapshot(odoo_url)
    for path in ("/my/logbook", "/my/topics", "/my/charter/accept"):
        response = samir.post(odoo_url + path, data={
            "body": "sans jeton", "name": "sans jeton"}, timeout=60,
            allow_redirects=False)
        assert response.status_code in (400, 403), path
    assert snapshot(odoo_url) == before


def test_other_peoples_ids_are_not_found(odoo_url, samir):
    others = rpc_admin(odoo_url, "hr.contract", "search", [
        ("kpa_is_cape", "=", True),
        ("kpa_partner_id.name", "!=", "Samir Haddad")], limit=3)
    for contract in others:
        response = samir.get(odoo_url + "/my/cape/%d/pdf" % contract,
                             timeout=60, allow_redirects=False)
        assert response.status_code in (403, 404), contract
        assert b"%PDF" not in response.content[:10]


def test_bounded_fuzz_over_portal_routes(odoo_url, samir):
    """200 requests at most, 60 seconds at most: never a 500."""
    rng = random.Random(20261122)
    deadline = time.time() + 60
    failures = []
    for _ in range(200):
        if time.time() > deadline:
            break
        route = rng.choice(GET_ROUTES)
        values = {"id": rng.choice([0, 1, 2, 7, 99999, 2 ** 31 - 1]),
                  "text": rng.choice(NASTY[:12])}
        path = route % values
        response = samir.get(odoo_url + path, timeout=60,
                             allow_redirects=False)
        if response.status_code >= 500:
            failures.append("%s -> %s" % (path, response.status_code))
    assert not failures, failures


def test_double_tap_on_write_makes_one_entry(phone, odoo_url):
    """Three fast taps on "Écrire": the page sends the form once (its
    buttons are disabled on the first tap) and the server takes its token
    once; one entry."""
    marker = "trois-taps-%d" % int(time.time() * 1000)
    login(phone, odoo_url, "ines")
    phone.goto(odoo_url + "/my/logbook")
    phone.fill("textarea[name=body]", marker)
    # Taps 30 ms apart: the first request is on its way when the others
    # come.
    phone.evaluate("""() => {
        const button = document.querySelector(
            ".o_kpa_logbook_form button[type=submit]");
        button.click();
        setTimeout(() => button.click(), 30);
        setTimeout(() => button.click(), 60);
    }""")
    try:
        phone.wait_for_url(re.compile(r"written=1"), timeout=20000)
    except PlaywrightError:
        pass  # navigations racing each other: the count below tells
    time.sleep(2)
    assert rpc_admin(odoo_url, "kpa.logbook.entry", "search_count",
                     [("body", "like", marker)]) == 1
