"""Members' IBANs over XML-RPC and HTTP, from the side of those refused: a
co-member or a coordinator never reads a whole IBAN, only its last four
digits; the CAE manager and the accountant read it. /my/bank refuses a
wrong IBAN with a clear message and stores nothing."""
import re

from conftest import rpc_admin, xmlrpc_as
from test_bad_input import portal_session
from test_rpc_attacks import ref, refused

TOKEN = re.compile(r'name="kpa_form_token" value="([^"]+)"')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _samir_account(url):
    samir = ref(url, "kpa_demo.partner_samir_haddad")
    bank = rpc_admin(url, "res.partner", "read", [samir],
                     fields=["kpa_bank_id"])[0]["kpa_bank_id"]
    assert bank, "the demo gives Samir an IBAN"
    number = rpc_admin(url, "res.partner.bank", "read", [bank[0]],
                       fields=["sanitized_acc_number"])[0][
                           "sanitized_acc_number"]
    return samir, bank[0], number


def test_only_the_cae_and_the_accountant_read_an_iban(odoo_url):
    samir, bank, number = _samir_account(odoo_url)
    for login in ("olivier", "claire"):
        rows = xmlrpc_as(odoo_url, login, "res.partner.bank", "read",
                         [bank], ["acc_number"])
        assert rows[0]["acc_number"].replace(" ", "") == number
    for login in ("nadia", "thomas", "ines"):
        refused(odoo_url, login, "res.partner.bank", "read", [bank],
                ["acc_number"])
        refused(odoo_url, login, "res.partner.bank", "read", [bank],
                ["sanitized_acc_number"])
        refused(odoo_url, login, "res.partner.bank", "write", [bank],
                {"acc_number": "FR7630006000011234567890189"})
        assert xmlrpc_as(odoo_url, login, "res.partner.bank", "search",
                         [("sanitized_acc_number", "=", number)]) == []
        assert xmlrpc_as(odoo_url, login, "res.partner.bank", "search",
                         [("partner_id", "=", samir)]) == []
    # Through Samir's partner: the pay-out account is not readable, the
    # bank accounts are filtered out.
    refused(odoo_url, "nadia", "res.partner", "read", [samir],
            ["kpa_bank_id"])
    rows = xmlrpc_as(odoo_url, "nadia", "res.partner", "read", [samir],
                     ["bank_ids"])
    assert rows[0]["bank_ids"] == []
    # The name Odoo gives the account (any many2one pointing to it) is its
    # last four digits.
    name = rpc_admin(odoo_url, "res.partner.bank", "name_get", [bank])[0][1]
    assert number[:-4] not in name.replace(" ", "")
    assert number[-4:] in name


def test_no_full_iban_in_the_pages_of_others(odoo_url):
    _samir, _bank, number = _samir_account(odoo_url)
    for login in ("ines", "nadia"):
        http = portal_session(odoo_url, login)
        for path in ("/my/home", "/my/declarations", "/my/bank"):
            page = http.get(odoo_url + path, timeout=60)
            assert page.status_code == 200, path
            assert number not in page.text.replace(" ", ""), path
            assert number[4:-4] not in page.text.replace(" ", ""), path


def test_samir_sees_where_his_pay_went(odoo_url):
    _samir, _bank, number = _samir_account(odoo_url)
    http = portal_session(odoo_url, "samir")
    page = http.get(odoo_url + "/my/declarations", timeout=60).text
    assert "Payé le" in page
    assert "\u2026" + number[-4:] in page
    bank_page = http.get(odoo_url + "/my/bank", timeout=60).text
    assert "\u2026" + number[-4:] in bank_page
    assert number[4:-4] not in bank_page.replace(" ", "")


def _post_bank(http, url, iban, holder):
    form = http.get(url + "/my/bank", timeout=60).text
    return http.post(url + "/my/bank", data={
        "csrf_token": CSRF.search(form).group(1),
        "kpa_form_token": TOKEN.search(form).group(1),
        "iban": iban, "holder": holder}, timeout=60)


def test_wrong_iban_is_refused_and_nothing_stored(odoo_url):
    _samir, bank, number = _samir_account(odoo_url)
    before = rpc_admin(odoo_url, "res.partner.bank", "search_count", [])
    http = portal_session(odoo_url, "samir")
    for iban in ("FR7630006000011234567890188", "FR76", "<script>",
                 "X" * 500):
        response = _post_bank(http, odoo_url, iban, "Samir Haddad")
        assert response.status_code == 200
        assert "IBAN" in response.text and "alert-danger" in response.text
        assert "Traceback" not in response.text
    response = _post_bank(http, odoo_url, "FR7630006000011234567890189", "")
    assert "Écrivez le nom du titulaire" in response.text
    assert rpc_admin(odoo_url, "res.partner.bank", "search_count",
                     []) == before
    assert _samir_account(odoo_url)[1:] == (bank, number)


def test_changing_the_iban_tells_the_address_known_before(odoo_url):
    ines = ref(odoo_url, "kpa_demo.partner_ines_moreau")
    old = rpc_admin(odoo_url, "res.partner", "read", [ines],
                    fields=["kpa_bank_id"])[0]["kpa_bank_id"][0]
    old_number = rpc_admin(odoo_url, "res.partner.bank", "read", [old],
                           fields=["acc_number"])[0]["acc_number"]
    mails = rpc_admin(odoo_url, "mail.mail", "search_count", [])
    http = portal_session(odoo_url, "ines")
    response = _post_bank(http, odoo_url, "FR76 3000 4000 0312 3456 7890 143",
                          "Inès Moreau")
    assert "Enregistré" in response.text
    assert "\u20260143" in response.text
    new = rpc_admin(odoo_url, "res.partner", "read", [ines],
                    fields=["kpa_bank_id"])[0]["kpa_bank_id"][0]
    assert new != old
    assert rpc_admin(odoo_url, "mail.mail", "search_count", []) == mails + 1
    logs = rpc_admin(odoo_url, "auditlog.log", "search_count", [
        ("model_id.model", "=", "res.partner.bank"), ("res_id", "=", new),
        ("user_id.login", "=", "ines")])
    assert logs == 1
    # Back to the first account: the same record again.
    _post_bank(http, odoo_url, old_number, "Inès Moreau")
    assert rpc_admin(odoo_url, "res.partner", "read", [ines],
                     fields=["kpa_bank_id"])[0]["kpa_bank_id"][0] == old
