"""kpa_cooperative as people use it: the coordinator's prestation board and
invoicing, the accountant's PDF, the member's KPA page on a phone."""
import os

from conftest import ARTIFACTS, login, rpc


def test_member_sees_own_kpa_and_prestations_on_a_phone(phone, odoo_url):
    login(phone, odoo_url, "samir")
    response = phone.goto(odoo_url + "/my/kpa")
    assert response.status == 200
    text = phone.inner_text("main, #wrap, body")
    assert "La Cape" in text
    assert "Livraison de paniers" in text          # he signed up for it
    assert "Moulins Coop" not in text              # another KPA
    assert "Menuiserie" not in text                # not his prestation
    phone.screenshot(path=os.path.join(ARTIFACTS, "portal-kpa.png"),
                     full_page=True)


def test_coordinator_invoices_a_prestation(desktop, odoo_url):
    login(desktop, odoo_url, "nadia")
    tasks = rpc(desktop, odoo_url, "project.task", "search_read",
                [[["kpa_id", "!=", False]]], {"fields": ["name", "kpa_id"]})
    kpas = {task["kpa_id"][1] for task in tasks}
    assert kpas == {"La Cape", "Illicoop"}           # never Moulins Coop
    task = next(t for t in tasks if t["name"] == "Livraison de paniers")
    desktop.goto(odoo_url + "/web#model=project.task&view_type=form&id=%d"
                 % task["id"])
    desktop.reload()
    desktop.wait_for_selector("text=Prix convenu (HT)")
    desktop.click(".o_form_statusbar button:has-text('Facturer')")
    desktop.wait_for_selector(".o_form_view .o_form_statusbar")
    desktop.wait_for_function("() => location.hash.includes('account.invoice')")
    assert "Brouillon" in desktop.inner_text(".o_form_statusbar")
    desktop.screenshot(path=os.path.join(ARTIFACTS, "backoffice-invoice.png"))
    invoices = rpc(desktop, odoo_url, "account.invoice", "search_read",
                   [[["kpa_task_id", "=", task["id"]]]],
                   {"fields": ["journal_id", "state", "amount_untaxed"]})
    assert len(invoices) == 1
    assert invoices[0]["state"] == "draft"
    assert invoices[0]["amount_untaxed"] == 120.0
    assert invoices[0]["journal_id"][1].startswith("Ventes La Cape")


def test_accountant_prints_an_invoice_with_the_legal_mentions(desktop, odoo_url):
    login(desktop, odoo_url, "claire")
    invoice = rpc(desktop, odoo_url, "account.invoice", "search_read",
                  [[["number", "=like", "CAPE/%"], ["state", "=", "paid"],
                    ["origin", "=", "Buffet de l'assemblée du centre social"]]],
                  {"fields": ["id"], "limit": 1})[0]
    response = desktop.goto(
        odoo_url + "/report/html/account.report_invoice/%d" % invoice["id"])
    assert response.status == 200
    html = desktop.content()
    # 1 000 € of catering served on site, at 10 %.
    for mention in ("La Cape", "nom commercial d'Optéos", "48123456510001",
                    "7022Z", "FR36481234565", "mille cent euros", "TVA 10%",
                    "Indemnité forfaitaire", "Pénalités de retard",
                    "Échéance"):
        assert mention in html, mention
    pdf = desktop.request.get(
        odoo_url + "/report/pdf/account.report_invoice/%d" % invoice["id"])
    assert pdf.status == 200
    assert pdf.body()[:4] == b"%PDF"
