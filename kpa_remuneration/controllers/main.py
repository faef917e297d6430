# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/declarations: my pay, the pot, what the others take.

Built on the portal base (``kpa_cooperative.controllers.main``): a GET
shows and never writes (this week is made by the first declaration sent
for it, not by a visit); a POST writes inside a savepoint, once per form
token.
"""
import re
from decimal import Decimal

import psycopg2

from odoo import _, fields, http
from odoo.http import request

from odoo.addons.kpa_cooperative.controllers.main import KpaPortal, \
    back_home_unless_readable, clean_text, kpa_clean_params, see_other
from odoo.addons.kpa_cooperative.services.formatting import fmt_date, \
    fmt_hours, fmt_money
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
    def _remuneration_week_view(self, kpa, week=None):
        """What the page shows of a week of ``kpa`` (never made here): the
        week asked (``?week=``, any day of it) or the member's week (this
        week if it was made or no earlier week is open, else the last open
        one), its pot as I see it, the table, the neighbour weeks within
        the KPA's first week and this week, and why the week asked is not
        shown, if it is not."""
        Period = request.env["kpa.remuneration.period"].sudo()
        today = fields.Date.from_string(fields.Date.context_today(Period))
        first = Period._kpa_first_monday(kpa)
        monday, reason = pot.week_asked(week, first, today)
        default = self._remuneration_default_week(kpa, today)
        if not week or reason:
            monday = default
        period = Period._kpa_week_or_new(kpa, monday)
        before, after = pot.week_neighbours(monday, first, today)
        if period.state == "validated":
            state = "validated"
        elif period.id or monday == pot.week_bounds(today)[0]:
            state = "open"
        else:
            state = "empty"  # a week gone by that nobody declared for
        return {
            "period": period,
            "week_state": state,
            "currency": kpa.sudo().company_id.currency_id,
            "figures": _floats(period._kpa_member_pot(
                request.env.user.partner_id)),
            "table": self._week_table(period),
            "week_message": self._week_message(reason, kpa, first),
            "previous_week": before and fields.Date.to_string(before),
            "next_week": after and fields.Date.to_string(after),
            "default_week": fields.Date.to_string(default)
            if monday != default else False,
        }

    @staticmethod
    def _remuneration_default_week(kpa, today):
        """The Monday of the member's week: this week when it was made or
        when no earlier week is open, else the last open week (still being
        declared, before its session)."""
        Period = request.env["kpa.remuneration.period"].sudo()
        this_monday = pot.week_bounds(today)[0]
        if Period._kpa_get_week(kpa, this_monday, create=False):
            return this_monday
        open_week = Period.search([
            ("kpa_id", "=", kpa.id), ("state", "=", "open"),
            ("date_start", "<", fields.Date.to_string(this_monday))],
            limit=1)
        return fields.Date.from_string(open_week.date_start) if open_week \
            else this_monday

    @staticmethod
    def _week_message(reason, kpa, first):
        if reason == pot.WEEK_MALFORMED:
            return _("This address names no week: here is the current "
                     "week.")
        if reason == pot.WEEK_BEFORE_FIRST:
            return _("%s has no week before the week of %s: here is the "
                     "current week.") % (kpa.sudo().name, fmt_date(first))
        if reason == pot.WEEK_TO_COME:
            return _("That week has not come yet: here is the current "
                     "week.")
        return False

    def _remuneration_week_choices(self, kpa):
        """The weeks I may still declare for: this week (made or not yet)
        and the open weeks before it since the last validated one, minus
        those I declared. A list of {"key": Monday as text, "name",
        "period" (a week not made yet: unsaved)}."""
        Period = request.env["kpa.remuneration.period"].sudo()
        today = fields.Date.context_today(Period)
        domain = [("kpa_id", "=", kpa.id), ("state", "=", "open"),
                  ("date_start", "<=", today)]
        last_validated = Period.search([
            ("kpa_id", "=", kpa.id), ("state", "=", "validated")], limit=1)
        if last_validated:
            # Earlier open weeks can no longer be validated: weeks are
            # validated in order.
            domain.append(("date_start", ">", last_validated.date_start))
        weeks = Period.search(domain, limit=6)
        declared = request.env["kpa.remuneration.declaration"].search(
            self._my_declarations_domain()
            + [("period_id", "in", weeks.ids)]).mapped("period_id")
        choices = [{"key": week.date_start, "name": week.name,
                    "period": week} for week in weeks - declared.sudo()]
        if not Period._kpa_get_week(kpa, today, create=False):
            monday = pot.week_bounds(fields.Date.from_string(today))[0]
            draft = Period._kpa_week_or_new(kpa, monday)
            choices.insert(0, {"key": draft.date_start, "name": draft.name,
                               "period": draft})
        return choices

    def _remuneration_no_week(self, kpa):
        """Why I may declare for no week of ``kpa``: my declaration of an
        open week (declared already), else none (the week is validated)."""
        return request.env["kpa.remuneration.declaration"].search(
            self._my_declarations_domain() + [
                ("period_id.kpa_id", "=", kpa.id),
                ("period_id.state", "=", "open")], limit=1)

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
    @staticmethod
    def _net_error(reason):
        return {
            pot.AMOUNT_EMPTY: _(
                "Write the net amount you take (0 is allowed)."),
            pot.AMOUNT_NOT_A_NUMBER: _(
                "The net amount must be a number, like 120 or 120,50."),
            pot.AMOUNT_NEGATIVE: _("The net amount cannot be below 0."),
            pot.AMOUNT_TOO_PRECISE: _(
                "The net amount has two figures at most after the comma "
                "(the cents), like 120,50."),
            pot.AMOUNT_TOO_BIG: _(
                "The net amount is too big for a week: check it."),
        }.get(reason, _("The net amount is not valid: check it."))

    @staticmethod
    def _hours_error(reason):
        return {
            pot.AMOUNT_NOT_A_NUMBER: _(
                "The hours must be a number, like 4 or 4,5 (4,5 is 4 h "
                "30)."),
            pot.AMOUNT_NEGATIVE: _("The hours cannot be below 0."),
            pot.AMOUNT_TOO_PRECISE: _(
                "The hours have two figures at most after the comma, like "
                "4,5 or 4,25."),
            pot.AMOUNT_TOO_BIG: _(
                "A week has 168 hours at most: check the hours."),
        }.get(reason, _("The hours are not valid: check them."))

    def _read_form(self, post):
        """(values, errors) from the posted form, never an exception."""
        errors = []
        net, reason = pot.parse_amount(clean_text(post.get("amount_net")))
        if reason:
            errors.append(self._net_error(reason))
        hours, reason = pot.parse_hours(clean_text(post.get("hours")))
        if reason:
            errors.append(self._hours_error(reason))
        comment = clean_text(post.get("comment"), COMMENT_MAX)
        values = {"comment": comment or False}
        if net is not None:
            values["amount_net"] = float(net)
        if hours is not None:
            values["hours"] = float(hours)
        return values, errors

    @staticmethod
    def _preview(period, values):
        """What the net asked costs in ``period`` (a week, made or not),
        and whether it fits in what the others left in the pot."""
        partner = request.env.user.partner_id
        gross, employer, cost = period._kpa_pay_from_net(
            values.get("amount_net", 0), period._kpa_contract_of(partner))
        figures = period._kpa_member_pot(partner)
        return {"gross": gross, "employer": employer, "cost": cost,
                "left": figures["left_for_me"],
                "max_net": figures["max_net"],
                "over": cost > figures["left_for_me"]}

    @staticmethod
    def _over_error(preview):
        """The form error for an ask over what is left, else None (the
        model refuses it too: this says it in the member's words)."""
        if not preview["over"]:
            return None
        return _("Your ask costs %s, and only %s is left in the pot this "
                 "week: ask %s net at most.") % (
            fmt_money(preview["cost"]),
            fmt_money(max(preview["left"], 0)),
            fmt_money(preview["max_net"]))

    @staticmethod
    def _my_declarations_domain():
        """My own declarations: staff may read others', these pages are
        about mine."""
        return [("partner_id", "=", request.env.user.partner_id.id)]

    @staticmethod
    def _week_table(period):
        """Everyone's amounts for a week of my KPA; comments only mine."""
        me = request.env.user.partner_id
        Declaration = request.env["kpa.remuneration.declaration"]
        states = dict(Declaration._fields["state"]._description_selection(
            request.env))
        rows = []
        for declaration in period.sudo().declaration_ids:
            rows.append({
                "name": declaration.partner_id.name,
                "mine": declaration.partner_id == me,
                "net": declaration.amount_net,
                "gross": declaration.amount_gross,
                "cost": declaration.amount_cost,
                "hours": declaration.hours,
                "state": states.get(declaration.state),
                "counts": declaration.state in pot.ASK_STATES,
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
        values["kpa_fmt_hours"] = fmt_hours
        values["kpa_input_amount"] = pot.input_amount
        values["kpa_input_hours"] = pot.input_hours
        return values

    def _statement_month(self):
        """The month the statement form offers: the last one with a
        validated declaration of mine, else this month ("YYYY-MM")."""
        last = request.env["kpa.remuneration.declaration"].search(
            self._my_declarations_domain() + [("state", "=", "validated")],
            order="date_start desc", limit=1)
        if last:
            return last.sudo().period_id.date_end[:7]
        return fields.Date.context_today(request.env.user)[:7]

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
        values.update({
            "page_name": "declarations",
            "declarations": declarations,
            "pager": pager,
            "kpa": kpa,
            "kpas": kpas,
            "period": False,
            "statement_month": self._statement_month(),
        })
        if kpa:
            values.update(self._remuneration_week_view(kpa, week))
            values["weeks"] = self._remuneration_week_choices(kpa)
            values["mine_open"] = not values["weeks"] \
                and self._remuneration_no_week(kpa)
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
        choice = [week for week in weeks
                  if week["key"] == post.get("week")][:1]
        shown = (choice or weeks)[:1]
        values.update({
            "page_name": "declaration_new", "kpa": kpa, "kpas": kpas,
            "weeks": weeks, "errors": errors, "post": post, "preview": None,
            "mine_open": not weeks and self._remuneration_no_week(kpa),
            "currency": kpa.sudo().company_id.currency_id,
            "figures": shown and _floats(shown[0]["period"]._kpa_member_pot(
                request.env.user.partner_id)),
        })
        if is_post and weeks:
            form, form_errors = self._read_form(post)
            errors.extend(form_errors)
            if not choice:
                errors.append(_("Choose a week."))
            preview = None if errors \
                else self._preview(choice[0]["period"], form)
            if preview and post.get("action") == "send":
                error = self._over_error(preview)
                if error:
                    errors.append(error)
            if not errors and post.get("action") == "send":
                period = choice[0]["period"]
                if not period.id:
                    period = self._remuneration_make_week(
                        kpa, choice[0]["key"])
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
                values["preview"] = _floats(preview)
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
            if declaration.state == "validated" \
                    or declaration.sudo().period_id.state != "open":
                errors.append(_("This week is validated: it cannot change."))
            if not errors:
                over = self._over_error(self._preview(
                    declaration.sudo().period_id, form))
                if over:
                    errors.append(over)
            if not errors:
                error = self._kpa_form_write(
                    lambda: self._remuneration_resend(declaration, form))
                if not error:
                    return self._kpa_form_done(
                        post, "/my/declarations/%d?sent=1" % declaration.id)
                errors.append(error)
        values = self._prepare_portal_layout_values()
        period = declaration.sudo().period_id
        values.update({
            "page_name": "declaration",
            "declaration": declaration,
            "period": period,
            "kpa": period.kpa_id,
            "currency": period.currency_id,
            "figures": _floats(period._kpa_member_pot(
                request.env.user.partner_id)),
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


def _floats(figures):
    """``figures`` with its amounts (Decimal) as floats, for the monetary
    widget of the templates."""
    return {key: float(value) if isinstance(value, Decimal) else value
            for key, value in figures.items()}
