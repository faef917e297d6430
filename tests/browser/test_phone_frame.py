"""What surrounds every portal page on a phone (issue 13, points 3, 4, 6
and 7 as they concern the frame): the login page and "forgot my password",
a lock after too many wrong passwords that ends, French error pages with a
way home, thumb-sized rows and way home, zoom, page titles and language,
numbers written the French way."""
import os
import re
import secrets
import xmlrpc.client

import pytest
import requests

from conftest import login, rpc_admin, rpc_as
from smtp_sink import SmtpSink


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


def _fits(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth")


def _portal_user(url, **values):
    key = secrets.token_hex(4)
    portal = rpc_admin(url, "ir.model.data", "xmlid_to_res_id",
                       ["base.group_portal"])
    values = dict({
        "name": "Test %s" % key, "login": "test.%s" % key,
        "password": "pass-%s" % key, "groups_id": [(6, 0, [portal])],
    }, **values)
    user_id = rpc_admin(url, "res.users", "create", values,
                        context={"no_reset_password": True})
    return user_id, values


# -- 4. wrong links -------------------------------------------------------
def test_a_wrong_link_shows_a_french_page_with_a_way_home(small_phone, odoo_url):
    login(small_phone, odoo_url, "samir")
    for path in ("/my/nothing-here", "/my/declarations/99999999",
                 "/my/decisions/abc"):
        response = small_phone.goto(odoo_url + path)
        assert response.status == 404, path
        assert small_phone.get_attribute("html", "lang") == "fr-FR"
        assert "Page introuvable" in small_phone.title()
        assert small_phone.locator("h1:has-text('Page introuvable')").count()
        home = small_phone.locator(".o_kpa_error a:has-text('Retour à mon espace')")
        assert home.bounding_box()["height"] >= 44
        assert _fits(small_phone), path
    with small_phone.expect_navigation():
        home.click()
    assert "/my" in small_phone.url


def test_a_wrong_link_without_login_offers_to_log_in(small_phone, odoo_url):
    response = small_phone.goto(odoo_url + "/no/such/page")
    assert response.status == 404
    assert "Not Found" not in small_phone.inner_text("body")
    small_phone.locator(".o_kpa_error a:has-text('Se connecter')").click()
    assert "/web/login" in small_phone.url


def test_files_and_rpc_keep_odoos_answers(odoo_url):
    answer = requests.get(odoo_url + "/web/content/99999999", timeout=30)
    assert answer.status_code == 404
    assert "Page introuvable" not in answer.text
    with pytest.raises(xmlrpc.client.Fault):
        xmlrpc.client.ServerProxy(odoo_url + "/xmlrpc/2/object").execute_kw(
            "no-such-db", 1, "x", "res.partner", "search", [[]])


# -- 6 and 7. the frame of every page -------------------------------------
def test_home_rows_are_whole_tap_targets(small_phone, odoo_url):
    login(small_phone, odoo_url, "samir")
    small_phone.goto(odoo_url + "/my/home")
    # Two sections: mine, and what we do together; no empty "documents".
    headings = small_phone.locator(".o_portal_my_home h3:visible").all_inner_texts()
    assert headings[:2] == ["Mon travail", "Ensemble"], headings
    mine = small_phone.locator(".o_kpa_home_mine").inner_text()
    together = small_phone.locator(".o_kpa_home_together").inner_text()
    assert "Ma paie" in mine and "Mon CAPE" in mine and "Mon KPA" in mine
    assert "Décisions et votes" in together and "Notre charte" in together
    assert "Vos documents" not in headings
    rows = small_phone.locator(".o_kpa_home_list > li > a")
    assert rows.count() >= 5
    for index in range(rows.count()):
        box = rows.nth(index).bounding_box()
        assert box["height"] >= 44, rows.nth(index).inner_text()
        assert box["width"] >= small_phone.viewport_size["width"] - 40
    # Tapping the right end of "Ma paie", beside the count, opens it.
    row = small_phone.locator(".o_kpa_home_list > li > a:has-text('Ma paie')")
    box = row.bounding_box()
    with small_phone.expect_navigation():
        small_phone.mouse.click(box["x"] + box["width"] - 10,
                                box["y"] + box["height"] / 2)
    assert "/my/declarations" in small_phone.url
    way_home = _box(small_phone, ".o_kpa_home_link a")
    assert way_home["height"] >= 44 and way_home["width"] >= 44
    assert "Accueil" in small_phone.inner_text(".o_kpa_home_link")
    assert _fits(small_phone)


def test_pages_have_a_title_a_language_and_zoom(small_phone, odoo_url):
    small_phone.goto(odoo_url + "/web/login")
    viewport = small_phone.get_attribute("meta[name=viewport]", "content")
    assert "user-scalable=no" not in viewport
    assert "maximum-scale" not in viewport
    login(small_phone, odoo_url, "samir")
    # Each page says where one is: in the tab, the history, to a reader.
    for path, title in (("/my/home", "Mon espace"), ("/my/kpa", "Mon KPA"),
                        ("/my/declarations", "Ma paie"),
                        ("/my/declarations/new", "Déclarer ma paie"),
                        ("/my/decisions", "Décisions"),
                        ("/my/charter", "Charte"), ("/my/cape", "Mon CAPE"),
                        ("/my/account", "Mes coordonnées")):
        small_phone.goto(odoo_url + path)
        assert small_phone.title() == "%s · Optéos" % title, path
    assert small_phone.get_attribute("html", "lang") == "fr-FR"
    small_phone.goto(odoo_url + "/my/home")
    assert "Change" not in small_phone.inner_text(".o_portal_my_details")


def _prestation_pages_text(page, url):
    """The text of every prestation page of the logged-in member."""
    page.goto(url + "/my/prestations")
    texts = []
    for href in [link.get_attribute("href") for link in page.locator(
            "a[href^='/my/prestations/']").all()]:
        page.goto(url + href)
        texts.append(page.inner_text("main"))
    return "\n".join(texts)


def test_amounts_have_a_thousands_space(small_phone, odoo_url):
    login(small_phone, odoo_url, "samir")
    text = _prestation_pages_text(small_phone, odoo_url)
    assert re.search(r"\d[\u202f\u00a0]\d{3},\d\d", text), text
    assert not re.search(r"\d{4},\d\d\s?€", text), text


def test_my_details_for_a_member(small_phone, odoo_url):
    login(small_phone, odoo_url, "samir")
    small_phone.goto(odoo_url + "/my/account")
    # A member has no company nor VAT number to give; a client keeps them.
    assert not small_phone.locator("input[name=company_name]").count()
    assert not small_phone.locator("input[name=vat]").count()
    assert small_phone.get_attribute("input[name=phone]", "autocomplete") == "tel"
    for field in ("name", "email", "phone", "street", "city", "zipcode"):
        assert _box(small_phone, "input[name=%s]" % field)["height"] >= 44
    save = small_phone.locator("button:has-text('Enregistrer mes coordonnées')")
    assert save.bounding_box()["height"] >= 44
    assert small_phone.locator("label[for=email]").inner_text() == "Courriel"
    assert _fits(small_phone)


def test_prestation_documents_in_a_members_words(small_phone, odoo_url):
    login(small_phone, odoo_url, "samir")
    text = _prestation_pages_text(small_phone, odoo_url)
    assert "À payer" in text or "Payée" in text
    assert "Ouvert" not in text and "Bon de commande" not in text


# -- 3. logging in --------------------------------------------------------
def test_login_page_is_thumb_sized_and_offers_a_reset(small_phone, odoo_url):
    small_phone.goto(odoo_url + "/web/login")
    assert _box(small_phone, "button[type=submit]")["height"] >= 44
    assert _box(small_phone, "input[name=login]")["height"] >= 44
    forgot = small_phone.locator("a:has-text('Mot de passe oublié ?')")
    assert forgot.bounding_box()["height"] >= 44
    with small_phone.expect_navigation():
        forgot.click()
    assert "/web/reset_password" in small_phone.url
    assert small_phone.locator(
        "label:has-text('Identifiant, courriel ou téléphone')").count()
    # The database manager is off: no link to it on this page either.
    assert not small_phone.locator("a[href*='/web/database']").count()
    assert _fits(small_phone)


@pytest.fixture
def mailbox(odoo_url):
    """Odoo's outgoing emails go to a real SMTP server of the test."""
    sink = SmtpSink()
    server_id = rpc_admin(odoo_url, "ir.mail_server", "create", {
        "name": "Test sink", "smtp_host": "127.0.0.1",
        "smtp_port": sink.port, "sequence": 0})
    yield sink
    rpc_admin(odoo_url, "ir.mail_server", "unlink", [server_id])
    sink.close()


def test_password_reset_by_phone_number(small_phone, odoo_url, mailbox):
    user_id, values = _portal_user(
        odoo_url, email="reset.%s@example.org" % secrets.token_hex(3),
        mobile="07 11 22 33 %02d" % secrets.randbelow(100))
    partner_id = rpc_admin(odoo_url, "res.users", "read", [user_id],
                           fields=["partner_id"])[0]["partner_id"][0]
    try:
        small_phone.goto(odoo_url + "/web/reset_password")
        small_phone.fill("input[name=login]", "  %s " % values["mobile"])
        with small_phone.expect_navigation():
            small_phone.click("button[type=submit]")
        assert small_phone.locator(".alert-success").count()
        partner = rpc_admin(odoo_url, "res.partner", "read", [partner_id],
                            fields=["signup_type"])[0]
        assert partner["signup_type"] == "reset"
        # The link of the email sets a new password, which then works.
        mails = mailbox.to(values["email"])
        assert len(mails) == 1
        link = re.search(r'href="[^"]*(/web/reset_password\?[^"]*)"',
                         mails[0])
        # web.base.url is the CAE's address; this server is elsewhere.
        small_phone.goto(odoo_url + link.group(1).replace("&amp;", "&"))
        small_phone.fill("input[name=password]", "new-pass-2026")
        small_phone.fill("input[name=confirm_password]", "new-pass-2026")
        with small_phone.expect_navigation():
            small_phone.click("button[type=submit]")
        assert "/my" in small_phone.url or "/web" in small_phone.url
    finally:
        rpc_as(odoo_url, "admin", "res.users", "write", [user_id],
               {"active": False})


def test_reset_of_an_unknown_login_says_the_same(small_phone, odoo_url):
    small_phone.goto(odoo_url + "/web/reset_password")
    small_phone.fill("input[name=login]", "nobody-%s" % secrets.token_hex(3))
    with small_phone.expect_navigation():
        small_phone.click("button[type=submit]")
    # Same answer as for a real account: the page tells a stranger nothing.
    assert small_phone.locator(".alert-success").count()
    assert not small_phone.locator(".alert-danger").count()


def test_too_many_wrong_passwords_lock_the_login_for_a_while(
        desktop, odoo_url):
    user_id, values = _portal_user(odoo_url)
    database = os.environ["KPA_TEST_DB"]
    common = xmlrpc.client.ServerProxy(odoo_url + "/xmlrpc/2/common")
    try:
        for _try in range(10):
            assert not common.login(database, values["login"], "wrong")
        # Even the right password is refused now, and the page says why.
        login(desktop, odoo_url, values["login"], values["password"])
        assert "/web/login" in desktop.url
        assert "Trop de mots de passe faux" in desktop.inner_text(
            ".alert-danger")
        assert "30 minutes" in desktop.inner_text(".alert-danger")
        # An administrator lifting the lock (or 30 minutes) lets them in.
        attempts = rpc_admin(odoo_url, "res.authentication.attempt",
                             "search", [("login", "=", values["login"])])
        rpc_admin(odoo_url, "res.authentication.attempt", "unlink",
                  attempts)
        login(desktop, odoo_url, values["login"], values["password"])
        assert "/my" in desktop.url
    finally:
        attempts = rpc_admin(odoo_url, "res.authentication.attempt",
                             "search", [("login", "=", values["login"])])
        rpc_admin(odoo_url, "res.authentication.attempt", "unlink",
                  attempts)
        rpc_as(odoo_url, "admin", "res.users", "write", [user_id],
               {"active": False})
