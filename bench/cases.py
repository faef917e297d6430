"""What the benchmark measures: key pages and actions of each module, next
to Odoo's own comparable pages. Each case is (label, user, kind, target):
- "page": GET a URL;
- "view": load a back-office view as the web client does (the view's
  fields, first page of 80 records);
- "group": a read_group, as pivots and graphs do;
- "call": a method over JSON-RPC; target is (model, method, build) where
  build(env) gives (args, kwargs) from the data of the database.
The biggest generated KPA (the last "G" code) stands for "a KPA at scale";
bench.fixtures gives it CAPEs, history, and the portal logins "membre" (one
of its members) and "client" (its client, who holds all its invoices).
"""

VALIDATED_DECLARATIONS = 5


def biggest_kpa(env):
    return env["kpa.cooperative"].search(
        [("code", "=like", "G%")], order="code desc", limit=1) \
        or env.ref("kpa_demo.kpa_la_cape")


def week_of_biggest(env):
    kpa = biggest_kpa(env)
    period = env["kpa.remuneration.period"]._kpa_get_week(kpa)
    env.cr.commit()
    return period


def week_to_validate(env):
    """This week of the biggest KPA with five sent declarations, open: a
    validation left by the previous run is undone first, as the CAE would
    (its entry reversed), so that every run validates the same week."""
    kpa = biggest_kpa(env)
    week = env["kpa.remuneration.period"]._kpa_get_week(kpa)
    if week.state == "validated":
        week.sudo(env.ref("kpa_demo.user_olivier")).action_undo_validation()
    capes = env["hr.contract"].search([
        ("kpa_id", "=", kpa.id), ("kpa_is_cape", "=", True),
        ("state", "=", "open")], order="id",
        limit=VALIDATED_DECLARATIONS)
    declared = week.declaration_ids.mapped("partner_id")
    for cape in capes.filtered(lambda c: c.kpa_partner_id not in declared):
        env["kpa.remuneration.declaration"].create({
            "period_id": week.id, "partner_id": cape.kpa_partner_id.id,
            "amount_net": 20.0, "hours": 3, "state": "submitted"})
    env.cr.commit()
    return [week.ids], {}


def invoice_to_validate(env):
    """A draft invoice of the biggest KPA with five lines: Odoo's own
    validation, to set the week's validation beside."""
    kpa = biggest_kpa(env)
    client = env["account.invoice"].search(
        [("kpa_id", "=", kpa.id), ("type", "=", "out_invoice")],
        limit=1).partner_id
    account = env["account.account"].search([("code", "=like", "706%")],
                                            limit=1)
    invoice = env["account.invoice"].create({
        "type": "out_invoice", "partner_id": client.id, "kpa_id": kpa.id,
        "account_id": client.property_account_receivable_id.id,
        "invoice_line_ids": [(0, 0, {
            "name": "Prestation %d" % line, "account_id": account.id,
            "quantity": 1, "price_unit": 100}) for line in range(5)]})
    env.cr.commit()
    return [invoice.ids], {}


CASES = [
    ("KPA kanban", "olivier", "view", ("kpa.cooperative", "kanban", [])),
    ("Member list", "olivier", "view", ("kpa.membership", "tree", [])),
    ("Prestation board", "olivier", "view",
     ("project.task", "kanban", [("kpa_id", "!=", False)])),
    ("Cashed revenue by KPA", "olivier", "group",
     ("kpa.cashed.report", ["kpa_id", "amount_cashed"], ["kpa_id"])),
    ("Pot of a week (biggest KPA)", "olivier", "call",
     ("kpa.remuneration.period", "read", lambda env: (
         [week_of_biggest(env).ids,
          ["amount_cashed", "amount_expenses", "amount_distributed",
           "amount_available"]], {}))),
    ("Weeks list", "olivier", "view",
     ("kpa.remuneration.period", "tree", [])),
    ("Weekly wizard opens (biggest KPA)", "olivier", "call",
     ("kpa.remuneration.wizard", "create", lambda env: (
         [{"kpa_id": biggest_kpa(env).id}], {}))),
    ("Week validation, 5 declarations (biggest KPA)", "olivier", "call",
     ("kpa.remuneration.period", "action_validate", week_to_validate)),
    ("/my/kpa (member)", "membre", "page", "/my/kpa"),
    ("/my/declarations (member)", "membre", "page", "/my/declarations"),
    ("/my/declarations, last page", "membre", "page",
     "/my/declarations/page/9999"),
    ("/my/decisions (member)", "membre", "page", "/my/decisions"),
    ("/my/logbook (member)", "membre", "page", "/my/logbook"),
    ("/my/cape (member)", "membre", "page", "/my/cape"),
    ("Odoo: invoice validation, 5 lines", "olivier", "call",
     ("account.invoice", "action_invoice_open", invoice_to_validate)),
    ("Odoo: invoice list", "olivier", "view",
     ("account.invoice", "tree", [("type", "=", "out_invoice")])),
    ("Odoo: /my/invoices (the KPA's client)", "client", "page",
     "/my/invoices"),
    ("Odoo: /my/home (member)", "membre", "page", "/my/home"),
]
