# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools.sql import escape_psql

from ..services.logins import clean_login, phone_key

_logger = logging.getLogger(__name__)


class ResUsers(models.Model):
    """The user's KPAs, as the record rules read them (``user.kpa_...``)."""

    _inherit = "res.users"

    kpa_member_kpa_ids = fields.Many2many(
        "kpa.cooperative", compute="_compute_kpa_member_kpa_ids",
        string="KPAs I am a member of",
        help="Current memberships (newcomers included): what one may "
             "write in.")
    kpa_known_kpa_ids = fields.Many2many(
        "kpa.cooperative", compute="_compute_kpa_member_kpa_ids",
        string="KPAs I was or am a member of",
        help="Current and former memberships: what one may read.")

    def _compute_kpa_member_kpa_ids(self):
        Membership = self.env["kpa.membership"]
        for user in self:
            user.kpa_member_kpa_ids = Membership._kpa_current_kpas(
                user.partner_id)
            user.kpa_known_kpa_ids = Membership._kpa_known_kpas(
                user.partner_id)

    # ------------------------------------------------------------------
    # Logging in as people type it (DESIGN: members on cheap phones).
    # ------------------------------------------------------------------
    @classmethod
    def _login(cls, db, login, password):
        return super()._login(db, cls._kpa_login_of(login), password)

    @classmethod
    def _kpa_login_of(cls, typed):
        """The login of the one active user ``typed`` names: the login
        itself (case and surrounding spaces ignored), an email or a mobile
        or phone number. ``typed`` (cleaned) when it names nobody or more
        than one person: Odoo then refuses as usual. The password is
        checked afterwards, as always."""
        if not clean_login(typed):
            return typed
        # _login runs outside any environment: its own cursor.
        with cls.pool.cursor() as cr:
            users = api.Environment(cr, SUPERUSER_ID, {})[cls._name]
            return users._kpa_login_named(typed)

    @api.model
    def _kpa_login_named(self, typed):
        """:meth:`_kpa_login_of` in this environment (as superuser)."""
        text = clean_login(typed)
        users = self.sudo()
        if users.search_count([("login", "=", text)]):
            return text
        exactly = escape_psql(text)
        for domain in ([("login", "=ilike", exactly)],
                       [("email", "=ilike", exactly)]):
            found = users.search(domain, limit=2)
            if len(found) == 1:
                return found.login
        key = phone_key(text)
        if key:
            self.env.cr.execute("""
                SELECT users.login FROM res_users users
                  JOIN res_partner partner ON partner.id = users.partner_id
                 WHERE users.active AND %s IN (
                       RIGHT(REGEXP_REPLACE(COALESCE(partner.mobile, ''),
                                            '\\D', '', 'g'), 9),
                       RIGHT(REGEXP_REPLACE(COALESCE(partner.phone, ''),
                                            '\\D', '', 'g'), 9))
                 LIMIT 2""", (key,))
            rows = self.env.cr.fetchall()
            if len(rows) == 1:
                return rows[0][0]
        return text

    @api.model
    def reset_password(self, login):
        """"Forgot my password" takes what the login page takes, and says
        the same whether the account exists or not: the page must not tell
        a stranger who has an account here (the link goes to the account's
        own email only)."""
        login = self._kpa_login_named(login or "")
        users = self.search([("login", "=", login)])
        if len(users) != 1 or not users.email:
            _logger.info("Password reset asked for %r: no account with an "
                         "email, nothing sent", login)
            return True
        return super().reset_password(login)
