"""Demo part of kpa_cape: CAPE contracts, accompaniment notes, reminders
(see data/demo.py). Dates are relative to today so the demo stays alive:
Samir's CAPE was renewed once, Inès's ends within 30 days, Rachid's ended
with an outcome, Yasmine (17) signed with her mother as legal
representative. Olivier signs the CAPEs for the CAE; each CAPE has the
eligibility answers given at signature and its activity start date."""
import datetime

from .odoo_env import ensure, demo_today

GENDERS = {
    "samir_haddad": "male", "ines_moreau": "female", "fatou_ndiaye": "female",
    "kevin_dubois": "male", "yasmine_bensaid": "female",
    "rachid_amrani": "male", "julie_lambert": "female",
    "mamadou_diallo": "male", "sophie_leroy": "female",
    "karim_belkacem": "male", "aminata_traore": "female",
    "lucas_petit": "male", "nora_kaci": "female",
}

# person, KPA, coach, days since the start, days to the end (None: 12
# months), benefits, activity tested
CAPES = [
    ("samir_haddad", "kpa_la_cape", "nadia", 290, None, ["rsa"],
     "Traiteur et livraison de repas pour les associations du quartier"),
    ("ines_moreau", "kpa_la_cape", "nadia", 290, 20, ["are"],
     "Sérigraphie et couture sur textiles"),
    ("fatou_ndiaye", "kpa_la_cape", "nadia", 290, None,
     ["rsa", "prime_activite"], "Traiteur pour événements"),
    ("kevin_dubois", "kpa_la_cape", "nadia", 290, None, [],
     "Menuiserie et impression 3D"),
    ("yasmine_bensaid", "kpa_la_cape", "nadia", 10, None, [],
     "Retouches et couture"),
    ("julie_lambert", "kpa_moulins_coop", "thomas", 290, None, ["are"],
     "Cuisine de quartier"),
    ("mamadou_diallo", "kpa_moulins_coop", "thomas", 290, None, ["rsa"],
     "Cuisine et livraison de repas"),
    ("sophie_leroy", "kpa_moulins_coop", "thomas", 290, None, ["aah"],
     "Organisation d'événements"),
    ("aminata_traore", "kpa_illicoop", "nadia", 290, None, ["rsa"],
     "Jardinage et maraîchage urbain"),
    ("lucas_petit", "kpa_illicoop", "nadia", 290, None, [],
     "Sérigraphie et événements"),
]

# Eligibility answers at signature: other job (hours per week, 0: none),
# other situation. ARE, RSA... are the benefits of CAPES above.
ELIGIBILITY = {
    "fatou_ndiaye": (12.0, ""),
    "kevin_dubois": (0.0, "Formation en fabrication numérique le samedi"),
    "sophie_leroy": (17.5, ""),
    "lucas_petit": (0.0, "Étudiant en dernière année de BTS"),
}
# Days between the start of the CAPE and the start of the activity.
ACTIVITY_AFTER_DAYS = 30

# What the funders ask at entry: situation, study level, who sent them.
ENTRY = {
    "samir_haddad": ("rsa", "level3", "department"),
    "ines_moreau": ("are", "level4", "france_travail"),
    "fatou_ndiaye": ("rsa", "none", "social_centre"),
    "kevin_dubois": ("no_income", "level4", "word_of_mouth"),
    "yasmine_bensaid": ("student", "none", "mission_locale"),
    "rachid_amrani": ("ass", "level3", "france_travail"),
    "julie_lambert": ("are", "level6", "word_of_mouth"),
    "mamadou_diallo": ("rsa", "level3", "association"),
    "sophie_leroy": ("aah", "level5", "social_centre"),
    "aminata_traore": ("rsa", "none", "social_centre"),
    "lucas_petit": ("student", "level5", "mission_locale"),
}

# Example neighbourhoods (a CAE imports the official list, codes
# included): the QPV each KPA's residents live in.
QPVS = [
    ("qpv_roubaix_epeule", "EXEMPLE-59-01", "Épeule - Alouette - Trichon",
     "Roubaix", "kpa_la_cape"),
    ("qpv_lille_moulins", "EXEMPLE-59-02", "Moulins", "Lille",
     "kpa_moulins_coop"),
    ("qpv_mons_nouveau_mons", "EXEMPLE-59-04", "Nouveau Mons",
     "Mons-en-Barœul", "kpa_illicoop"),
]


def _iso(day):
    return day.isoformat()


def load_genders(env, ctx):
    for key, gender in GENDERS.items():
        partner = env.ref("kpa_demo.partner_%s" % key,
                          raise_if_not_found=False)
        if partner and partner.kpa_gender in (False, "undisclosed"):
            partner.kpa_gender = gender


def load_qpvs(env, ctx):
    """The example QPVs (the XML demo may have made them: found by code),
    and each QPV resident's neighbourhood, by their KPA."""
    Qpv = env["kpa.qpv"].with_context(active_test=False)
    for xmlid, code, name, city, kpa_key in QPVS:
        qpv = Qpv.search([("code", "=", code)], limit=1) or ensure(
            env, xmlid, "kpa.qpv", {"code": code, "name": name,
                                    "city": city})
        kpa = env.ref("kpa_demo.%s" % kpa_key)
        residents = kpa.membership_ids.mapped("partner_id").filtered(
            lambda p: p.kpa_qpv_resident and not p.kpa_qpv_id)
        residents.write({"kpa_qpv_id": qpv.id})


def _entry(key):
    situation, level, prescriber = ENTRY.get(key, (False, False, False))
    return {"kpa_entry_situation": situation, "kpa_study_level": level,
            "kpa_prescriber": prescriber}


def _benefits(env, keys):
    return [(6, 0, [env.ref("kpa_cape.kpa_cape_benefit_%s" % key).id
                    for key in keys])]


def load_signatory(env, ctx):
    company = env.ref("base.main_company")
    if not company.kpa_cape_signatory_name:
        company.write({"kpa_cape_signatory_name": "Olivier Dupont",
                       "kpa_cape_signatory_quality": "Gérant"})


def load_capes(env, ctx):
    today = demo_today()
    capes = {}
    for key, kpa_key, coach, since, to_end, benefits, activity in CAPES:
        start = today - datetime.timedelta(days=since)
        vals = {
            "kpa_is_cape": True,
            "kpa_partner_id": env.ref("kpa_demo.partner_%s" % key).id,
            "kpa_id": env.ref("kpa_demo.%s" % kpa_key).id,
            "kpa_coach_id": env.ref("kpa_demo.user_%s" % coach).id,
            "date_start": _iso(start),
            "kpa_activity": activity,
            "kpa_benefit_ids": _benefits(env, benefits),
            "kpa_activity_start": _iso(start + datetime.timedelta(
                days=ACTIVITY_AFTER_DAYS)),
        }
        vals.update(_entry(key))
        hours, note = ELIGIBILITY.get(key, (0.0, ""))
        vals.update(kpa_other_job=bool(hours), kpa_other_job_hours=hours,
                    kpa_eligibility_note=note or False)
        if to_end is not None:
            vals["date_end"] = _iso(today + datetime.timedelta(days=to_end))
        if key == "yasmine_bensaid":
            vals.update(kpa_parental_consent=True,
                        kpa_guardian_name="Malika Bensaïd",
                        kpa_guardian_quality="Mère",
                        kpa_parental_consent_date=_iso(
                            start - datetime.timedelta(days=7)))
        cape = ensure(env, "cape_%s" % key, "hr.contract", vals)
        if cape.state == "draft":
            cape.sudo(vals["kpa_coach_id"]).action_kpa_sign()
        capes[key] = cape
    # One renewal for Samir, made by his coach.
    samir = capes["samir_haddad"]
    if samir.kpa_renewal_count == 0:
        samir.sudo(samir.kpa_coach_id).action_kpa_renew()
    # Rachid left the KPA 60 days ago for a salaried job: his CAPE ended then.
    rachid = env.ref("kpa_demo.cape_rachid_amrani", raise_if_not_found=False)
    if not rachid:
        start = today - datetime.timedelta(days=390)
        rachid = ensure(env, "cape_rachid_amrani", "hr.contract", {
            "kpa_is_cape": True,
            "kpa_partner_id": env.ref("kpa_demo.partner_rachid_amrani").id,
            "kpa_id": env.ref("kpa_demo.kpa_la_cape").id,
            "kpa_coach_id": env.ref("kpa_demo.user_nadia").id,
            "date_start": _iso(start),
            "kpa_activity": "Menuiserie : mobilier en bois de récupération",
            "kpa_benefit_ids": _benefits(env, ["ass"]),
            **_entry("rachid_amrani"),
            "kpa_activity_start": _iso(start + datetime.timedelta(
                days=ACTIVITY_AFTER_DAYS)),
            "state": "open",  # signed before he became alumni
        })
    if rachid.state != "close":
        rachid._kpa_exit(
            "salaried", _iso(today - datetime.timedelta(days=60)),
            "CDI de menuisier dans une entreprise d'insertion.")
    capes["rachid_amrani"] = rachid
    ctx["capes"] = capes


# xmlid, KPA, coach, kind, members, days ago, topic, notes, next steps
FOLLOWUPS = [
    ("followup_samir_1", "kpa_la_cape", "nadia", "individual",
     ["samir_haddad"], 60, "Fixer ses prix",
     "Samir sous-estime le temps de préparation des buffets.",
     "Refaire le devis type avec le temps de courses et de cuisine."),
    ("followup_samir_2", "kpa_la_cape", "nadia", "individual",
     ["samir_haddad"], 14, "Bilan avant renouvellement",
     "Activité régulière, trois clients fidèles. Veut continuer un an.",
     "Renouveler le CAPE ; viser un chiffre d'affaires mensuel."),
    ("followup_la_cape_collective", "kpa_la_cape", "nadia", "collective",
     ["samir_haddad", "ines_moreau", "fatou_ndiaye"], 7,
     "Atelier devis et factures",
     "Lecture d'une facture de la CAE, mentions obligatoires.",
     "Chacun prépare un devis pour la prochaine séance."),
    ("followup_ines_exit", "kpa_la_cape", "nadia", "individual",
     ["ines_moreau"], 5, "Fin de CAPE dans un mois",
     "Inès hésite entre une formation en couture et le CESA.",
     "Rendez-vous avec la CAE pour le CESA."),
    ("followup_mamadou", "kpa_moulins_coop", "thomas", "individual",
     ["mamadou_diallo"], 20, "Hygiène en cuisine partagée",
     "Formation HACCP à prévoir.", "Inscription à la session de janvier."),
]


def load_followups(env, ctx):
    today = demo_today()
    for (xmlid, kpa_key, coach, kind, members, days, topic, notes,
         next_steps) in FOLLOWUPS:
        partners = [env.ref("kpa_demo.partner_%s" % m).id for m in members]
        contract = ctx.get("capes", {}).get(members[0]) \
            if kind == "individual" else None
        ensure(env, xmlid, "kpa.followup", {
            "kpa_id": env.ref("kpa_demo.%s" % kpa_key).id,
            "coach_id": env.ref("kpa_demo.user_%s" % coach).id,
            "kind": kind,
            "partner_ids": [(6, 0, partners)],
            "contract_id": contract.id if contract else False,
            "date": _iso(today - datetime.timedelta(days=days)),
            "topic": topic,
            "notes": notes,
            "next_steps": next_steps,
            "next_date": _iso(today + datetime.timedelta(days=14)),
        })


def load_reminders(env, ctx):
    # What the daily cron does: Inès's coach gets the 30-day reminder.
    env["hr.contract"]._cron_kpa_cape_reminders()


STEPS = [
    ("cape_signatory", load_signatory),
    ("cape_genders", load_genders),
    ("cape_qpvs", load_qpvs),
    ("cape_contracts", load_capes),
    ("cape_followups", load_followups),
    ("cape_reminders", load_reminders),
]
