"""Demo part of kpa_remuneration: weeks in every state for the three KPAs
(see data/demo.py). Dates follow today, like the payments of the demo
invoices: the week a KPA was paid is validated, the week after holds sent
and draft declarations, this week is open. At La Cape, Samir and Inès
declared the validated week (Fatou and Kevin the next one, so Samir and
Inès can still declare from their phones); at Moulins Coop, Julie and
Mamadou; at Illicoop (nothing cashed yet), Aminata's zero declaration
still proves her activity."""
import datetime

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


STEPS = [
    ("rate_profiles", load_rate_profiles),
    ("remuneration", load_weeks),
]
