"""Demo part of kpa_remuneration: weeks in every state for the three KPAs
(see data/demo.py). Dates follow today, like the payments of the demo
invoices: the week a KPA was paid is validated, the week after holds sent
and draft declarations, this week is open. At La Cape, Samir and Inès
declared the validated week (Fatou and Kevin the next one, so Samir and
Inès can still declare from their phones); at Moulins Coop, Julie and
Mamadou; at Illicoop (nothing cashed yet), Aminata's zero declaration
still proves her activity.

La Cape's month of its validated week is handed to the payroll, and the
payroll's figures (made up: a little more gross, a little less employer
charges, 2 % income tax withheld) are imported: the pot counts the
difference from next Monday, the statements show the net paid."""
import base64
import datetime
from decimal import Decimal

from .odoo_env import ensure, demo_today

# KPA, the day (from today) whose week is validated, declarations of that
# week, declarations of the week after: (person, net, hours, state, word).
# La Cape: last week validated, this week with declarations sent, whatever
# the day of the week (members' tests read this week's table).
WEEKS = [
    ("kpa_la_cape", -7,
     [("samir_haddad", 195, 14, "Buffet du centre social, courses et "
       "cuisine."),
      ("ines_moreau", 156, 10, "Sérigraphie et entretien de l'atelier.")],
     [("fatou_ndiaye", 78, 6, "submitted", "Traiteur pour la mairie."),
      ("kevin_dubois", 39, 4, "draft", "Bacs de jardin.")]),
    ("kpa_moulins_coop", -7,
     [("julie_lambert", 312, 20, "Buffet de quartier."),
      ("mamadou_diallo", 234, 16, "Cuisine et livraison.")],
     [("julie_lambert", 0, 3, "submitted", "Réunion et ménage.")]),
    ("kpa_illicoop", -14,
     [("aminata_traore", 0, 6, "Préparation du potager, rien d'encaissé.")],
     [("lucas_petit", 0, 2, "draft", "Devis de la fête des voisins.")]),
]


# Rate profiles, EXAMPLES to check with the CAE's payroll provider: kind,
# year, valid until (None: until further notice), employee and employer
# shares of gross pay. The 2026 CAPE one keeps the company's 22 % / 30 %
# (the demo's weeks and the browser tests' figures); 2025 differs, so the
# change on 1 January shows.
RATE_PROFILES = [
    ("cape", 2025, "2025-12-31", 0.218, 0.295),
    ("cape", 2026, None, 0.22, 0.30),
    ("cape_acre", 2025, "2025-12-31", 0.135, 0.175),
    ("cape_acre", 2026, None, 0.14, 0.18),
    ("cesa", 2025, "2025-12-31", 0.225, 0.415),
    ("cesa", 2026, None, 0.23, 0.42),
]
RATE_NAMES = {"cape": "CAPE", "cape_acre": "CAPE avec ACRE",
              "cesa": "CESA entrepreneur salarié"}
RATE_NOTE = ("Exemple de démonstration : taux à vérifier avec votre "
             "gestionnaire de paie avant tout usage réel.")


def load_rate_profiles(env, ctx):
    company = env.ref("base.main_company")
    for kind, year, date_to, employee, employer in RATE_PROFILES:
        ensure(env, "rate_profile_%s_%d" % (kind, year),
               "kpa.remuneration.rate.profile", {
                   "name": "%s %d (exemple)" % (RATE_NAMES[kind], year),
                   "kind": kind, "date_from": "%d-01-01" % year,
                   "date_to": date_to or False, "employee_rate": employee,
                   "employer_rate": employer, "company_id": company.id,
                   "note": RATE_NOTE})


def _declare(env, period, key, net, hours, word, state="draft"):
    xmlid = "remuneration_%s_%s" % (key, period.date_start.replace("-", ""))
    return ensure(env, xmlid, "kpa.remuneration.declaration", {
        "period_id": period.id,
        "partner_id": env.ref("kpa_demo.partner_%s" % key).id,
        "amount_net": net, "hours": hours, "comment": word, "state": state,
    })


def load_weeks(env, ctx):
    Period = env["kpa.remuneration.period"]
    today = demo_today()
    for kpa_key, day, validated, after in WEEKS:
        kpa = env.ref("kpa_demo.%s" % kpa_key)
        coordinator = kpa.coordinator_ids[:1] or env.user
        week = Period._kpa_get_week(kpa, today + datetime.timedelta(days=day))
        if week.state == "open" and not week.declaration_ids:
            for key, net, hours, word in validated:
                _declare(env, week, key, net, hours, word)
            week.sudo(coordinator).action_validate()
        sunday = datetime.datetime.strptime(week.date_end, "%Y-%m-%d")
        following = Period._kpa_get_week(
            kpa, sunday.date() + datetime.timedelta(days=1))
        if following.state == "open":
            for key, net, hours, state, word in after:
                _declare(env, following, key, net, hours, word, state)
        Period._kpa_get_week(kpa, today)


def _payroll_figures(export):
    """The provider's file of ``export``: made-up real figures close to the
    estimates (examples, not a payroll)."""
    rows = ["reference;nom;brut;charges_patronales;net_paye;net_social;"
            "prelevement_source"]
    for line in export.line_ids:
        gross = Decimal(str(line.amount_gross)) + Decimal("1.50")
        employer = Decimal(str(line.amount_employer)) - Decimal("0.80")
        social = Decimal(str(line.amount_net)) + Decimal("1.17")
        withheld = (social * Decimal("0.02")).quantize(Decimal("0.01"))
        rows.append(";".join([line.reference, line.partner_id.name] + [
            str(value).replace(".", ",") for value in (
                gross, employer, social - withheld, social, withheld)]))
    return "\n".join(rows).encode("utf-8")


def load_payroll(env, ctx):  # pylint: disable=unused-argument
    """La Cape: the month of its validated week exported by the
    accountant, then the payroll's figures imported."""
    kpa = env.ref("kpa_demo.kpa_la_cape")
    week = env["kpa.remuneration.period"].search([
        ("kpa_id", "=", kpa.id), ("state", "=", "validated")],
        order="date_start desc", limit=1)
    accountant = env.ref("kpa_demo.user_claire", raise_if_not_found=False) \
        or env.user
    export = ensure(env, "payroll_la_cape", "kpa.payroll.export", {
        "month": week.date_end[:8] + "01", "kpa_id": kpa.id,
        "company_id": kpa.company_id.id})
    export = export.sudo(accountant)
    if export.state == "draft":
        export.action_export()
    if export.state == "exported":
        export.write({"import_file": base64.b64encode(
            _payroll_figures(export)), "import_filename": "paie.csv"})
        export.action_import()


STEPS = [
    ("rate_profiles", load_rate_profiles),
    ("remuneration", load_weeks),
    ("payroll", load_payroll),
]
