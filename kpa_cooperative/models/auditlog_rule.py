# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.auditlog.models.rule import FIELDS_BLACKLIST

from ..services.bulk import insert_rows

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

    def create_logs(self, uid, res_model, res_ids, method,
                    old_values=None, new_values=None,
                    additional_log_values=None):
        """A "fast" write of many records (a week's declarations validated
        together) logged in two INSERTs, whatever their number: the same
        logs and lines as auditlog's own loop, which runs four queries per
        record."""
        extra = additional_log_values or {}
        if method != "write" or extra.get("log_type") != "fast" \
                or len(res_ids) < 2 or set(extra) != {"log_type"}:
            return super().create_logs(
                uid, res_model, res_ids, method, old_values=old_values,
                new_values=new_values,
                additional_log_values=additional_log_values)
        old_values = old_values or {}
        new_values = new_values or {}
        Log = self.env["auditlog.log"]
        Line = self.env["auditlog.log.line"]
        names = dict(self.env[res_model].browse(res_ids).name_get())
        model = self.env["ir.model"].browse(
            self.pool._auditlog_model_cache[res_model])
        request_id = self.env["auditlog.http.request"] \
            .current_http_request()
        session_id = self.env["auditlog.http.session"] \
            .current_http_session()
        log_ids = insert_rows(self.env, Log._table, [{
            "name": (names.get(res_id) or "")[:Log._fields["name"].size]
            or None,
            "model_id": model.id, "res_id": res_id, "method": method,
            "user_id": uid, "http_request_id": request_id or None,
            "http_session_id": session_id or None, "log_type": "fast",
        } for res_id in res_ids], returning="id")
        lines = []
        for log_id, res_id in zip(log_ids, res_ids):
            old = old_values.get(res_id, {})
            new = new_values.get(res_id, {})
            for name in sorted(new):
                if name in FIELDS_BLACKLIST or name not in old \
                        or old[name] == new[name]:
                    continue
                field = self._get_field(model, name)
                if not field:
                    continue
                lines.append({
                    "field_id": field["id"], "log_id": log_id,
                    "old_value": self._kpa_log_text(old[name]),
                    "old_value_text": self._kpa_log_text(old[name]),
                    "new_value": self._kpa_log_text(new[name]),
                    "new_value_text": self._kpa_log_text(new[name]),
                })
        insert_rows(self.env, Line._table, lines)
        Log.invalidate_cache()
        return True

    def _kpa_log_text(self, value):
        """A value as auditlog's Text columns keep it."""
        return self.env["auditlog.log.line"]._fields[
            "old_value"].convert_to_column(value, self)
