# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What funders ask about a person accompanied under a CAPE, each a short
choice a coordinator fills in a minute: the situation at entry, the study
level, who sent them, and where they are six months after leaving."""
from odoo import fields, models

ENTRY_SITUATIONS = [
    ("rsa", "RSA"),
    ("are", "Unemployment benefit (ARE)"),
    ("aah", "Disabled adult allowance (AAH)"),
    ("ass", "Solidarity allowance (ASS)"),
    ("no_income", "No income"),
    ("student", "Student"),
    ("part_time", "Employed part-time"),
    ("other", "Other"),
]
# The French diploma levels (nomenclature of 2019).
STUDY_LEVELS = [
    ("none", "No diploma"),
    ("level3", "CAP, BEP (level 3)"),
    ("level4", "Baccalauréat (level 4)"),
    ("level5", "Bac + 2 (level 5)"),
    ("level6", "Bac + 3 or 4 (level 6)"),
    ("level7", "Bac + 5 and above (level 7-8)"),
]
PRESCRIBERS = [
    ("mission_locale", "Mission locale"),
    ("france_travail", "France Travail"),
    ("department", "Département (RSA referent)"),
    ("social_centre", "Social centre"),
    ("association", "Association"),
    ("word_of_mouth", "Word of mouth"),
    ("other", "Other"),
]
SITUATIONS_AFTER = [
    ("employed_permanent", "Employed, permanent contract"),
    ("employed_fixed", "Employed, fixed-term contract"),
    ("own_business", "Own business"),
    ("cae_salaried", "Salaried entrepreneur in a CAE"),
    ("training", "In training"),
    ("job_seeker", "Looking for work"),
    ("other", "Other"),
    ("unknown", "Not known (no answer)"),
]


class HrContract(models.Model):
    _inherit = "hr.contract"

    kpa_entry_situation = fields.Selection(
        ENTRY_SITUATIONS, string="Situation at entry",
        track_visibility="onchange",
        help="The person's main situation when the CAPE starts.")
    kpa_study_level = fields.Selection(
        STUDY_LEVELS, string="Study level", track_visibility="onchange")
    kpa_prescriber = fields.Selection(
        PRESCRIBERS, string="Sent by", track_visibility="onchange",
        help="Who told the person about the KPA (the prescriber).")
    kpa_situation_after = fields.Selection(
        SITUATIONS_AFTER, string="Situation 6 months after exit",
        track_visibility="onchange")
    kpa_situation_after_date = fields.Date(
        string="Asked on", track_visibility="onchange",
        help="The day the person told their situation after the exit.")
