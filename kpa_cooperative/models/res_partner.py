# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from ..services.invoice_rules import clean_siret, format_siren, siren_of
from ..services.people import age_on
from .kpa_private_mixin import EVERYONE

# A KPA member's private data (see DESIGN, "Trust model"): the person,
# their KPA's coordinators and the CAE; the accountant reads the contact.
PARTNER_PRIVATE_FIELDS = {
    "kpa_birthdate": "social",
    "kpa_age": "social",
    "kpa_qpv_resident": "social",
    "email": "contact",
    "phone": "contact",
    "mobile": "contact",
    "comment": "note",
}


class ResPartner(models.Model):
    _inherit = ["res.partner", "kpa.private.mixin"]
    _name = "res.partner"

    kpa_birthdate = fields.Date(string="Birthdate")
    kpa_age = fields.Integer(string="Age", compute="_compute_kpa_age")
    kpa_qpv_resident = fields.Boolean(
        string="Lives in a QPV",
        help="Lives in a priority neighbourhood of the city policy "
             "(quartier prioritaire de la ville): funders ask for it.")
    kpa_membership_ids = fields.One2many(
        "kpa.membership", "partner_id", string="KPA memberships")
    kpa_skill_ids = fields.Many2many(
        "kpa.skill", "res_partner_kpa_skill_rel", "partner_id", "skill_id",
        string="Skills")
    kpa_siren = fields.Char(
        string="SIREN", compute="_compute_kpa_siren",
        help="The first 9 digits of the SIRET, printed on invoices to a "
             "business.")
    kpa_is_public_body = fields.Boolean(
        string="Public body",
        help="A town hall, a social centre, a school...: its invoices carry "
             "its service code and the commitment number (Chorus Pro).")
    kpa_service_code = fields.Char(
        string="Service code",
        help="The public buyer's service code (code service Chorus Pro).")

    @api.depends("siret")
    def _compute_kpa_siren(self):
        for partner in self:
            partner.kpa_siren = format_siren(siren_of(partner.siret))

    @api.constrains("siret")
    def _check_kpa_siret(self):
        for partner in self.filtered("siret"):
            self._kpa_clean_siret(partner.siret)

    @api.model
    def create(self, vals):
        return super().create(self._kpa_clean_siret_vals(vals))

    @api.multi
    def write(self, vals):
        return super().write(self._kpa_clean_siret_vals(vals))

    def _kpa_clean_siret_vals(self, vals):
        """'481 234 565 00012' is stored as its 14 digits."""
        if vals.get("siret"):
            vals = dict(vals, siret=self._kpa_clean_siret(vals["siret"]))
        return vals

    @staticmethod
    def _kpa_clean_siret(value):
        try:
            return clean_siret(value)
        except ValueError:
            raise ValidationError(_(
                "\"%s\" is not a SIREN (9 digits) nor a SIRET (14 digits): "
                "check the number on the client's Kbis or on "
                "annuaire-entreprises.data.gouv.fr.") % value)

    def _kpa_needs_siren(self):
        """A French business client (or public body) without SIREN."""
        if not self:
            return False
        self.ensure_one()
        france = self.env.ref("base.fr")
        return bool(
            (self.is_company or self.kpa_is_public_body)
            and self.country_id in (france, self.env["res.country"])
            and not self.siret)

    @api.depends("kpa_birthdate")
    def _compute_kpa_age(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for partner in self:
            partner.kpa_age = age_on(
                fields.Date.from_string(partner.kpa_birthdate), today) or 0

    # ------------------------------------------------------------------
    # Private data: a partner who is in no KPA (a client, a supplier)
    # keeps Odoo's normal behaviour.
    # ------------------------------------------------------------------
    def _kpa_private_fields(self):
        result = super()._kpa_private_fields()
        result.update(PARTNER_PRIVATE_FIELDS)
        return result

    def _kpa_private_domain(self, kind, mode="read"):
        """Who may read or write a person's private data: anyone for a
        partner in no KPA; else the person, the coordinators of a KPA the
        person is or was in, the CAE (and the accountant reads the
        contact)."""
        if self._kpa_private_sees_all(kind, mode):
            return EVERYONE
        user = self.env.user
        return ["|", "|",
                ("kpa_membership_ids", "=", False),
                ("id", "=", user.partner_id.id),
                ("kpa_membership_ids.kpa_id", "in",
                 self._kpa_coordinated_kpas().ids)]

    @api.multi
    def name_get(self):
        # ``show_email`` is the client's to send: not another KPA's email.
        if not self.env.context.get("show_email") \
                or self._kpa_private_superuser():
            return super().name_get()
        allowed = self._kpa_private_allowed("contact")
        hidden = self - allowed
        if not hidden:
            return super().name_get()
        names = dict(super(ResPartner, allowed).name_get()) \
            if allowed else {}
        names.update(super(ResPartner, hidden.with_context(
            show_email=False)).name_get())
        return [(partner.id, names[partner.id]) for partner in self]

    @api.model
    def name_search(self, name, args=None, operator="ilike", limit=100):
        # Odoo matches the email too (and reads ``args`` without
        # ``_search``): only where one may read it.
        args = self._kpa_private_restrict(
            expression.normalize_domain(args)) if args else args
        if name and not self._kpa_private_sees_all("contact"):
            args = expression.AND([list(args or []), expression.OR([
                self._kpa_private_domain("contact"),
                [("display_name", operator, name)]])])
        return super().name_search(name, args=args, operator=operator,
                                   limit=limit)


class ResUsers(models.Model):
    """A user shows its partner's fields (``_inherits``), read straight
    from the partner's table: the same private data, the same people.
    Here rather than in res_users.py to keep the rule next to the
    partner's."""

    _inherit = ["res.users", "kpa.private.mixin"]
    _name = "res.users"

    def _kpa_private_fields(self):
        result = super()._kpa_private_fields()
        result.update(self.env["res.partner"]._kpa_private_fields())
        # A member's login is often their email.
        result["login"] = "contact"
        return result

    def _kpa_private_domain(self, kind, mode="read"):
        if self._kpa_private_sees_all(kind, mode):
            return EVERYONE
        user = self.env.user
        return ["|", "|",
                ("partner_id.kpa_membership_ids", "=", False),
                ("id", "=", user.id),
                ("partner_id.kpa_membership_ids.kpa_id", "in",
                 self._kpa_coordinated_kpas().ids)]

    def _kpa_private_allowed(self, kind, mode="read"):
        if self._kpa_private_sees_all(kind, mode):
            return self
        partners = self.sudo().mapped("partner_id")
        allowed = self.env["res.partner"].browse(
            partners.ids)._kpa_private_allowed(kind, mode)
        return self.filtered(
            lambda user: user.sudo().partner_id in allowed
            or user == self.env.user)
