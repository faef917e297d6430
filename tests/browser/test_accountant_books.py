"""The CAE accountant's books in the web client (issue 20, first part):
her menu in French, each KPA's open receivables, the weeks' pay entries,
the FEC export's wizard in French; a coordinator has no such menu."""
from conftest import login


def open_action(page, url, xmlid):
    page.goto(url + "/web#action=%s" % xmlid)
    page.reload()
    page.wait_for_selector(".o_control_panel .breadcrumb")
    page.wait_for_timeout(500)


def test_accountant_finds_each_kpa_s_books_in_french(desktop, odoo_url):
    login(desktop, odoo_url, "claire")
    open_action(desktop, odoo_url,
                "kpa_cooperative.account_move_line_action_to_collect")
    desktop.click("a.dropdown-toggle:has-text('Comptabilité')")
    desktop.wait_for_timeout(300)
    menu = desktop.inner_text(".dropdown-menu:visible")
    for label in ("Pièces comptables", "Écritures comptables",
                  "Écritures de paie", "Paiements", "À encaisser",
                  "À payer", "Export FEC"):
        assert label in menu, menu
    desktop.keyboard.press("Escape")
    assert "À encaisser" in desktop.inner_text(".breadcrumb")
    groups = desktop.inner_text(".o_list_view")
    assert "Ventes La Cape" in groups, groups
    open_action(desktop, odoo_url, "kpa_remuneration.account_move_action_pay")
    assert "Écritures de paie" in desktop.inner_text(".breadcrumb")
    assert "La Cape - Semaine du" in desktop.inner_text(".o_list_view")
    # Made by validating a week only: no "Créer" here, nor on the entry.
    assert desktop.locator(".o_list_button_add:visible").count() == 0
    desktop.click(".o_list_view .o_data_row")
    desktop.wait_for_selector(".o_form_view")
    assert desktop.locator(".o_form_button_create:visible").count() == 0


def test_fec_export_speaks_french(desktop, odoo_url):
    login(desktop, odoo_url, "claire")
    desktop.goto(odoo_url + "/web#action=l10n_fr_fec.account_fr_fec_action")
    desktop.reload()
    desktop.wait_for_selector(".modal-dialog .o_form_view")
    dialog = desktop.inner_text(".modal-dialog")
    for label in ("Période", "Du", "Au", "Générer le fichier", "Annuler"):
        assert label in dialog, dialog
    for english in ("Start Date", "Generate", "Technical Info"):
        assert english not in dialog, dialog


def test_coordinator_has_no_books_menu(desktop, odoo_url):
    """Inside the KPA-Cité app, the sections of her menu bar: no books."""
    login(desktop, odoo_url, "nadia")
    open_action(desktop, odoo_url, "kpa_cooperative.kpa_cooperative_action")
    assert desktop.locator("a.dropdown-toggle:visible",
                           has_text="Rapports").count() == 1
    assert desktop.locator("a:visible", has_text="Comptabilité").count() == 0
