# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.kpa_cooperative.controllers.main import KpaPortal, \
    back_home_unless_readable, kpa_clean_params


class CapePortal(KpaPortal):
    """/my/cape: a member sees their own CAPE and downloads it."""

    @staticmethod
    def _my_capes_domain():
        """My own CAPEs: staff may read others', this page is about mine
        (and the record rules keep a member to their own anyway)."""
        return [("kpa_is_cape", "=", True),
                ("kpa_partner_id", "=", request.env.user.partner_id.id)]

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["cape_count"] = request.env["hr.contract"].search_count(
            self._my_capes_domain()) \
            if request.env["hr.contract"].check_access_rights(
                "read", raise_exception=False) else 0
        return values

    @http.route(["/my/cape"], type="http", auth="user", website=True)
    @kpa_clean_params
    def portal_my_cape(self, **_kw):
        denied = back_home_unless_readable("hr.contract")
        if denied:
            return denied
        values = self._prepare_portal_layout_values()
        contracts = request.env["hr.contract"].search(
            self._my_capes_domain(), order="date_start desc")
        values.update({
            "page_name": "cape",
            # Shown through sudo once the rule has let the member read them:
            # the coach's name and the terms are not theirs to browse.
            "contracts": contracts.sudo(),
        })
        return request.render("kpa_cape.portal_my_cape", values)

    @http.route(["/my/cape/<int:contract_id>/pdf"], type="http",
                auth="user", website=True)
    @kpa_clean_params
    def portal_my_cape_pdf(self, contract_id, **_kw):
        contract = self._kpa_document("hr.contract", contract_id,
                                      "kpa_partner_id")
        if contract is None or not contract.kpa_is_cape:
            return request.not_found()
        # Rendered as superuser once the check above let the member through
        # (their own CAPE): the coach's and the CAE's details are printed.
        report = request.env.ref("kpa_cape.hr_contract_report_cape").sudo()
        pdf, _format = report.with_context(
            lang=request.env.user.lang).render_qweb_pdf([contract.id])
        filename = "CAPE-%s.pdf" % contract.sudo().name
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(pdf)),
            ("Content-Disposition", 'attachment; filename="%s"' % filename),
        ])
