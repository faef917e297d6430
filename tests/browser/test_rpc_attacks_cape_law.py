"""The CAPE signature as the law asks (issue 14), over XML-RPC from the side
of the coordinator refused: no birthdate, a minor without a named legal
representative, a full-time employee elsewhere, 36 months in all across
successive CAPEs. Each refusal says why in French and leaves a draft."""
import datetime

from conftest import rpc_admin, xmlrpc_as
from test_rpc_attacks import HOSTILE, read, ref, refused

FRENCH = dict(HOSTILE, lang="fr_FR")


def _day(days):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def _person(url, name, birthdate=False, joined=-10):
    """A new member of La Cape (made by the admin), ``joined`` days ago,
    with an email like every demo member (their employee's work email)."""
    email = "%s@example.org" % name.lower().replace(" ", ".")
    partner = rpc_admin(url, "res.partner", "create", {
        "name": name, "kpa_birthdate": birthdate, "email": email})
    rpc_admin(url, "kpa.membership", "create", {
        "partner_id": partner, "kpa_id": ref(url, "kpa_demo.kpa_la_cape"),
        "date_join": _day(joined)})
    return partner


def _draft(url, partner, **values):
    """A draft CAPE written by Nadia, La Cape's coordinator."""
    vals = {"kpa_is_cape": True, "kpa_partner_id": partner,
            "kpa_id": ref(url, "kpa_demo.kpa_la_cape"),
            "date_start": _day(0), "kpa_activity": "Essai"}
    vals.update(values)
    return xmlrpc_as(url, "nadia", "hr.contract", "create", vals,
                     context={"default_kpa_is_cape": True})


def _sign_refused(url, cape):
    message = refused(url, "nadia", "hr.contract", "action_kpa_sign",
                      [cape], context=FRENCH)
    assert read(url, "hr.contract", cape, ["state"])["state"] == "draft"
    return message


def test_no_birthdate_no_signature(odoo_url):
    partner = _person(odoo_url, "Essai Sans Date")
    cape = _draft(odoo_url, partner)
    assert "date de naissance" in _sign_refused(odoo_url, cape)
    rpc_admin(odoo_url, "hr.contract", "unlink", [cape])


def test_minor_without_representative_refused(odoo_url):
    partner = _person(odoo_url, "Essai Mineure", _day(-17 * 365 - 30))
    cape = _draft(odoo_url, partner, kpa_parental_consent=True,
                  kpa_parental_consent_date=_day(-3))
    assert "représentant" in _sign_refused(odoo_url, cape)
    rpc_admin(odoo_url, "hr.contract", "unlink", [cape])


def test_full_time_employee_elsewhere_refused(odoo_url):
    partner = _person(odoo_url, "Essai Temps Plein", "1990-01-01")
    cape = _draft(odoo_url, partner, kpa_other_job=True,
                  kpa_other_job_hours=35)
    assert "L127-1" in _sign_refused(odoo_url, cape)
    rpc_admin(odoo_url, "hr.contract", "unlink", [cape])


def test_thirty_six_months_in_all(odoo_url):
    partner = _person(odoo_url, "Essai Trente-Six Mois", "1990-01-01",
                      joined=-1200)
    first = _draft(odoo_url, partner, date_start=_day(-3 * 365 - 20))
    for method in ("action_kpa_sign", "action_kpa_renew",
                   "action_kpa_renew"):
        xmlrpc_as(odoo_url, "nadia", "hr.contract", method, [first])
    later = _draft(odoo_url, partner)
    message = _sign_refused(odoo_url, later)
    assert "36 mois utilisés" in message and "il en reste 0" in message
    rpc_admin(odoo_url, "hr.contract", "unlink", [later])
    # The person leaves as the demo had them: ended, alumni.
    wizard = xmlrpc_as(odoo_url, "nadia", "kpa.cape.exit.wizard", "create",
                       {"contract_id": first, "outcome": "training",
                        "date_exit": _day(-25)})
    xmlrpc_as(odoo_url, "nadia", "kpa.cape.exit.wizard", "action_confirm",
              [wizard])
