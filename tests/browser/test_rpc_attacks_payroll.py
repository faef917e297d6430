"""The payroll hand-off (issue 14) over real XML-RPC: La Cape's month, as
the demo exported it and imported the payroll's figures. Coordinators and
members have no access at all; the accountant cannot move its state by
hand; nobody undoes a week whose pay went to the payroll."""
import pytest

from conftest import xmlrpc_as
from test_rpc_attacks import read, ref, refused

OUTSIDERS = ["nadia", "thomas", "samir"]


@pytest.fixture(scope="module")
def export(odoo_url):
    export_id = ref(odoo_url, "kpa_demo.payroll_la_cape")
    assert export_id, "the demo hands La Cape's month to the payroll"
    values = read(odoo_url, "kpa.payroll.export", export_id,
                  ["state", "line_ids", "move_id", "kpa_id", "month"])
    assert values["state"] == "imported"
    assert values["line_ids"] and values["move_id"]
    return values


@pytest.mark.parametrize("login", OUTSIDERS)
def test_outsiders_see_no_payroll(odoo_url, export, login):
    before = read(odoo_url, "kpa.payroll.export", export["id"],
                  ["state", "move_id", "date_adjustment"])
    refused(odoo_url, login, "kpa.payroll.export", "search_read", [])
    refused(odoo_url, login, "kpa.payroll.export", "read", [export["id"]])
    refused(odoo_url, login, "kpa.payroll.export.line", "read",
            export["line_ids"])
    refused(odoo_url, login, "kpa.payroll.export", "create",
            {"month": "2026-01-01"})
    refused(odoo_url, login, "kpa.payroll.export", "write", [export["id"]],
            {"state": "exported"})
    for method in ("action_export", "action_import", "unlink"):
        refused(odoo_url, login, "kpa.payroll.export", method,
                [export["id"]])
    assert read(odoo_url, "kpa.payroll.export", export["id"],
                ["state", "move_id", "date_adjustment"]) == before


def test_the_accountant_reads_but_does_not_rewrite(odoo_url, export):
    lines = xmlrpc_as(odoo_url, "claire", "kpa.payroll.export.line", "read",
                      export["line_ids"], fields=["real_net_paid"])
    assert all(line["real_net_paid"] > 0 for line in lines)
    for values in ({"state": "exported"}, {"move_id": False},
                   {"date_adjustment": "2020-01-06"}):
        refused(odoo_url, "claire", "kpa.payroll.export", "write",
                [export["id"]], values)
    refused(odoo_url, "claire", "kpa.payroll.export.line", "write",
            export["line_ids"], {"real_gross": 1.0})
    refused(odoo_url, "claire", "kpa.payroll.export", "action_import",
            [export["id"]])
    refused(odoo_url, "claire", "kpa.payroll.export", "unlink",
            [export["id"]])
    assert read(odoo_url, "kpa.payroll.export", export["id"],
                ["state"])["state"] == "imported"


def test_nobody_undoes_an_exported_week(odoo_url, export):
    declarations = read(odoo_url, "kpa.payroll.export.line",
                        export["line_ids"][0], ["declaration_ids"])[
        "declaration_ids"]
    week = read(odoo_url, "kpa.remuneration.declaration", declarations[0],
                ["period_id"])["period_id"][0]
    for login in ("olivier", "admin"):
        message = refused(odoo_url, login, "kpa.remuneration.period",
                          "action_undo_validation", [week])
        # It names the hand-off (its month) that stops it.
        assert export["month"][:7] in message
    assert read(odoo_url, "kpa.remuneration.period", week,
                ["state"])["state"] == "validated"
