# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

AUDITED_METHODS = ("create", "read", "write", "unlink")


class AuditlogRule(models.Model):
    """OCA auditlog patches the ``create``, ``write``... of the model's
    class as soon as a rule is subscribed. When a module installed later in
    the same process (``odoo -i kpa_cooperative,kpa_remuneration``) adds
    its own override, Odoo 11 keeps that class and puts the new override
    under the patch, which calls the method it saw when it was made: the
    override is skipped until the server restarts (a KPA gets no
    remuneration criteria, say). The modules that extend an audited model
    call :meth:`_kpa_repatch` once their models are loaded."""

    _inherit = "auditlog.rule"

    def _register_hook(self):
        self._kpa_drop_stale_patches()
        return super()._register_hook()

    @api.model
    def _kpa_repatch(self):
        """Patch the audited models again over their whole chain of
        overrides."""
        if not hasattr(self.pool, "_auditlog_model_cache"):
            # An update: no rule was subscribed in this process yet, and
            # auditlog patches every model once all are loaded
            # (_register_hook); nothing is stale.
            return True
        self._kpa_drop_stale_patches()
        self.sudo().search([("state", "=", "subscribed")])._patch_methods()
        return True

    @api.model
    def _kpa_drop_stale_patches(self):
        for rule in self.sudo().search([("state", "=", "subscribed")]):
            if rule.model_id.model not in self.env:
                continue
            cls = type(self.env[rule.model_id.model])
            for name in AUDITED_METHODS:
                patch = cls.__dict__.get(name)
                if patch is None or not hasattr(patch, "origin"):
                    continue
                below = next((klass.__dict__[name] for klass in cls.__mro__[1:]
                              if name in klass.__dict__), None)
                if below is not patch.origin:
                    delattr(cls, name)
                    if "auditlog_ruled_%s" % name in cls.__dict__:
                        delattr(cls, "auditlog_ruled_%s" % name)
