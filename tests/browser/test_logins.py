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
    desktop.click("nav a:has-text('KPA-Cité')")
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
    desktop.click("nav a:has-text('KPA-Cité')")
    desktop.wait_for_selector(".o_kanban_record .o_kanban_record_title")
    names = desktop.locator(
        ".o_kanban_record .o_kanban_record_title").all_inner_texts()
    assert sorted(name.strip() for name in names) == [
        "Illicoop", "La Cape", "Moulins Coop"]
    desktop.click(".o_kanban_record:has-text('La Cape')")
    desktop.wait_for_selector(".o_form_view")
    assert not desktop.locator(".o_form_button_edit").count()
    desktop.click(".o_sub_menu a:has-text('Semaines')")
    desktop.wait_for_selector(".o_list_view .o_data_row")
    assert desktop.locator(".o_list_view .o_data_row").count() >= 3
    assert not desktop.locator(".o_dialog_error, .modal-dialog .o_error_detail"
                               ).count()
