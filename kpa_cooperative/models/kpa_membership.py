# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..services.people import (
    AGE_BANDS, MINIMUM_AGE, age_band, age_on, is_old_enough)

# A current membership: newcomers and members, not alumni.
CURRENT_DOMAIN = [("state", "!=", "alumni")]
EXIT_OUTCOMES = [
    ("company", "Created a company"),
    ("cae_entrepreneur", "Entrepreneur in the CAE"),
    ("salaried", "Salaried job"),
    ("training", "Training"),
    ("other", "Other"),
    ("unknown", "Unknown"),
]


class KpaMembership(models.Model):
    """A person's path in a KPA: newcomer, then member, then alumni."""

    _name = "kpa.membership"
    _description = "KPA membership"
    _inherit = ["mail.thread", "kpa.private.mixin"]
    _order = "kpa_id, state, partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True,
        ondelete="restrict", track_visibility="onchange")
    kpa_id = fields.Many2one(
        "kpa.cooperative", string="KPA", required=True, index=True,
        ondelete="restrict", track_visibility="onchange")
    company_id = fields.Many2one(related="kpa_id.company_id", store=True,
                                 readonly=True)
    state = fields.Selection([
        ("newcomer", "Newcomer"),
        ("member", "Member"),
        ("alumni", "Alumni"),
    ], default="newcomer", required=True, index=True,
        track_visibility="onchange")
    date_join = fields.Date(
        string="Joined on", required=True, default=fields.Date.context_today,
        track_visibility="onchange")
    date_leave = fields.Date(string="Left on", track_visibility="onchange")
    exit_outcome = fields.Selection(
        EXIT_OUTCOMES, track_visibility="onchange",
        help="What the person went on to do when leaving the KPA.")
    note = fields.Text()
    # Shown in lists without reading the partner form.
    email = fields.Char(related="partner_id.email", readonly=True)
    phone = fields.Char(related="partner_id.mobile", readonly=True)
    image_small = fields.Binary(related="partner_id.image_small",
                                readonly=True)
    skill_ids = fields.Many2many(related="partner_id.kpa_skill_ids",
                                 readonly=True)
    has_portal = fields.Boolean(compute="_compute_has_portal")
    # Stored for the funders' figures (pivot by age band and QPV).
    age_band = fields.Selection(
        [(band[0], band[0]) for band in AGE_BANDS], string="Age on joining",
        compute="_compute_age_band", store=True)
    qpv_resident = fields.Boolean(
        related="partner_id.kpa_qpv_resident", store=True, readonly=True,
        string="Lives in a QPV")

    def _kpa_private_fields(self):
        """The person's private data, shown on the membership too."""
        result = super()._kpa_private_fields()
        result.update(note="note", email="contact", phone="contact",
                      age_band="social", qpv_resident="social")
        return result

    def _kpa_private_domain(self, kind, mode="read"):
        """The person's own memberships, the coordinators of the KPA, the
        CAE; never a co-member."""
        if self._kpa_private_sees_all(kind, mode):
            return []
        return ["|", ("partner_id", "=", self.env.user.partner_id.id),
                ("kpa_id", "in", self._kpa_coordinated_kpas().ids)]

    def _kpa_private_onchange_allowed(self, values, kind):
        # The person's data comes from the partner the client names.
        partner = self.env["res.partner"].browse(
            values.get("partner_id") or self.sudo().partner_id.id)
        return not partner or bool(partner._kpa_private_allowed(kind))

    @api.depends("partner_id.kpa_birthdate", "date_join")
    def _compute_age_band(self):
        for membership in self:
            membership.age_band = age_band(age_on(
                fields.Date.from_string(membership.partner_id.kpa_birthdate),
                fields.Date.from_string(membership.date_join))) or False

    def _compute_has_portal(self):
        portal = self.env.ref("base.group_portal")
        for membership in self:
            users = membership.partner_id.sudo().user_ids
            membership.has_portal = any(
                portal in user.groups_id for user in users)

    @api.constrains("partner_id", "date_join")
    def _check_minimum_age(self):
        for membership in self.sudo():
            birthdate = fields.Date.from_string(
                membership.partner_id.kpa_birthdate)
            if not is_old_enough(
                    birthdate, fields.Date.from_string(membership.date_join)):
                raise ValidationError(_(
                    "%s is under %d on the join date: the KPA is open from "
                    "the age of %d.") % (
                    membership.partner_id.name, MINIMUM_AGE, MINIMUM_AGE))

    @api.constrains("date_join", "date_leave")
    def _check_dates(self):
        for membership in self.sudo():
            if membership.date_leave \
                    and membership.date_leave < membership.date_join:
                raise ValidationError(_(
                    "The leaving date of %s is before the joining date.")
                    % membership.partner_id.name)

    @api.constrains("partner_id", "kpa_id", "state")
    def _check_single_current(self):
        # As superuser: the rule must hold whatever its author may read.
        for membership in self.sudo().filtered(lambda m: m.state != "alumni"):
            others = self.sudo().search_count([
                ("id", "!=", membership.id),
                ("partner_id", "=", membership.partner_id.id),
                ("kpa_id", "=", membership.kpa_id.id),
                ("state", "!=", "alumni"),
            ])
            if others:
                raise ValidationError(_(
                    "%s is already in %s.") % (
                    membership.partner_id.name, membership.kpa_id.name))

    # ------------------------------------------------------------------
    # Who is a member: the one definition (record rules, pay, votes and
    # the portal all ask here). Newcomers are members; alumni read their
    # own history and take part in nothing new.
    # ------------------------------------------------------------------
    @api.model
    def _kpa_current(self, partners=None, kpas=None):
        """The current memberships (newcomers and members), as superuser,
        of ``partners`` and/or in ``kpas``."""
        domain = list(CURRENT_DOMAIN)
        if partners is not None:
            domain.append(("partner_id", "in", partners.ids))
        if kpas is not None:
            domain.append(("kpa_id", "in", kpas.ids))
        return self.sudo().search(domain)

    @api.model
    def _kpa_current_kpas(self, partner):
        """The KPAs ``partner`` is a current member of."""
        return self._kpa_current(partners=partner).mapped("kpa_id")

    @api.model
    def _kpa_known_kpas(self, partner):
        """The KPAs ``partner`` is or was a member of."""
        return self.sudo().search([
            ("partner_id", "in", partner.ids)]).mapped("kpa_id")

    @api.model
    def _kpa_is_member(self, partner, kpa):
        """Whether ``partner`` is a current member of ``kpa``."""
        return kpa in self._kpa_current_kpas(partner)

    @api.model
    def _kpa_current_partners(self, kpa):
        """The current members (newcomers included) of ``kpa``."""
        return self._kpa_current(kpas=kpa).mapped("partner_id")

    @api.model
    def _kpa_members_during(self, kpa, partners, date_start, date_end):
        """The ids of ``partners`` who were members of ``kpa`` at some
        point between the two dates (a leaver is still paid for the weeks
        they were in)."""
        memberships = self.sudo().search([
            ("kpa_id", "=", kpa.id), ("partner_id", "in", partners.ids),
            ("date_join", "<=", date_end),
            "|", ("date_leave", "=", False), ("date_leave", ">=", date_start),
        ])
        return set(memberships.filtered(
            lambda m: m.state != "alumni" or m.date_leave
        ).mapped("partner_id").ids)

    @api.model
    def create(self, vals):
        membership = super().create(vals)
        self._kpa_rules_changed()
        return membership

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if {"state", "partner_id", "kpa_id"} & set(vals):
            self._kpa_rules_changed()
        return result

    @api.multi
    def unlink(self):
        result = super().unlink()
        self._kpa_rules_changed()
        return result

    def _kpa_rules_changed(self):
        """Record rules read ``user.kpa_member_kpa_ids``, and Odoo caches
        the rules' domains per user: drop them when a membership moves."""
        self.env["ir.rule"].clear_caches()
        self.env["res.users"].invalidate_cache(
            ["kpa_member_kpa_ids", "kpa_known_kpa_ids"])

    def action_confirm(self):
        """The newcomer becomes a full member."""
        for membership in self:
            if membership.state != "newcomer":
                raise UserError(_(
                    "Only a newcomer can become a member (%s is %s).") % (
                    membership.partner_id.name,
                    dict(self._fields["state"]._description_selection(
                        self.env))[membership.state]))
        self.write({"state": "member"})

    def action_leave(self, outcome="unknown", date_leave=None):
        """The person leaves the KPA: alumni, with what they went on to do."""
        if outcome not in dict(EXIT_OUTCOMES):
            raise UserError(_("Unknown exit outcome: %s") % outcome)
        self.filtered(lambda m: m.state != "alumni").write({
            "state": "alumni",
            "date_leave": date_leave or fields.Date.context_today(self),
            "exit_outcome": outcome,
        })

    def action_grant_portal(self):
        """Give the members access to the portal, with Odoo's own wizard
        (it creates the user and sends the invitation). The wizard runs as
        superuser: only who may change the memberships may call it."""
        self.check_access_rights("write")
        self.check_access_rule("write")
        partners = self.mapped("partner_id")
        missing = partners.filtered(lambda p: not p.email)
        if missing:
            raise UserError(_(
                "Portal access needs an email address (used as login) "
                "for: %s") % ", ".join(missing.mapped("name")))
        wizard = self.env["portal.wizard"].sudo().create({
            "user_ids": [(0, 0, {
                "partner_id": partner.id,
                "email": partner.email,
                "in_portal": True,
            }) for partner in partners],
        })
        wizard.action_apply()
        return True
