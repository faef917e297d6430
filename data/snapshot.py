"""What an upgrade must keep: every record the KPA-Cité modules store.

    .venv/bin/python -m data.snapshot take DB OUT.json [--config CONF]
    .venv/bin/python -m data.snapshot compare BEFORE.json AFTER.json

``take`` reads, as the superuser, every record of every model that one of
the modules defines or extends (archived ones too), with each stored field
but the few that an update rewrites by design. Records that a module's data
file rewrites at each update (external id with ``noupdate`` false) are left
out: their new values are the release's. ``compare`` lists what an upgrade
lost or changed, except what ``data/upgrade_expected.txt`` declares (one
``model`` or ``model.field`` per line, with why).
"""
import argparse
import json
import os
import sys

from .modules import MODULES, ROOT
from .odoo_env import DEFAULT_CONF, odoo_env

EXPECTED = os.path.join(ROOT, "data", "upgrade_expected.txt")
# Rewritten on every write or update whatever the data: no data lost there.
SKIPPED_FIELDS = frozenset((
    "write_date", "write_uid", "__last_update", "password", "password_crypt",
))
SKIPPED_TYPES = frozenset(("binary", "one2many"))
BATCH = 500
# Not extended by the modules, but where their money and people end up.
LINKED_MODELS = ("account.move.line", "account.partial.reconcile",
                 "account.analytic.line", "account.payment", "hr.employee",
                 "mail.followers")


def _models_of(env, modules):
    env.cr.execute("""
        SELECT DISTINCT model.model FROM ir_model model
          JOIN ir_model_data xid ON xid.model = 'ir.model'
           AND xid.res_id = model.id
         WHERE xid.module IN %s ORDER BY model.model""", (tuple(modules),))
    return sorted({row[0] for row in env.cr.fetchall()} | set(LINKED_MODELS))


def _rewritten_ids(env, model):
    env.cr.execute("""
        SELECT res_id FROM ir_model_data
         WHERE model = %s AND NOT COALESCE(noupdate, FALSE)""", (model,))
    return {row[0] for row in env.cr.fetchall()}


def _value(field, value):
    if field.type == "many2many":
        return sorted(value)
    if field.type == "many2one":
        return value or False
    return value


def _module_shapes(env, modules):
    """Each module's version and the fields it defines (its data model)."""
    env.cr.execute("""
        SELECT module.name, module.latest_version,
               array_remove(array_agg(field.model || '.' || field.name
                                      ORDER BY field.model, field.name), NULL)
          FROM ir_module_module module
          LEFT JOIN ir_model_data xid ON xid.module = module.name
           AND xid.model = 'ir.model.fields'
          LEFT JOIN ir_model_fields field ON field.id = xid.res_id
         WHERE module.name IN %s
         GROUP BY module.name, module.latest_version""", (tuple(modules),))
    return {name: {"version": version, "fields": fields}
            for name, version, fields in env.cr.fetchall()}


def take(env, modules=MODULES):
    """``{"modules": {name: {version, fields}}, "models": {model:
    {"fields": {name: {type, computed}}, "records": {id: {field: value}}}}}``
    """
    snapshot = {}
    for name in _models_of(env, modules):
        model = env.get(name)
        if model is None or model._abstract or model._transient \
                or not model._auto:
            continue
        fields = {
            fname: field for fname, field in model._fields.items()
            if field.store and field.type not in SKIPPED_TYPES
            and fname not in SKIPPED_FIELDS}
        skipped = _rewritten_ids(env, name)
        model = model.with_context(active_test=False, prefetch_fields=False)
        ids = [rid for rid in model.search([], order="id").ids
               if rid not in skipped]
        records = {}
        for start in range(0, len(ids), BATCH):
            batch = model.browse(ids[start:start + BATCH])
            for row in batch.read(sorted(fields), load="_classic_write"):
                records[str(row["id"])] = {
                    fname: _value(fields[fname], row[fname])
                    for fname in fields}
            model.invalidate_cache()
        snapshot[name] = {
            "fields": {fname: {"type": field.type,
                               "computed": bool(field.compute)}
                       for fname, field in fields.items()},
            "records": records,
        }
    return {"modules": _module_shapes(env, modules), "models": snapshot}


def read_expected(path=EXPECTED):
    """The models and fields a release changes on purpose."""
    expected = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                words = line.split("#")[0].split()
                if words:
                    expected.add(words[0])
    return expected


def _shown(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def compare_versions(before, after):
    """A module whose data model changed must change its version (OCA
    rules: 11.0.x.y.z), so that its migrations run."""
    problems = []
    for name, old in sorted(before.items()):
        new = after.get(name)
        if not new or new["version"] != old["version"]:
            continue
        added = sorted(set(new["fields"]) - set(old["fields"]))
        removed = sorted(set(old["fields"]) - set(new["fields"]))
        if added or removed:
            problems.append(
                "%s: its data model changed (%s) but its version is still "
                "%s: raise it in __manifest__.py, with a migrations/ script "
                "if data must move" % (name, "; ".join(
                    ["+" + field for field in added[:5]]
                    + ["-" + field for field in removed[:5]]),
                    old["version"]))
    return problems


def compare(before, after, expected=frozenset()):
    """What the upgrade lost or changed, as sentences (empty: all kept)."""
    problems = compare_versions(before["modules"], after["modules"])
    after = after["models"]
    for model, old in sorted(before["models"].items()):
        if model in expected:
            continue
        new = after.get(model)
        if new is None:
            if old["records"]:
                problems.append("%s: the model is gone with its %d records" % (
                    model, len(old["records"])))
            continue
        lost = sorted(set(old["records"]) - set(new["records"]), key=int)
        if lost:
            problems.append("%s: %d records lost (ids %s)" % (
                model, len(lost), ", ".join(lost[:10])))
        for fname, meta in sorted(old["fields"].items()):
            key = "%s.%s" % (model, fname)
            if key in expected:
                continue
            if fname not in new["fields"]:
                if not meta["computed"] and old["records"]:
                    problems.append(
                        "%s: a stored field is gone (its data is lost)" % key)
                continue
            changed = [
                rid for rid, values in old["records"].items()
                if rid in new["records"]
                and values[fname] != new["records"][rid][fname]]
            if changed:
                changed.sort(key=int)
                rid = changed[0]
                problems.append("%s: changed on %d records, e.g. id %s: "
                                "%s -> %s" % (
                                    key, len(changed), rid,
                                    _shown(old["records"][rid][fname]),
                                    _shown(new["records"][rid][fname])))
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command")
    taking = sub.add_parser("take")
    taking.add_argument("database")
    taking.add_argument("output")
    taking.add_argument("--config", default=DEFAULT_CONF)
    comparing = sub.add_parser("compare")
    comparing.add_argument("before")
    comparing.add_argument("after")
    args = parser.parse_args(argv)
    if args.command == "take":
        with odoo_env(args.database, config=args.config) as env:
            snapshot = take(env)
        with open(args.output, "w", encoding="utf-8") as out:
            json.dump(snapshot, out, sort_keys=True)
        models = snapshot["models"].values()
        print("%d models, %d records" % (len(models), sum(
            len(model["records"]) for model in models)))
        return 0
    if args.command == "compare":
        with open(args.before, encoding="utf-8") as old, \
                open(args.after, encoding="utf-8") as new:
            problems = compare(json.load(old), json.load(new),
                               read_expected())
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
