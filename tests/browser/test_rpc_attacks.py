"""What a hostile client tries over XML-RPC against the real server, as each
demo login: context keys that used to switch the guards off, protected
fields, records moved across KPAs, someone else's vote, wizards, Odoo's own
buttons around the pay entry. Each attack is refused and changes nothing.

Every call sends the context keys the old guards trusted, plus the new
mechanism's key with a value a client can send (it needs a Python object).
"""
import xmlrpc.client

import pytest

from conftest import rpc_admin, rpc_as, xmlrpc_as

HOSTILE = {"kpa_remuneration_internal": True, "kpa_decision_closing": True,
           "kpa_cape_internal": True, "kpa_charter_amending": True,
           "kpa_trusted": True, "tracking_disable": True}


def ref(url, xmlid):
    return rpc_admin(url, "ir.model.data", "xmlid_to_res_id", [xmlid])


def read(url, model, record_id, fields):
    return rpc_admin(url, model, "read", [record_id], fields=fields)[0]


def refused(url, login, model, method, *args, **kwargs):
    """Call as ``login`` with the hostile context: the server must refuse
    with a message (a Fault), never a success."""
    kwargs.setdefault("context", HOSTILE)
    with pytest.raises(xmlrpc.client.Fault) as fault:
        xmlrpc_as(url, login, model, method, *args, **kwargs)
    # A refusal says why, in words: not a crash.
    assert "Traceback" not in fault.value.faultString.splitlines()[-1]
    return fault.value.faultString


@pytest.fixture(scope="module")
def demo(odoo_url):
    url = odoo_url
    la_cape = ref(url, "kpa_demo.kpa_la_cape")
    moulins = ref(url, "kpa_demo.kpa_moulins_coop")
    validated = rpc_admin(url, "kpa.remuneration.period", "search", [
        ("kpa_id", "=", la_cape), ("state", "=", "validated")], limit=1)[0]
    open_week = rpc_admin(url, "kpa.remuneration.period", "search", [
        ("kpa_id", "=", la_cape), ("state", "=", "open")], limit=1)[0]
    moulins_week = rpc_admin(url, "kpa.remuneration.period", "search", [
        ("kpa_id", "=", moulins)], limit=1)[0]
    closed = rpc_admin(url, "kpa.decision", "search", [
        ("kpa_id", "=", la_cape), ("state", "=", "closed")], limit=1)[0]
    opened = rpc_admin(url, "kpa.decision", "search", [
        ("kpa_id", "=", la_cape), ("state", "=", "open")], limit=1)[0]
    charter = rpc_admin(url, "kpa.charter", "search", [
        ("kpa_id", "=", la_cape), ("state", "=", "current")], limit=1)[0]
    return {
        "la_cape": la_cape, "moulins": moulins, "validated": validated,
        "open_week": open_week, "moulins_week": moulins_week,
        "closed": closed, "opened": opened, "charter": charter,
        "samir": ref(url, "kpa_demo.partner_samir_haddad"),
        "ines": ref(url, "kpa_demo.partner_ines_moreau"),
        "cape_samir": ref(url, "kpa_demo.cape_samir_haddad"),
        "logbook": ref(url, "kpa_demo.logbook_1"),
    }


def count(url, model, domain):
    return rpc_admin(url, model, "search_count", domain)


# -- pay ---------------------------------------------------------------
def test_member_cannot_create_validated_pay(odoo_url, demo):
    domain = [("partner_id", "=", demo["samir"])]
    before = count(odoo_url, "kpa.remuneration.declaration", domain)
    refused(odoo_url, "samir", "kpa.remuneration.declaration", "create", {
        "period_id": demo["open_week"], "partner_id": demo["samir"],
        "amount_net": 99999, "state": "validated"})
    assert count(odoo_url, "kpa.remuneration.declaration", domain) == before


def test_member_cannot_validate_own_declaration(odoo_url, demo):
    declaration = rpc_admin(odoo_url, "kpa.remuneration.declaration",
                            "search", [("partner_id", "=", demo["samir"]),
                                       ("state", "!=", "validated")],
                            limit=1)
    if not declaration:
        declaration = [xmlrpc_as(
            odoo_url, "samir", "kpa.remuneration.declaration", "create", {
                "period_id": demo["open_week"],
                "partner_id": demo["samir"], "amount_net": 1})]
    for values in ({"state": "validated"}, {"contract_id": False},
                   {"period_id": demo["validated"]},
                   {"partner_id": demo["ines"]}):
        refused(odoo_url, "samir", "kpa.remuneration.declaration", "write",
                declaration, values)
    assert read(odoo_url, "kpa.remuneration.declaration", declaration[0],
                ["state"])["state"] != "validated"


def test_member_cannot_declare_for_someone_else(odoo_url, demo):
    domain = [("partner_id", "=", demo["ines"]),
              ("period_id", "=", demo["open_week"])]
    before = count(odoo_url, "kpa.remuneration.declaration", domain)
    refused(odoo_url, "samir", "kpa.remuneration.declaration", "create", {
        "period_id": demo["open_week"], "partner_id": demo["ines"],
        "amount_net": 10})
    assert count(odoo_url, "kpa.remuneration.declaration", domain) == before


@pytest.mark.parametrize("login", ["nadia", "thomas", "claire"])
def test_nobody_reopens_a_validated_week_by_writing(odoo_url, demo, login):
    week = demo["validated"]
    before = read(odoo_url, "kpa.remuneration.period", week,
                  ["state", "move_id", "amount_available"])
    for values in ({"state": "open"}, {"move_id": False},
                   {"frozen_available": 999999.0}, {"pot_frozen": False},
                   {"kpa_id": demo["moulins"]}):
        refused(odoo_url, login, "kpa.remuneration.period", "write",
                [week], values)
    refused(odoo_url, login, "kpa.remuneration.period", "unlink", [week])
    assert read(odoo_url, "kpa.remuneration.period", week,
                ["state", "move_id", "amount_available"]) == before


def test_only_the_cae_undoes_a_week(odoo_url, demo):
    for login in ("nadia", "thomas", "claire", "samir"):
        refused(odoo_url, login, "kpa.remuneration.period",
                "action_undo_validation", [demo["validated"]])
    assert read(odoo_url, "kpa.remuneration.period", demo["validated"],
                ["state"])["state"] == "validated"


@pytest.mark.parametrize("login", ["nadia", "thomas", "admin"])
def test_pay_entry_is_not_reversed_behind_the_week(odoo_url, demo, login):
    """Odoo's own "reverse" and "cancel" buttons would leave the week
    validated with no entry behind it: refused for everyone, admin too."""
    move = read(odoo_url, "kpa.remuneration.period", demo["validated"],
                ["move_id"])["move_id"][0]
    moves = count(odoo_url, "account.move", [])
    refused(odoo_url, login, "account.move", "reverse_moves", [move])
    refused(odoo_url, login, "account.move", "button_cancel", [move])
    refused(odoo_url, login, "account.move", "unlink", [move])
    # The "Écriture d'extourne" wizard of the web client.
    context = dict(HOSTILE, active_ids=[move], active_model="account.move")
    wizard = xmlrpc_as(odoo_url, login, "account.move.reversal", "create",
                       {"date": "2026-12-01"}, context=context)
    refused(odoo_url, login, "account.move.reversal", "reverse_moves",
            [wizard], context=context)
    assert read(odoo_url, "account.move", move, ["state"])["state"] \
        == "posted"
    assert count(odoo_url, "account.move", []) == moves


def test_validated_week_keeps_its_figures(odoo_url, demo):
    """What was decided stays as decided: the figures a week was validated
    with are stored with it."""
    week = read(odoo_url, "kpa.remuneration.period", demo["validated"],
                ["pot_frozen", "frozen_available", "amount_available"])
    assert week["pot_frozen"]
    assert week["amount_available"] == week["frozen_available"]


# -- the weekly session (a wizard has no record rules) -------------------
@pytest.mark.parametrize("login,kpa", [
    ("samir", "la_cape"), ("thomas", "la_cape"), ("claire", "la_cape"),
    ("nadia", "moulins")])
def test_session_wizard_refused_outside_ones_kpas(odoo_url, demo,
                                                  login, kpa):
    refused(odoo_url, login, "kpa.remuneration.wizard", "create", {
        "kpa_id": demo[kpa], "date": "2026-11-23"})


def test_session_wizard_cannot_point_at_another_week(odoo_url, demo):
    wizard = xmlrpc_as(odoo_url, "nadia", "kpa.remuneration.wizard",
                       "create", {"kpa_id": demo["la_cape"],
                                  "date": "2026-11-23"})
    refused(odoo_url, "nadia", "kpa.remuneration.wizard", "write", [wizard],
            {"period_id": demo["moulins_week"]})
    refused(odoo_url, "nadia", "kpa.remuneration.wizard", "write", [wizard],
            {"kpa_id": demo["moulins"]})
    period = xmlrpc_as(odoo_url, "nadia", "kpa.remuneration.wizard", "read",
                       [wizard], ["period_id"])[0]["period_id"][0]
    assert period != demo["moulins_week"]
    refused(odoo_url, "samir", "kpa.remuneration.wizard", "read", [wizard],
            ["line_ids", "pot_explanation"])


# -- CAPE ----------------------------------------------------------------
@pytest.mark.parametrize("values", [
    {"date_end": "2030-12-31"}, {"state": "draft"}, {"state": "close"},
    {"kpa_exit_outcome": "company"}, {"kpa_activity": "Autre chose"},
    {"kpa_term_ids": [(5, 0, 0)]}])
def test_signed_cape_changes_through_its_actions_only(odoo_url, demo,
                                                      values):
    cape = demo["cape_samir"]
    fields = ["state", "date_end", "kpa_exit_outcome", "kpa_activity",
              "kpa_term_ids"]
    before = read(odoo_url, "hr.contract", cape, fields)
    for login in ("nadia", "olivier"):
        refused(odoo_url, login, "hr.contract", "write", [cape], values)
    assert read(odoo_url, "hr.contract", cape, fields) == before


def test_cape_terms_are_not_written_by_hand(odoo_url, demo):
    term = read(odoo_url, "hr.contract", demo["cape_samir"],
                ["kpa_term_ids"])["kpa_term_ids"][0]
    refused(odoo_url, "nadia", "kpa.cape.term", "write", [term],
            {"date_end": "2031-01-01"})
    refused(odoo_url, "nadia", "kpa.cape.term", "unlink", [term])
    refused(odoo_url, "nadia", "kpa.cape.term", "create", {
        "contract_id": demo["cape_samir"], "number": 7,
        "kind": "renewal", "date_start": "2030-01-01",
        "date_end": "2030-12-31"})


def test_member_cannot_renew_or_end_own_cape(odoo_url, demo):
    renewals = read(odoo_url, "hr.contract", demo["cape_samir"],
                    ["kpa_renewal_count"])
    refused(odoo_url, "samir", "hr.contract", "action_kpa_renew",
            [demo["cape_samir"]])
    refused(odoo_url, "thomas", "hr.contract", "action_kpa_renew",
            [demo["cape_samir"]])
    assert read(odoo_url, "hr.contract", demo["cape_samir"],
                ["kpa_renewal_count"]) == renewals


# -- decisions and votes ---------------------------------------------------
@pytest.mark.parametrize("values", [
    {"name": "Autre chose"}, {"state": "open"}, {"outcome": "rejected"},
    {"outcome_reason": "blocked"}, {"kpa_id": 2}])
def test_closed_decision_never_changes(odoo_url, demo, values):
    fields = ["name", "state", "outcome", "outcome_reason", "kpa_id"]
    before = read(odoo_url, "kpa.decision", demo["closed"], fields)
    for login in ("nadia", "olivier", "admin"):
        refused(odoo_url, login, "kpa.decision", "write", [demo["closed"]],
                values)
    assert read(odoo_url, "kpa.decision", demo["closed"], fields) == before


def test_open_vote_keeps_its_proposal(odoo_url, demo):
    before = read(odoo_url, "kpa.decision", demo["opened"],
                  ["proposal", "method"])
    refused(odoo_url, "nadia", "kpa.decision", "write", [demo["opened"]],
            {"proposal": "<p>Autre proposition</p>"})
    refused(odoo_url, "nadia", "kpa.decision", "write", [demo["opened"]],
            {"method": "advice"})
    assert read(odoo_url, "kpa.decision", demo["opened"],
                ["proposal", "method"]) == before


def test_a_vote_belongs_to_its_voter(odoo_url, demo):
    vote = rpc_admin(odoo_url, "kpa.decision.vote", "search", [
        ("decision_id", "=", demo["opened"]),
        ("partner_id", "!=", demo["samir"])], limit=1)
    assert vote, "the demo's open decision has votes"
    before = read(odoo_url, "kpa.decision.vote", vote[0],
                  ["position", "partner_id"])
    # The coordinator of the KPA may read it, not overwrite or delete it.
    refused(odoo_url, "nadia", "kpa.decision.vote", "write", vote,
            {"position": "block", "reason": "Pas d'accord"})
    refused(odoo_url, "nadia", "kpa.decision.vote", "unlink", vote)
    # Nor vote in someone else's name.
    refused(odoo_url, "samir", "kpa.decision.vote", "create", {
        "decision_id": demo["opened"], "partner_id": demo["ines"],
        "position": "disagree"})
    refused(odoo_url, "samir", "kpa.decision", "vote", [demo["opened"]],
            "disagree", partner=demo["ines"])
    refused(odoo_url, "samir", "kpa.decision.vote", "write", vote,
            {"partner_id": demo["samir"]})
    assert read(odoo_url, "kpa.decision.vote", vote[0],
                ["position", "partner_id"]) == before


def test_decision_cannot_be_created_open_on_another_kpas_charter(
        odoo_url, demo):
    before = count(odoo_url, "kpa.charter", [])
    refused(odoo_url, "thomas", "kpa.decision", "create", {
        "name": "Changer leur charte", "kpa_id": demo["moulins"],
        "state": "open", "proposal": "<p>x</p>",
        "charter_id": demo["charter"], "amendment": "add",
        "amend_body": "<p>y</p>"})
    # Not even as a draft.
    refused(odoo_url, "thomas", "kpa.decision", "create", {
        "name": "Changer leur charte", "kpa_id": demo["moulins"],
        "proposal": "<p>x</p>", "charter_id": demo["charter"],
        "amendment": "add", "amend_body": "<p>y</p>"})
    # Nor by moving a draft of one's own onto it.
    decision = xmlrpc_as(odoo_url, "thomas", "kpa.decision", "create", {
        "name": "Une idée", "kpa_id": demo["moulins"],
        "proposal": "<p>x</p>"})
    refused(odoo_url, "thomas", "kpa.decision", "write", [decision],
            {"charter_id": demo["charter"], "amendment": "add",
             "amend_body": "<p>y</p>"})
    refused(odoo_url, "thomas", "kpa.decision", "write", [decision],
            {"state": "closed", "outcome": "adopted"})
    xmlrpc_as(odoo_url, "thomas", "kpa.decision", "unlink", [decision])
    assert count(odoo_url, "kpa.charter", []) == before


# -- the charter -------------------------------------------------------------
def test_charter_in_force_changes_through_a_decision_only(odoo_url, demo):
    charter = demo["charter"]
    article = read(odoo_url, "kpa.charter", charter,
                   ["article_ids"])["article_ids"][0]
    for login in ("nadia", "olivier"):
        for values in ({"state": "draft"}, {"name": "Autre"},
                       {"version": 9}, {"decision_id": False}):
            refused(odoo_url, login, "kpa.charter", "write", [charter],
                    values)
        refused(odoo_url, login, "kpa.charter.article", "write", [article],
                {"body": "<p>Réécrit</p>"})
        refused(odoo_url, login, "kpa.charter.article", "create", {
            "charter_id": charter, "name": "Ajout", "body": "<p>x</p>"})
    assert read(odoo_url, "kpa.charter", charter, ["state"])["state"] \
        == "current"


def test_make_current_does_not_replace_the_charter_in_force(odoo_url, demo):
    draft = xmlrpc_as(odoo_url, "nadia", "kpa.charter", "create", {
        "name": "Charte pirate", "kpa_id": demo["la_cape"],
        "article_ids": [(0, 0, {"name": "Un", "body": "<p>Tout.</p>"})]})
    refused(odoo_url, "nadia", "kpa.charter", "action_make_current", [draft])
    assert read(odoo_url, "kpa.charter", demo["charter"],
                ["state"])["state"] == "current"
    xmlrpc_as(odoo_url, "nadia", "kpa.charter", "unlink", [draft])


# -- records moved or re-signed ----------------------------------------------
def test_logbook_entry_is_not_moved_nor_re_signed(odoo_url, demo):
    entry = xmlrpc_as(odoo_url, "samir", "kpa.logbook.entry", "create", {
        "kpa_id": demo["la_cape"], "body": "<p>Rangé l'atelier.</p>"})
    refused(odoo_url, "samir", "kpa.logbook.entry", "write", [entry],
            {"kpa_id": demo["moulins"]})
    refused(odoo_url, "samir", "kpa.logbook.entry", "write", [entry],
            {"author_id": demo["ines"]})
    refused(odoo_url, "samir", "kpa.logbook.entry", "create", {
        "kpa_id": demo["la_cape"], "author_id": demo["ines"],
        "body": "<p>Signé par une autre.</p>"},
        context=dict(HOSTILE, default_author_id=demo["ines"]))
    refused(odoo_url, "samir", "kpa.logbook.entry", "create", {
        "kpa_id": demo["moulins"], "body": "<p>Chez les autres.</p>"})
    entry_read = read(odoo_url, "kpa.logbook.entry", entry,
                      ["kpa_id", "author_id"])
    assert entry_read["kpa_id"][0] == demo["la_cape"]
    assert entry_read["author_id"][0] == demo["samir"]
    rpc_admin(odoo_url, "kpa.logbook.entry", "unlink", [entry])


def test_coordinator_cannot_move_a_record_into_another_kpa(odoo_url, demo):
    """Odoo 11 checks the write rules before the write: the guard checks
    where the record lands too."""
    topic = xmlrpc_as(odoo_url, "nadia", "kpa.governance.topic", "create", {
        "name": "Horaires d'hiver", "kpa_id": demo["la_cape"]})
    refused(odoo_url, "nadia", "kpa.governance.topic", "write", [topic],
            {"kpa_id": demo["moulins"]})
    assert read(odoo_url, "kpa.governance.topic", topic,
                ["kpa_id"])["kpa_id"][0] == demo["la_cape"]
    xmlrpc_as(odoo_url, "nadia", "kpa.governance.topic", "unlink", [topic])


@pytest.mark.parametrize("login", ["thomas", "samir"])
def test_portal_access_is_granted_only_by_who_runs_the_membership(
        odoo_url, demo, login):
    """The portal wizard runs as superuser: a coordinator of another KPA,
    or a member, cannot make a login for someone of La Cape through it."""
    membership = rpc_admin(odoo_url, "kpa.membership", "search", [
        ("kpa_id", "=", demo["la_cape"]),
        ("partner_id.user_ids", "=", False)], limit=1)[0]
    partner = read(odoo_url, "kpa.membership", membership,
                   ["partner_id"])["partner_id"][0]
    email = read(odoo_url, "res.partner", partner, ["email"])["email"]
    rpc_as(odoo_url, "admin", "res.partner", "write", [partner],
           {"email": "sans.compte@example.org"})
    try:
        message = refused(odoo_url, login, "kpa.membership",
                          "action_grant_portal", [membership])
    finally:
        rpc_as(odoo_url, "admin", "res.partner", "write", [partner],
               {"email": email})
    # Odoo's refusals, in the French of the demo users: a rule, a right.
    assert "politique de sécurité" in message \
        or "pas autorisé" in message, message
    assert count(odoo_url, "res.users", [
        ("partner_id", "=", partner),
        ("active", "in", [True, False])]) == 0
