"""CAPE in the browser: a member finds their own CAPE on a phone and
downloads it, never anyone else's; a coordinator finds the CAPEs to renew."""
import os

import requests

from conftest import ARTIFACTS as SHOTS, login


def rpc(url, model, method, *args, **kwargs):
    """JSON-RPC as admin, to find the demo records' ids."""
    database = os.environ["KPA_TEST_DB"]
    uid = requests.post(url + "/jsonrpc", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "service": "common", "method": "login",
            "args": [database, "admin", "admin"]}}, timeout=60).json()["result"]
    payload = {"jsonrpc": "2.0", "method": "call", "params": {
        "service": "object", "method": "execute_kw",
        "args": [database, uid, "admin", model, method, list(args), kwargs]}}
    answer = requests.post(url + "/jsonrpc", json=payload, timeout=60).json()
    assert "error" not in answer, answer.get("error")
    return answer["result"]


def cape_of(url, name):
    ids = rpc(url, "hr.contract", "search", [
        ("kpa_is_cape", "=", True), ("kpa_partner_id.name", "=", name)])
    assert ids, "no demo CAPE for %s" % name
    return ids[0]


def session(page):
    """A requests session with the browser page's cookies."""
    http = requests.Session()
    for cookie in page.context.cookies():
        http.cookies.set(cookie["name"], cookie["value"])
    return http


def test_member_sees_own_cape_on_a_phone(phone, odoo_url):
    login(phone, odoo_url, "samir")
    phone.goto(odoo_url + "/my/home")
    phone.click("a[href='/my/cape']")
    phone.wait_for_selector(".o_kpa_cape")
    assert phone.locator(".o_kpa_cape").count() == 1
    assert phone.locator(".o_kpa_renewals_left").inner_text().strip() == "1"
    assert phone.locator("text=Nadia Benali").count()
    phone.screenshot(path=os.path.join(SHOTS, "portal-cape.png"),
                     full_page=True)
    own = cape_of(odoo_url, "Samir Haddad")
    response = session(phone).get(
        "%s/my/cape/%d/pdf" % (odoo_url, own), timeout=120)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_member_gets_404_for_another_cape(phone, odoo_url):
    login(phone, odoo_url, "samir")
    other = cape_of(odoo_url, "Inès Moreau")
    http = session(phone)
    for path in ("/my/cape/%d/pdf" % other, "/my/cape/999999/pdf"):
        response = http.get(odoo_url + path, timeout=60)
        assert response.status_code == 404, path
    name = rpc(odoo_url, "hr.contract", "read", [other], ["name"])[0]["name"]
    page = http.get(odoo_url + "/my/cape", timeout=60).text
    assert name not in page


def test_anonymous_is_sent_to_login(odoo_url):
    response = requests.get(odoo_url + "/my/cape", timeout=60,
                            allow_redirects=False)
    assert response.status_code in (302, 303)
    assert "/web/login" in response.headers["Location"]


def test_coordinator_finds_the_capes_to_renew(desktop, odoo_url):
    login(desktop, odoo_url, "nadia")
    desktop.goto(odoo_url + "/web#action=kpa_cape.hr_contract_action_cape_to_renew")
    desktop.wait_for_selector(".o_list_view")
    desktop.wait_for_selector("td:has-text('Inès Moreau')")
    assert not desktop.locator("td:has-text('Julie Lambert')").count()
