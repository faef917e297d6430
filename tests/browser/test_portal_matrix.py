"""Every portal route for each kind of person: what they may see, or
403/404, never a 500, and never another KPA's data in the page."""
import datetime

import pytest

from conftest import rpc_admin
from test_bad_input import portal_session

LA_CAPE = ["Acheter une deuxième machine à coudre", "Charte de La Cape",
           "Samir Haddad", "Inès Moreau", "Livraison de paniers",
           "Fablab de l'Épeule"]
MOULINS = ["Julie Lambert", "Cuisine partagée des Moulins",
           "Buffet de quartier"]
ROUTES = ["/my/home", "/my/kpa", "/my/cape", "/my/decisions",
          "/my/decisions/%(decision)s", "/my/charter", "/my/logbook",
          "/my/topics", "/my/declarations",
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
    return {login: portal_session(odoo_url, login)
            for login in ("samir", "julie", "passant", "nadia")}


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
