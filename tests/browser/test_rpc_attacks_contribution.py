"""The CAE contribution entries (issue 20) over real XML-RPC: booked by the
client payments only. A coordinator, a member and the accountant, each
with the context keys a client can send, cannot create one, change one,
reverse or delete it; the books of La Cape still say what its pot says."""
from decimal import Decimal

import pytest

from conftest import login, rpc_admin
from test_rpc_attacks import count, read, ref, refused

LOGINS = ["nadia", "samir", "claire"]


@pytest.fixture(scope="module")
def books(odoo_url):
    url = odoo_url
    la_cape = ref(url, "kpa_demo.kpa_la_cape")
    entries = rpc_admin(url, "account.move", "search", [
        ("kpa_contribution_kpa_id", "=", la_cape)], order="date, id")
    assert entries, "the demo's payments book La Cape's contribution"
    company = rpc_admin(url, "kpa.cooperative", "read", [la_cape],
                        fields=["company_id"])[0]["company_id"][0]
    journal = rpc_admin(url, "res.company", "read", [company],
                        fields=["kpa_contribution_journal_id"])[0][
        "kpa_contribution_journal_id"][0]
    entry = read(url, "account.move", entries[-1],
                 ["line_ids", "ref", "kpa_contribution_amount", "date"])
    return {"la_cape": la_cape, "entries": entries, "entry": entry,
            "journal": journal, "lines": entry["line_ids"]}


def _lines_like(url, line_ids):
    lines = rpc_admin(url, "account.move.line", "read", line_ids,
                      fields=["account_id", "debit", "credit"])
    return [(0, 0, {"account_id": line["account_id"][0], "name": "Moi",
                    "debit": line["debit"], "credit": line["credit"]})
            for line in lines]


def _state(url, books):
    return (count(url, "account.move", [
        ("kpa_contribution_kpa_id", "!=", False)]),
        read(url, "account.move", books["entry"]["id"],
             ["ref", "kpa_contribution_amount", "state", "line_ids"]))


@pytest.mark.parametrize("login", LOGINS)
def test_nobody_books_a_contribution_by_hand(odoo_url, books, login):
    before = _state(odoo_url, books)
    lines = _lines_like(odoo_url, books["lines"])
    refused(odoo_url, login, "account.move", "create", {
        "journal_id": books["journal"], "ref": "Contribution", "line_ids":
        lines})
    misc = rpc_admin(odoo_url, "account.journal", "search", [
        ("type", "=", "general"), ("id", "!=", books["journal"])], limit=1)
    refused(odoo_url, login, "account.move", "create", {
        "journal_id": misc[0], "ref": "Contribution", "line_ids": lines,
        "kpa_contribution_kpa_id": books["la_cape"],
        "kpa_contribution_amount": 1000.0})
    refused(odoo_url, login, "account.move", "copy", [books["entry"]["id"]])
    assert _state(odoo_url, books) == before


@pytest.mark.parametrize("login", LOGINS)
def test_nobody_changes_or_undoes_a_contribution(odoo_url, books, login):
    entry = books["entry"]["id"]
    before = _state(odoo_url, books)
    for values in ({"ref": "Autre"}, {"kpa_contribution_amount": 0.0},
                   {"kpa_contribution_kpa_id": False},
                   {"kpa_partial_reconcile_id": False}):
        refused(odoo_url, login, "account.move", "write", [entry], values)
    refused(odoo_url, login, "account.move.line", "write",
            books["lines"][:1], {"analytic_account_id": False})
    for method in ("reverse_moves", "button_cancel", "unlink"):
        refused(odoo_url, login, "account.move", method, [entry])
    refused(odoo_url, login, "account.move.line", "unlink",
            books["lines"][:1])
    assert _state(odoo_url, books) == before


def test_la_cape_books_say_what_its_pot_says(odoo_url, books):
    """Up to the Sunday of its last validated week, the contribution and
    the reserve booked for La Cape are the pot's of that week, to the
    cent."""
    week = rpc_admin(odoo_url, "kpa.remuneration.period", "search_read", [
        ("kpa_id", "=", books["la_cape"]), ("state", "=", "validated")],
        fields=["date_end", "amount_contribution", "amount_reserve"],
        order="date_start desc", limit=1)[0]
    entries = rpc_admin(odoo_url, "account.move", "search_read", [
        ("kpa_contribution_kpa_id", "=", books["la_cape"]),
        ("state", "=", "posted"), ("date", "<=", week["date_end"])],
        fields=["kpa_contribution_amount", "kpa_reserve_amount"])

    def total(name):
        return sum(Decimal(str(entry[name])) for entry in entries)
    assert total("kpa_contribution_amount") == Decimal(
        str(week["amount_contribution"])).quantize(Decimal("0.01"))
    assert total("kpa_reserve_amount") == Decimal(
        str(week["amount_reserve"])).quantize(Decimal("0.01"))


def test_the_accountant_finds_the_contribution_entries(desktop, odoo_url):
    """In French, under her Comptabilité menu; no "reverse" button on an
    entry undone with its payment only."""
    login(desktop, odoo_url, "claire")
    desktop.goto(odoo_url + "/web#action="
                 "kpa_cooperative.account_move_action_contribution")
    desktop.reload()
    desktop.wait_for_selector(".o_list_view")
    assert "Pièces de contribution" in desktop.inner_text(".breadcrumb")
    rows = desktop.inner_text(".o_list_view")
    assert "Contribution à la CAE et réserve de La Cape" in rows, rows
    desktop.click(".o_list_view tbody tr.o_data_row >> nth=0")
    desktop.wait_for_selector(".o_form_view")
    form = desktop.inner_text(".o_form_view")
    assert "Contribution du KPA" in form, form
    # Odoo's "Écriture d'extourne" button is hidden on it.
    assert desktop.locator(
        ".o_form_statusbar button:visible", has_text="extourne").count() \
        == 0
    pay = rpc_admin(odoo_url, "account.move", "search", [
        ("kpa_contribution_kpa_id", "=", False), ("state", "=", "posted")],
        limit=1)[0]
    desktop.goto(odoo_url + "/web#model=account.move&view_type=form&id=%d"
                 % pay)
    desktop.reload()
    desktop.wait_for_selector(".o_form_view")
    desktop.wait_for_timeout(500)
    # ... but not on other entries.
    assert desktop.locator(
        ".o_form_statusbar button:visible", has_text="extourne").count() \
        == 1
