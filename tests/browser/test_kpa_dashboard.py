"""The KPA dashboard (mis_builder, issue 20): the accountant opens La Cape's
in French on a desktop and a phone; over XML-RPC a coordinator of another
KPA and a member are refused it."""
import datetime
import os
import xmlrpc.client

import pytest
from conftest import ARTIFACTS, login, rpc_admin, rpc_as, xmlrpc_as
from test_phone_pay import pot

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


def _month_bounds(day, offset):
    """First and last day of the month ``offset`` months from ``day``'s."""
    first = day.replace(day=1)
    for _step in range(-offset):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    after = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, after - datetime.timedelta(days=1)


def _columns(matrix):
    """{column label: [(row label, value)]} of a computed dashboard."""
    labels = [col["label"] for col in matrix["header"][0]["cols"]]
    columns = {label: {} for label in labels}
    for row in matrix["body"]:
        for label, cell in zip(labels, row["cells"]):
            columns[label][row["label"]] = round(
                float((cell or {}).get("val") or 0), 2)
    return columns, matrix["header"][0]["cols"]


def test_la_cape_books_say_what_its_pot_says(odoo_url):
    """Last month and this month of La Cape's dashboard, read by the
    accountant, against the pot's own rule over the same cashed money, the
    validated weeks' pay and the payroll's differences: equal to the
    cent."""
    la_cape = _dashboards(odoo_url)["La Cape"]
    kpa = rpc_admin(odoo_url, "ir.model.data", "xmlid_to_res_id",
                    ["kpa_demo.kpa_la_cape"])
    rates = rpc_admin(odoo_url, "kpa.cooperative", "read", [kpa],
                      fields=["contribution_rate", "reserve_rate"])[0]
    money = rpc_admin(odoo_url, "kpa.cashed.report", "search_read",
                      [("kpa_id", "=", kpa)],
                      fields=["date", "kind", "amount_cashed"])
    weeks = {week["id"]: week["date_end"] for week in rpc_admin(
        odoo_url, "kpa.remuneration.period", "search_read",
        [("kpa_id", "=", kpa), ("state", "=", "validated")],
        fields=["date_end"])}
    pay = rpc_admin(odoo_url, "kpa.remuneration.declaration", "search_read",
                    [("period_id", "in", list(weeks)),
                     ("state", "=", "validated")],
                    fields=["period_id", "amount_cost"])
    assert money and pay, "La Cape's demo has cashed money and pay"
    # The payroll's real figures: the difference with the estimates is
    # booked on the import's day (the pot counts it from the Monday after).
    imports = {export["id"]: export["date_import"] for export in rpc_admin(
        odoo_url, "kpa.payroll.export", "search_read",
        [("state", "=", "imported")], fields=["date_import"])}
    differences = rpc_admin(
        odoo_url, "kpa.payroll.export.line", "search_read",
        [("kpa_id", "=", kpa), ("export_id", "in", list(imports))],
        fields=["export_id", "amount_difference"])
    columns, headers = _columns(rpc_as(
        odoo_url, "claire", "mis.report.instance", "compute", [la_cape],
        context={"lang": "fr_FR"}))
    today = datetime.date.today()

    def cashed_up_to(day, kind="revenue"):
        return sum(pot.to_decimal(row["amount_cashed"]) for row in money
                   if row["kind"] == kind and row["date"] <= str(day))

    def split_up_to(day):
        return pot.contribution_split(cashed_up_to(day),
                                      rates["contribution_rate"],
                                      rates["reserve_rate"])

    for label, offset in (("Mois dernier", -1), ("Ce mois-ci", 0)):
        first, last = _month_bounds(today, offset)
        before = first - datetime.timedelta(days=1)
        contribution, _share, reserve = (
            now - then for now, then in zip(split_up_to(last),
                                            split_up_to(before)))
        expected = {
            "Encaissé (HT)": cashed_up_to(last) - cashed_up_to(before),
            "Dépenses payées (HT)": cashed_up_to(last, "expense")
            - cashed_up_to(before, "expense"),
            "Contribution CAE": contribution,
            "Réserve": reserve,
            "Rémunérations (coût)": sum(
                pot.to_decimal(line["amount_cost"]) for line in pay
                if str(first) <= weeks[line["period_id"][0]] <= str(last))
            + sum(pot.to_decimal(line["amount_difference"])
                  for line in differences if str(first)
                  <= imports[line["export_id"][0]] <= str(last)),
        }
        books = columns[label]
        for row, amount in expected.items():
            assert books.get(row) == float(pot.cents(amount)), (
                label, row, books, headers)
    # The columns name their month, in French.
    descriptions = " ".join(col.get("description") or "" for col in headers)
    assert babel_month(_month_bounds(today, -1)[0]) in descriptions, headers


FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin",
                 "juillet", "août", "septembre", "octobre", "novembre",
                 "décembre")


def babel_month(day):
    return "%s %d" % (FRENCH_MONTHS[day.month - 1], day.year)
