"""What the benchmark adds to a generated network, once per database, for
the biggest KPA (the one the cases measure):

- signed CAPE contracts for its members (so that a week can be validated);
- a portal login "membre" for its first member, and "client" for its
  client (who holds all of its invoices: Odoo's /my/invoices at the same
  size);
- history: ``weeks`` validated weeks before its first week, each with a
  declaration per member (in SQL, see data.bulk), a decision voted and
  closed every four weeks and a logbook entry a week.

    .venv/bin/python -m bench.fixtures DATABASE --weeks 52
"""
import argparse
import datetime

from data.bulk import bulk_history
from data.odoo_env import ensure, odoo_env

from .cases import biggest_kpa

VOTERS = 5


def capes(env, kpa):
    memberships = env["kpa.membership"].search(
        [("kpa_id", "=", kpa.id)], order="id")
    for membership in memberships:
        cape = ensure(env, "bench_cape_%d" % membership.id, "hr.contract", {
            "kpa_is_cape": True,
            "kpa_partner_id": membership.partner_id.id,
            "kpa_id": kpa.id,
            "date_start": membership.date_join,
            "kpa_activity": "Activité du KPA",
        })
        if cape.state == "draft":
            cape.action_kpa_sign()
    return memberships


def logins(env, kpa, memberships):
    portal = env.ref("base.group_portal")
    client = env["account.invoice"].search(
        [("kpa_id", "=", kpa.id), ("type", "=", "out_invoice")],
        limit=1).partner_id
    for login, partner in (("membre", memberships[:1].partner_id),
                           ("client", client)):
        if not env["res.users"].search([("login", "=", login)]):
            env["res.users"].with_context(no_reset_password=True).create({
                "login": login, "password": login,
                "partner_id": partner.id,
                "groups_id": [(6, 0, portal.ids)]})


def governance(env, kpa, memberships, weeks):
    """One decision every four weeks, one logbook entry a week (written
    by the members: loaded trusted, as the demo is)."""
    from odoo.addons.kpa_cooperative.services.trust import trusted
    partners = memberships.mapped("partner_id")
    today = datetime.datetime.now()
    for index in range(weeks // 4):
        decision = env["kpa.decision"].create({
            "name": "Décision %d" % index, "kpa_id": kpa.id,
            "method": "majority", "proposal": "<p>Proposition.</p>"})
        decision.action_open()
        for partner in partners[:VOTERS]:
            decision._kpa_vote("agree", None, partner)
        decision.action_close()
    for index in range(weeks):
        trusted(env["kpa.logbook.entry"]).create({
            "kpa_id": kpa.id,
            "author_id": partners[index % len(partners)].id,
            "date": today - datetime.timedelta(weeks=index + 1),
            "body": "<p>Semaine %d : atelier rangé.</p>" % index})


def prepare(env, weeks):
    env = env(context=dict(env.context, tracking_disable=True,
                           mail_create_nosubscribe=True, mail_notrack=True))
    kpa = biggest_kpa(env)
    memberships = capes(env, kpa)
    logins(env, kpa, memberships)
    env.cr.commit()
    bulk_history(env, kpa.code, weeks)
    governance(env, kpa, memberships, weeks)
    env.cr.commit()
    print("%s: %d weeks of history for %d members" % (
        kpa.name, weeks, len(memberships)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--weeks", type=int, required=True)
    args = parser.parse_args()
    with odoo_env(args.database) as env:
        prepare(env, args.weeks)


if __name__ == "__main__":
    main()
