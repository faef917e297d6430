"""What the benchmark measures: key pages and actions of each module, next
to Odoo's own comparable pages. Each case is (label, user, kind, target):
kind "page" GETs a URL; kind "view" loads a back-office view as the web
client does (the view's fields, first page of 80 records)."""

CASES = [
    ("KPA kanban", "olivier", "view", ("kpa.cooperative", "kanban", [])),
    ("Member list", "olivier", "view", ("kpa.membership", "tree", [])),
    ("Prestation board", "olivier", "view",
     ("project.task", "kanban", [("kpa_id", "!=", False)])),
    ("Cashed revenue by KPA", "olivier", "group",
     ("kpa.cashed.report", ["kpa_id", "amount_cashed"], ["kpa_id"])),
    ("/my/kpa (member)", "samir", "page", "/my/kpa"),
    ("Odoo: invoice list", "olivier", "view",
     ("account.invoice", "tree", [("type", "=", "out_invoice")])),
    ("Odoo: /my/invoices (member)", "samir", "page", "/my/invoices"),
    ("Odoo: /my/home (member)", "samir", "page", "/my/home"),
]
