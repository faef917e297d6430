# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Error pages a member can read: a wrong link, a page that is not theirs
or a failure shows a French page in the portal layout with a way home, not
werkzeug's bare English page. Only pages (`website=True` routes and unknown
addresses); JSON, XML-RPC, files and reports keep Odoo's answers."""
import logging

import werkzeug.exceptions
import werkzeug.http
import werkzeug.wrappers

from odoo import exceptions, models
from odoo.http import request

_logger = logging.getLogger(__name__)

# Shown when the page itself cannot be drawn (the database is down...).
FALLBACK_PAGE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"/>'
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
    '<title>Un problème est survenu</title></head>'
    '<body style="font-family:sans-serif;font-size:18px;padding:16px">'
    '<h1>Un problème est survenu</h1>'
    '<p>Réessaie dans un moment.</p>'
    '<p><a href="/my/home" style="display:inline-block;padding:12px 20px;'
    'background:#337ab7;color:#fff;text-decoration:none">'
    "Retour à l'accueil</a></p></body></html>")


def error_code(exception):
    """The HTTP status a member's page answers ``exception`` with, or None
    when Odoo's own answer must stay (a redirect, a session to renew)."""
    if isinstance(exception, werkzeug.exceptions.HTTPException):
        return exception.code if exception.code in (400, 403, 404) else (
            None if (exception.code or 0) < 500 else 500)
    if isinstance(exception, (exceptions.AccessError,
                              exceptions.AccessDenied)):
        return 403
    if isinstance(exception, exceptions.MissingError):
        return 404
    if isinstance(exception, (exceptions.UserError,
                              exceptions.ValidationError)):
        return 400
    return 500


def is_werkzeug_page(body, code):
    """Whether ``body`` is werkzeug's bare page for the status ``code``."""
    title = "<title>%d %s</title>" % (
        code, werkzeug.http.HTTP_STATUS_CODES.get(code, ""))
    return title.encode() in body[:200]


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _kpa_is_page_request(cls):
        return bool(getattr(request, "is_frontend", False)
                    and request._request_type == "http")

    @classmethod
    def _dispatch(cls):
        response = super()._dispatch()
        # A controller's `return request.not_found()` reaches here already
        # turned into werkzeug's page by the route wrapper.
        code = getattr(response, "status_code", None)
        if (code in (403, 404) and cls._kpa_is_page_request()
                and is_werkzeug_page(response.get_data(), code)):
            return cls._kpa_error_page(None, code)
        return response

    @classmethod
    def _handle_exception(cls, exception):
        if not cls._kpa_is_page_request():
            return super()._handle_exception(exception)
        try:
            response = super()._handle_exception(exception)
        except Exception as error:  # Odoo re-raises what it does not answer
            response = error
        if not isinstance(response, Exception):
            return response  # a redirect to the login page, a response
        code = error_code(response)
        if code is None:
            return response
        if code == 500:
            _logger.exception("Page %s failed", request.httprequest.path)
        return cls._kpa_error_page(response, code)

    @classmethod
    def _kpa_error_page(cls, exception, code):
        message = None
        if code == 400 and isinstance(exception, exceptions.UserError):
            message = exception.name  # written for the user, in French
        try:
            if code == 500:
                request.env.cr.rollback()
            if not request.uid:
                cls._auth_method_public()
            html = request.env["ir.ui.view"].render_template(
                "kpa_cooperative.http_error", {
                    "status_code": code,
                    "message": message,
                    "logged_in": not request.env.user._is_public(),
                })
        except Exception:
            _logger.exception("The error page could not be drawn")
            html = FALLBACK_PAGE
        return werkzeug.wrappers.Response(
            html, status=code, content_type="text/html;charset=utf-8")
