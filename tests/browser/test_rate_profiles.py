"""Rates in the back office: shares show and are typed as percentages
(widget="percentage", missing in Odoo 11: 0,1000 before), on the KPA's form
and on a rate profile that the CAE's accountant updates."""
from conftest import login, rpc_admin, rpc_as
from test_rpc_attacks import read, ref

PROFILE = "kpa_demo.rate_profile_cape_2026"


def form(page, url, model, record_id, action=None):
    page.goto("%s/web#model=%s&id=%d&view_type=form%s" % (
        url, model, record_id,
        "&action=%d" % ref(url, action) if action else ""))
    # Right after the login the web client may still be opening its home
    # action, which swallows the hash: load the page again, as the other
    # browser tests do.
    page.reload()
    page.wait_for_selector(".o_form_view")


def test_kpa_form_shows_its_rates_as_percentages(desktop, odoo_url):
    la_cape = ref(odoo_url, "kpa_demo.kpa_la_cape")
    rates = read(odoo_url, "kpa.cooperative", la_cape,
                 ["contribution_rate"])
    login(desktop, odoo_url, "olivier")
    form(desktop, odoo_url, "kpa.cooperative", la_cape)
    shown = desktop.locator(
        ".o_field_widget[name=contribution_rate]").inner_text()
    expected = ("%.2f" % (rates["contribution_rate"] * 100)).replace(
        ".", ",")
    assert shown.replace("\u00a0", " ") == expected + " %"


def test_accountant_types_a_rate_as_a_percentage(desktop, odoo_url):
    profile = ref(odoo_url, PROFILE)
    truth = read(odoo_url, "kpa.remuneration.rate.profile", profile,
                 ["employee_rate"])
    login(desktop, odoo_url, "claire")
    form(desktop, odoo_url, "kpa.remuneration.rate.profile", profile)
    field = desktop.locator(".o_field_widget[name=employee_rate]")
    assert field.inner_text().replace("\u00a0", " ") == "22,00 %"
    try:
        desktop.click(".o_form_button_edit")
        desktop.fill("input[name=employee_rate]", "21,5")
        desktop.click(".o_form_button_save")
        desktop.wait_for_selector(".o_form_view.o_form_readonly")
        assert field.inner_text().replace("\u00a0", " ") == "21,50 %"
        assert read(odoo_url, "kpa.remuneration.rate.profile", profile,
                    ["employee_rate"])["employee_rate"] == 0.215
    finally:
        rpc_as(odoo_url, "admin", "kpa.remuneration.rate.profile", "write",
               [profile], {"employee_rate": truth["employee_rate"]})
    assert rpc_admin(odoo_url, "kpa.remuneration.rate.profile", "read",
                     [profile], fields=["employee_rate"])[0][
                         "employee_rate"] == truth["employee_rate"]


def test_cape_form_shows_the_fee_and_the_kind_of_contract(desktop, odoo_url):
    cape = ref(odoo_url, "kpa_demo.cape_samir_haddad")
    login(desktop, odoo_url, "olivier")
    form(desktop, odoo_url, "hr.contract", cape,
         action="kpa_cape.hr_contract_action_cape")
    desktop.click(".o_notebook a:has-text('Engagements')")
    shown = desktop.locator(
        ".o_field_widget[name=kpa_fee_contribution_rate]").inner_text()
    assert shown.endswith("\u00a0%") and "," in shown
    assert desktop.locator(
        ".o_field_widget[name=kpa_rate_kind]").inner_text() == "CAPE"
