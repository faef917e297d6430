"""The rate profiles over XML-RPC, from the side of the user refused: a
coordinator reads the rates and cannot change them nor a member's kind of
contract, a member does not even read them; the CAE manager and the
accountant update them, and an overlap is refused in French."""
from conftest import rpc_admin, rpc_as, xmlrpc_as
from test_rpc_attacks import read, ref, refused

PROFILE = "kpa_demo.rate_profile_cape_2026"
FIELDS = ["employee_rate", "employer_rate", "date_from", "date_to", "active"]


def test_coordinators_read_the_rates_and_cannot_change_them(odoo_url):
    profile = ref(odoo_url, PROFILE)
    truth = read(odoo_url, "kpa.remuneration.rate.profile", profile, FIELDS)
    rows = xmlrpc_as(odoo_url, "nadia", "kpa.remuneration.rate.profile",
                     "read", [profile], FIELDS)
    assert rows[0]["employee_rate"] == truth["employee_rate"]
    for login in ("nadia", "thomas"):
        refused(odoo_url, login, "kpa.remuneration.rate.profile", "write",
                [profile], {"employee_rate": 0.01})
        refused(odoo_url, login, "kpa.remuneration.rate.profile", "create",
                {"name": "Le mien", "kind": "cape_acre",
                 "date_from": "2030-01-01", "employee_rate": 0.0,
                 "employer_rate": 0.0})
        refused(odoo_url, login, "kpa.remuneration.rate.profile", "unlink",
                [profile])
        refused(odoo_url, login, "kpa.remuneration.rate.profile",
                "toggle_active", [profile])
    for login in ("samir", "ines"):
        refused(odoo_url, login, "kpa.remuneration.rate.profile", "read",
                [profile], FIELDS)
        refused(odoo_url, login, "kpa.remuneration.rate.profile", "write",
                [profile], {"employee_rate": 0.01})
    assert read(odoo_url, "kpa.remuneration.rate.profile", profile,
                FIELDS) == truth
    assert rpc_admin(odoo_url, "kpa.remuneration.rate.profile",
                     "search_count", [("name", "=", "Le mien")]) == 0


def test_a_coordinator_cannot_choose_a_members_kind_of_contract(odoo_url):
    cape = ref(odoo_url, "kpa_demo.cape_samir_haddad")
    message = refused(odoo_url, "nadia", "hr.contract", "write", [cape],
                      {"kpa_rate_kind": "cape_acre"})
    assert "CAE" in message
    assert read(odoo_url, "hr.contract", cape,
                ["kpa_rate_kind"])["kpa_rate_kind"] == "cape"


def test_the_cae_updates_the_rates_and_overlaps_are_refused(odoo_url):
    profile = ref(odoo_url, PROFILE)
    truth = read(odoo_url, "kpa.remuneration.rate.profile", profile, FIELDS)
    try:
        for login, rate in (("olivier", 0.221), ("claire", 0.222)):
            xmlrpc_as(odoo_url, login, "kpa.remuneration.rate.profile",
                      "write", [profile], {"employee_rate": rate})
            assert read(odoo_url, "kpa.remuneration.rate.profile", profile,
                        ["employee_rate"])["employee_rate"] == rate
        message = refused(
            odoo_url, "claire", "kpa.remuneration.rate.profile", "create",
            {"name": "Doublon", "kind": "cape", "date_from": "2026-06-01",
             "employee_rate": 0.2, "employer_rate": 0.4},
            context={"lang": "fr_FR"})
        assert "chevauche" in message
    finally:
        rpc_as(odoo_url, "admin", "kpa.remuneration.rate.profile", "write",
               [profile], {"employee_rate": truth["employee_rate"]})
    assert rpc_admin(odoo_url, "kpa.remuneration.rate.profile",
                     "search_count", [("name", "=", "Doublon")]) == 0
