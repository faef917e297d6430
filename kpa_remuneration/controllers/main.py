# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/declarations: my pay, the pot, what the others take.

Built on the portal base (``kpa_cooperative.controllers.main``): a GET
shows and never writes (this week is made by the first declaration sent
for it, not by a visit); a POST writes inside a savepoint, once per form
token.
"""
import datetime
import re

import psycopg2

from odoo import _, fields, http
from odoo.http import request

from odoo.addons.kpa_cooperative.controllers.main import KpaPortal, \
    back_home_unless_readable, clean_text, kpa_clean_params, safe_date, \
    see_other
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..services import pot

MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
PAGE_SIZE = 20
COMMENT_MAX = 2000


class RemunerationPortal(KpaPortal):
    """/my/declarations: my pay, the pot, what the others take."""

    # ------------------------------------------------------------------
    # Weeks: shown on GET, made on the POST that needs one
    # ------------------------------------------------------------------
    @staticmethod
    def _remuneration_shown_week(kpa, week=None):
        """The week to show (never made here): the one asked (``week``, a
        date) if it exists, else this week, else the last open one."""
        Period = request.env["kpa.remuneration.period"].sudo()
        today = fields.Date.context_today(Period)
        if week:
            chosen = Period.search([("kpa_id", "=", kpa.id),
                                    ("date_start", "=", safe_date(week))],
                                   limit=1)
            if chosen:
                return chosen
        return Period._kpa_get_week(kpa, today, create=False) \
            or Period.search([("kpa_id", "=", kpa.id),
                              ("state", "=", "open"),
                              ("date_start", "<=", today)], limit=1)

    def _remuneration_week_choices(self, kpa):
        """The weeks I may still declare for: this week (made or not yet)
        and the open weeks before it, minus those I declared. A list of
        {"key": Monday as text, "name", "period" (empty if not made)}."""
        Period = request.env["kpa.remuneration.period"].sudo()
        today = fields.Date.context_today(Period)
        weeks = Period.search([
            ("kpa_id", "=", kpa.id), ("state", "=", "open"),
            ("date_start", "<=", today)], limit=6)
        declared = request.env["kpa.remuneration.declaration"].search(
            self._my_declarations_domain()
            + [("period_id", "in", weeks.ids)]).mapped("period_id")
        choices = [{"key": week.date_start, "name": week.name,
                    "period": week} for week in weeks - declared.sudo()]
        if not Period._kpa_get_week(kpa, today, create=False):
            monday, sunday = pot.week_bounds(fields.Date.from_string(today))
            key = fields.Date.to_string(monday)
            draft = Period.new({"kpa_id": kpa.id, "date_start": key,
                                "date_end": fields.Date.to_string(sunday)})
            choices.insert(0, {"key": key, "name": draft.name,
                               "period": Period.browse()})
        return choices

    @staticmethod
    def _remuneration_make_week(kpa, monday):
        """The week of ``kpa`` starting on ``monday``, made now if missing
        (once: the week is unique per KPA). Two first declarations of a
        new week at once: the second meets the unique index, rolls back
        (Odoo reads in REPEATABLE READ, only a new transaction sees the
        week the other one made: nothing else was written yet on this
        path) and reads the week back."""
        Period = request.env["kpa.remuneration.period"]
        try:
            with request.env.cr.savepoint():
                return Period._kpa_get_week(kpa, monday)
        except psycopg2.IntegrityError:
            request.env.cr.rollback()
            request.env["res.users"].invalidate_cache()
            return Period._kpa_get_week(kpa, monday, create=False)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
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
        net, reason = pot.parse_amount(clean_text(post.get("amount_net")))
        if reason:
            errors.append(self._amount_error(reason, _("The net amount")))
        hours, reason = pot.parse_hours(clean_text(post.get("hours")))
        if reason:
            errors.append(self._amount_error(reason, _("The hours")))
        comment = clean_text(post.get("comment"), COMMENT_MAX)
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
        # Where I may declare: my current KPAs (an alumnus reads their own
        # declarations and declares nothing).
        values["remuneration_kpas"] = self._kpa_my_kpas()
        values["can_declare"] = bool(values["remuneration_kpas"])
        return values

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route(["/my/declarations", "/my/declarations/page/<int:page>"],
                type="http", auth="user", website=True)
    @kpa_clean_params
    def portal_my_declarations(self, page=1, week=None, kpa=None, **_kw):
        denied = back_home_unless_readable("kpa.remuneration.declaration")
        if denied:
            return denied
        values = self._prepare_portal_layout_values()
        kpas = values["remuneration_kpas"]
        kpa = self._kpa_pick(kpas, kpa)
        Declaration = request.env["kpa.remuneration.declaration"]
        count = Declaration.search_count(self._my_declarations_domain())
        pager = portal_pager(url="/my/declarations", total=count,
                             page=page, step=PAGE_SIZE)
        declarations = Declaration.search(
            self._my_declarations_domain(), limit=PAGE_SIZE,
            offset=pager["offset"])
        period = self._remuneration_shown_week(kpa, week) if kpa \
            else request.env["kpa.remuneration.period"]
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
    @kpa_clean_params
    def portal_declaration_new(self, **post):
        is_post = request.httprequest.method == "POST"
        errors = []
        if is_post and post.get("action") == "send":
            replay, error = self._kpa_form_once(post)
            if replay:
                return replay
            if error:
                errors.append(error)
        values = self._prepare_portal_layout_values()
        kpas = values["remuneration_kpas"]
        kpa = self._kpa_pick(kpas, post.get("kpa"))
        if not kpa:
            return see_other("/my")
        weeks = self._remuneration_week_choices(kpa)
        values.update({"page_name": "declarations", "kpa": kpa,
                       "kpas": kpas, "weeks": weeks, "errors": errors,
                       "post": post, "preview": None})
        if is_post and weeks:
            form, form_errors = self._read_form(post)
            errors.extend(form_errors)
            choice = [week for week in weeks
                      if week["key"] == post.get("week")][:1]
            if not choice:
                errors.append(_("Choose a week."))
            if not errors and post.get("action") == "send":
                period = choice[0]["period"] \
                    or self._remuneration_make_week(kpa, choice[0]["key"])
                made = []
                error = self._kpa_form_write(lambda: made.append(request.env[
                    "kpa.remuneration.declaration"].with_context(
                        mail_create_nosubscribe=True).create(dict(
                            form, period_id=period.id,
                            partner_id=request.env.user.partner_id.id,
                            state="submitted"))))
                if not error:
                    return self._kpa_form_done(
                        post, "/my/declarations/%d?sent=1" % made[0].id)
                errors.append(error)
            if not errors:
                values["preview"] = self._preview(form)
        return request.render("kpa_remuneration.portal_declaration_new",
                              values)

    @http.route(["/my/declarations/<int:declaration_id>"], type="http",
                auth="user", website=True, methods=["GET", "POST"])
    @kpa_clean_params
    def portal_declaration(self, declaration_id, **post):
        declaration = self._kpa_document(
            "kpa.remuneration.declaration", declaration_id, "partner_id")
        if declaration is None:
            return request.not_found()
        errors = []
        if request.httprequest.method == "POST":
            replay, error = self._kpa_form_once(post)
            if replay:
                return replay
            form, errors = self._read_form(post)
            if error:
                errors.insert(0, error)
            if declaration.state == "validated":
                errors.append(_("This week is validated: it cannot change."))
            if not errors:
                error = self._kpa_form_write(
                    lambda: self._remuneration_resend(declaration, form))
                if not error:
                    return self._kpa_form_done(
                        post, "/my/declarations/%d?sent=1" % declaration.id)
                errors.append(error)
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "declarations",
            "declaration": declaration,
            "period": declaration.sudo().period_id,
            "errors": errors,
            "post": post,
            "sent": post.get("sent"),
        })
        return request.render("kpa_remuneration.portal_declaration", values)

    @staticmethod
    def _remuneration_resend(declaration, form):
        declaration.write(form)
        if declaration.state in ("draft", "refused"):
            declaration.action_submit()

    @http.route(["/my/declarations/statement"], type="http", auth="user",
                website=True)
    @kpa_clean_params
    def portal_declaration_statement(self, month=None, **_kw):
        match = MONTH_PATTERN.match(month or "")
        if not match:
            return request.not_found()
        partner = request.env.user.partner_id
        # Rendered as superuser for my own partner only: the report lets
        # superuser through and checks everyone else (its own rule).
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


def _shift(period, days):
    if not period:
        return False
    start = fields.Date.from_string(period.date_start)
    return fields.Date.to_string(start + datetime.timedelta(days=days))
