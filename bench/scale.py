"""Work per member: the week validation, the weekly session and
/my/declarations of KPAs of 5, 20 and 40 members, side by side.

    .venv/bin/python -m bench.scale DATABASE

Gives the database (any with the four modules) three KPAs, "Banc 5",
"Banc 20" and "Banc 40" (code BNnn), once: that many members each with a
signed CAPE, 5 000 EUR cashed, a coordinator login "banc_coord" and a
portal login per KPA, "banc_5" etc. (password = login). Then, for each:

- the validation of last week with one sent declaration per member, in
  process, as the coordinator, tracking on (SQL queries counted on the
  cursor, as Odoo's test_performance does), rolled back after each run;
- the weekly session of this week as the web client runs it over JSON-RPC:
  opening it (the week's button, then the form's and the rows' reads),
  an onchange with every row typed in, and saving it (the form's write of
  every row, then the "Save" button);
- /my/declarations as a member (HTTP, in process).

A case fails when its count grows by more than PER_MEMBER queries per
extra member. Prints a table; ``--write`` appends it to bench/results.md.
"""
import argparse
import datetime
import os
import statistics
import sys
import time

from data.odoo_env import DEFAULT_CONF

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = (5, 20, 40)
PER_MEMBER = 3
RUNS = 5
VALIDATION_TARGET_MS = 500
CASES = ("Week validation (in process)", "Weekly session opens",
         "Weekly session: onchange, every row typed",
         "Weekly session saved", "/my/declarations (member)")
LINE_FIELDS = ["partner_id", "hours_logged", "prestations", "hours",
               "amount_net", "amount_gross", "amount_employer",
               "amount_cost", "comment", "state", "reason", "can_be_paid",
               "declaration_id", "currency_id"]
FORM_FIELDS = ["period_state", "amount_available", "amount_total_net",
               "amount_total_cost", "amount_left", "over_budget", "kpa_id",
               "date", "period_id", "currency_id", "line_ids",
               "display_name"]


def login_of(size):
    return "banc_%d" % size


# ----------------------------------------------------------------------
# The fixture (committed once)
# ----------------------------------------------------------------------
def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def fixture(env, size):
    """The KPA of ``size`` members, made once."""
    from data.odoo_env import ensure, demo_today
    coordinator = env["res.users"].search([("login", "=", "banc_coord")])
    if not coordinator:
        coordinator = env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Coordination banc", "login": "banc_coord",
                "password": "banc_coord", "lang": "fr_FR",
                "email": "banc_coord@example.org",
                "groups_id": [(6, 0, env.ref(
                    "kpa_cooperative.group_kpa_coordinator").ids)]})
    code = "BN%02d" % size
    kpa = env["kpa.cooperative"].search([("code", "=", code)])
    if kpa:
        return kpa
    join = monday_of(demo_today()) - datetime.timedelta(weeks=8)
    kpa = env["kpa.cooperative"].create({
        "name": "Banc %d" % size, "code": code,
        "coordinator_ids": [(6, 0, coordinator.ids)]})
    partners = env["res.partner"]
    for index in range(size):
        partner = env["res.partner"].create({
            "name": "Membre %02d du banc %d" % (index, size),
            "kpa_birthdate": "1990-01-01", "lang": "fr_FR"})
        env["kpa.membership"].create({
            "partner_id": partner.id, "kpa_id": kpa.id, "state": "member",
            "date_join": str(join)})
        cape = ensure(env, "banc_cape_%d_%d" % (size, index), "hr.contract", {
            "kpa_is_cape": True, "kpa_partner_id": partner.id,
            "kpa_id": kpa.id, "date_start": str(join),
            "kpa_activity": "Activité du banc"})
        cape.action_kpa_sign()
        partners |= partner
    env["res.users"].with_context(no_reset_password=True).create({
        "login": login_of(size), "password": login_of(size),
        "partner_id": partners[0].id, "lang": "fr_FR",
        "groups_id": [(6, 0, env.ref("base.group_portal").ids)]})
    cash(env, kpa, join)
    return kpa


def cash(env, kpa, day):
    """5 000 EUR (untaxed) paid by a client of ``kpa`` on ``day``."""
    france = env.ref("base.fr")
    company = kpa.company_id
    if not company.vat:  # a database without the demo: what invoices need
        company.write({"country_id": france.id, "vat": "FR36481234565",
                       "siret": "48123456510001"})
    client = env["res.partner"].create({
        "name": "Client du %s" % kpa.name, "customer": True,
        "is_company": True, "country_id": france.id,
        "siret": "775 678 907 00012"})
    task = env["project.task"].create({
        "name": "Prestation du banc", "project_id": kpa.project_id.id,
        "partner_id": client.id, "kpa_amount": 5000.0})
    invoice = env["account.invoice"].browse(
        task.action_kpa_invoice()["res_id"])
    invoice.action_invoice_open()
    bank = env["account.journal"].search([
        ("type", "=", "bank"), ("company_id", "=", invoice.company_id.id)],
        limit=1)
    env["account.payment"].create({
        "payment_type": "inbound", "partner_type": "customer",
        "partner_id": client.id, "amount": invoice.residual,
        "journal_id": bank.id, "payment_date": str(day),
        "payment_method_id": env.ref(
            "account.account_payment_method_manual_in").id,
        "invoice_ids": [(6, 0, invoice.ids)]}).post()


# ----------------------------------------------------------------------
# Cases
# ----------------------------------------------------------------------
def validation(env, kpa, coordinator):
    """(queries, seconds) of validating last week, one sent declaration a
    member: made, validated and rolled back in this cursor."""
    from data.odoo_env import demo_today
    Period = env["kpa.remuneration.period"]
    week = Period._kpa_get_week(
        kpa, monday_of(demo_today()) - datetime.timedelta(weeks=1))
    members = env["kpa.membership"].search([("kpa_id", "=", kpa.id)])
    for index, partner in enumerate(members.mapped("partner_id")):
        if partner not in week.declaration_ids.mapped("partner_id"):
            env["kpa.remuneration.declaration"].create({
                "period_id": week.id, "partner_id": partner.id,
                "amount_net": 10 + index % 7, "hours": 3,
                "state": "submitted"})
    week = week.sudo(coordinator).with_context(tracking_disable=False)
    env["kpa.cooperative"].invalidate_cache()  # every cache
    cr = env.cr
    before, started = cr.sql_log_count, time.perf_counter()
    week.action_validate()
    elapsed = time.perf_counter() - started
    queries = cr.sql_log_count - before
    cr.rollback()
    env["kpa.cooperative"].invalidate_cache()  # every cache
    return queries, elapsed


def session(client, week_id, run):
    """(open, onchange, save) as (queries, seconds) each, as the web
    client does it; the amounts change at each run, so that each save
    writes every row."""
    opened = client.measure(lambda: open_session(client, week_id))
    form, lines = opened[0]
    edits = [[1, line["id"], {"amount_net": 5 + index + run % 2 / 10.0}]
             if line["can_be_paid"] else [4, line["id"], False]
             for index, line in enumerate(lines)]
    values = {name: value[0] if isinstance(value, list) and name !=
              "line_ids" else value for name, value in form.items()
              if name not in ("id", "display_name")}
    values["line_ids"] = edits
    spec = dict({name: "" for name in values},
                **{"line_ids." + name: "" for name in LINE_FIELDS})
    spec.update({"kpa_id": "1", "date": "1"})
    onchange = client.measure(lambda: client.rpc(
        "kpa.remuneration.wizard", "onchange", [
            [form["id"]], values, "line_ids", spec]))
    written = [edit for edit in edits if edit[0] == 1]

    def save():
        client.rpc("kpa.remuneration.wizard", "write", [
            [form["id"]], {"line_ids": written}])
        client.button("kpa.remuneration.wizard", "action_save", form["id"])
        client.rpc("kpa.remuneration.wizard", "read", [
            [form["id"]], FORM_FIELDS])
    saved = client.measure(save)
    return opened[1:], onchange[1:], saved[1:]


def open_session(client, week_id):
    action = client.button("kpa.remuneration.period", "action_open_wizard",
                           week_id)
    form = client.rpc("kpa.remuneration.wizard", "read", [
        [action["res_id"]], FORM_FIELDS])[0]
    lines = client.rpc("kpa.remuneration.wizard.line", "read", [
        form["line_ids"], LINE_FIELDS])
    return form, lines


def measure(database):
    """{case: {size: (queries, median ms)}}."""
    import odoo
    odoo.tools.config.parse_config([
        "-c", DEFAULT_CONF, "-d", database, "--log-level", "warn",
        "--db-filter", "^%s$" % database, "--max-cron-threads", "0"])
    from .client import OdooClient
    registry = odoo.registry(database)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "fr_FR"})
        env = env(context=dict(env.context, tracking_disable=True,
                               mail_create_nosubscribe=True))
        kpas = {size: fixture(env, size) for size in SIZES}
        weeks = {size: env["kpa.remuneration.period"]._kpa_get_week(kpa).id
                 for size, kpa in kpas.items()}
        cr.commit()
        kpa_ids = {size: kpa.id for size, kpa in kpas.items()}
    results = {case: {} for case in CASES}
    coordinator = OdooClient(database)
    coordinator.login("banc_coord")
    for size in SIZES:
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            kpa = env["kpa.cooperative"].browse(kpa_ids[size])
            user = env["res.users"].search([("login", "=", "banc_coord")])
            validation(env, kpa, user)  # warm the caches
            samples = [validation(env, kpa, user) for _ in range(RUNS)]
            results[CASES[0]][size] = summary(samples)
            session(coordinator, weeks[size], 0)
            runs = [session(coordinator, weeks[size], run + 1)
                    for run in range(RUNS)]
            for case, index in zip(CASES[1:4], range(3)):
                results[case][size] = summary([run[index] for run in runs])
        member = OdooClient(database)
        member.login(login_of(size))
        url = "/my/declarations?kpa=%d" % kpa_ids[size]
        member.get(url)
        pages = [member.get(url) for _ in range(RUNS)]
        if any(page[0] != 200 for page in pages):
            raise RuntimeError("%s: HTTP %s" % (url, pages[-1][0]))
        results[CASES[4]][size] = summary([page[1:] for page in pages])
    return results


def summary(samples):
    return (max(sample[0] for sample in samples),
            statistics.median(sample[1] for sample in samples) * 1000)


def table(results):
    """The markdown table and the list of what fails."""
    head = "| case | " + " | ".join(
        "%d: queries | %d: ms" % (size, size) for size in SIZES) + \
        " | queries per extra member | within %d? |" % PER_MEMBER
    lines = [head, "|" + " --- |" * (2 * len(SIZES) + 3)]
    failures = []
    for case in CASES:
        counts = [results[case][size][0] for size in SIZES]
        growth = max((counts[i + 1] - counts[i]) / (SIZES[i + 1] - SIZES[i])
                     for i in range(len(SIZES) - 1))
        ok = growth <= PER_MEMBER
        if not ok:
            failures.append("%s grows by %.1f queries per member" % (
                case, growth))
        cells = []
        for size in SIZES:
            queries, ms = results[case][size]
            cells += ["%d" % queries, "%.0f" % ms]
        lines.append("| %s | %s | %.1f | %s |" % (
            case, " | ".join(cells), growth, "yes" if ok else "NO"))
    slowest = results[CASES[0]][SIZES[-1]][1]
    if slowest > VALIDATION_TARGET_MS:
        failures.append("validating %d declarations takes %.0f ms (target "
                        "%d ms)" % (SIZES[-1], slowest, VALIDATION_TARGET_MS))
    return "\n".join(lines), failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--write", action="store_true",
                        help="append the table to bench/results.md")
    args = parser.parse_args()
    text, failures = table(measure(args.database))
    print(text)
    if args.write:
        with open(os.path.join(ROOT, "bench", "results.md"), "a") as handle:
            handle.write(
                "\n## Work per member\n\nKPAs of 5, 20 and 40 members "
                "(`bench/scale.py`, measured %s): one declaration per "
                "member validated in process (tracking on; median of %d "
                "runs, rolled back); the weekly session as the web client "
                "runs it over JSON-RPC, one row per member; a member's "
                "/my/declarations. A case fails above %d more queries per "
                "extra member; the validation of 40 above %d ms.\n\n%s\n" % (
                    datetime.date.today().isoformat(), RUNS, PER_MEMBER,
                    VALIDATION_TARGET_MS, text))
    if failures:
        sys.exit("; ".join(failures))


if __name__ == "__main__":
    main()
