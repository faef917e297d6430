"""What the benchmark measures: key pages and actions of each module, next
to Odoo's own comparable pages. Each case is (label, user, kind, target):
- "page": GET a URL;
- "view": load a back-office view as the web client does (the view's
  fields, first page of 80 records);
- "group": a read_group, as pivots and graphs do;
- "call": a method over JSON-RPC; target is (model, method, build) where
  build(env) gives (args, kwargs) from the data of the database.
The biggest generated KPA (the last "G" code) stands for "a KPA at scale".
"""


def biggest_kpa(env):
    return env["kpa.cooperative"].search(
        [("code", "=like", "G%")], order="code desc", limit=1) \
        or env.ref("kpa_demo.kpa_la_cape")


def week_of_biggest(env):
    kpa = biggest_kpa(env)
    period = env["kpa.remuneration.period"]._kpa_get_week(kpa)
    env.cr.commit()
    return period


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
    ("/my/kpa (member)", "samir", "page", "/my/kpa"),
    ("/my/declarations (member)", "samir", "page", "/my/declarations"),
    ("/my/decisions (member)", "samir", "page", "/my/decisions"),
    ("/my/cape (member)", "samir", "page", "/my/cape"),
    ("Odoo: invoice list", "olivier", "view",
     ("account.invoice", "tree", [("type", "=", "out_invoice")])),
    ("Odoo: /my/invoices (member)", "samir", "page", "/my/invoices"),
    ("Odoo: /my/home (member)", "samir", "page", "/my/home"),
]
