# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class KpaPortalMixin(models.AbstractModel):
    """Records the members are told about by email: the button of the
    email opens their portal page, not the back office they cannot use.

    List it before mail.thread in ``_inherit`` (Odoo puts the parents in
    that order: its methods then run first and call mail.thread's), and
    give ``_kpa_portal_url``."""

    _name = "kpa.portal.mixin"
    _description = "KPA record with a portal page"

    def _kpa_portal_url(self, user):  # pylint: disable=unused-argument
        """The portal page of this record for ``user``, or False."""
        return False

    @api.multi
    def get_access_action(self, access_uid=None):
        self.ensure_one()
        user = self.env["res.users"].sudo().browse(access_uid) \
            if access_uid else self.env.user
        url = user.share and self._kpa_portal_url(user)
        if url:
            return {"type": "ir.actions.act_url", "url": url,
                    "target": "self", "res_id": self.id}
        return super().get_access_action(access_uid)

    @api.multi
    def _notification_recipients(self, message, groups):
        """Members (portal users) get the button too: Odoo keeps it for
        back-office users."""
        groups = super()._notification_recipients(message, groups)
        for group_name, _group_method, group_data in groups:
            if group_name == "portal":
                group_data["has_button_access"] = True
        return groups
