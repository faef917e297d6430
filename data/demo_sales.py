"""Demo part of kpa_cooperative's quotes (see data/demo.py): La Cape quotes
a neighbourhood meal for 80 people, accepted online and signed by the
client, its deposit paid and the balance invoice open; a quote drafted by
a member waits for the coordinator; a quote is sent, not answered yet.

Runs after demo_cooperative's steps (its clients and members). Idempotent:
each prestation and document carries an external id in ``kpa_demo``.
"""
import base64
import datetime
import io

from .odoo_env import demo_today, ensure

# xml id, name, client, days from today, client's reference, referents,
# lines (activity, description, quantity, untaxed unit price), step
SALES = [
    ("sale_prestation_meal", "Repas de quartier pour 80 personnes",
     "client_centre_social", 25, "BC-2026-118",
     ["samir_haddad", "fatou_ndiaye"], [
         ("catering_onsite", "Repas complet servi sur place", 80, 12.5),
         ("event", "Animation et service en salle", 1, 300.0),
     ], "balance"),
    ("sale_prestation_farewell", "Pot de départ à l'association sportive",
     "client_asso_sport", 18, False, ["samir_haddad"], [
         ("catering_onsite", "Buffet froid, 40 personnes", 40, 9.0),
     ], "member_draft"),
    ("sale_prestation_bags", "Sérigraphie : 120 sacs pour la braderie",
     "client_mairie", 35, "EJ-2026-0077", ["ines_moreau"], [
         ("goods", "Sac en coton imprimé deux couleurs", 120, 6.5),
     ], "sent"),
]
SIGNED_BY = "Leïla Benamar, directrice du centre social"


def _register(env, xmlid, record):
    env["ir.model.data"].create({
        "module": "kpa_demo", "name": xmlid, "model": record._name,
        "res_id": record.id, "noupdate": True})
    return record


def _existing(env, xmlid):
    return env.ref("kpa_demo.%s" % xmlid, raise_if_not_found=False)


def _signature():
    """A handwritten-looking line, as the portal's signature pad sends."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (360, 120), "white")
    draw = ImageDraw.Draw(image)
    points = [(20, 80), (60, 30), (90, 90), (130, 40), (160, 85),
              (200, 35), (240, 90), (280, 50), (330, 70)]
    draw.line(points, fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _pay(env, invoice, date):
    bank = env["account.journal"].search([
        ("type", "=", "bank"), ("company_id", "=", invoice.company_id.id)],
        limit=1)
    env["account.payment"].create({
        "payment_type": "inbound", "partner_type": "customer",
        "partner_id": invoice.partner_id.id,
        "amount": invoice.residual, "journal_id": bank.id,
        "payment_date": date.isoformat(),
        "payment_method_id": env.ref(
            "account.account_payment_method_manual_in").id,
        "invoice_ids": [(6, 0, invoice.ids)],
    }).post()


def _prestation(env, ctx, key, name, client, days, ref, referents, lines):
    kpa = ctx["kpas"]["kpa_la_cape"]
    today = demo_today()
    return ensure(env, key, "project.task", {
        "name": name,
        "project_id": kpa.project_id.id,
        "partner_id": env.ref("kpa_demo.%s" % client).id,
        "kpa_date_planned": (today + datetime.timedelta(days=days))
        .isoformat(),
        "kpa_client_ref": ref,
        "kpa_referent_ids": [(6, 0, [
            env.ref("kpa_demo.partner_%s" % person).id
            for person in referents])],
        "kpa_line_ids": [(0, 0, {
            "product_id": env.ref(
                "kpa_cooperative.product_kpa_%s" % activity).id,
            "name": text, "quantity": quantity, "price_unit": price})
            for activity, text, quantity, price in lines],
    })


def _accepted_with_deposit_and_balance(env, task, key):
    """Quote sent, accepted online and signed, 30 % deposit paid, balance
    invoice open."""
    today = demo_today()
    order = _existing(env, key + "_quote")
    if not order:
        order = _register(env, key + "_quote", env["sale.order"].create(
            task._kpa_quote_values(task._kpa_line_specs())))
    if order.state == "draft":
        order.write({"state": "sent"})
    if order.state == "sent":
        order._kpa_accept(SIGNED_BY)
        order.message_post(
            body="Devis accepté en ligne et signé par %s." % SIGNED_BY,
            author_id=order.partner_id.id,
            attachments=[("signature.png", _signature())])
    if not _existing(env, key + "_deposit"):
        wizard = env["sale.advance.payment.inv"].with_context(
            active_model="sale.order", active_ids=order.ids,
            active_id=order.id).create({
                "advance_payment_method": "percentage", "amount": 30})
        wizard.create_invoices()
        deposit = _register(env, key + "_deposit",
                            order.invoice_ids.sorted("id")[-1])
        # Booked seven weeks ahead: the deposit was invoiced and paid a
        # month ago.
        deposit.date_invoice = (today - datetime.timedelta(days=30))\
            .isoformat()
        deposit.action_invoice_open()
        _pay(env, deposit, today - datetime.timedelta(days=27))
    if not _existing(env, key + "_balance"):
        ids = order.action_invoice_create(final=True)
        balance = _register(env, key + "_balance",
                            env["account.invoice"].browse(ids))
        balance.date_invoice = today.isoformat()
        balance.action_invoice_open()


def _member_draft(env, task, key):
    """A quote a member drafted from the portal: waits for validation."""
    if _existing(env, key + "_quote"):
        return
    partner = task.kpa_referent_ids[:1]
    order = task._kpa_member_draft("quote", task._kpa_line_specs(), partner)
    _register(env, key + "_quote", order)


def _sent(env, task, key):
    """A quote sent to the client, not answered yet."""
    if _existing(env, key + "_quote"):
        return
    order = _register(env, key + "_quote", env["sale.order"].create(
        task._kpa_quote_values(task._kpa_line_specs())))
    order.write({"state": "sent"})


def load_sales(env, ctx):
    actions = {"balance": _accepted_with_deposit_and_balance,
               "member_draft": _member_draft, "sent": _sent}
    for key, name, client, days, ref, referents, lines, step in SALES:
        task = _prestation(env, ctx, key, name, client, days, ref,
                           referents, lines)
        actions[step](env, task, key)


def signature_b64():
    """The demo signature, as the portal's pad sends it (for tests)."""
    return base64.b64encode(_signature()).decode()


STEPS = [
    ("quotes, deposits and balances", load_sales),
]
