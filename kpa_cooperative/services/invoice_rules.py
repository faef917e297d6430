"""What a French invoice of a KPA must say, as plain rules.

- The KPA products, each with its VAT rate, whether it is a service (VAT
  due on payment, CGI art. 269-2-c, unless the CAE opted for debits) or
  goods (VAT due on delivery), and its income account in the French chart.
- The nature of the operation printed on the invoice.
- The client's SIREN or SIRET, checked with python-stdnum.
"""
import logging

_logger = logging.getLogger(__name__)
try:
    from stdnum.fr import siren as stdnum_siren
    from stdnum.fr import siret as stdnum_siret
except ImportError:  # Odoo itself needs python-stdnum (base_vat).
    _logger.warning("python-stdnum is missing: SIREN/SIRET not checked.")
    stdnum_siren = stdnum_siret = None

# xml id -> VAT rate (a key of res.company._kpa_sale_tax), service or goods,
# income account code in the French chart (PCG).
SALES_PRODUCTS = {
    "kpa_cooperative.product_kpa_service":
        {"rate": "20", "service": True, "account": "706000"},
    "kpa_cooperative.product_kpa_catering_onsite":
        {"rate": "10", "service": True, "account": "706000"},
    "kpa_cooperative.product_kpa_takeaway":
        {"rate": "5.5", "service": False, "account": "701100"},
    "kpa_cooperative.product_kpa_goods":
        {"rate": "20", "service": False, "account": "701100"},
    "kpa_cooperative.product_kpa_training":
        {"rate": "20", "service": True, "account": "706000"},
    "kpa_cooperative.product_kpa_event":
        {"rate": "20", "service": True, "account": "706000"},
}

# l10n_fr fiscal position (xml id suffix) -> the note its invoices print,
# in English and in French.
FISCAL_NOTES = {
    "intraeub2b": (
        "Reverse charge: VAT due by the customer (CGI art. 283-2, "
        "Directive 2006/112/EC art. 196). Intra-EU supply of goods exempt "
        "(CGI art. 262 ter I).",
        "Autoliquidation : TVA due par le preneur (article 283-2 du CGI, "
        "article 196 de la directive 2006/112/CE). Livraison "
        "intracommunautaire exonérée (article 262 ter I du CGI)."),
    "import_export": (
        "No French VAT: export of goods (CGI art. 262 I), services "
        "supplied outside France (CGI art. 259-1).",
        "TVA non applicable : exportation de biens (article 262 I du CGI), "
        "prestation de services hors de France (article 259-1 du CGI)."),
}

NATURE_SERVICES = "services"
NATURE_GOODS = "goods"
NATURE_BOTH = "goods_and_services"


def operation_nature(product_types):
    """The nature of the operation from the invoice's product types
    (Odoo's ``service``, ``consu``, ``product``); ``None`` when no line has
    a product. Lines without product count as services: a KPA sells work."""
    kinds = {"service" if kind in (None, False, "service") else "goods"
             for kind in product_types}
    if not kinds:
        return None
    if kinds == {"service"}:
        return NATURE_SERVICES
    if kinds == {"goods"}:
        return NATURE_GOODS
    return NATURE_BOTH


def clean_siret(value):
    """``value`` as 9 (SIREN) or 14 (SIRET) digits, spaces and dots
    removed; raises ValueError when it is neither a valid SIREN nor a valid
    SIRET (Luhn checksum)."""
    digits = "".join(char for char in (value or "") if char not in " .-")
    if not digits.isdigit():
        raise ValueError(value)
    if len(digits) == 9 and (stdnum_siren is None
                             or stdnum_siren.is_valid(digits)):
        return digits
    if len(digits) == 14 and (stdnum_siret is None
                              or stdnum_siret.is_valid(digits)):
        return digits
    raise ValueError(value)


def siren_of(siret):
    """The SIREN (the first 9 digits) of a SIREN or SIRET, else ''."""
    digits = "".join(char for char in (siret or "") if char.isdigit())
    return digits[:9] if len(digits) in (9, 14) else ""


def format_siren(siren):
    """'481234565' -> '481 234 565', as the RCS prints it."""
    if len(siren or "") != 9:
        return siren or ""
    return " ".join((siren[:3], siren[3:6], siren[6:]))
