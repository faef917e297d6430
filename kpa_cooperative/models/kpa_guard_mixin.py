# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from ..services.trust import is_trusted

# What the mail and activity machinery writes on any record, frozen or not.
MAIL_PREFIXES = ("message_", "activity_", "website_message")


class KpaGuardMixin(models.AbstractModel):
    """Fields and records that only the model's own checked methods change.

    Give, on the model that inherits it:

    * ``_kpa_protected_fields``: written only by the model's methods (a
      state, an amount fixed at validation, a journal entry); a client's
      value is refused, at creation too unless it is the default;
    * ``_kpa_fixed_fields``: the links that make the record what it is (its
      KPA, week, author), set at creation and never moved;
    * ``_kpa_frozen()``: the records that nothing may change or delete any
      more (a validated week, a closed decision, a signed CAPE), but for
      ``_kpa_frozen_writable`` fields.

    The model's methods write through ``services.trust.trusted()``, which
    no client can forge whatever context it sends. After every write the
    record rules are checked again: a record cannot be moved into a KPA
    its writer may not write (Odoo 11 checks them before the write only).
    """

    _name = "kpa.guard.mixin"
    _description = "Record guarded against client writes"

    _kpa_protected_fields = ()
    _kpa_fixed_fields = ()
    _kpa_frozen_writable = ()

    def _kpa_frozen(self):
        """The records of ``self`` that no client may change any more."""
        return self.browse()

    def _kpa_frozen_message(self, record):
        return _("%s cannot change any more: it is final.") % (
            record.sudo().display_name)

    def _kpa_protected_message(self, names):
        return _("%s: changed by the buttons only.") % ", ".join(
            self._kpa_field_labels(names))

    def _kpa_fixed_message(self, names):
        return _("%s: set when the record is made, never moved.") % (
            ", ".join(self._kpa_field_labels(names)))

    def _kpa_field_labels(self, names):
        return [self._fields[name].get_description(self.env)["string"]
                for name in names]

    # ------------------------------------------------------------------
    def _kpa_changes(self, vals, names):
        """The fields among ``names`` whose value ``vals`` changes on one of
        ``self`` (x2many commands always count as a change)."""
        changed = []
        for name in names:
            if name not in vals:
                continue
            field = self._fields[name]
            if field.type in ("one2many", "many2many"):
                changed.append(name)
                continue
            for record in self.sudo():
                value = record[name]
                if isinstance(value, models.BaseModel):
                    value = value.id
                new = vals[name]
                if isinstance(new, models.BaseModel):
                    new = new.id
                if (value or False) != (new or False):
                    changed.append(name)
                    break
        return changed

    def _kpa_guard_create(self, vals):
        protected = [name for name in self._kpa_protected_fields
                     if name in vals]
        if not protected:
            return
        # The model's own defaults, not the ``default_*`` keys a client
        # may put in its context.
        context = {key: value for key, value in self.env.context.items()
                   if not key.startswith("default_")}
        defaults = self.with_context(context).default_get(protected)
        refused = [name for name in protected
                   if (vals[name] or False) != (defaults.get(name) or False)]
        if refused:
            raise UserError(self._kpa_protected_message(refused))

    def _kpa_guard_write(self, vals):
        changed = self._kpa_changes(vals, self._kpa_protected_fields)
        if changed:
            raise UserError(self._kpa_protected_message(changed))
        changed = self._kpa_changes(vals, self._kpa_fixed_fields)
        if changed:
            raise UserError(self._kpa_fixed_message(changed))
        writable = set(self._kpa_frozen_writable)
        if all(name in writable or name.startswith(MAIL_PREFIXES)
               for name in vals):
            return
        frozen = self._kpa_frozen()
        if frozen:
            raise UserError(self._kpa_frozen_message(frozen[0]))

    def _kpa_check_writer(self, operation="write"):
        """The caller may ``operation`` every record of ``self``: the
        first line of every protected action (it writes trusted)."""
        self.check_access_rights(operation)
        self.check_access_rule(operation)

    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        if not is_trusted(self):
            self._kpa_guard_create(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        trusted = is_trusted(self)
        if not trusted:
            # Those who may not write at all hear that first.
            self._kpa_check_writer()
            self._kpa_guard_write(vals)
        result = super().write(vals)
        if not trusted:
            # Odoo 11 checks the rules before the write: check where the
            # records landed too.
            self.check_access_rule("write")
        return result

    @api.multi
    def unlink(self):
        if not is_trusted(self):
            frozen = self._kpa_frozen()
            if frozen:
                raise UserError(self._kpa_frozen_message(frozen[0]))
        return super().unlink()
