"""KPA quotes as people use them: a member prepares one from a phone, the
client accepts it with the link of the email (no account), and what the
member must never do, tried over HTTP and XML-RPC from the member's side.
Runs on the demo database (data/demo_sales.py)."""
import os
import re
import xmlrpc.client

import pytest
import requests

from conftest import ROOT, login, rpc_admin, rpc_as, xmlrpc_as

SCREENSHOTS = os.path.join(ROOT, "docs", "screenshots")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TOKEN = re.compile(r'name="kpa_form_token" value="([^"]+)"')
MEMBER = "samir"


def task_id(url, name):
    return rpc_admin(url, "project.task", "search",
                     [["name", "=", name]])[0]


def partner_of(url, login_name):
    return rpc_admin(url, "res.users", "search_read",
                     [["login", "=", login_name]],
                     fields=["partner_id"])[0]["partner_id"][0]


def count(url, model, domain=()):
    return rpc_admin(url, model, "search_count", list(domain))


def session(url, login_name):
    http = requests.Session()
    page = http.get(url + "/web/login", timeout=60)
    http.post(url + "/web/login", data={
        "login": login_name, "password": login_name,
        "csrf_token": CSRF.search(page.text).group(1)}, timeout=60)
    return http


def form_of(http, url, path):
    page = http.get(url + path, timeout=60)
    assert page.status_code == 200, page.status_code
    return {"csrf_token": CSRF.search(page.text).group(1),
            "kpa_form_token": TOKEN.search(page.text).group(1)}


def line(product, name="Buffet", quantity="10", price="9,50"):
    return {"rows": "1", "line_1_product": str(product),
            "line_1_name": name, "line_1_quantity": quantity,
            "line_1_price": price, "kind": "quote"}


@pytest.fixture(scope="module")
def farewell(odoo_url):
    return task_id(odoo_url, "Pot de départ à l'association sportive")


@pytest.fixture(scope="module")
def onsite(odoo_url):
    return rpc_admin(odoo_url, "ir.model.data", "xmlid_to_res_id",
                     ["kpa_cooperative.product_kpa_catering_onsite"])


def test_member_drafts_a_quote_from_a_phone(phone, odoo_url, farewell):
    drafts = [["kpa_task_id", "=", farewell],
              ["kpa_drafted_by_id", "=", partner_of(odoo_url, MEMBER)]]
    before = count(odoo_url, "sale.order", drafts)
    login(phone, odoo_url, MEMBER)
    phone.goto(odoo_url + "/my/prestations")
    assert "Mes prestations" in phone.inner_text("body")
    assert "Menuiserie" not in phone.inner_text("body")   # not his
    phone.click("text=Pot de départ")
    phone.wait_for_selector("text=Faire un devis")
    phone.fill("#line_1_name", "Buffet froid pour 40 personnes")
    phone.fill("#line_1_quantity", "40")
    phone.fill("#line_1_price", "9,50")
    with phone.expect_navigation():
        phone.click("button.o_kpa_make_quote")
    assert "Votre devis est prêt" in phone.inner_text("body")
    os.makedirs(SCREENSHOTS, exist_ok=True)
    phone.screenshot(path=os.path.join(
        SCREENSHOTS, "portal-prestation-quote.png"), full_page=True)
    assert count(odoo_url, "sale.order", drafts) == before + 1
    order = rpc_admin(odoo_url, "sale.order", "search_read", drafts,
                      fields=["state", "amount_untaxed", "name",
                              "activity_ids"], order="id desc",
                      limit=1)[0]
    assert order["state"] == "draft"
    assert order["amount_untaxed"] == 380.0
    assert order["name"].startswith("DEV-CAPE/")
    activities = rpc_admin(odoo_url, "mail.activity", "search_read",
                           [["id", "in", order["activity_ids"]]],
                           fields=["summary", "user_id"])
    assert {a["summary"] for a in activities} == {"À valider"}
    assert {a["user_id"][1] for a in activities} == {"Nadia Benali"}


@pytest.mark.parametrize("values, message", [
    ({"line_1_price": "-5"}, "ne peut pas être négatif"),
    ({"line_1_quantity": "0"}, "plus que zéro"),
    ({"line_1_quantity": "beaucoup"}, "doit être un nombre"),
    ({"line_1_price": "douze"}, "doit être un nombre"),
    ({"line_1_name": ""}, "écrivez ce qui est vendu"),
    ({"line_1_product": "999999"}, "choisissez l'activité"),
    ({"kind": "confirm"}, "un devis ou une facture"),
])
def test_bad_input_is_a_french_form_error(odoo_url, farewell, onsite,
                                          values, message):
    http = session(odoo_url, MEMBER)
    path = "/my/prestations/%d" % farewell
    before = (count(odoo_url, "sale.order"),
              count(odoo_url, "account.invoice"))
    data = dict(form_of(http, odoo_url, path), **line(onsite))
    data.update(values)
    answer = http.post(odoo_url + path, data=data, timeout=60)
    assert answer.status_code == 200
    assert message in answer.text
    assert (count(odoo_url, "sale.order"),
            count(odoo_url, "account.invoice")) == before


def test_forged_prestation_ids_are_refused(odoo_url, farewell, onsite):
    http = session(odoo_url, MEMBER)
    data = dict(form_of(http, odoo_url, "/my/prestations/%d" % farewell),
                **line(onsite))
    before = count(odoo_url, "sale.order")
    others = [
        task_id(odoo_url, "Menuiserie : bacs de jardin"),     # La Cape
        task_id(odoo_url, "Buffet de quartier"),              # Moulins
        999999, "abc",
    ]
    for other in others:
        path = "/my/prestations/%s" % other
        assert http.get(odoo_url + path, timeout=60).status_code == 404
        answer = http.post(odoo_url + path, data=data, timeout=60)
        assert answer.status_code == 404, other
    assert count(odoo_url, "sale.order") == before


def test_member_is_refused_over_xmlrpc(odoo_url, farewell):
    member = partner_of(odoo_url, MEMBER)
    order = rpc_admin(odoo_url, "sale.order", "search", [
        ["kpa_drafted_by_id", "=", member]], limit=1)[0]
    invoice = rpc_admin(odoo_url, "account.invoice", "search", [
        ["state", "=", "draft"], ["kpa_id", "!=", False]], limit=1)[0]
    client = rpc_admin(odoo_url, "res.partner", "search", [
        ["name", "=", "Centre social de l'Épeule"]])[0]
    kpa = rpc_admin(odoo_url, "kpa.cooperative", "search",
                    [["code", "=", "CAPE"]])[0]
    calls = [
        ("sale.order", "create", [{"partner_id": client, "kpa_id": kpa}]),
        ("sale.order", "create", [{
            "partner_id": client, "kpa_id": kpa,
            "kpa_drafted_by_id": member}]),
        ("sale.order", "write", [[order], {"note": "changé"}]),
        ("sale.order", "write", [[order], {"state": "sale"}]),
        ("sale.order", "action_confirm", [[order]]),
        ("sale.order", "action_quotation_send", [[order]]),
        ("sale.order", "print_quotation", [[order]]),
        ("sale.order.line", "write", [
            rpc_admin(odoo_url, "sale.order.line", "search",
                      [["order_id", "=", order]]), {"price_unit": 1}]),
        ("account.invoice", "action_invoice_open", [[invoice]]),
        ("account.invoice", "write", [[invoice], {"name": "x"}]),
        ("kpa.quote.accept", "create", [{
            "order_id": order, "name": "Moi", "date": "2026-01-01"}]),
        ("project.task", "action_kpa_quote", [[farewell]]),
    ]
    for model, method, args in calls:
        with pytest.raises(xmlrpc.client.Fault):
            xmlrpc_as(odoo_url, MEMBER, model, method, *args)
    state = rpc_admin(odoo_url, "sale.order", "read", [order],
                      fields=["state", "note"])[0]
    assert state["state"] == "draft" and state["note"] != "changé"
    assert rpc_admin(odoo_url, "account.invoice", "read", [invoice],
                     fields=["state"])[0]["state"] == "draft"


def _sent_quote(url):
    """A fresh quote of the bags prestation, sent (as the coordinator's
    "Print" does): (id, access token)."""
    task = task_id(url, "Sérigraphie : 120 sacs pour la braderie")
    action = rpc_admin(url, "project.task", "action_kpa_quote", [task])
    order = action["res_id"]
    rpc_as(url, "admin", "sale.order", "write", [order], {"state": "sent"})
    token = rpc_admin(url, "sale.order", "read", [order],
                      fields=["access_token"])[0]["access_token"]
    return order, token


def test_client_accepts_with_the_link_of_the_email(browser, odoo_url):
    order, token = _sent_quote(odoo_url)
    # A wrong token changes nothing.
    answer = requests.post(odoo_url + "/my/quotes/accept", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "res_id": order, "access_token": "0" * 36,
            "partner_name": "Quelqu'un", "signature": "aGVsbG8="}},
        timeout=60).json()
    assert answer["result"]["error"]
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(30000)
    try:
        page.goto(odoo_url + "/my/orders/%d?access_token=%s" % (
            order, token))
        page.wait_for_selector("#o_portal_signature canvas")
        text = page.inner_text("body")
        assert "La Cape" in text and "Nom commercial d'Optéos" in text
        assert "Sac en coton imprimé" in text
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, width                       # no side scroll
        page.screenshot(path=os.path.join(
            SCREENSHOTS, "portal-quote-accept.png"), full_page=True)
        page.fill("#o_portal_sign_name", "Jeanne Lefort, mairie de quartier")
        canvas = page.query_selector("#o_portal_signature canvas")
        canvas.scroll_into_view_if_needed()
        box = canvas.bounding_box()
        page.mouse.move(box["x"] + 30, box["y"] + 80)
        page.mouse.down()
        for step in range(1, 8):
            page.mouse.move(box["x"] + 30 + step * 35,
                            box["y"] + (40 if step % 2 else 100), steps=5)
        page.mouse.up()
        page.click("button.o_portal_sign_submit")
        page.wait_for_selector("text=le devis est accepté")
    finally:
        context.close()
    accepted = rpc_admin(odoo_url, "sale.order", "read", [order], fields=[
        "state", "kpa_accepted_by", "kpa_accepted_on"])[0]
    assert accepted["state"] == "sale"
    assert accepted["kpa_accepted_by"] == "Jeanne Lefort, mairie de quartier"
    assert accepted["kpa_accepted_on"]
    # Accepted: the same link accepts nothing any more.
    answer = requests.post(odoo_url + "/my/quotes/accept", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "res_id": order, "access_token": token,
            "partner_name": "Autre", "signature": "aGVsbG8="}},
        timeout=60).json()
    assert answer["result"]["error"]
    assert rpc_admin(odoo_url, "sale.order", "read", [order], fields=[
        "kpa_accepted_by"])[0]["kpa_accepted_by"].startswith("Jeanne")
