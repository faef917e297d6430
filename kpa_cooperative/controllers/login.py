# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The login page says why a login is refused when it was banned by OCA
auth_brute_force (too many wrong passwords), instead of "wrong password"
again, which would only make the member try once more."""
from odoo import _, http
from odoo.tools import config
from odoo.http import request

from odoo.addons.auth_signup.controllers.main import AuthSignupHome


class KpaLogin(AuthSignupHome):

    @http.route()
    def web_login(self, redirect=None, **kw):
        response = super().web_login(redirect=redirect, **kw)
        qcontext = getattr(response, "qcontext", None)
        if (request.httprequest.method == "POST" and qcontext
                and qcontext.get("error")):
            attempts = request.env["res.authentication.attempt"].sudo()
            if attempts._kpa_banned(request.httprequest.remote_addr):
                minutes = attempts._kpa_ban_minutes()
                qcontext["error"] = _(
                    "Too many wrong passwords: this login is locked for "
                    "%d minutes. Then try again, or use \"Forgot your "
                    "password?\".") % minutes if minutes else _(
                    "Too many wrong passwords: this login is locked. Ask "
                    "your coordinator to unlock it.")
        return response

    def get_auth_signup_qcontext(self):
        # Odoo's login page hides its "Manage databases" link when the
        # manager is off (list_db = False); its reset and signup pages not.
        qcontext = super().get_auth_signup_qcontext()
        qcontext["disable_database_manager"] = not config["list_db"]
        return qcontext
