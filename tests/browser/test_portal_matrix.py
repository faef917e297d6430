"""Every portal route for each kind of person: what they may see, or
403/404, never a 500, and never another KPA's data in the page."""
import datetime

import pytest

from conftest import rpc_admin, rpc_as
from test_bad_input import portal_session

LA_CAPE = ["Acheter une deuxième machine à coudre", "Charte de La Cape",
           "Samir Haddad", "Inès Moreau", "Livraison de paniers",
           "Fablab de l'Épeule", "Des plantes dans la grande salle",
           "Kevin Dubois"]
MOULINS = ["Julie Lambert", "Cuisine partagée des Moulins",
           "Buffet de quartier"]
ROUTES = ["/my/home", "/my/kpa", "/my/cape", "/my/decisions",
          "/my/decisions/%(decision)s", "/my/charter", "/my/logbook",
          "/my/topics", "/my/meetings", "/my/declarations",
          "/my/declarations/statement?month=%(month)s"]


@pytest.fixture(scope="module")
def people(odoo_url):
    """Portal logins: a member of La Cape, a member of Moulins Coop, a
    portal user in no KPA; and a coordinator, for the back-office side."""
    portal = rpc_admin(odoo_url, "ir.model.data", "xmlid_to_res_id",
                       ["base.group_portal"])
    julie = rpc_admin(odoo_url, "ir.model.data", "xmlid_to_res_id",
                      ["kpa_demo.partner_julie_lambert"])
    for login, values in (
            ("julie", {"partner_id": julie}),
            ("passant", {"name": "Passant du quartier"})):
        if not rpc_admin(odoo_url, "res.users", "search",
                         [("login", "=", login)]):
            values.update({"login": login, "password": login,
                           "groups_id": [(6, 0, [portal])]})
            rpc_admin(odoo_url, "res.users", "create", values,
                      context={"no_reset_password": True})
    return {login: portal_session(odoo_url, login) for login in (
        "samir", "julie", "passant", "nadia", "thomas", "claire", "olivier",
        "admin")}


@pytest.fixture(scope="module")
def values(odoo_url):
    decision = rpc_admin(odoo_url, "kpa.decision", "search", [
        ("name", "=", "Acheter une deuxième machine à coudre")], limit=1)
    return {"decision": decision[0] if decision else 0,
            "month": datetime.date.today().strftime("%Y-%m")}


@pytest.mark.parametrize("login,hidden", [
    ("samir", MOULINS),
    ("julie", LA_CAPE),
    ("passant", LA_CAPE + MOULINS),
    ("nadia", MOULINS),
    ("thomas", LA_CAPE),
    # The accountant reads every KPA's money and governance, changes none.
    ("claire", []),
    ("olivier", []),
    ("admin", []),
])
def test_no_route_shows_another_kpa(odoo_url, people, values, login,
                                    hidden):
    http = people[login]
    for route in ROUTES:
        path = route % values
        response = http.get(odoo_url + path, timeout=60,
                            allow_redirects=True)
        assert response.status_code < 500, (login, path)
        if response.headers.get("Content-Type", "").startswith("text/html"):
            for text in hidden:
                assert text not in response.text, (login, path, text)


def test_members_see_their_own_kpa(odoo_url, people, values):
    page = people["samir"].get(odoo_url + "/my/decisions/%(decision)s"
                               % values, timeout=60)
    assert page.status_code == 200
    assert "Acheter une deuxième machine à coudre" in page.text
    other = people["julie"].get(odoo_url + "/my/decisions/%(decision)s"
                                % values, timeout=60)
    assert other.status_code in (403, 404)
    kpa = people["julie"].get(odoo_url + "/my/kpa", timeout=60)
    assert "Moulins Coop" in kpa.text


# page, model, field of the person, link to one of them, refusals
OWN_PAGES = [
    ("/my/declarations", "kpa.remuneration.declaration", "partner_id",
     "/my/declarations/%d", (303, 403, 404)),
    ("/my/cape", "hr.contract", "kpa_partner_id", "/my/cape/%d/pdf",
     (403, 404)),
]


@pytest.mark.parametrize("page,model,field,link,refused", OWN_PAGES)
@pytest.mark.parametrize("login", ["julie", "passant", "nadia", "thomas",
                                   "claire", "olivier", "admin"])
def test_my_pages_show_only_mine(odoo_url, people, login, page, model, field,
                                 link, refused):
    """Staff may read others' declarations and CAPEs in the back office;
    the member's pages still show only their own."""
    samirs = rpc_admin(odoo_url, model, "search", [
        (field + ".name", "=", "Samir Haddad")])
    assert samirs
    http = people[login]
    listing = http.get(odoo_url + page, timeout=60)
    assert listing.status_code == 200
    for record_id in samirs:
        path = link % record_id
        assert path not in listing.text, (login, path)
        answer = http.get(odoo_url + path, timeout=60, allow_redirects=False)
        assert answer.status_code in refused, (login, path)
    assert link % samirs[0] in people["samir"].get(
        odoo_url + page, timeout=60).text


def test_accountant_reads_every_kpas_money_and_changes_none(odoo_url):
    weeks = rpc_as(odoo_url, "claire", "kpa.remuneration.period",
                   "search_read", [], fields=["kpa_id"])
    assert {"La Cape", "Moulins Coop"} <= {w["kpa_id"][1] for w in weeks}
    declarations = rpc_as(odoo_url, "claire", "kpa.remuneration.declaration",
                          "search", [])
    assert declarations == rpc_admin(
        odoo_url, "kpa.remuneration.declaration", "search", [])
    month = rpc_as(odoo_url, "claire", "kpa.remuneration.month.report",
                   "search_count", [])
    assert month
    for model, method, args in (
            ("kpa.remuneration.declaration", "write",
             [declarations[:1], {"hours": 1}]),
            ("kpa.remuneration.period", "action_validate",
             [[weeks[0]["id"]]]),
            # Governance: read, never written.
            ("kpa.decision", "write", [rpc_as(
                odoo_url, "claire", "kpa.decision", "search", [],
                limit=1), {"name": "Par la compta"}]),
            ("kpa.logbook.entry", "create", [{
                "kpa_id": weeks[0]["kpa_id"][0],
                "body": "<p>Par la compta</p>"}])):
        with pytest.raises(RuntimeError):
            rpc_as(odoo_url, "claire", model, method, *args)


def test_the_email_button_leads_a_member_to_the_vote(odoo_url, people, values):
    """The button of the "vote open" email goes through /mail/view: a
    member lands on the vote page, a member of another KPA does not."""
    path = "/mail/view?model=kpa.decision&res_id=%(decision)s" % values
    page = people["samir"].get(odoo_url + path, timeout=60)
    assert page.url.endswith("/my/decisions/%(decision)s" % values)
    assert "Acheter une deuxième machine à coudre" in page.text
    other = people["julie"].get(odoo_url + path, timeout=60)
    assert other.status_code < 500
    assert "Acheter une deuxième machine à coudre" not in other.text
