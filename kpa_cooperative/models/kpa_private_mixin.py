# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

EVERYONE = []
NOBODY = [expression.FALSE_LEAF]
# Who sees every record's private fields: the CAE and Odoo's own
# administrators (who can change the rules anyway).
CAE_GROUPS = ("kpa_cooperative.group_kpa_manager", "base.group_system")
ACCOUNTANT_GROUP = "account.group_account_manager"


class KpaPrivateMixin(models.AbstractModel):
    """Fields of a record that only some people read and write.

    The model that inherits it gives:

    * ``_kpa_private_fields()``: ``{field name: kind}``, the kind naming
      an audience (``social``, ``contact``, ``note``, ``settings``...);
    * ``_kpa_private_domain(kind, mode)``: the records whose ``kind``
      fields the current user may read (``mode="read"``) or write
      (``mode="write"``), as a domain (``EVERYONE``, ``NOBODY`` or one of
      its own). It is the one definition: reads, writes, searches, groups,
      exports and copies all ask it.

    For any user but the superuser (server code reading with ``sudo()``
    keeps working), whatever context the client sends:

    * ``read`` (hence ``search_read`` and the web client) gives False, or
      an empty list, for a private field the user may not read;
    * ``write`` refuses a private field the user may not write;
    * a search or a grouping on a private field ignores the records the
      user may not read (filtering by birthdate must not guess it);
    * ``export_data`` refuses, ``copy`` leaves the hidden fields empty,
      ``onchange`` does not send them back.
    """

    _name = "kpa.private.mixin"
    _description = "Record with private fields"

    # Kinds the accountant reads (never writes) on every record.
    _kpa_private_accountant_kinds = ("contact",)

    def _kpa_private_fields(self):
        """``{field name: kind}`` of the private fields of this model."""
        return {}

    # ------------------------------------------------------------------
    # Who may see: the domains, and the records they give.
    # ------------------------------------------------------------------
    def _kpa_private_superuser(self):
        return self.env.uid == SUPERUSER_ID

    def _kpa_private_sees_all(self, kind, mode="read"):
        """Whether the current user reads (or writes) the ``kind`` fields
        of every record: the superuser, the CAE, and the accountant for
        the kinds of ``_kpa_private_accountant_kinds`` (read only)."""
        if self._kpa_private_superuser():
            return True
        user = self.env.user
        if any(user.has_group(group) for group in CAE_GROUPS):
            return True
        return mode == "read" \
            and kind in self._kpa_private_accountant_kinds \
            and user.has_group(ACCOUNTANT_GROUP)

    @api.model
    def _kpa_coordinated_kpas(self):
        """The KPAs the current user coordinates (archived ones too)."""
        user = self.env.user
        if not user.has_group("kpa_cooperative.group_kpa_coordinator"):
            return self.env["kpa.cooperative"]
        return self.env["kpa.cooperative"].sudo().with_context(
            active_test=False).search([("coordinator_ids", "in", user.ids)])

    def _kpa_private_domain(self, kind, mode="read"):
        """The records whose ``kind`` fields the current user may read or
        write, as a domain: override per model."""
        return EVERYONE if self._kpa_private_sees_all(kind, mode) \
            else NOBODY

    def _kpa_private_allowed(self, kind, mode="read"):
        """The records of ``self`` whose ``kind`` fields the current user
        may read (or write)."""
        domain = self._kpa_private_domain(kind, mode)
        if domain == EVERYONE:
            return self
        records = self.filtered("id")
        if not records or domain == NOBODY:
            return self.browse()
        allowed = self.sudo().with_context(active_test=False).search(
            expression.AND([[("id", "in", records.ids)], domain])).ids
        return self.browse([rid for rid in self._ids if rid in allowed])

    def _kpa_private_asked(self, names):
        """``{kind: [field names]}`` of the private fields among ``names``
        that some record may hide from the current user."""
        if self._kpa_private_superuser():
            return {}
        kinds = {}
        for name, kind in self._kpa_private_fields().items():
            if name in names:
                kinds.setdefault(kind, []).append(name)
        return kinds

    def _kpa_private_hidden(self, names, mode="read"):
        """``{field name: records of self that hide it}``."""
        hidden = {}
        for kind, kind_names in self._kpa_private_asked(names).items():
            if self._kpa_private_sees_all(kind, mode):
                continue
            records = self - self._kpa_private_allowed(kind, mode)
            if records:
                for name in kind_names:
                    hidden[name] = records
        return hidden

    def _kpa_private_empty(self, name):
        field = self._fields[name]
        return [] if field.type in ("one2many", "many2many") else False

    def _kpa_private_message(self, names):
        labels = [self._fields[name].get_description(self.env)["string"]
                  for name in names]
        return _("%s: private data of the person; only the person, their "
                 "KPA's coordinators and the CAE see or change it.") % (
            ", ".join(sorted(labels)))

    # ------------------------------------------------------------------
    # Domains: a private leaf only matches the records one may read.
    # ------------------------------------------------------------------
    def _kpa_private_restrict(self, domain):
        """``domain`` where each leaf on a private field (first step of a
        path) is ANDed with the domain of who may read it."""
        if self._kpa_private_superuser() or not domain:
            return domain
        private = self._kpa_private_fields()
        result = []
        for leaf in domain:
            name = expression.is_leaf(leaf) and isinstance(leaf[0], str) \
                and leaf[0].split(".")[0]
            kind = private.get(name) if name else None
            allowed = kind and self._kpa_private_domain(kind, "read")
            if kind and allowed != EVERYONE:
                result += ["&", leaf] + expression.normalize_domain(allowed)
            elif name and "." in leaf[0]:
                result.append(self._kpa_private_through_join(leaf))
            else:
                result.append(leaf)
        return result

    def _kpa_private_through_join(self, leaf):
        """A path through an ``auto_join`` field (``user_ids.login``) is
        joined in SQL, without the other model's ``_search``: search that
        model instead, so that its private fields are restricted too."""
        path, operator, value = leaf[0].split("."), leaf[1], leaf[2]
        field = self._fields.get(path[0])
        if not field or not getattr(field, "auto_join", False) \
                or not field.relational:
            return leaf
        comodel = self.env[field.comodel_name]
        if not hasattr(comodel, "_kpa_private_restrict") or (
                len(path) == 2
                and path[1] not in comodel._kpa_private_fields()):
            return leaf
        ids = comodel.with_context(active_test=False).search(
            [(".".join(path[1:]), operator, value)]).ids
        return (path[0], "in", ids)

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        return super()._search(
            self._kpa_private_restrict(expression.normalize_domain(args))
            if args else args,
            offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        names = {spec.split(":")[0] for spec in (
            list(fields or []) + ([groupby] if isinstance(groupby, str)
                                  else list(groupby or [])))}
        domain = self._kpa_private_restrict(
            expression.normalize_domain(domain or []))
        for kind in self._kpa_private_asked(names):
            allowed = self._kpa_private_domain(kind, "read")
            if allowed != EVERYONE:
                domain = expression.AND([domain, allowed])
        return super().read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)

    # ------------------------------------------------------------------
    # Reads, writes, exports, copies, onchanges.
    # ------------------------------------------------------------------
    @api.multi
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        if not result or self._kpa_private_superuser():
            return result
        hidden = self.browse([row["id"] for row in result]) \
            ._kpa_private_hidden(set(result[0]))
        for name, records in hidden.items():
            ids = set(records.ids)
            for row in result:
                if row["id"] in ids:
                    row[name] = self._kpa_private_empty(name)
        return result

    def _kpa_private_check_write(self, vals):
        hidden = self._kpa_private_hidden(set(vals), mode="write")
        refused = []
        for name, records in hidden.items():
            # A setting one may read may be sent back unchanged (a form
            # saves what it shows); private data never: a write accepted
            # only when it guesses right would tell the value.
            readable = records._kpa_private_allowed(
                self._kpa_private_fields()[name], "read")
            if readable != records or any(
                    self._kpa_private_differs(record, name, vals[name])
                    for record in records.sudo()):
                refused.append(name)
        if refused:
            raise AccessError(self._kpa_private_message(refused))

    @staticmethod
    def _kpa_private_differs(record, name, value):
        field = record._fields[name]
        if field.type in ("one2many", "many2many"):
            return True
        current = record[name]
        if isinstance(current, models.BaseModel):
            current = current.id
        if isinstance(value, models.BaseModel):
            value = value.id
        return (current or False) != (value or False)

    @api.multi
    def write(self, vals):
        if not self._kpa_private_superuser():
            self._kpa_private_check_write(vals)
        return super().write(vals)

    @api.multi
    def _export_rows(self, fields, *args, **kwargs):
        hidden = self._kpa_private_hidden({path[0] for path in fields})
        if hidden:
            raise AccessError(_("Export refused. %s") % (
                self._kpa_private_message(list(hidden))))
        return super()._export_rows(fields, *args, **kwargs)

    @api.multi
    def copy_data(self, default=None):
        result = super().copy_data(default=default)
        if not result or self._kpa_private_superuser():
            return result
        given = set(default or ())
        names = {name for name in self._kpa_private_fields()
                 if name not in given}
        for name in self._kpa_private_hidden(names):
            for values in result:
                if values and name in values:
                    values[name] = self._kpa_private_empty(name)
        return result

    def _kpa_private_onchange_allowed(self, values, kind):
        """Whether an onchange may send back the ``kind`` fields it
        computed: by default, for a record one may read (or a new one,
        whose values come from the client)."""
        del values  # models that take the person from them override this
        return not self or bool(self._kpa_private_allowed(kind))

    @api.multi
    def onchange(self, values, field_name, field_onchange):
        result = super().onchange(values, field_name, field_onchange)
        changed = result.get("value") or {}
        asked = self._kpa_private_asked(set(changed))
        for kind, names in asked.items():
            if self._kpa_private_sees_all(kind) \
                    or self._kpa_private_onchange_allowed(values, kind):
                continue
            for name in names:
                changed.pop(name, None)
        return result
