# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Refusals a French user can read. Odoo 11 writes an access refusal with
the groups' names read in SQL (always English: "KPA-Cité/KPA coordinator"),
the model's technical name ("kpa.remuneration.period") and the operation's
("write"): the same refusal, with the names in the user's language, for
the web client's screens. XML-RPC and JSON-RPC clients (integrations, the
tests that attack the server) keep Odoo's technical message."""
from odoo import _, api, models, tools
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools.translate import _ as translate

# Odoo's own message for a record rule (models.py), compared as Odoo
# writes it: only that one is rewritten, never a message of ours.
RULE_MESSAGE = (
    "The requested operation cannot be completed due to security "
    "restrictions. Please contact your system administrator.\n\n"
    "(Document type: %s, Operation: %s)")


def for_people():
    """The call comes from the web client's screens (/web/...)."""
    return bool(request) and request.httprequest.path.startswith("/web/")


class IrModelAccess(models.Model):
    _inherit = "ir.model.access"

    # Cached as Odoo's (its cache is cleared through this method).
    @api.model
    @tools.ormcache_context("self._uid", "model", "mode", "raise_exception",
                            keys=("lang",))
    def check(self, model, mode="read", raise_exception=True):
        try:
            return super().check(model, mode, raise_exception)
        except AccessError:
            if not for_people():
                raise
            raise AccessError(self._kpa_refusal(model, mode))

    @api.model
    def _kpa_refusal(self, model, mode):
        heads = {
            "read": _("%s: you may not open this kind of record."),
            "write": _("%s: you may not change this kind of record."),
            "create": _("%s: you may not create this kind of record."),
            "unlink": _("%s: you may not delete this kind of record."),
        }
        accesses = self.sudo().search([
            ("model_id.model", "=", model), ("perm_" + mode, "=", True),
            ("group_id", "!=", False)])
        groups = accesses.mapped("group_id").filtered(
            lambda group: not group.share)
        message = heads[mode] % self.env["base"]._kpa_model_name(model)
        if groups:
            message += "\n" + _("Who may: %s.") % ", ".join(
                sorted(groups.mapped("full_name")))
        return message


class Base(models.AbstractModel):
    _inherit = "base"

    @api.model
    def _kpa_model_name(self, model):
        """The model's name in the user's language."""
        return self.env["ir.model"].sudo()._get(model).name or model

    def _kpa_rule_refusal(self, error, operation, names):
        """The message of ``error`` in the user's words when it is Odoo's
        own record-rule refusal about one of ``names``, else None."""
        if not for_people():
            return None
        text = error.args[0] if error.args else ""
        generic = translate(RULE_MESSAGE)
        if text not in [generic % (name, operation) for name in names]:
            return None
        heads = {
            "read": _("%s: this record is not among those you may open."),
            "write": _("%s: this record is not among those you may "
                       "change."),
            "create": _("%s: this record is not among those you may "
                        "create."),
            "unlink": _("%s: this record is not among those you may "
                        "delete."),
        }
        return heads[operation] % self._kpa_model_name(self._name)

    @api.multi
    def check_access_rule(self, operation):
        try:
            return super().check_access_rule(operation)
        except AccessError as error:
            message = self._kpa_rule_refusal(
                error, operation, (self._description, self._name))
            if message is None:
                raise
            raise AccessError(message)

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        # A record hidden by a rule fails reading with the model's
        # technical name (models.py, _read_from_database).
        try:
            return super().read(fields=fields, load=load)
        except AccessError as error:
            message = self._kpa_rule_refusal(error, "read", (self._name,))
            if message is None:
                raise
            raise AccessError(message)
