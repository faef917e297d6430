"""The KPA dashboard (mis_builder, issue 20): the accountant opens La Cape's
in French on a desktop and a phone; over XML-RPC a coordinator of another
KPA and a member are refused it."""
import os
import xmlrpc.client

import pytest
from conftest import ARTIFACTS, login, rpc_admin, rpc_as, xmlrpc_as

SHOTS = os.environ.get("KPA_SHOTS", ARTIFACTS)
ACTION = "kpa_remuneration.mis_report_instance_action_dashboard"
LABELS = ("Encaissé (HT)", "Clients à encaisser", "Dépenses payées (HT)",
          "Dépenses à payer", "Contribution CAE", "Réserve",
          "Rémunérations", "Résultat du mois", "Trésorerie (fin de mois)")


def _dashboards(url):
    """Every KPA's dashboard, made by the accountant's menu: {KPA: id}."""
    action_id = rpc_admin(url, "ir.model.data", "xmlid_to_res_id", [ACTION])
    xmlrpc_as(url, "claire", "ir.actions.server", "run", [action_id])
    rows = rpc_admin(url, "mis.report.instance", "search_read",
                     [("kpa_dashboard", "=", True)],
                     fields=["kpa_id"])
    return {row["kpa_id"][1] if row["kpa_id"] else None: row["id"]
            for row in rows}


def _open_la_cape(page, url):
    login(page, url, "claire")
    page.goto(url + "/web#action=%s" % ACTION)
    page.reload()
    page.wait_for_selector(".o_list_view td:has-text('La Cape')")
    row = page.locator(".o_list_view tr", has_text="La Cape").first
    row.locator("button[title=Afficher]").click()
    page.wait_for_selector(
        ".oe_mis_builder_content table td:has-text('Encaissé')")
    page.wait_for_timeout(500)


@pytest.mark.parametrize("width", [1280, 390])
def test_accountant_reads_la_cape_dashboard(browser, odoo_url, width):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(30000)
    try:
        _open_la_cape(page, odoo_url)
        text = page.inner_text(".oe_mis_builder_content")
        for label in LABELS:
            assert label in text, text
        for english in ("Cashed", "Treasury", "Result of the month"):
            assert english not in text, text
        assert "Mois dernier" in text, text
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(
            SHOTS, "kpa-dashboard-%dpx.png" % width), full_page=True)
    except Exception:
        page.screenshot(path=os.path.join(
            ARTIFACTS, "kpa-dashboard-failed-%dpx.png" % width),
            full_page=True)
        raise
    finally:
        context.close()


def test_other_coordinator_and_member_refused_over_xmlrpc(odoo_url):
    dashboards = _dashboards(odoo_url)
    la_cape, whole = dashboards["La Cape"], dashboards[None]
    # Thomas coordinates Moulins Coop only.
    seen = xmlrpc_as(odoo_url, "thomas", "mis.report.instance", "search",
                     [("kpa_dashboard", "=", True)])
    assert la_cape not in seen and whole not in seen
    assert dashboards["Moulins Coop"] in seen
    for target in (la_cape, whole):
        for method, args in (("read", [[target], ["name"]]),
                             ("compute", [[target]])):
            with pytest.raises(xmlrpc.client.Fault):
                xmlrpc_as(odoo_url, "thomas", "mis.report.instance",
                          method, *args)
    # Nadia (La Cape, Illicoop) computes La Cape's (JSON-RPC: the figures
    # hold nulls, which XML-RPC cannot carry).
    figures = rpc_as(odoo_url, "nadia", "mis.report.instance", "compute",
                     [la_cape])
    assert figures["body"]
    with pytest.raises(xmlrpc.client.Fault):
        xmlrpc_as(odoo_url, "samir", "mis.report.instance", "search", [])
    with pytest.raises(xmlrpc.client.Fault):
        xmlrpc_as(odoo_url, "samir", "mis.report.instance", "compute",
                  [la_cape])
