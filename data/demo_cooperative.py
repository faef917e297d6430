"""Demo part of kpa_cooperative: KPA logos, prestations of every kind,
invoices draft, open and paid (see data/demo.py)."""
import base64
import datetime
import io

from .odoo_env import ensure, demo_today

# KPA, name, client, price, days from today, step, referents, activity
# (the KPA product: its VAT rate and account, see services/invoice_rules.py)
PRESTATIONS = [
    ("kpa_la_cape", "Buffet de l'assemblée du centre social",
     "client_centre_social", 1000, -20, "paid", ["samir_haddad", "fatou_ndiaye"],
     "catering_onsite"),
    ("kpa_la_cape", "Sérigraphie de 50 tee-shirts", "client_asso_sport",
     450, -12, "open", ["ines_moreau"], "goods"),
    ("kpa_la_cape", "Menuiserie : bacs de jardin", "client_mairie",
     800, -3, "draft", ["kevin_dubois"], "goods"),
    ("kpa_la_cape", "Couture : rideaux de la médiathèque", "client_mairie",
     350, 6, "progress", ["ines_moreau", "yasmine_bensaid"], "goods"),
    ("kpa_la_cape", "Livraison de paniers", "client_centre_social",
     120, 10, "todo", ["samir_haddad"], "takeaway"),
    ("kpa_moulins_coop", "Buffet de quartier", "client_bailleur",
     1500, -15, "paid", ["julie_lambert", "mamadou_diallo"],
     "catering_onsite"),
    ("kpa_moulins_coop", "Livraison de repas", "client_centre_social",
     240, -2, "open", ["mamadou_diallo"], "takeaway"),
    ("kpa_illicoop", "Jardinage : potager partagé", "client_bailleur",
     600, -8, "open", ["aminata_traore"], "service"),
    ("kpa_illicoop", "Événement : fête des voisins", "client_mairie",
     900, 15, "todo", ["lucas_petit"], "event"),
    ("kpa_illicoop", "Atelier impression 3D : porte-clés", "client_belge",
     300, -6, "open", ["lucas_petit"], "training"),
]
# xml id, name, city, extra values: French businesses and public bodies
# carry their SIRET; the Belgian company is reverse charged (intra-EU B2B).
CLIENTS = {
    "client_centre_social": ("Centre social de l'Épeule", "Roubaix", {
        "siret": "77567890700012", "street": "20 rue de l'Épeule",
        "zip": "59100"}),
    "client_asso_sport": ("Association sportive des Hauts-Champs", "Roubaix",
                          {"siret": "41234567000019",
                           "street": "2 avenue des Sports", "zip": "59100"}),
    "client_mairie": ("Mairie de quartier Lille-Moulins", "Lille", {
        "siret": "21590350100017", "kpa_is_public_body": True,
        "kpa_service_code": "MQ-MOULINS", "street": "15 rue d'Arras",
        "zip": "59000"}),
    "client_bailleur": ("Habitat Nord Bailleur", "Mons-en-Barœul", {
        "siret": "38765432000010", "street": "8 rue du Général de Gaulle",
        "zip": "59370"}),
    "client_belge": ("Atelier Bruxellois SRL", "Bruxelles", {
        "country": "base.be", "vat": "BE0477472701",
        "fiscal_position": "intraeub2b", "street": "12 rue Haute",
        "zip": "1000"}),
}
COLOURS = {"kpa_la_cape": (214, 69, 65), "kpa_moulins_coop": (46, 134, 171),
           "kpa_illicoop": (76, 153, 76)}


def make_logo(name, colour):
    """A round badge with the KPA's initials: enough to tell them apart."""
    from PIL import Image, ImageDraw, ImageFont
    image = Image.new("RGB", (128, 128), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, 124, 124), fill=colour)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 44)
        draw.text((64, 64), initials, fill="white", font=font, anchor="mm")
    except OSError:  # no TrueType font on this machine: small letters
        draw.text((56, 58), initials, fill="white")
    buffer = io.BytesIO()
    image.resize((128, 128)).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue())


def load_logos(env, ctx):
    for key, kpa in ctx["kpas"].items():
        if not kpa.logo:
            kpa.logo = make_logo(kpa.name, COLOURS.get(key, (90, 90, 90)))


def load_clients(env, ctx):
    clients = {}
    company = ctx["company"]
    for key, (name, city, extra) in CLIENTS.items():
        values = {
            "name": name, "city": city, "is_company": True, "customer": True,
            "country_id": env.ref(extra.get("country", "base.fr")).id,
            "lang": "fr_FR", "email": "%s@client.example" % key,
            "siret": extra.get("siret"), "vat": extra.get("vat"),
            "street": extra.get("street"), "zip": extra.get("zip"),
            "kpa_is_public_body": extra.get("kpa_is_public_body", False),
            "kpa_service_code": extra.get("kpa_service_code"),
        }
        if extra.get("fiscal_position"):
            values["property_account_position_id"] = env.ref(
                "l10n_fr.%d_fiscal_position_template_%s" % (
                    company.id, extra["fiscal_position"])).id
        partner = ensure(env, key, "res.partner", values)
        # A demo database made before the SIRETs were in the demo.
        if values["siret"] and not partner.siret:
            partner.write({key_: values[key_] for key_ in (
                "siret", "kpa_is_public_body", "kpa_service_code", "street",
                "zip")})
        clients[key] = partner
    return clients


def load_prestations(env, ctx):
    today = demo_today()
    clients = load_clients(env, ctx)
    bank = env["account.journal"].search([
        ("type", "=", "bank"), ("company_id", "=", ctx["company"].id)],
        limit=1)
    for index, (kpa_key, name, client, price, days, step, referents,
                activity) in enumerate(PRESTATIONS):
        kpa = ctx["kpas"][kpa_key]
        xmlid = "prestation_%d" % index
        existed = env.ref("kpa_demo.%s" % xmlid, raise_if_not_found=False)
        task = ensure(env, xmlid, "project.task", {
            "name": name,
            "project_id": kpa.project_id.id,
            "partner_id": clients[client].id,
            "kpa_line_ids": [(0, 0, {
                "product_id": env.ref(
                    "kpa_cooperative.product_kpa_%s" % activity).id,
                "name": name, "quantity": 1, "price_unit": price})],
            "kpa_date_planned": (today + datetime.timedelta(days=days))
            .isoformat(),
            # A public buyer's commitment number (numéro d'engagement).
            "kpa_client_ref": "EJ-2026-%04d" % (40 + index)
            if client == "client_mairie" else False,
            "kpa_referent_ids": [(6, 0, [
                env.ref("kpa_demo.partner_%s" % ref).id
                for ref in referents])],
        })
        if existed:
            continue
        stage_step = {"paid": "done", "open": "done", "draft": "done"}.get(
            step, step)
        task.stage_id = task._kpa_stage(stage_step)
        if step not in ("draft", "open", "paid"):
            continue
        action = task.action_kpa_invoice()
        invoice = env["account.invoice"].browse(action["res_id"])
        invoice.date_invoice = (today + datetime.timedelta(days=days + 1))\
            .isoformat()
        if step in ("open", "paid"):
            invoice.action_invoice_open()
        if step == "paid":
            payment = env["account.payment"].create({
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": invoice.partner_id.id,
                "amount": invoice.amount_total,
                "journal_id": bank.id,
                "payment_date": (today + datetime.timedelta(days=days + 8))
                .isoformat(),
                "payment_method_id": env.ref(
                    "account.account_payment_method_manual_in").id,
                "invoice_ids": [(6, 0, invoice.ids)],
            })
            payment.post()


STEPS = [
    ("kpa logos", load_logos),
    ("prestations and invoices", load_prestations),
]
