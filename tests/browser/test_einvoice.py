"""E-invoices from the real server (issue 19): the PDF of a validated KPA
invoice is its Factur-X, for the accountant in the back office and for
the client on the portal; poppler's pdfdetach takes the XML out, as any
tool of the client would."""
import os
import secrets
import subprocess
import sys

import pytest

from conftest import ROOT, rpc_admin, rpc_as

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import report_pictures  # noqa: E402

EN16931 = b"urn:cen.eu:en16931:2017"


@pytest.fixture(scope="module")
def demo(odoo_url):
    demo = report_pictures.Demo(odoo_url, os.environ["KPA_TEST_DB"])
    with report_pictures.ReportUrl(demo):
        yield demo


def attached_xml(pdf, tmp_path):
    source = tmp_path / "invoice.pdf"
    source.write_bytes(pdf)
    listing = subprocess.run(["pdfdetach", "-list", str(source)],
                             capture_output=True, text=True, check=True)
    assert "factur-x.xml" in listing.stdout, listing.stdout
    target = tmp_path / "factur-x.xml"
    subprocess.run(["pdfdetach", "-savefile", "factur-x.xml", "-o",
                    str(target), str(source)], check=True)
    return target.read_bytes()


def _balance_invoice(demo):
    invoice_id = demo.admin("ir.model.data", "xmlid_to_res_id",
                            "kpa_demo.sale_prestation_meal_balance")
    return demo.admin("account.invoice", "read", [invoice_id],
                      ["number", "partner_id", "amount_total"])[0]


def test_the_accountant_prints_the_facturx(demo, tmp_path):
    invoice = _balance_invoice(demo)
    pdf = report_pictures.fetch_pdf(
        demo, "claire", "/report/pdf/account.report_invoice/%d"
        % invoice["id"])
    xml = attached_xml(pdf, tmp_path)
    assert EN16931 in xml
    assert invoice["number"].encode() in xml
    assert ("%.2f" % invoice["amount_total"]).encode() in xml
    assert b"<ram:TradingBusinessName>La Cape<" in xml


def test_the_client_downloads_the_facturx_from_the_portal(
        demo, odoo_url, tmp_path):
    invoice = _balance_invoice(demo)
    key = secrets.token_hex(3)
    portal = rpc_admin(odoo_url, "ir.model.data", "xmlid_to_res_id",
                       ["base.group_portal"])
    contact = rpc_admin(odoo_url, "res.partner", "create", {
        "name": "Comptable %s" % key, "type": "invoice",
        "parent_id": invoice["partner_id"][0],
        "email": "compta.%s@example.org" % key})
    user = rpc_admin(odoo_url, "res.users", "create", {
        "name": "Comptable %s" % key, "login": "client.%s" % key,
        "password": "client.%s" % key, "partner_id": contact,
        "groups_id": [(6, 0, [portal])]}, context={"no_reset_password": True})
    try:
        # The client follows the invoice, as Odoo does when it sends it.
        rpc_admin(odoo_url, "account.invoice", "message_subscribe",
                  [invoice["id"]], partner_ids=[contact])
        status, kind, pdf = demo.get(
            "client.%s" % key, "/my/invoices/pdf/%d" % invoice["id"])
        assert status == 200 and pdf.startswith(b"%PDF"), (status, kind)
        assert invoice["number"].encode() in attached_xml(pdf, tmp_path)
    finally:
        rpc_as(odoo_url, "admin", "res.users", "write", [user],
               {"active": False})
