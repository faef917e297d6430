# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.utils import redirect

from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

KPA_PAGE_MODELS = ("kpa.cooperative", "kpa.membership", "kpa.place",
                   "project.task")


def can_read(*models):
    """Whether the user may read every one of ``models``."""
    return all(request.env[model].check_access_rights(
        "read", raise_exception=False) for model in models)


def back_home_unless_readable(*models):
    """A redirect to /my when the user may not read one of ``models``, else
    None. Back-office users outside the KPAs (an accountant, say) can open
    the members' pages; they go back home instead of meeting an error."""
    return None if can_read(*models) else redirect("/my", 303)


class KpaPortal(CustomerPortal):
    """The member's view of their KPA: its face and their prestations.

    Record rules do the access work: a member reads only the KPAs they
    belong to and the prestations they signed up for. Staff who may read
    every KPA still see here only the ones they belong to or coordinate:
    the back office is where the CAE looks at them all.
    """

    @staticmethod
    def _my_kpas_domain():
        user = request.env.user
        return ["|", ("membership_ids.partner_id", "=", user.partner_id.id),
                ("coordinator_ids", "in", user.id)]

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["kpa_count"] = request.env["kpa.cooperative"].search_count(
            self._my_kpas_domain()) if can_read(*KPA_PAGE_MODELS) else 0
        return values

    @http.route(["/my/kpa"], type="http", auth="user", website=True)
    def portal_my_kpa(self, **_kw):
        denied = back_home_unless_readable(*KPA_PAGE_MODELS)
        if denied:
            return denied
        values = self._prepare_portal_layout_values()
        kpas = request.env["kpa.cooperative"].search(self._my_kpas_domain())
        today = fields.Date.context_today(request.env.user)
        tasks = request.env["project.task"].search(
            [("kpa_referent_ids", "in", request.env.user.partner_id.ids)],
            order="kpa_date_planned desc, id desc", limit=50)
        values.update({
            "page_name": "kpa",
            "kpas": kpas,
            "upcoming": tasks.filtered(
                lambda t: (t.kpa_date_planned or today) >= today),
            "past": tasks.filtered(
                lambda t: (t.kpa_date_planned or today) < today),
        })
        return request.render("kpa_cooperative.portal_my_kpa", values)
