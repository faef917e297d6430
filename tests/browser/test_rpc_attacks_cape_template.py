"""The CAPE templates and the funder report over XML-RPC, from the side of
the user refused: a coordinator reads the clauses a CAPE starts from and
cannot rewrite them; the funders' figures stay with the KPA's coordinators
and the CAE."""
from conftest import rpc_admin, xmlrpc_as
from test_rpc_attacks import read, ref, refused

TEMPLATE = "kpa_cape.kpa_cape_template_main"


def test_coordinator_reads_the_template_and_cannot_edit_it(odoo_url):
    template = ref(odoo_url, TEMPLATE)
    truth = read(odoo_url, "kpa.cape.template", template, ["programme"])
    rows = xmlrpc_as(odoo_url, "nadia", "kpa.cape.template", "read",
                     [template], ["programme", "third_party_max"])
    assert rows[0]["programme"] == truth["programme"]
    for login in ("nadia", "thomas"):
        refused(odoo_url, login, "kpa.cape.template", "write", [template],
                {"programme": "Réécrit"})
        refused(odoo_url, login, "kpa.cape.template", "create",
                {"name": "Le mien"})
        refused(odoo_url, login, "kpa.cape.template", "unlink", [template])
        refused(odoo_url, login, "kpa.cape.template", "toggle_active",
                [template])
    for login in ("samir", "ines"):
        refused(odoo_url, login, "kpa.cape.template", "read", [template],
                ["programme"])
    assert read(odoo_url, "kpa.cape.template", template,
                ["programme"]) == truth
    assert rpc_admin(odoo_url, "kpa.cape.template", "search_count",
                     [("name", "=", "Le mien")]) == 0


def test_funder_figures_stay_with_the_kpa_coordinators(odoo_url):
    cape = ref(odoo_url, "kpa_demo.cape_samir_haddad")
    fields = ["gender", "qpv_resident", "age_band", "benefit_names"]
    assert xmlrpc_as(odoo_url, "nadia", "kpa.cape.funder.report", "read",
                     [cape], fields)
    assert xmlrpc_as(odoo_url, "olivier", "kpa.cape.funder.report", "read",
                     [cape], fields)
    for login in ("thomas", "claire", "samir", "ines"):
        refused(odoo_url, login, "kpa.cape.funder.report", "read", [cape],
                fields)
    assert cape not in xmlrpc_as(odoo_url, "thomas",
                                 "kpa.cape.funder.report", "search", [])
    refused(odoo_url, "nadia", "kpa.cape.funder.report", "write", [cape],
            {"gender": "other"})
