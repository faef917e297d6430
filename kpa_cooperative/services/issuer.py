# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who issues a KPA's money documents: one text for quotes and invoices.

The KPA is a trade name of the CAE, the legal issuer (DESIGN, "Money
documents in France"): "La Cape, nom commercial d'Optéos (SCOP SA, capital
variable, RCS..., SIRET..., NAF..., TVA...), 51 rue de l'Alma, 59100
Roubaix".

:func:`issuer_line` takes the company, the KPA (or nothing) and a
translation function; a model gets one for the document's language with
:func:`odoo_translator`. The msgids are translated in
``kpa_cooperative/i18n/fr.po``.
"""


import re

# French elides "de" before a vowel or a mute h: "nom commercial d'Optéos".
_DE_VOWEL = re.compile(r"\bde ([aeiouyhàâäéèêëîïôöùûüAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜ])")


def _same(text):
    return text


# Marks the texts below for Odoo's translation export (which looks for
# _("...") calls); they are translated when used, in the document's
# language, by the ``translate`` function given.
_ = _same
TRADE_NAME_PHRASE = _("Trade name of %s, a KPA of the KPA-Cité network")
TRADE_NAME = _("%s, trade name of %s")
VAT_NUMBER = _("VAT %s")


def elide_de(text):
    """'nom commercial de Optéos' -> "nom commercial d'Optéos"."""
    return _DE_VOWEL.sub(r"d'\1", text)


def trade_name_phrase(company, translate=None):
    """What a letterhead says under the KPA's brand."""
    tr = translate or _same
    return elide_de(tr(TRADE_NAME_PHRASE) % company.name)


def issuer_line(company, kpa=None, translate=None):
    """The legal issuer as a document prints it: the KPA's brand as a trade
    name of the CAE, then the CAE's legal identity and address.

    ``company`` and ``kpa`` are records (or anything with the same
    attributes); ``translate(msgid)`` returns the text in the document's
    language (identity by default)."""
    tr = translate or _same
    identity = [part for part in (
        company.kpa_legal_form,
        company.kpa_share_capital,
        company.company_registry,
        company.siret and "SIRET %s" % company.siret,
        company.ape and "NAF %s" % company.ape,
        company.vat and tr(VAT_NUMBER) % company.vat,
    ) if part]
    address = ", ".join(part for part in (
        company.street, company.street2,
        " ".join(p for p in (company.zip, company.city) if p)) if part)
    if kpa:
        text = elide_de(tr(TRADE_NAME) % (kpa.name, company.name))
    else:
        text = company.name or ""
    if identity:
        text += " (%s)" % ", ".join(identity)
    if address:
        text += ", " + address
    return text


def odoo_translator(env, lang):
    """A ``translate(msgid)`` for :func:`issuer_line`: the code
    translations Odoo loaded for ``lang`` (the msgid when there is none)."""
    if not lang or lang == "en_US":
        return _same
    Translation = env["ir.translation"]

    def translate(text):
        return Translation._get_source(None, ("code",), lang, text) or text
    return translate
