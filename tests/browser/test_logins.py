"""Each demo login works, in the browser, as people use it."""
import os

import pytest

from conftest import ARTIFACTS as SHOTS, login


BACK_OFFICE = ["admin", "nadia", "thomas", "olivier", "claire"]
PORTAL = ["samir", "ines"]


@pytest.mark.parametrize("user", BACK_OFFICE)
def test_back_office_login(desktop, odoo_url, user):
    login(desktop, odoo_url, user)
    desktop.wait_for_selector(".o_main_navbar, .o_web_client", timeout=60000)
    assert "/web" in desktop.url


@pytest.mark.parametrize("user", PORTAL)
def test_portal_login_on_a_phone(phone, odoo_url, user):
    login(phone, odoo_url, user)
    assert "/my" in phone.url
    assert phone.locator("text=Mon compte").count() or \
        phone.locator("text=Mes documents").count() or \
        phone.locator(".o_portal").count()


def test_wrong_password_is_refused(desktop, odoo_url):
    login(desktop, odoo_url, "nadia", "not-her-password")
    assert "/web/login" in desktop.url
    assert desktop.locator(".alert-danger").count() == 1


def test_coordinator_sees_her_kpas_only(desktop, odoo_url):
    login(desktop, odoo_url, "nadia")
    desktop.goto(odoo_url + "/web#action=kpa_cooperative.kpa_cooperative_action")
    desktop.wait_for_selector(".o_kanban_record .o_kanban_record_title")
    names = desktop.locator(
        ".o_kanban_record .o_kanban_record_title").all_inner_texts()
    assert sorted(name.strip() for name in names) == ["Illicoop", "La Cape"]
    desktop.screenshot(path=os.path.join(SHOTS, "backoffice-kpas.png"))


def test_member_portal_home_on_a_phone(phone, odoo_url):
    login(phone, odoo_url, "samir")
    phone.goto(odoo_url + "/my/home")
    phone.screenshot(path=os.path.join(SHOTS, "portal-home.png"), full_page=True)
    assert phone.locator("text=Samir Haddad").count()


def test_accountant_opens_every_kpa_and_the_pay_of_the_weeks(desktop,
                                                             odoo_url):
    """The accountant has no KPA role: every KPA, read-only, and the
    remuneration weeks of all of them, without an error dialog."""
    login(desktop, odoo_url, "claire")
    desktop.goto(odoo_url + "/web#action=kpa_cooperative.kpa_cooperative_action")
    desktop.wait_for_selector(".o_kanban_record .o_kanban_record_title")
    names = desktop.locator(
        ".o_kanban_record .o_kanban_record_title").all_inner_texts()
    assert sorted(name.strip() for name in names) == [
        "Illicoop", "La Cape", "Moulins Coop"]
    desktop.click(".o_kanban_record:has-text('La Cape')")
    desktop.wait_for_selector(".o_form_view")
    assert not desktop.locator(".o_form_button_edit").count()
    desktop.goto(odoo_url
                 + "/web#action=kpa_remuneration.kpa_remuneration_period_action")
    desktop.wait_for_selector(".o_list_view .o_data_row")
    assert desktop.locator(".o_list_view .o_data_row").count() >= 3
    assert not desktop.locator(".o_dialog_error, .modal-dialog .o_error_detail"
                               ).count()


# Logging in as people type it on a phone (issue 13, point 3) -------------
def _login_uid(url, typed, password):
    import xmlrpc.client
    common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common",
                                       allow_none=True)
    return common.login(os.environ["KPA_TEST_DB"], typed, password)


def _samir(url):
    from conftest import rpc_admin
    samir = rpc_admin(url, "ir.model.data", "xmlid_to_res_id",
                      ["kpa_demo.user_samir"])
    return rpc_admin(url, "res.users", "read", [samir],
                     fields=["login", "email", "mobile"])[0]


def test_a_login_as_people_type_it(odoo_url):
    samir = _samir(odoo_url)
    digits = "".join(char for char in samir["mobile"] if char.isdigit())
    national = "0" + digits[-9:]
    typed = ["samir", " samir", "samir ", "Samir", "SAMIR ", samir["email"],
             samir["email"].upper(), national,
             " ".join(national[i:i + 2] for i in range(0, 10, 2)),
             samir["mobile"]]
    for text in typed:
        assert _login_uid(odoo_url, text, "samir") == samir["id"], text


def test_what_names_him_with_a_wrong_password_is_refused(odoo_url):
    samir = _samir(odoo_url)
    for text in ("samir", samir["email"], samir["mobile"]):
        assert not _login_uid(odoo_url, text, "ines"), text
    # Inès's email with Samir's password opens nobody's account.
    assert not _login_uid(odoo_url, "ines.moreau@example.org", "samir")
    assert not _login_uid(odoo_url, "sam%", "samir")


def test_the_phone_login_page_says_what_to_type(phone, odoo_url):
    phone.goto(odoo_url + "/web/login")
    assert "Identifiant, courriel ou téléphone" in phone.inner_text(
        "label[for=login]")
    login(phone, odoo_url, "  Samir ", "samir")
    assert "/my" in phone.url


@pytest.mark.parametrize("path", ["/web/database/manager",
                                  "/web/database/selector"])
def test_the_database_manager_is_not_served(desktop, odoo_url, path):
    response = desktop.goto(odoo_url + path)
    assert response.status == 404
    assert "Master Password" not in desktop.content()
    assert "Mot de passe principal" not in desktop.content()
