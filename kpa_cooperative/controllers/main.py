# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal base every KPA page uses: access check, "my KPAs", the KPA
switch, clean form input, one-time form tokens and form errors.

Odoo merges every ``CustomerPortal`` subclass into one class, so each
helper here is defined once, under a ``_kpa_`` name; the remuneration,
governance and CAPE portals inherit :class:`KpaPortal` and call them.

Guards, and what enforces them:

- access: records are browsed as the user; ``check_access_rights`` and
  ``check_access_rule`` decide (:meth:`KpaPortal._kpa_document`); someone
  else's id answers 404, a back-office user without the model goes home;
- input: every parameter goes through :func:`clean_params` (a file part
  posted into a text field counts as empty, NUL bytes are dropped: the
  portal forms have no file field and PostgreSQL refuses ``\\x00``);
- writes: only on POST, inside ``with request.env.cr.savepoint():``; a
  UserError, ValidationError, AccessError or unique violation becomes a
  form error (:meth:`KpaPortal._kpa_form_write`), never a traceback;
- one record per submission: each form carries a one-time token kept in
  the session (:meth:`KpaPortal._kpa_form_once`); a replay is sent to the
  first submission's result, concurrent ones wait on a PostgreSQL advisory
  lock; the page's script disables the buttons on submit as well;
- the generic report routes ``/report/<converter>/<report>/<ids>`` read
  the requested records as the user first (record rules) and answer 403
  instead of a traceback (:class:`KpaReportController`).
"""
import functools
import secrets

import psycopg2
from werkzeug.datastructures import FileStorage
from werkzeug.utils import redirect

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, \
    ValidationError
from odoo.http import Response, request
from odoo.tools import config, html_escape

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.web.controllers.main import Database, ReportController

from ..services.formatting import fmt_money, web_url

KPA_PAGE_MODELS = ("kpa.cooperative", "kpa.membership", "kpa.place",
                   "project.task")
FORM_TOKEN_FIELD = "kpa_form_token"
_FORM_TOKENS_KEY = "kpa_form_tokens"
_FORM_TOKENS_KEPT = 40
_USED = "used"


# ----------------------------------------------------------------------
# Plain helpers (no state: functions, not portal methods)
# ----------------------------------------------------------------------
def can_read(*models):
    """Whether the user may read every one of ``models``."""
    return all(request.env[model].check_access_rights(
        "read", raise_exception=False) for model in models)


def back_home_unless_readable(*models):
    """A redirect to /my when the user may not read one of ``models``, else
    None. Back-office users outside the KPAs (an accountant, say) can open
    the members' pages; they go back home instead of meeting an error."""
    return None if can_read(*models) else see_other("/my")


def see_other(url):
    """Back to a page after a POST (or a refusal): 303 See Other."""
    return redirect(url, 303)


def safe_int(text):
    """``text`` as an int, 0 when it is not one (never an exception)."""
    try:
        return int(text or 0)
    except (TypeError, ValueError):
        return 0


def safe_date(text):
    """``text`` as a date string, or a date that matches nothing."""
    try:
        return fields.Date.to_string(fields.Date.from_string(text))
    except (TypeError, ValueError):
        return "1900-01-01"


def clean_value(value):
    """A request parameter as text: a file part is no text (empty), a NUL
    byte is dropped (PostgreSQL refuses it in text columns)."""
    if isinstance(value, FileStorage):
        value.close()
        return ""
    if isinstance(value, str):
        return value.replace("\x00", "")
    return value


def clean_params(params):
    """``params`` (the route's keyword arguments) with every value
    :func:`clean_value`'d."""
    return {key: clean_value(value) for key, value in params.items()}


def clean_text(value, limit=None):
    """A form's text: cleaned, stripped and cut to ``limit``."""
    text = clean_value(value)
    text = text.strip() if isinstance(text, str) else ""
    return text[:limit] if limit else text


def kpa_clean_params(route):
    """Under ``@http.route``: the route receives :func:`clean_params`'d
    keyword arguments (a file or a NUL byte never reaches a form)."""
    @functools.wraps(route)
    def wrapper(self, *args, **kwargs):
        return route(self, *args, **clean_params(kwargs))
    return wrapper


# ----------------------------------------------------------------------
# The portal base
# ----------------------------------------------------------------------
class KpaPortal(CustomerPortal):
    """The member's view of their KPA: its face and their prestations; and
    the helpers every KPA portal page uses.

    Record rules do the access work: a member reads only the KPAs they
    belong to and the prestations they signed up for. Staff who may read
    every KPA still see here only the ones they belong to or coordinate:
    the back office is where the CAE looks at them all.
    """

    # -- who I am in the KPAs -------------------------------------------
    @staticmethod
    def _kpa_memo(key, compute):
        """``compute()`` once per request."""
        memo = getattr(request, "_kpa_memo", None)
        if memo is None:
            memo = {}
            request._kpa_memo = memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def _kpa_my_kpas(self):
        """The KPAs I am a current member of (newcomer or member): where I
        may declare, vote and write. The project's one definition."""
        partner = request.env.user.partner_id
        return self._kpa_memo("current", lambda: request.env[
            "kpa.membership"]._kpa_current_kpas(partner))

    def _kpa_my_known_kpas(self):
        """The KPAs I am or was a member of: alumni read their own history
        and create nothing."""
        partner = request.env.user.partner_id
        return self._kpa_memo("known", lambda: request.env[
            "kpa.membership"]._kpa_known_kpas(partner))

    @staticmethod
    def _kpa_pick(kpas, kpa_id, default_first=True):
        """The KPA chosen among ``kpas`` (``?kpa=<id>``, the page's switch);
        an id not among them is ignored. Without a valid choice: the first
        one if ``default_first`` or if there is only one, else none."""
        chosen = kpas.filtered(lambda k: k.id == safe_int(kpa_id))
        if chosen:
            return chosen
        if default_first or len(kpas) == 1:
            return kpas[:1]
        return kpas.browse()

    # -- access -----------------------------------------------------------
    @staticmethod
    def _kpa_document(model, record_id, owner_field=None):
        """The record as the user, or None when it is not theirs to see:
        rights and record rules decide; with ``owner_field``, it must also
        be the user's own (a page about *my* declarations shows only mine,
        even to staff who may read others')."""
        record = request.env[model].browse(safe_int(record_id))
        try:
            record.check_access_rights("read")
            if not record.exists():
                raise MissingError(model)
            record.check_access_rule("read")
            if owner_field and record[owner_field] \
                    != request.env.user.partner_id:
                raise MissingError(model)
        except (AccessError, MissingError):
            return None
        return record

    # -- writing from a form ----------------------------------------------
    @staticmethod
    def _kpa_form_write(write, access_error=None):
        """Run ``write()`` inside a savepoint; None when it went through,
        else the message for the form (in the user's language): a refusal
        is shown on the form, never as a traceback. ``access_error``
        replaces the message of an AccessError (a form code, say)."""
        try:
            with request.env.cr.savepoint():
                write()
        except AccessError as error:
            request.env["res.users"].invalidate_cache()
            return access_error or error.name
        except (UserError, ValidationError) as error:
            request.env["res.users"].invalidate_cache()
            return error.name
        except psycopg2.IntegrityError:
            request.env["res.users"].invalidate_cache()
            return _("This was already recorded (sent twice?): reload the "
                     "page to see it.")
        return None

    @staticmethod
    def _kpa_session_tokens(fresh=False):
        """The form tokens of this session ({token: "" | "used" | url});
        ``fresh`` reads them back from the session store, where a
        concurrent request of the same session may have written."""
        if fresh and request.session.sid:
            stored = http.root.session_store.get(request.session.sid)
            tokens = dict(stored.get(_FORM_TOKENS_KEY) or {})
        else:
            tokens = dict(request.session.get(_FORM_TOKENS_KEY) or {})
        return tokens

    def _kpa_save_tokens(self, tokens, now=False):
        while len(tokens) > _FORM_TOKENS_KEPT:
            tokens.pop(next(iter(tokens)))
        request.session[_FORM_TOKENS_KEY] = tokens
        if now:
            # Written before the transaction ends: a concurrent request
            # waiting on the lock reads it once it gets the lock.
            http.root.session_store.save(request.session)

    def _kpa_form_token(self):
        """A new one-time token for a form (templates call it through the
        ``kpa_form_token`` value, so only pages with a form make one)."""
        token = secrets.token_urlsafe(18)
        tokens = self._kpa_session_tokens(fresh=True)
        tokens[token] = ""
        self._kpa_save_tokens(tokens)
        return token

    def _kpa_form_once(self, post):
        """Spend the posted form's one-time token.

        Returns ``(response, error)``: a redirect to the first submission's
        result when the token was already used for one (a double tap, a
        reload), an error message when the token is unknown or its first
        submission failed (the form is shown again with a new token), else
        ``(None, None)``: go on, and call :meth:`_kpa_form_done` with the
        result's address.
        """
        token = clean_text(post.get(FORM_TOKEN_FIELD), 64)
        spent = getattr(request, "_kpa_spent_tokens", set())
        if token and token in spent:
            # The same request again (Odoo retries it after a
            # serialization failure): still its own token.
            return None, None
        if token:
            # Same session, same form: one at a time, whatever the workers.
            request.env.cr.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))",
                ["kpa_form_token:%s" % request.session.sid])
        tokens = self._kpa_session_tokens(fresh=True)
        state = tokens.get(token) if token else None
        if state and state != _USED:
            return see_other(state), None
        if state is None or state == _USED:
            return None, _("This form was already sent or is out of date: "
                           "check it and send it again.")
        tokens[token] = _USED
        self._kpa_save_tokens(tokens, now=True)
        spent.add(token)
        request._kpa_spent_tokens = spent
        return None, None

    def _kpa_form_submit(self, post, write, url):
        """A member's form sent once: ``(response, error)``. ``write()``
        makes the record and returns an error for the form or None; the
        response is then the redirect to ``url`` (or the first sending's
        result, for a replay)."""
        replay, error = self._kpa_form_once(post)
        if replay:
            return replay, None
        error = error or write()
        if error:
            return None, error
        return self._kpa_form_done(post, url), None

    def _kpa_form_done(self, post, url):
        """The form of ``post`` went through: a replay of its token goes to
        ``url``. Returns the redirect to ``url``."""
        token = clean_text(post.get(FORM_TOKEN_FIELD), 64)
        if token:
            tokens = self._kpa_session_tokens(fresh=True)
            tokens[token] = url
            self._kpa_save_tokens(tokens, now=True)
        return see_other(url)

    # -- the layout ---------------------------------------------------------
    @staticmethod
    def _my_kpas_domain():
        user = request.env.user
        return ["|", ("membership_ids.partner_id", "=", user.partner_id.id),
                ("coordinator_ids", "in", user.id)]

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["kpa_count"] = request.env["kpa.cooperative"].search_count(
            self._my_kpas_domain()) if can_read(*KPA_PAGE_MODELS) else 0
        values["kpa_form_token"] = self._kpa_form_token
        values["kpa_form_token_field"] = FORM_TOKEN_FIELD
        values["kpa_web_url"] = web_url
        values["kpa_fmt_money"] = fmt_money
        return values

    # -- pages ----------------------------------------------------------------
    @http.route(["/my/kpa"], type="http", auth="user", website=True)
    @kpa_clean_params
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


# ----------------------------------------------------------------------
# Odoo's generic report routes
# ----------------------------------------------------------------------
class KpaReportController(ReportController):
    """``/report/<converter>/<report>/<ids>``: the requested records are
    read as the requester first (rights and record rules), and a refusal
    answers 403 with its message instead of a traceback. Each report may
    check more (the pay statement does: whose pay it is)."""

    @http.route([
        "/report/<converter>/<reportname>",
        "/report/<converter>/<reportname>/<docids>",
    ], type="http", auth="user", website=True)
    def report_routes(self, reportname, docids=None, converter=None,
                      **data):
        try:
            ids = [int(i) for i in docids.split(",")] if docids else []
        except ValueError:
            return request.not_found()
        try:
            report = request.env["ir.actions.report"]._get_report_from_name(
                reportname)
            if not report:
                return request.not_found()
            if ids:
                records = request.env[report.model].browse(ids)
                records.check_access_rights("read")
                if len(records.exists()) != len(set(ids)):
                    raise MissingError(_("This document does not exist."))
                records.check_access_rule("read")
            return super().report_routes(
                reportname, docids=docids, converter=converter, **data)
        except MissingError:
            return request.not_found()
        except AccessError as error:
            return _forbidden(error.name)
        except Exception as error:  # pylint: disable=broad-except
            cause = getattr(error, "error", None)  # a QWebException's cause
            if isinstance(cause, AccessError):
                return _forbidden(cause.name)
            raise


# ---------------------------------------------------------------------------
# Odoo's database manager
# ---------------------------------------------------------------------------
class KpaDatabase(Database):
    """With ``list_db = False`` (make setup writes it) the database manager
    is not served at all: Odoo 11 still renders it, and its forms back up
    and drop databases behind the master password alone."""

    @http.route()
    def manager(self, **kw):
        if not config["list_db"]:
            return request.not_found()
        return super().manager(**kw)

    @http.route()
    def selector(self, **kw):
        if not config["list_db"]:
            return request.not_found()
        return super().selector(**kw)


def _forbidden(message):
    return Response(
        "<!DOCTYPE html><html><body><p>%s</p></body></html>"
        % html_escape(message), status=403,
        content_type="text/html; charset=utf-8")


__all__ = ["KpaDatabase", "KpaPortal", "KpaReportController",
           "back_home_unless_readable", "can_read", "clean_params",
           "clean_text", "clean_value", "kpa_clean_params", "safe_date",
           "safe_int", "see_other"]
