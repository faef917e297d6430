"""The CAE accountant (claire) reads every KPA's governance and changes
nothing (issue 20): from the web client, and from any XML-RPC client."""
import pytest

from conftest import login, rpc_admin, xmlrpc_as
from test_rpc_attacks import HOSTILE, read, ref, refused

GOVERNANCE = ("kpa.decision", "kpa.decision.vote", "kpa.charter",
              "kpa.charter.article", "kpa.governance.topic",
              "kpa.governance.meeting", "kpa.role", "kpa.logbook.entry")


def test_accountant_reads_the_governance_of_every_kpa(odoo_url):
    for model in GOVERNANCE:
        everything = rpc_admin(odoo_url, model, "search", [])
        assert everything, "the demo has some %s" % model
        assert sorted(xmlrpc_as(odoo_url, "claire", model, "search", [])) \
            == sorted(everything), model
    # The network charter too (no KPA), and every field of a decision.
    assert xmlrpc_as(odoo_url, "claire", "kpa.decision", "read",
                     rpc_admin(odoo_url, "kpa.decision", "search", []))


@pytest.mark.parametrize("model", GOVERNANCE)
def test_accountant_changes_no_governance_record(odoo_url, model):
    record = rpc_admin(odoo_url, model, "search", [], limit=1)
    field = "name" if model not in ("kpa.decision.vote",) else "reason"
    before = read(odoo_url, model, record[0], [field, "write_date"])
    refused(odoo_url, "claire", model, "write", record, {field: "Compta"})
    refused(odoo_url, "claire", model, "unlink", record)
    refused(odoo_url, "claire", model, "copy", record[0])
    assert read(odoo_url, model, record[0], [field, "write_date"]) == before


def test_accountant_runs_no_governance_workflow(odoo_url):
    opened = rpc_admin(odoo_url, "kpa.decision", "search",
                       [("state", "=", "open")], limit=1)
    votes = rpc_admin(odoo_url, "kpa.decision.vote", "search_count",
                      [("decision_id", "in", opened)])
    for method, args in (("action_close", ()), ("action_cancel", ()),
                         ("vote", ("block", "Trop cher"))):
        refused(odoo_url, "claire", "kpa.decision", method, opened, *args)
    refused(odoo_url, "claire", "kpa.decision", "create",
            {"name": "Par la compta", "kpa_id": ref(
                odoo_url, "kpa_demo.kpa_la_cape")}, context=HOSTILE)
    assert read(odoo_url, "kpa.decision", opened[0], ["state"])["state"] \
        == "open"
    assert rpc_admin(odoo_url, "kpa.decision.vote", "search_count",
                     [("decision_id", "in", opened)]) == votes


def test_accountant_finds_governance_read_only(desktop, odoo_url):
    login(desktop, odoo_url, "claire")
    desktop.goto(odoo_url + "/web#action=kpa_governance.kpa_decision_action")
    desktop.reload()
    desktop.wait_for_selector(".o_list_view .o_data_row")
    desktop.click("a.dropdown-toggle:has-text('Gouvernance')")
    menu = desktop.inner_text(".dropdown-menu:visible")
    for label in ("Décisions", "Chartes", "Rôles"):
        assert label in menu, menu
    desktop.keyboard.press("Escape")
    assert desktop.locator(".o_list_button_add:visible").count() == 0
    desktop.click(".o_list_view .o_data_row")
    desktop.wait_for_selector(".o_form_view")
    desktop.wait_for_timeout(300)
    assert desktop.locator(".o_form_button_edit:visible").count() == 0
    assert desktop.locator(".o_form_button_create:visible").count() == 0
    assert desktop.locator(".o_statusbar_buttons button:visible").count() == 0
