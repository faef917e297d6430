# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import re

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, \
    ValidationError
from odoo.http import request

from odoo.addons.kpa_cooperative.controllers.main import \
    back_home_unless_readable
from odoo.addons.portal.controllers.portal import CustomerPortal, \
    pager as portal_pager

from ..services import pot

MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
PAGE_SIZE = 20


class RemunerationPortal(CustomerPortal):
    """/my/declarations: my pay, the pot, what the others take."""

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _remuneration_kpas(self):
        """The KPAs I am a current member of (as superuser once filtered
        on my own partner: membership rows are not secret to me)."""
        partner = request.env.user.partner_id
        return request.env["kpa.membership"].sudo().search([
            ("partner_id", "=", partner.id), ("state", "!=", "alumni"),
        ]).mapped("kpa_id")

    @staticmethod
    def _remuneration_kpa(kpas, kpa_id=None):
        """The KPA chosen among mine (``kpa_id``, from the page's switch),
        else my first one; someone else's id counts as no choice."""
        chosen = kpas.filtered(lambda k: k.id == _safe_int(kpa_id))
        return chosen or kpas[:1]

    def _open_weeks(self, kpa):
        """This week (made if missing) and the open weeks before it."""
        Period = request.env["kpa.remuneration.period"]
        today = fields.Date.context_today(Period)
        Period._kpa_get_week(kpa, today)
        return Period.sudo().search([
            ("kpa_id", "=", kpa.id), ("state", "=", "open"),
            ("date_start", "<=", today)], limit=6)

    def _amount_error(self, reason, what):
        return {
            pot.AMOUNT_EMPTY: _("Write %s (0 is allowed).") % what,
            pot.AMOUNT_NOT_A_NUMBER: _(
                "%s must be a number, like 120 or 120,50.") % what,
            pot.AMOUNT_NEGATIVE: _("%s cannot be negative.") % what,
            pot.AMOUNT_TOO_PRECISE: _(
                "%s: two decimals at most (cents).") % what,
            pot.AMOUNT_TOO_BIG: _("%s is too big: check it.") % what,
        }.get(reason, _("%s is not valid.") % what)

    def _read_form(self, post):
        """(values, errors) from the posted form, never an exception."""
        errors = []
        net, reason = pot.parse_amount(post.get("amount_net", ""))
        if reason:
            errors.append(self._amount_error(reason, _("The net amount")))
        hours, reason = pot.parse_hours(post.get("hours", ""))
        if reason:
            errors.append(self._amount_error(reason, _("The hours")))
        comment = (post.get("comment") or "").strip()[:2000]
        values = {"comment": comment or False}
        if net is not None:
            values["amount_net"] = float(net)
        if hours is not None:
            values["hours"] = float(hours)
        return values, errors

    def _preview(self, values):
        company = request.env.user.company_id.sudo()
        gross, employer, cost = pot.pay_from_net(
            pot.cents(values.get("amount_net", 0)),
            company.kpa_employee_rate, company.kpa_employer_rate)
        return {"gross": gross, "employer": employer, "cost": cost}

    @staticmethod
    def _my_declarations_domain():
        """My own declarations: staff may read others', these pages are
        about mine."""
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _my_declaration(self, declaration_id):
        """My declaration or None (someone else's is as good as absent)."""
        declaration = request.env["kpa.remuneration.declaration"].browse(
            declaration_id)
        try:
            declaration.check_access_rights("read")
            declaration.check_access_rule("read")
            if not declaration.exists() or declaration.partner_id \
                    != request.env.user.partner_id:
                raise MissingError(declaration_id)
        except (AccessError, MissingError):
            return None
        return declaration

    def _week_table(self, period):
        """Everyone's amounts for a week of my KPA; comments only mine."""
        me = request.env.user.partner_id
        rows = []
        for declaration in period.sudo().declaration_ids:
            rows.append({
                "name": declaration.partner_id.name,
                "mine": declaration.partner_id == me,
                "net": declaration.amount_net,
                "gross": declaration.amount_gross,
                "cost": declaration.amount_cost,
                "hours": declaration.hours,
                "state": declaration.state,
                "comment": declaration.comment
                if declaration.partner_id == me else False,
            })
        return rows

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        Declaration = request.env["kpa.remuneration.declaration"]
        values["declaration_count"] = Declaration.search_count(
            self._my_declarations_domain()) \
            if Declaration.check_access_rights(
                "read", raise_exception=False) else 0
        # Found once per page: the pages below read it from here.
        values["remuneration_kpas"] = self._remuneration_kpas()
        values["can_declare"] = bool(values["remuneration_kpas"])
        return values

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route(["/my/declarations", "/my/declarations/page/<int:page>"],
                type="http", auth="user", website=True)
    def portal_my_declarations(self, page=1, week=None, kpa=None, **_kw):
        denied = back_home_unless_readable("kpa.remuneration.declaration")
        if denied:
            return denied
        values = self._prepare_portal_layout_values()
        kpas = values["remuneration_kpas"]
        kpa = self._remuneration_kpa(kpas, kpa)
        Declaration = request.env["kpa.remuneration.declaration"]
        count = Declaration.search_count(self._my_declarations_domain())
        pager = portal_pager(url="/my/declarations", total=count,
                             page=page, step=PAGE_SIZE)
        declarations = Declaration.search(
            self._my_declarations_domain(), limit=PAGE_SIZE,
            offset=pager["offset"])
        period = request.env["kpa.remuneration.period"]
        if kpa:
            weeks = self._open_weeks(kpa)
            period = weeks[:1]
            if week:
                chosen = request.env["kpa.remuneration.period"].sudo() \
                    .search([("kpa_id", "=", kpa.id),
                             ("date_start", "=", _safe_date(week))],
                            limit=1)
                period = chosen or period
        values.update({
            "page_name": "declarations",
            "declarations": declarations,
            "pager": pager,
            "kpa": kpa,
            "kpas": kpas,
            "period": period.sudo(),
            "table": self._week_table(period) if period else [],
            "previous_week": _shift(period, -7),
            "next_week": _shift(period, 7),
        })
        return request.render("kpa_remuneration.portal_my_declarations",
                              values)

    @http.route(["/my/declarations/new"], type="http", auth="user",
                website=True, methods=["GET", "POST"])
    def portal_declaration_new(self, **post):
        values = self._prepare_portal_layout_values()
        kpas = values["remuneration_kpas"]
        kpa = self._remuneration_kpa(kpas, post.get("kpa"))
        if not kpa:
            return request.redirect("/my")
        weeks = self._open_weeks(kpa)
        mine = request.env["kpa.remuneration.declaration"].search(
            self._my_declarations_domain() + [("period_id", "in", weeks.ids)])
        weeks = weeks - mine.mapped("period_id")
        values.update({"page_name": "declarations", "kpa": kpa,
                       "kpas": kpas, "weeks": weeks, "errors": [], "post": post,
                       "preview": None})
        if request.httprequest.method == "POST" and weeks:
            form, errors = self._read_form(post)
            period = weeks.filtered(
                lambda w: str(w.id) == str(post.get("period_id")))[:1]
            if not period:
                errors.append(_("Choose a week."))
            if not errors and post.get("action") == "send":
                try:
                    declaration = request.env[
                        "kpa.remuneration.declaration"].with_context(
                        mail_create_nosubscribe=True).create(dict(
                            form, period_id=period.id,
                            partner_id=request.env.user.partner_id.id,
                            state="submitted"))
                    return request.redirect(
                        "/my/declarations/%d?sent=1" % declaration.id)
                except (UserError, ValidationError, AccessError) as error:
                    request.env.cr.rollback()
                    errors.append(error.name)
            values["errors"] = errors
            if not errors:
                values["preview"] = self._preview(form)
        return request.render("kpa_remuneration.portal_declaration_new",
                              values)

    @http.route(["/my/declarations/<int:declaration_id>"], type="http",
                auth="user", website=True, methods=["GET", "POST"])
    def portal_declaration(self, declaration_id, **post):
        declaration = self._my_declaration(declaration_id)
        if declaration is None:
            return request.not_found()
        values = self._prepare_portal_layout_values()
        errors = []
        if request.httprequest.method == "POST":
            form, errors = self._read_form(post)
            if declaration.state == "validated":
                errors.append(_("This week is validated: it cannot change."))
            if not errors:
                try:
                    declaration.write(form)
                    if declaration.state in ("draft", "refused"):
                        declaration.action_submit()
                    return request.redirect(
                        "/my/declarations/%d?sent=1" % declaration.id)
                except (UserError, ValidationError, AccessError) as error:
                    request.env.cr.rollback()
                    errors.append(error.name)
                    declaration.invalidate_cache()
        values.update({
            "page_name": "declarations",
            "declaration": declaration,
            "period": declaration.sudo().period_id,
            "errors": errors,
            "post": post,
            "sent": post.get("sent"),
        })
        return request.render("kpa_remuneration.portal_declaration", values)

    @http.route(["/my/declarations/statement"], type="http", auth="user",
                website=True)
    def portal_declaration_statement(self, month=None, **_kw):
        match = MONTH_PATTERN.match(month or "")
        if not match:
            return request.not_found()
        partner = request.env.user.partner_id
        report = request.env.ref(
            "kpa_remuneration.kpa_remuneration_statement_report").sudo()
        pdf, _format = report.with_context(
            lang=request.env.user.lang).render_qweb_pdf(
            [partner.id], data={"month": month})
        filename = "remuneration-%s.pdf" % month
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(pdf)),
            ("Content-Disposition", 'attachment; filename="%s"' % filename),
        ])


def _safe_int(text):
    try:
        return int(text or 0)
    except (TypeError, ValueError):
        return 0


def _safe_date(text):
    try:
        return fields.Date.to_string(fields.Date.from_string(text))
    except (TypeError, ValueError):
        return "1900-01-01"


def _shift(period, days):
    if not period:
        return False
    start = fields.Date.from_string(period.date_start)
    return fields.Date.to_string(start + datetime.timedelta(days=days))
