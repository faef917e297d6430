# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/bank: the account my pay goes to.

A GET shows its last four digits; a POST (once per form token) checks the
IBAN and the holder's name and stores a new account, the earlier ones
kept for the transfers already made to them. When an account is replaced,
the address known before gets an email."""
import logging

from odoo import _, http
from odoo.http import request

from odoo.addons.kpa_cooperative.controllers.main import clean_text, \
    kpa_clean_params
from odoo.addons.kpa_remuneration.controllers.main import RemunerationPortal

from ..models.res_partner_bank import mask_number

_logger = logging.getLogger(__name__)
try:
    from stdnum import iban as stdnum_iban
    from stdnum.exceptions import ValidationError as IbanError
except ImportError:  # pragma: no cover - a requirement (requirements.txt)
    _logger.warning("python-stdnum is missing: IBANs cannot be checked")
    stdnum_iban = None
    IbanError = ValueError

HOLDER_MAX = 70  # the SEPA name of a creditor: 70 characters at most


def read_bank_form(post):
    """(IBAN in its compact form, holder name, errors) from the posted
    form, never an exception."""
    errors = []
    number = stdnum_iban.compact(clean_text(post.get("iban"), 64) or "")
    holder = clean_text(post.get("holder"), 200) or ""
    if not number:
        errors.append(_("Write your IBAN (it starts with FR76 for a French "
                        "account)."))
    else:
        try:
            number = stdnum_iban.validate(number)
        except IbanError:
            errors.append(_(
                "This IBAN is not valid: check each letter and figure (it "
                "has 27 characters in France, like FR76 3000 6000 0112 3456 "
                "7890 189)."))
    if not holder:
        errors.append(_("Write the name of the account holder."))
    elif len(holder) > HOLDER_MAX:
        errors.append(_("The holder's name has %d characters at most.")
                      % HOLDER_MAX)
    return number, holder, errors


class PayoutPortal(RemunerationPortal):
    """/my/bank: the account my pay goes to; the pay pages say where the
    validated pay went."""

    @staticmethod
    def _bank_current(partner):
        return partner.sudo().kpa_bank_id

    def _bank_save(self, partner, number, holder):
        """The account (mine already, or a new one made as me: the audit
        trail names me) becomes the one my pay goes to; the address known
        before the change is told."""
        Bank = request.env["res.partner.bank"]
        previous = self._bank_current(partner)
        taken = Bank.sudo().search([
            ("sanitized_acc_number", "=", number),
            ("company_id", "in", (False, partner.sudo().company_id.id))],
            limit=1)
        if taken and taken.partner_id != partner:
            return _("This IBAN is already recorded for someone else: call "
                     "the CAE.")
        bank = taken
        if bank:
            if bank.acc_holder_name != holder:
                bank.sudo().acc_holder_name = holder
        else:
            bank = Bank.create({"partner_id": partner.id,
                                "acc_number": stdnum_iban.format(number),
                                "acc_holder_name": holder})
        if bank == previous:
            return None
        partner.sudo().kpa_bank_id = bank
        partner.sudo().message_post(body=_(
            "Account for the pay changed on the portal by %s: %s, before "
            "%s.") % (request.env.user.name, bank.sudo().kpa_acc_number_masked,
                      previous.kpa_acc_number_masked or _("none")))
        if previous and partner.email:
            request.env.ref("kpa_payout.mail_template_bank_changed").sudo() \
                .with_context(
                    kpa_previous_email=partner.email,
                    kpa_previous_account=previous.kpa_acc_number_masked) \
                .send_mail(bank.id)
        return None

    @http.route(["/my/bank"], type="http", auth="user", website=True,
                methods=["GET", "POST"])
    @kpa_clean_params
    def portal_my_bank(self, **post):
        partner = request.env.user.partner_id
        errors = []
        if request.httprequest.method == "POST":
            replay, error = self._kpa_form_once(post)
            if replay:
                return replay
            number, holder, errors = read_bank_form(post)
            if error:
                errors.insert(0, error)
            if not errors:
                result = []
                error = self._kpa_form_write(lambda: result.append(
                    self._bank_save(partner, number, holder)))
                error = error or (result and result[0])
                if not error:
                    return self._kpa_form_done(post, "/my/bank?saved=1")
                errors.append(error)
        values = self._prepare_portal_layout_values()
        current = self._bank_current(partner)
        values.update({
            "page_name": "bank",
            "errors": errors,
            "post": post,
            "saved": post.get("saved") and not errors,
            "bank_masked": current.kpa_acc_number_masked,
            "bank_holder": current.acc_holder_name or partner.name,
        })
        return request.render("kpa_payout.portal_my_bank", values)

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["kpa_bank_masked"] = mask_number(
            request.env.user.partner_id.sudo().kpa_bank_id
            .sanitized_acc_number)
        return values
