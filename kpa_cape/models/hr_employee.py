# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class HrEmployee(models.Model):
    """A member under CAPE is an employee of the CAE."""

    _inherit = "hr.employee"

    @api.model
    def _kpa_find_for_partner(self, partner):
        """The employee of ``partner``: by home address, else by user."""
        Employee = self.sudo()
        employee = Employee.search(
            [("address_home_id", "=", partner.id)], limit=1)
        if not employee and partner.user_ids:
            employee = Employee.search(
                [("user_id", "in", partner.user_ids.ids)], limit=1)
        return employee

    @api.model
    def _kpa_ensure_for_partner(self, partner, company):
        """The member as an employee of ``company``, created if missing,
        linked to the member's user if they have one.

        As superuser: a coordinator signs CAPEs without being an HR officer.
        """
        employee = self._kpa_find_for_partner(partner)
        if not employee:
            user = partner.sudo().user_ids[:1]
            employee = self.sudo().create({
                "name": partner.name,
                "address_home_id": partner.id,
                "work_email": partner.email,
                "mobile_phone": partner.mobile,
                "user_id": user.id,
                "company_id": company.id,
            })
        elif not employee.user_id and partner.sudo().user_ids:
            employee.sudo().user_id = partner.sudo().user_ids[:1]
        return employee
