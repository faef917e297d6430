"""Private data and the books, attacked as an outside client would: over
XML-RPC, with the demo logins and a hostile context, against a real server.

Each test is written from the side of the user who must be refused (then
checks the side who may): a coordinator of another KPA, a co-member, the
accountant. See DESIGN "Trust model" and kpa_cooperative's
``kpa.private.mixin``.
"""
import xmlrpc.client

import pytest

from conftest import rpc_admin, rpc_as, xmlrpc_as

# What a client may send: Odoo's own keys and the names of our guards.
HOSTILE = {"active_test": False, "kpa_trusted": True,
           "kpa_remuneration_internal": True, "kpa_cape_internal": True}
PERSON = ["kpa_birthdate", "kpa_age", "kpa_qpv_resident", "kpa_gender",
          "kpa_qpv_id", "kpa_residence_permit_end", "phone", "mobile",
          "email"]


def ref(url, xmlid):
    return rpc_admin(url, "ir.model.data", "xmlid_to_res_id", [xmlid])


def admin(url, model, method, *args, **kwargs):
    """The ORM as admin (to set up and check, never to attack)."""
    return rpc_as(url, "admin", model, method, *args, **kwargs)


def admin_read(url, model, ids, names):
    return admin(url, model, "read", ids, names,
                 context={"active_test": False})


def call(url, login, model, method, *args, **kwargs):
    kwargs.setdefault("context", HOSTILE)
    return xmlrpc_as(url, login, model, method, *args, **kwargs)


def refused(url, login, model, method, *args, **kwargs):
    """The fault string of a call that must fail."""
    with pytest.raises(xmlrpc.client.Fault) as error:
        call(url, login, model, method, *args, **kwargs)
    return error.value.faultString


@pytest.fixture(scope="module")
def demo(odoo_url):
    ids = {key: ref(odoo_url, "kpa_demo." + key) for key in (
        "partner_samir_haddad", "partner_ines_moreau", "user_samir",
        "kpa_la_cape", "kpa_moulins_coop", "followup_samir_1",
        "cape_samir_haddad", "remuneration_samir_haddad_20261123")}
    memberships = admin(odoo_url, "kpa.membership", "search_read", [
        ("partner_id", "in", [ids["partner_samir_haddad"],
                              ids["partner_ines_moreau"]]),
        ("kpa_id", "=", ids["kpa_la_cape"])], fields=["partner_id"])
    for membership in memberships:
        key = "samir" if membership["partner_id"][0] == \
            ids["partner_samir_haddad"] else "ines"
        ids["membership_" + key] = membership["id"]
    return ids


def test_other_kpa_coordinator_reads_no_private_field(odoo_url, demo):
    samir = demo["partner_samir_haddad"]
    truth = admin_read(odoo_url, "res.partner", [samir], PERSON)[0]
    assert truth["kpa_birthdate"] and truth["email"] and truth["mobile"]
    row = call(odoo_url, "thomas", "res.partner", "read", [samir],
               PERSON + ["name"])[0]
    assert row["name"] == "Samir Haddad"
    assert not any(row[name] for name in PERSON), row
    # search_read (the web client's lists) and the user behind the partner.
    rows = call(odoo_url, "thomas", "res.partner", "search_read",
                [("id", "=", samir)], PERSON)
    assert not any(rows[0][name] for name in PERSON)
    user = call(odoo_url, "thomas", "res.users", "read",
                [demo["user_samir"]], PERSON + ["login"])[0]
    assert not any(user[name] for name in PERSON + ["login"]), user


def test_other_kpa_coordinator_writes_no_private_field(odoo_url, demo):
    samir = demo["partner_samir_haddad"]
    before = admin_read(odoo_url, "res.partner", [samir], PERSON)[0]
    for values in ({"kpa_birthdate": "2000-01-01"},
                   {"kpa_qpv_resident": False}, {"kpa_gender": "other"},
                   {"kpa_qpv_id": False},
                   {"kpa_residence_permit_end": "2030-01-01"},
                   {"phone": "+33 1 00 00 00 00"},
                   {"mobile": "+33 6 00 00 00 00"},
                   # The first step to a password reset on his login.
                   {"email": "thomas@opteos.example"},
                   # A write accepted only when it guesses right would
                   # tell the value.
                   {"email": before["email"]}):
        message = refused(odoo_url, "thomas", "res.partner", "write",
                          [samir], values)
        assert "privées" in message or "private data" in message
    message = refused(odoo_url, "thomas", "res.users", "write",
                      [demo["user_samir"]], {"email": "x@example.org"})
    assert admin_read(odoo_url, "res.partner", [samir], PERSON)[0] == before


def test_other_kpa_coordinator_cannot_guess_private_data(odoo_url, demo):
    samir = demo["partner_samir_haddad"]
    truth = admin_read(odoo_url, "res.partner", [samir], PERSON)[0]
    for domain in ([("kpa_birthdate", "=", truth["kpa_birthdate"])],
                   [("email", "=", truth["email"])],
                   [("mobile", "=", truth["mobile"])],
                   ["!", ("kpa_birthdate", "!=", truth["kpa_birthdate"])],
                   [("kpa_membership_ids.qpv_resident", "=", True)],
                   [("user_ids.login", "=", "samir")]):
        found = call(odoo_url, "thomas", "res.partner", "search",
                     [("id", "=", samir)] + domain)
        assert found == [] or "!" in domain, domain
    # Both a filter and its negation leave him out, or both keep him in:
    # nothing to learn either way.
    positive = call(odoo_url, "thomas", "res.partner", "search_count",
                    [("id", "=", samir),
                     ("kpa_qpv_resident", "=", True)])
    negative = call(odoo_url, "thomas", "res.partner", "search_count",
                    [("id", "=", samir),
                     ("kpa_qpv_resident", "!=", True)])
    assert positive == negative == 0
    groups = call(odoo_url, "thomas", "res.partner", "read_group",
                  [("id", "=", samir)], ["kpa_qpv_resident"],
                  ["kpa_qpv_resident"])
    assert sum(group["kpa_qpv_resident_count"] for group in groups) == 0
    # Odoo's partner search matches emails; show_email shows them.
    assert call(odoo_url, "thomas", "res.partner", "name_search",
                truth["email"]) == []
    names = call(odoo_url, "thomas", "res.partner", "name_get", [samir],
                 context=dict(HOSTILE, show_email=True))
    assert truth["email"] not in names[0][1]
    # Neither an export nor a copy carries them out.
    message = refused(odoo_url, "thomas", "res.partner", "export_data",
                      [samir], ["name", "email"])
    assert "Export" in message
    copy = call(odoo_url, "thomas", "res.partner", "copy", samir,
                {"name": "Copie de Samir"})
    copied = admin_read(odoo_url, "res.partner", [copy], PERSON)[0]
    admin(odoo_url, "res.partner", "unlink", [copy])
    assert not copied["email"] and not copied["kpa_birthdate"], copied
    # Found by name, as any client would find a client company.
    assert samir in [row[0] for row in call(
        odoo_url, "thomas", "res.partner", "name_search", "Samir Haddad")]


def test_own_coordinator_sees_and_changes_private_data(odoo_url, demo):
    samir = demo["partner_samir_haddad"]
    truth = admin_read(odoo_url, "res.partner", [samir], PERSON)[0]
    row = call(odoo_url, "nadia", "res.partner", "read", [samir], PERSON)[0]
    assert row == truth
    assert call(odoo_url, "nadia", "res.partner", "search",
                [("kpa_birthdate", "=", truth["kpa_birthdate"])]) == [samir]
    call(odoo_url, "nadia", "res.partner", "write", [samir],
         {"mobile": "+33 6 11 11 11 11"})
    try:
        assert admin_read(odoo_url, "res.partner", [samir],
                          ["mobile"])[0]["mobile"] == "+33 6 11 11 11 11"
    finally:
        admin(odoo_url, "res.partner", "write", [samir],
              {"mobile": truth["mobile"]})
    # The person reads their own; the CAE reads everyone's.
    own = call(odoo_url, "samir", "res.users", "read", [demo["user_samir"]],
               ["email", "kpa_birthdate"])[0]
    assert own["email"] == truth["email"] and own["kpa_birthdate"]
    assert call(odoo_url, "olivier", "res.partner", "read", [samir],
                PERSON)[0] == truth


def test_accountant_reads_contact_not_social_data(odoo_url, demo):
    samir = demo["partner_samir_haddad"]
    row = call(odoo_url, "claire", "res.partner", "read", [samir],
               PERSON)[0]
    assert row["email"] and row["mobile"]
    assert not (row["kpa_birthdate"] or row["kpa_qpv_resident"]
                or row["kpa_age"] or row["kpa_qpv_id"])
    assert row["kpa_gender"] is False
    refused(odoo_url, "claire", "res.partner", "write", [samir],
            {"email": "claire@opteos.example"})


def test_co_member_reads_no_private_membership_field(odoo_url, demo):
    names = ["email", "phone", "qpv_resident", "age_band", "note"]
    ines = call(odoo_url, "samir", "kpa.membership", "read",
                [demo["membership_ines"]], names + ["partner_id"])[0]
    assert ines["partner_id"][1] == "Inès Moreau"
    assert not any(ines[name] for name in names), ines
    own = call(odoo_url, "samir", "kpa.membership", "read",
               [demo["membership_samir"]], names)[0]
    assert own["email"] and own["age_band"]
    # Filtering by QPV or age band finds only himself.
    for domain in ([("qpv_resident", "=", True)],
                   [("age_band", "!=", False)],
                   [("email", "ilike", "@")],
                   [("partner_id.kpa_birthdate", "!=", False)]):
        found = call(odoo_url, "samir", "kpa.membership", "search", domain)
        assert found == [demo["membership_samir"]], domain
    groups = call(odoo_url, "samir", "kpa.membership", "read_group", [],
                  ["qpv_resident"], ["qpv_resident"])
    assert sum(group["qpv_resident_count"] for group in groups) == 1
    # The onchange of a new membership computes the related fields too.
    answer = call(odoo_url, "thomas", "kpa.membership", "onchange", [],
                  {"partner_id": demo["partner_samir_haddad"],
                   "kpa_id": demo["kpa_moulins_coop"], "email": False,
                   "phone": False, "qpv_resident": False}, "partner_id",
                  {"partner_id": "1", "kpa_id": "", "email": "",
                   "phone": "", "qpv_resident": ""})
    assert not any(answer["value"].get(name)
                   for name in ("email", "phone", "qpv_resident")), answer
    # The coordinator of the KPA sees them.
    row = call(odoo_url, "nadia", "kpa.membership", "read",
               [demo["membership_ines"]], names)[0]
    assert row["email"] and row["phone"]


def test_declaration_comment_author_and_coordinators_only(odoo_url, demo):
    declaration = demo["remuneration_samir_haddad_20261123"]
    truth = admin_read(odoo_url, "kpa.remuneration.declaration",
                       [declaration], ["comment"])[0]["comment"]
    assert truth
    row = call(odoo_url, "claire", "kpa.remuneration.declaration", "read",
               [declaration], ["comment", "amount_net"])[0]
    assert row["comment"] is False and row["amount_net"]
    assert call(odoo_url, "claire", "kpa.remuneration.declaration",
                "search", [("id", "=", declaration),
                           ("comment", "ilike", truth[:6])]) == []
    # A co-member: refused by the record rule, or shown without it.
    try:
        rows = call(odoo_url, "ines", "kpa.remuneration.declaration",
                    "read", [declaration], ["comment"])
    except xmlrpc.client.Fault:
        rows = []
    assert all(not row["comment"] for row in rows)
    for login in ("samir", "nadia", "olivier"):
        assert call(odoo_url, login, "kpa.remuneration.declaration",
                    "read", [declaration], ["comment"])[0]["comment"] \
            == truth, login


def test_follow_ups_and_benefits_stay_with_coaches(odoo_url, demo):
    followup = demo["followup_samir_1"]
    for login in ("thomas", "claire", "samir", "ines"):
        refused(odoo_url, login, "kpa.followup", "read", [followup],
                ["notes"])
    assert call(odoo_url, "thomas", "kpa.followup", "search",
                [("partner_ids", "in", [demo["partner_samir_haddad"]])]) \
        == []
    for login in ("claire", "samir"):
        refused(odoo_url, login, "kpa.followup", "search", [])
    assert call(odoo_url, "nadia", "kpa.followup", "read", [followup],
                ["notes"])
    cape = demo["cape_samir_haddad"]
    for login in ("thomas", "claire", "ines"):
        refused(odoo_url, login, "hr.contract", "read", [cape],
                ["kpa_benefit_ids", "kpa_months"])
    assert "kpa_benefit_ids" in call(odoo_url, "samir", "hr.contract",
                                     "read", [cape], ["kpa_benefit_ids"])[0]


def test_coordinator_lists_no_other_kpa_members_contact(odoo_url, demo):
    la_cape = admin(odoo_url, "kpa.membership", "search_read",
                    [("kpa_id", "=", demo["kpa_la_cape"])],
                    fields=["partner_id"])
    partners = {row["partner_id"][0] for row in la_cape}
    # Employés: none of La Cape's members.
    theirs = admin(odoo_url, "hr.employee", "search",
                   [("address_home_id", "in", list(partners))])
    assert theirs
    employees = call(odoo_url, "thomas", "hr.employee", "search_read", [],
                     ["name", "work_email", "mobile_phone"])
    assert employees, "the CAE's staff"
    assert not {row["id"] for row in employees} & set(theirs)
    refused(odoo_url, "thomas", "hr.employee", "read", theirs[:1],
            ["work_email"])
    # Clients: names, never email nor phone.
    rows = call(odoo_url, "thomas", "res.partner", "search_read",
                [("id", "in", list(partners))], ["email", "phone", "mobile"])
    assert rows and not any(row["email"] or row["phone"] or row["mobile"]
                            for row in rows)
    mine = call(odoo_url, "nadia", "hr.employee", "read", theirs,
                ["work_email"])
    assert all(row["work_email"] for row in mine)


def test_coordinator_reads_only_own_kpas_books(odoo_url, demo):
    kpas = admin(odoo_url, "kpa.cooperative", "read",
                 [demo["kpa_la_cape"], demo["kpa_moulins_coop"]],
                 ["journal_id", "analytic_account_id"])
    la_cape, moulins = kpas
    pay = admin(odoo_url, "account.move", "search",
                [("ref", "=like", "La Cape - %")])
    assert pay
    # The pay entry of La Cape, by URL or by any search.
    refused(odoo_url, "thomas", "account.move", "read", pay[:1], ["ref"])
    moves = call(odoo_url, "thomas", "account.move", "search", [])
    assert not set(moves) & set(pay)
    assert not call(odoo_url, "thomas", "account.move", "search",
                    [("journal_id", "=", la_cape["journal_id"][0])])
    lines = call(odoo_url, "thomas", "account.move.line", "search_read",
                 [], ["partner_id", "move_id", "analytic_account_id"])
    assert lines, "Moulins Coop's own lines"
    assert not [line for line in lines if line["move_id"][0] in pay]
    assert not [line for line in lines if line["analytic_account_id"]
                and line["analytic_account_id"][0]
                == la_cape["analytic_account_id"][0]]
    analytic = call(odoo_url, "thomas", "account.analytic.line", "search",
                    [("account_id", "=", la_cape["analytic_account_id"][0])])
    assert analytic == []
    # Facturation > Paiements: La Cape's client payment is not his.
    la_cape_payments = admin(odoo_url, "account.payment", "search", [
        ("invoice_ids.kpa_id", "=", demo["kpa_la_cape"])])
    assert la_cape_payments
    payments = call(odoo_url, "thomas", "account.payment", "search", [])
    assert not set(payments) & set(la_cape_payments)
    refused(odoo_url, "thomas", "account.payment", "read",
            la_cape_payments[:1], ["amount"])
    # Nadia sees La Cape's; the accountant and the CAE see all.
    assert call(odoo_url, "nadia", "account.move", "read", pay[:1],
                ["ref"])[0]["ref"].startswith("La Cape")
    assert set(la_cape_payments) <= set(call(
        odoo_url, "nadia", "account.payment", "search", []))
    for login in ("claire", "olivier"):
        assert set(pay) <= set(call(odoo_url, login, "account.move",
                                    "search", [])), login
    moulins_moves = call(odoo_url, "thomas", "account.move", "search",
                         [("journal_id", "=", moulins["journal_id"][0])])
    assert moulins_moves


def test_only_the_cae_changes_kpa_settings(odoo_url, demo):
    la_cape = demo["kpa_la_cape"]
    names = ["code", "contribution_rate", "reserve_rate", "coordinator_ids",
             "carrier_partner_id", "active", "name"]
    before = admin_read(odoo_url, "kpa.cooperative", [la_cape], names)[0]
    thomas = ref(odoo_url, "kpa_demo.user_thomas")
    for values in ({"contribution_rate": 0.0}, {"reserve_rate": 0.0},
                   {"code": "CAPX"}, {"active": False},
                   {"coordinator_ids": [(4, thomas)]}):
        message = refused(odoo_url, "nadia", "kpa.cooperative", "write",
                          [la_cape], values)
        # (the code is also refused for being the invoices' prefix)
        assert "CAE" in message or "code" in values, message
    assert admin_read(odoo_url, "kpa.cooperative", [la_cape],
                      names)[0] == before
    # Nor at creation: a coordinator's new KPA has the CAE's rates.
    refused(odoo_url, "nadia", "kpa.cooperative", "create",
            {"name": "Nouvelle KPA", "code": "NOUV",
             "contribution_rate": 0.0})
    # Nor the CAE's pay rates and accounts (res.company).
    company = admin(odoo_url, "res.users", "read", [thomas],
                    ["company_id"])[0]["company_id"][0]
    for login in ("nadia", "thomas", "claire"):
        refused(odoo_url, login, "res.company", "write", [company],
                {"kpa_employee_rate": 0.0})
    # What she runs day to day stays hers; the CAE changes the rates.
    call(odoo_url, "nadia", "kpa.cooperative", "write", [la_cape],
         {"name": before["name"],
          "contribution_rate": before["contribution_rate"]})
    call(odoo_url, "olivier", "kpa.cooperative", "write", [la_cape],
         {"contribution_rate": 0.12})
    admin(odoo_url, "kpa.cooperative", "write", [la_cape],
          {"contribution_rate": before["contribution_rate"]})


# What a prestation sells (kpa.prestation.line) --------------------------
def _lines_of(url, kpa_xmlid):
    kpa = ref(url, "kpa_demo." + kpa_xmlid)
    return admin(url, "kpa.prestation.line", "search_read",
                 [("task_id.kpa_id", "=", kpa)],
                 fields=["price_unit", "task_id"])


def test_another_kpas_coordinator_cannot_read_or_reprice_its_lines(
        odoo_url):
    lines = _lines_of(odoo_url, "kpa_la_cape")
    assert lines
    ids = [line["id"] for line in lines]
    # Thomas coordinates Moulins Coop only.
    assert call(odoo_url, "thomas", "kpa.prestation.line", "search",
                [("id", "in", ids)]) == []
    assert "kpa.prestation.line" in refused(
        odoo_url, "thomas", "kpa.prestation.line", "read", ids[:1],
        ["price_unit"])
    refused(odoo_url, "thomas", "kpa.prestation.line", "write", ids[:1],
            {"price_unit": 1.0})
    # Nor move one of his KPA's lines into La Cape's prestation.
    moulins = _lines_of(odoo_url, "kpa_moulins_coop")
    refused(odoo_url, "thomas", "kpa.prestation.line", "write",
            [moulins[0]["id"]], {"task_id": lines[0]["task_id"][0]})
    after = admin_read(odoo_url, "kpa.prestation.line", ids[:1],
                       ["price_unit"])[0]
    assert after["price_unit"] == lines[0]["price_unit"]
    # Nadia, La Cape's coordinator, may.
    assert len(call(odoo_url, "nadia", "kpa.prestation.line", "read", ids,
                    ["price_unit"])) == len(ids)


def test_a_referent_member_reads_the_price_but_cannot_change_it(odoo_url):
    samir = ref(odoo_url, "kpa_demo.partner_samir_haddad")
    mine = admin(odoo_url, "kpa.prestation.line", "search_read",
                 [("task_id.kpa_referent_ids", "in", [samir])],
                 fields=["price_unit"])
    assert mine
    assert call(odoo_url, "samir", "kpa.prestation.line", "read",
                [mine[0]["id"]], ["price_unit"])[0]["price_unit"] == \
        mine[0]["price_unit"]
    refused(odoo_url, "samir", "kpa.prestation.line", "write",
            [mine[0]["id"]], {"price_unit": 0.0})
    refused(odoo_url, "samir", "kpa.prestation.line", "create", {
        "task_id": admin_read(odoo_url, "kpa.prestation.line",
                              [mine[0]["id"]], ["task_id"])[0]["task_id"][0],
        "product_id": ref(odoo_url, "kpa_cooperative.product_kpa_service"),
        "name": "Extra", "price_unit": 500.0})
    # Moulins Coop's lines stay out of his sight.
    others = [line["id"] for line in _lines_of(odoo_url, "kpa_moulins_coop")]
    assert call(odoo_url, "samir", "kpa.prestation.line", "search",
                [("id", "in", others)]) == []


def test_a_member_cannot_switch_off_the_vat_of_the_products(odoo_url):
    """Taxes and the debit option are the CAE's: a member or a coordinator
    sending any context changes neither."""
    product = ref(odoo_url, "kpa_cooperative.product_kpa_catering_onsite")
    before = admin_read(odoo_url, "product.product", [product],
                        ["taxes_id"])[0]["taxes_id"]
    for login in ("samir", "nadia"):
        refused(odoo_url, login, "product.product", "write", [product],
                {"taxes_id": [(6, 0, [])]})
        refused(odoo_url, login, "res.company", "write",
                [ref(odoo_url, "base.main_company")],
                {"kpa_vat_on_debits": True})
    assert admin_read(odoo_url, "product.product", [product],
                      ["taxes_id"])[0]["taxes_id"] == before
