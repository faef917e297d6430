# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A KPA invoice as a Factur-X (EN 16931 profile) CII XML, from plain data:
no Odoo here (docs/PORTING.md: this side moves to a later Odoo as is).

``invoice_xml(data)`` writes the XML; ``missing_elements(data)`` names the
EN 16931 elements that would be empty (the invoice is then not issued);
``embed(pdf, xml)`` makes the PDF/A-3 with the XML inside, and checks the
XML against the Factur-X XSD, with the ``factur-x`` library.

``data`` is a dict::

    number, type ("invoice" | "refund"), date, due_date, currency,
    buyer_reference, order_reference, service_date, notes: [text],
    seller / buyer: {name, trading_name, siren, siret, vat, street,
                     street2, zip, city, country},
    payment: {means, iban, bic, terms},
    lines: [{name, quantity, price, subtotal, category, rate}],
    taxes: [{category, rate, base, amount, due_code, exemption_reason,
             exemption_code}],
    totals: {lines, tax_basis, tax, grand, prepaid, due}

Dates are ``datetime.date`` (or ``YYYY-MM-DD``), amounts numbers.
"""
import datetime
import logging

from lxml import etree

try:
    import facturx
except ImportError:  # pragma: no cover - listed in requirements.txt
    facturx = None

# The library logs each step at INFO: a line per check in Odoo's log.
logging.getLogger("factur-x").setLevel(logging.WARNING)


def _(text):
    """Marks a text for Odoo's translation export; translated when shown,
    in the user's language (``odoo_translator``)."""
    return text


NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "ram": "urn:un:unece:uncefact:data:standard:"
           "ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
EN16931 = "urn:cen.eu:en16931:2017"
TYPE_CODES = {"invoice": "380", "refund": "381"}
# UNTDID 2005: when the VAT falls due (EN 16931 BT-8).
DUE_ON_INVOICE = "5"
DUE_ON_PAYMENT = "72"
# EN 16931 VAT categories (UNTDID 5305) and the VATEX codes of those that
# carry no VAT.
STANDARD = "S"
EXEMPTIONS = {
    "AE": ("VATEX-EU-AE", "Reverse charge"),
    "K": ("VATEX-EU-IC", "Intra-Community supply"),
    "G": ("VATEX-EU-G", "Export outside the EU"),
    "O": ("VATEX-EU-O", "Not subject to VAT"),
}
SIREN_SCHEME = "0002"  # ISO 6523 ICD of the French SIRENE register
SIRET_SCHEME = "0009"
SEPA_CREDIT_TRANSFER = "58"


def vat_category(rate, fiscal_kind=None, service=True):
    """The EN 16931 VAT category of a line: standard when it bears VAT;
    without VAT, what the fiscal position says (``intraeub2b``: reverse
    charge for a service, intra-Community supply for goods;
    ``import_export``: not subject for a service, export for goods)."""
    if rate:
        return STANDARD
    if fiscal_kind == "intraeub2b":
        return "AE" if service else "K"
    if fiscal_kind == "import_export":
        return "O" if service else "G"
    return "O"


def missing_elements(data):
    """The mandatory EN 16931 elements ``data`` leaves empty, as
    ``(business term, what it is)`` pairs, in the order of the standard."""
    seller = data.get("seller") or {}
    buyer = data.get("buyer") or {}
    missing = []

    def need(value, term, label):
        if value in (None, False, "") or value == []:
            missing.append((term, label))

    need(data.get("number"), "BT-1", _("invoice number"))
    need(data.get("date"), "BT-2", _("invoice date"))
    need(data.get("currency"), "BT-5", _("currency"))
    need(seller.get("name"), "BT-27", _("seller name"))
    need(seller.get("vat") or seller.get("siren"), "BT-31",
         _("seller VAT number or SIREN"))
    need(seller.get("country"), "BT-40", _("seller country"))
    need(buyer.get("name"), "BT-44", _("buyer name"))
    need(buyer.get("country"), "BT-55", _("buyer country"))
    if buyer.get("country") == "FR" and buyer.get("is_company"):
        # The French reform asks the SIREN of a business client.
        need(buyer.get("siren"), "BT-47", _("client's SIREN"))
    if buyer.get("public_body"):
        need(data.get("buyer_reference"), "BT-10",
             _("service code of the public client (Chorus Pro)"))
    need(data.get("lines"), "BG-25", _("invoice lines"))
    for line in data.get("lines") or []:
        need(line.get("name"), "BT-153", _("name of a line"))
        need(line.get("category"), "BT-151", _("VAT category of a line"))
    for tax in data.get("taxes") or []:
        if tax.get("category") in EXEMPTIONS and not tax.get("rate"):
            continue
        need(tax.get("rate"), "BT-119", _("VAT rate"))
    if (data.get("totals") or {}).get("due", 0) > 0:
        need(data.get("due_date") or (data.get("payment") or {}).get(
            "terms"), "BT-9", _("due date or payment terms"))
    return missing


def inconsistencies(data, tolerance=0.01):
    """The EN 16931 sums ``data`` breaks (BR-CO-10, 13 to 16, BR-S-08), as
    ``(rule, expected, found)``: an invoice must add up before it leaves,
    and a received one is shown, not silently fixed."""
    totals = data.get("totals") or {}
    lines = data.get("lines") or []
    taxes = data.get("taxes") or []
    found = []

    def check(rule, expected, value):
        if abs((expected or 0.0) - (value or 0.0)) > tolerance:
            found.append((rule, round(expected or 0.0, 2),
                          round(value or 0.0, 2)))

    line_total = sum(line.get("subtotal") or 0.0 for line in lines)
    check("BR-CO-10", line_total, totals.get("lines"))
    check("BR-CO-13", line_total, totals.get("tax_basis"))
    for tax in taxes:
        base = sum(line.get("subtotal") or 0.0 for line in lines
                   if line.get("category") == tax.get("category")
                   and abs((line.get("rate") or 0.0)
                           - (tax.get("rate") or 0.0)) < 0.001)
        check("BR-S-08", base, tax.get("base"))
    check("BR-CO-14", sum(tax.get("amount") or 0.0 for tax in taxes),
          totals.get("tax"))
    check("BR-CO-15", (totals.get("tax_basis") or 0.0)
          + (totals.get("tax") or 0.0), totals.get("grand"))
    check("BR-CO-16", (totals.get("grand") or 0.0)
          - (totals.get("prepaid") or 0.0), totals.get("due"))
    return found


def _date(value):
    if isinstance(value, str):
        value = datetime.datetime.strptime(value[:10], "%Y-%m-%d").date()
    return value.strftime("%Y%m%d")


def _amount(value):
    return "%.2f" % round(value or 0.0, 2)


def _quantity(value):
    return ("%.4f" % value).rstrip("0").rstrip(".")


def _rate(value):
    return ("%.2f" % value).rstrip("0").rstrip(".")


class _Writer:
    """Children in the order the XSD wants them: each ``add`` appends."""

    def __init__(self, root):
        self.root = root

    @staticmethod
    def add(parent, tag, text=None, **attrs):
        prefix, name = tag.split(":")
        node = etree.SubElement(parent, "{%s}%s" % (NS[prefix], name),
                                **attrs)
        if text is not None:
            node.text = str(text)
        return node

    def date(self, parent, tag, value):
        holder = self.add(parent, tag)
        self.add(holder, "udt:DateTimeString", _date(value), format="102")


def _party(writer, parent, tag, party):
    node = writer.add(parent, tag)
    writer.add(node, "ram:Name", party["name"])
    if party.get("description"):  # BT-33: legal form, capital, RCS
        writer.add(node, "ram:Description", party["description"])
    # Chorus Pro routes a public client by its SIRET; the reform asks the
    # SIREN of the others.
    legal_id, scheme = (party.get("siret"), SIRET_SCHEME) if (
        party.get("public_body") and party.get("siret")) else (
        party.get("siren"), SIREN_SCHEME)
    if legal_id or party.get("trading_name"):
        legal = writer.add(node, "ram:SpecifiedLegalOrganization")
        if legal_id:
            writer.add(legal, "ram:ID", legal_id, schemeID=scheme)
        if party.get("trading_name"):
            writer.add(legal, "ram:TradingBusinessName",
                       party["trading_name"])
    address = writer.add(node, "ram:PostalTradeAddress")
    if party.get("zip"):
        writer.add(address, "ram:PostcodeCode", party["zip"])
    if party.get("street"):
        writer.add(address, "ram:LineOne", party["street"])
    if party.get("street2"):
        writer.add(address, "ram:LineTwo", party["street2"])
    if party.get("city"):
        writer.add(address, "ram:CityName", party["city"])
    writer.add(address, "ram:CountryID", party["country"])
    if party.get("vat"):
        registration = writer.add(node, "ram:SpecifiedTaxRegistration")
        writer.add(registration, "ram:ID", party["vat"], schemeID="VA")
    return node


def _line(writer, parent, index, line):
    item = writer.add(parent, "ram:IncludedSupplyChainTradeLineItem")
    document = writer.add(item, "ram:AssociatedDocumentLineDocument")
    writer.add(document, "ram:LineID", index)
    product = writer.add(item, "ram:SpecifiedTradeProduct")
    writer.add(product, "ram:Name", line["name"])
    agreement = writer.add(item, "ram:SpecifiedLineTradeAgreement")
    price = writer.add(agreement, "ram:NetPriceProductTradePrice")
    writer.add(price, "ram:ChargeAmount", _amount(line["price"]))
    delivery = writer.add(item, "ram:SpecifiedLineTradeDelivery")
    writer.add(delivery, "ram:BilledQuantity", _quantity(line["quantity"]),
               unitCode=line.get("unit") or "C62")
    settlement = writer.add(item, "ram:SpecifiedLineTradeSettlement")
    tax = writer.add(settlement, "ram:ApplicableTradeTax")
    writer.add(tax, "ram:TypeCode", "VAT")
    writer.add(tax, "ram:CategoryCode", line["category"])
    writer.add(tax, "ram:RateApplicablePercent", _rate(line["rate"]))
    summation = writer.add(
        settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
    writer.add(summation, "ram:LineTotalAmount", _amount(line["subtotal"]))


def _tax(writer, parent, tax):
    node = writer.add(parent, "ram:ApplicableTradeTax")
    writer.add(node, "ram:CalculatedAmount", _amount(tax["amount"]))
    writer.add(node, "ram:TypeCode", "VAT")
    exemption = EXEMPTIONS.get(tax["category"])
    if exemption:
        writer.add(node, "ram:ExemptionReason",
                   tax.get("exemption_reason") or exemption[1])
    writer.add(node, "ram:BasisAmount", _amount(tax["base"]))
    writer.add(node, "ram:CategoryCode", tax["category"])
    if exemption:
        writer.add(node, "ram:ExemptionReasonCode", exemption[0])
    if tax.get("due_code"):
        writer.add(node, "ram:DueDateTypeCode", tax["due_code"])
    writer.add(node, "ram:RateApplicablePercent", _rate(tax["rate"]))


def invoice_xml(data):
    """The Factur-X EN 16931 CII XML of ``data``, as bytes (UTF-8)."""
    writer = _Writer(etree.Element("{%s}CrossIndustryInvoice" % NS["rsm"],
                                   nsmap=NS))
    root = writer.root
    add = writer.add
    context = add(root, "rsm:ExchangedDocumentContext")
    guideline = add(context, "ram:GuidelineSpecifiedDocumentContextParameter")
    add(guideline, "ram:ID", EN16931)

    document = add(root, "rsm:ExchangedDocument")
    add(document, "ram:ID", data["number"])
    add(document, "ram:TypeCode", TYPE_CODES[data.get("type", "invoice")])
    writer.date(document, "ram:IssueDateTime", data["date"])
    for note in data.get("notes") or []:
        included = add(document, "ram:IncludedNote")
        add(included, "ram:Content", note)

    transaction = add(root, "rsm:SupplyChainTradeTransaction")
    for index, line in enumerate(data["lines"], 1):
        _line(writer, transaction, index, line)

    agreement = add(transaction, "ram:ApplicableHeaderTradeAgreement")
    if data.get("buyer_reference"):
        add(agreement, "ram:BuyerReference", data["buyer_reference"])
    _party(writer, agreement, "ram:SellerTradeParty", data["seller"])
    _party(writer, agreement, "ram:BuyerTradeParty", data["buyer"])
    if data.get("order_reference"):
        order = add(agreement, "ram:BuyerOrderReferencedDocument")
        add(order, "ram:IssuerAssignedID", data["order_reference"])

    delivery = add(transaction, "ram:ApplicableHeaderTradeDelivery")
    if data.get("service_date"):
        event = add(delivery, "ram:ActualDeliverySupplyChainEvent")
        writer.date(event, "ram:OccurrenceDateTime", data["service_date"])

    settlement = add(transaction, "ram:ApplicableHeaderTradeSettlement")
    add(settlement, "ram:PaymentReference", data["number"])
    add(settlement, "ram:InvoiceCurrencyCode", data["currency"])
    payment = data.get("payment") or {}
    if payment.get("iban"):
        means = add(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        add(means, "ram:TypeCode", payment.get("means")
            or SEPA_CREDIT_TRANSFER)
        account = add(means, "ram:PayeePartyCreditorFinancialAccount")
        add(account, "ram:IBANID", payment["iban"])
        if payment.get("bic"):
            institution = add(
                means, "ram:PayeeSpecifiedCreditorFinancialInstitution")
            add(institution, "ram:BICID", payment["bic"])
    for tax in data["taxes"]:
        _tax(writer, settlement, tax)
    if payment.get("terms") or data.get("due_date"):
        terms = add(settlement, "ram:SpecifiedTradePaymentTerms")
        if payment.get("terms"):
            add(terms, "ram:Description", payment["terms"])
        if data.get("due_date"):
            writer.date(terms, "ram:DueDateDateTime", data["due_date"])
    totals = data["totals"]
    summation = add(settlement,
                    "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    add(summation, "ram:LineTotalAmount", _amount(totals["lines"]))
    add(summation, "ram:TaxBasisTotalAmount", _amount(totals["tax_basis"]))
    add(summation, "ram:TaxTotalAmount", _amount(totals["tax"]),
        currencyID=data["currency"])
    add(summation, "ram:GrandTotalAmount", _amount(totals["grand"]))
    if totals.get("prepaid"):
        add(summation, "ram:TotalPrepaidAmount", _amount(totals["prepaid"]))
    add(summation, "ram:DuePayableAmount", _amount(totals["due"]))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)


def check_xsd(xml):
    """Raise ``ValueError`` (with the schema's words) unless ``xml`` is
    valid against the Factur-X EN 16931 XSD."""
    try:
        facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
    except Exception as error:  # the library raises a bare Exception
        raise ValueError(str(error)) from error


def embed(pdf, xml):
    """The PDF/A-3 Factur-X: ``pdf`` with ``xml`` attached as
    factur-x.xml, checked against the XSD on the way."""
    check_xsd(xml)
    return facturx.generate_from_binary(
        pdf, xml, flavor="factur-x", level="en16931", check_xsd=False)


def xml_of(pdf):
    """The Factur-X XML inside ``pdf`` (bytes), or ``None``."""
    _filename, xml = facturx.get_xml_from_pdf(pdf, check_xsd=False)
    return xml or None
