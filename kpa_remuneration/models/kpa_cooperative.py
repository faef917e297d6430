# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class KpaCooperative(models.Model):
    _inherit = "kpa.cooperative"

    remuneration_criterion_ids = fields.One2many(
        "kpa.remuneration.criterion", "kpa_id", string="Criteria")
    remuneration_period_ids = fields.One2many(
        "kpa.remuneration.period", "kpa_id", string="Weeks")

    @api.model
    def create(self, vals):
        kpa = super().create(vals)
        kpa._kpa_ensure_criteria()
        return kpa

    def _kpa_ensure_criteria(self):
        """Give the default criteria to the KPAs that have none yet."""
        Criterion = self.env["kpa.remuneration.criterion"].sudo()
        for kpa in self.sudo().with_context(active_test=False):
            if kpa.remuneration_criterion_ids:
                continue
            criteria = self._kpa_default_criteria()
            for sequence, (name, description) in enumerate(criteria):
                Criterion.create({
                    "kpa_id": kpa.id,
                    "sequence": (sequence + 1) * 10,
                    "name": name,
                    "description": description,
                })

    def _kpa_default_criteria(self):
        """The five criteria the KPA-Cité members chose."""
        return [
            (_("Time invested in the cooperative"),
             _("Hours given to prestations, meetings and the life of the "
               "KPA.")),
            (_("Financial needs"),
             _("What each one needs to live this month.")),
            (_("Money earned in the cooperative"),
             _("What each one's prestations brought in.")),
            (_("Money left in the common pot"),
             _("What stays for the others and for the weeks to come.")),
            (_("Time spent on upkeep and daily tasks"),
             _("Cleaning, shopping, repairs, welcoming: the work that holds "
               "the place together.")),
        ]

    @api.model
    def _kpa_ensure_all_criteria(self):
        """At install: criteria for the KPAs made before the module."""
        self.sudo().with_context(active_test=False).search(
            [])._kpa_ensure_criteria()

    def action_view_remuneration_periods(self):
        self.ensure_one()
        action = self.env.ref(
            "kpa_remuneration.kpa_remuneration_period_action").read()[0]
        action["domain"] = [("kpa_id", "=", self.id)]
        action["context"] = {"default_kpa_id": self.id}
        return action
