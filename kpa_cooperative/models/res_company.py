# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    kpa_late_penalty = fields.Char(
        string="Late payment penalties",
        default="taux d'intérêt appliqué par la BCE à son opération de "
                "refinancement la plus récente, majoré de 10 points",
        help="Printed on KPA invoices, as French law requires "
             "(Code de commerce L441-10).")
    kpa_recovery_indemnity = fields.Monetary(
        string="Recovery indemnity", default=40.0,
        currency_field="currency_id",
        help="Fixed indemnity for recovery costs owed by a professional "
             "client who pays late (40 € by law).")
