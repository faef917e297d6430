# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import api, fields, models

# OCA auth_brute_force bans an address for good after 10 wrong passwords
# for one login (50 for any): a member who mistypes on a phone keyboard
# would wait for an administrator. Here a ban lasts this long.
DEFAULT_BAN_MINUTES = 30


class ResAuthenticationAttempt(models.Model):
    _inherit = "res.authentication.attempt"

    @api.model
    def _kpa_ban_minutes(self):
        value = self.env["ir.config_parameter"].sudo().get_param(
            "kpa_cooperative.login_ban_minutes", DEFAULT_BAN_MINUTES)
        try:
            return max(int(value), 0)
        except ValueError:
            return DEFAULT_BAN_MINUTES

    @api.model
    def _hits_limit(self, limit, remote, login=None):
        """OCA's count of failures since the last success, over the last
        ``kpa_cooperative.login_ban_minutes`` only (0: for good, as OCA)."""
        minutes = self._kpa_ban_minutes()
        if not minutes:
            return super()._hits_limit(limit, remote, login=login)
        since = fields.Datetime.to_string(
            datetime.datetime.utcnow() - datetime.timedelta(minutes=minutes))
        domain = [("remote", "=", remote), ("create_date", ">=", since)]
        if login is not None:
            domain.append(("login", "=", login))
        last_ok = self.search(domain + [("result", "=", "successful")],
                              order="create_date desc", limit=1)
        if last_ok:
            domain.append(("create_date", ">", last_ok.create_date))
        failures = self.search_count(
            domain + [("result", "!=", "successful")])
        return failures >= limit

    @api.model
    def _kpa_banned(self, remote):
        """Whether the last login attempt from ``remote`` was refused as
        banned (the login page then says why and for how long)."""
        last = self.search([("remote", "=", remote)], order="id desc",
                           limit=1)
        return last.result == "banned"
