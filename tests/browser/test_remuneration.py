"""Remuneration in the browser: a member of La Cape sees the pot and what
the others take, declares from a phone (bad input refused, nothing
changed), never reaches someone else's declaration, and downloads the
monthly statement."""
import datetime
import os

import requests

from conftest import ARTIFACTS as SHOTS, login, rpc_as


def admin_rpc(url, model, method, *args, **kwargs):
    return rpc_as(url, "admin", model, method, *args, **kwargs)


def session(page):
    http = requests.Session()
    for cookie in page.context.cookies():
        http.cookies.set(cookie["name"], cookie["value"])
    return http


def this_monday():
    today = datetime.date.today()
    return (today - datetime.timedelta(days=today.weekday())).isoformat()


def forget_this_week(url, name):
    """Re-runs start clean: drop the member's open declaration of this
    week, if a previous run made one."""
    ids = admin_rpc(url, "kpa.remuneration.declaration", "search", [
        ("partner_id.name", "=", name), ("state", "!=", "validated"),
        ("period_id.date_start", "=", this_monday())])
    if ids:
        admin_rpc(url, "kpa.remuneration.declaration", "unlink", ids)


def count(url, name):
    return admin_rpc(url, "kpa.remuneration.declaration", "search_count",
                     [("partner_id.name", "=", name)])


def test_member_declares_from_a_phone(phone, odoo_url):
    forget_this_week(odoo_url, "Samir Haddad")
    before = count(odoo_url, "Samir Haddad")
    login(phone, odoo_url, "samir")
    phone.goto(odoo_url + "/my/declarations")
    phone.wait_for_selector(".o_kpa_pot")
    assert phone.locator(".o_kpa_available").count() == 1
    phone.click("a.o_kpa_declare")
    phone.wait_for_selector(".o_kpa_declaration_form")
    for bad in ("beaucoup", "-5", "10,555", "99999999"):
        phone.fill("input[name=amount_net]", bad)
        with phone.expect_navigation():
            phone.click("button[value=send]")
        assert phone.locator(".o_kpa_errors").count() == 1, bad
    assert count(odoo_url, "Samir Haddad") == before
    phone.fill("input[name=amount_net]", "39")
    phone.fill("input[name=hours]", "4,5")
    phone.fill("textarea[name=comment]", "Livraisons du mardi")
    with phone.expect_navigation():
        phone.click("button[value=preview]")
    preview = phone.locator(".o_kpa_preview").inner_text()
    assert "50,00" in preview and "65,00" in preview
    phone.screenshot(path=os.path.join(SHOTS, "portal-declaration.png"),
                     full_page=True)
    with phone.expect_navigation():
        phone.click("button[value=send]")
    phone.wait_for_selector(".o_kpa_declaration")
    assert count(odoo_url, "Samir Haddad") == before + 1
    # The table of the week: everyone's amounts, my word, not theirs.
    phone.goto(odoo_url + "/my/declarations")
    table = phone.locator(".o_kpa_week_table").inner_text()
    assert "Fatou Ndiaye" in table
    assert "Livraisons du mardi" in table
    assert "Traiteur pour la mairie" not in phone.content()


def test_member_never_reaches_others(phone, odoo_url):
    login(phone, odoo_url, "samir")
    http = session(phone)
    others = admin_rpc(odoo_url, "kpa.remuneration.declaration", "search", [
        ("partner_id.name", "in", ("Fatou Ndiaye", "Julie Lambert"))])
    assert others
    for other in others + [999999]:
        path = "%s/my/declarations/%d" % (odoo_url, other)
        assert http.get(path, timeout=60).status_code == 404
        answer = http.post(path, data={"amount_net": "1"}, timeout=60)
        assert answer.status_code in (400, 404)
    # Another KPA's week is never shown, whatever the week asked.
    moulins = admin_rpc(odoo_url, "kpa.remuneration.period", "search_read",
                        [("kpa_id.code", "=", "MOUL")], ["date_start"])
    page = http.get("%s/my/declarations?week=%s" % (
        odoo_url, moulins[0]["date_start"]), timeout=60).text
    assert "Julie Lambert" not in page
    for junk in ("2026-13", "abc", "", "2026-1"):
        answer = http.get("%s/my/declarations/statement?month=%s" % (
            odoo_url, junk), timeout=60)
        assert answer.status_code == 404, junk
    answer = http.get(odoo_url + "/my/declarations?week=junk&page=abc",
                      timeout=60)
    assert answer.status_code in (200, 404)


def test_member_downloads_the_monthly_statement(phone, odoo_url):
    login(phone, odoo_url, "samir")
    month = datetime.date.today().strftime("%Y-%m")
    answer = session(phone).get(
        "%s/my/declarations/statement?month=%s" % (odoo_url, month),
        timeout=120)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")


def test_coordinator_opens_the_weeks(desktop, odoo_url):
    login(desktop, odoo_url, "nadia")
    desktop.goto(odoo_url
                 + "/web#action=kpa_remuneration.kpa_remuneration_period_action")
    desktop.wait_for_selector(".o_list_view")
    rows = desktop.locator(".o_list_view .o_data_row").inner_text() \
        if desktop.locator(".o_list_view .o_data_row").count() == 1 else \
        desktop.locator(".o_list_view").inner_text()
    assert "La Cape" in rows
    assert "Moulins Coop" not in rows


def test_member_of_two_kpas_switches_between_them(phone, odoo_url):
    """Someone in La Cape and Moulins Coop picks the KPA with a big button;
    the declaration form follows the choice; another KPA's id is ignored."""
    ref = {key: admin_rpc(odoo_url, "ir.model.data", "xmlid_to_res_id",
                          "kpa_demo.%s" % key)
           for key in ("kpa_la_cape", "kpa_moulins_coop", "kpa_illicoop")}
    partner = admin_rpc(odoo_url, "res.partner", "create", {
        "name": "Rania Deux-Kpa", "email": "rania@example.org",
        "kpa_birthdate": "1990-04-02"})
    name = "rania%d" % partner  # a fresh login on each run
    memberships = [admin_rpc(odoo_url, "kpa.membership", "create", {
        "partner_id": partner, "kpa_id": ref[key], "state": "newcomer"})
        for key in ("kpa_la_cape", "kpa_moulins_coop")]
    portal = admin_rpc(odoo_url, "ir.model.data", "xmlid_to_res_id",
                       "base.group_portal")
    user = admin_rpc(odoo_url, "res.users", "create", {
        "login": name, "password": name, "partner_id": partner,
        "groups_id": [(6, 0, [portal])]},
        context={"no_reset_password": True})
    try:
        login(phone, odoo_url, name)
        phone.goto(odoo_url + "/my/declarations")
        assert phone.locator(".o_kpa_switch a").count() == 2
        phone.click(".o_kpa_switch a:has-text('Moulins Coop')")
        assert "Moulins Coop" in phone.inner_text(".o_kpa_pot .panel-heading")
        phone.click("a.o_kpa_declare")
        phone.wait_for_selector(".o_kpa_declaration_form")
        assert phone.input_value("input[name=kpa]") == str(
            ref["kpa_moulins_coop"])
        phone.goto("%s/my/declarations?kpa=%d" % (
            odoo_url, ref["kpa_illicoop"]))
        heading = phone.inner_text(".o_kpa_pot .panel-heading")
        assert "Illicoop" not in heading
        assert "La Cape" in heading or "Moulins Coop" in heading
    finally:
        admin_rpc(odoo_url, "res.users", "write", [user], {"active": False})
        admin_rpc(odoo_url, "kpa.membership", "unlink", memberships)
