# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.utils import redirect

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class CapePortal(CustomerPortal):
    """/my/cape: a member sees their own CAPE and downloads it."""

    def _my_capes(self):
        # Read as the member: the record rule keeps them to their own.
        return request.env["hr.contract"].search(
            [("kpa_is_cape", "=", True)], order="date_start desc")

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["cape_count"] = request.env["hr.contract"].search_count(
            [("kpa_is_cape", "=", True)]) \
            if request.env["hr.contract"].check_access_rights(
                "read", raise_exception=False) else 0
        return values

    @http.route(["/my/cape"], type="http", auth="user", website=True)
    def portal_my_cape(self, **_kw):
        values = self._prepare_portal_layout_values()
        try:
            contracts = self._my_capes()
        except AccessError:
            # request.redirect needs the website module: not installed.
            return redirect("/my", 303)
        values.update({
            "page_name": "cape",
            # Shown through sudo once the rule has let the member read them:
            # the coach's name and the terms are not theirs to browse.
            "contracts": contracts.sudo(),
        })
        return request.render("kpa_cape.portal_my_cape", values)

    @http.route(["/my/cape/<int:contract_id>/pdf"], type="http",
                auth="user", website=True)
    def portal_my_cape_pdf(self, contract_id, **_kw):
        contract = request.env["hr.contract"].browse(contract_id)
        try:
            contract.check_access_rights("read")
            contract.check_access_rule("read")
            if not contract.exists() or not contract.kpa_is_cape:
                raise MissingError(contract_id)
        except (AccessError, MissingError):
            return request.not_found()
        report = request.env.ref("kpa_cape.hr_contract_report_cape").sudo()
        pdf, _format = report.with_context(
            lang=request.env.user.lang).render_qweb_pdf([contract.id])
        filename = "CAPE-%s.pdf" % contract.sudo().name
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(pdf)),
            ("Content-Disposition", 'attachment; filename="%s"' % filename),
        ])
