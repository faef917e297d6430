# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools.sql import escape_psql

from ..services.logins import clean_login, phone_key


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
        text = clean_login(typed)
        if not text:
            return typed
        with cls.pool.cursor() as cr:
            users = api.Environment(cr, SUPERUSER_ID, {})[cls._name]
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
                cr.execute("""
                    SELECT users.login FROM res_users users
                      JOIN res_partner partner
                        ON partner.id = users.partner_id
                     WHERE users.active AND %s IN (
                           RIGHT(REGEXP_REPLACE(COALESCE(partner.mobile, ''),
                                                '\\D', '', 'g'), 9),
                           RIGHT(REGEXP_REPLACE(COALESCE(partner.phone, ''),
                                                '\\D', '', 'g'), 9))
                     LIMIT 2""", (key,))
                rows = cr.fetchall()
                if len(rows) == 1:
                    return rows[0][0]
        return text
