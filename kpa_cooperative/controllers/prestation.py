# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/prestations: the prestations I signed up for; from a phone, I
prepare their quote or invoice, the coordinators check and send it.

And the client's side of a KPA quote: sale's own ``/my/orders/<id>`` page
(the access-token link of the email, no account needed) and its
``/my/quotes/accept`` route (name and signature), always open for KPA
quotes, recording who accepted and when.

Guards (on top of the portal base, ``controllers/main.py``):

- the prestation is read as the member (record rule: referent members
  only); someone else's id answers 404;
- drafting also needs a current membership of the prestation's KPA
  (``project.task._kpa_member_may_draft``), checked again by the model;
- the draft is made by the server (a member writes no quote nor invoice),
  with ``kpa_drafted_by_id``; a member never sends, confirms or changes it
  (their rights on sale.order and account.invoice are read only);
- every typed value is parsed here, never trusted: a bad one is a form
  error in French and nothing is written.
"""
import base64
import binascii
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from odoo import _, http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.portal.controllers.mail import _message_post_helper

from .main import KpaPortal, back_home_unless_readable, clean_text, \
    kpa_clean_params, safe_int

MAX_LINES = 6
NAME_MAX = 500
MAX_QUANTITY = Decimal("100000")
MAX_PRICE = Decimal("1000000")
KINDS = ("quote", "invoice")
_NUMBER = re.compile(r"^\d+(\.\d+)?$")


def parse_number(text, decimals, maximum):
    """(Decimal, None) for a typed number ("12", "12,5", "1 200,50 €"), or
    (None, reason) with reason in ``empty``, ``nan``, ``negative``,
    ``precise``, ``big``. Never raises."""
    if not isinstance(text, str):
        return None, "nan"
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "")
    cleaned = cleaned.replace(" ", "").replace("€", "").replace(",", ".")
    if not cleaned:
        return None, "empty"
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:]
    if len(cleaned) > 20 or not _NUMBER.match(cleaned):
        return None, "nan"
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, "nan"
    if negative and value:
        return None, "negative"
    step = Decimal(1).scaleb(-decimals)
    if value != value.quantize(step, rounding=ROUND_HALF_UP):
        return None, "precise"
    if value > maximum:
        return None, "big"
    return value, None


class PrestationPortal(KpaPortal):
    """My prestations, and the drafts I prepare for them."""

    # -- reading the form ---------------------------------------------------
    @staticmethod
    def _prestation_products():
        """The KPA activities a member picks from (the deposit is not one:
        the coordinators invoice it)."""
        category = request.env.ref("kpa_cooperative.product_category_kpa")
        deposit = request.env.ref("kpa_cooperative.product_kpa_deposit",
                                  raise_if_not_found=False)
        return request.env["product.product"].sudo().with_context(
            lang=request.env.user.lang).search([
                ("categ_id", "=", category.id), ("sale_ok", "=", True),
                ("id", "!=", deposit.id if deposit else 0)], order="id")

    @staticmethod
    def _prestation_number_error(reason, line, what):
        """The form error for a quantity or price that ``parse_number``
        refused (``what`` is ``quantity`` or ``price``)."""
        if what == "quantity":
            messages = {
                "empty": _("Line %s: write how many."),
                "nan": _("Line %s: the quantity must be a number, like 2 "
                         "or 2,5."),
                "negative": _("Line %s: the quantity must be more than "
                              "zero."),
                "precise": _("Line %s: the quantity has too many "
                             "decimals."),
                "big": _("Line %s: the quantity is too big: check it."),
            }
        else:
            messages = {
                "empty": _("Line %s: write the price."),
                "nan": _("Line %s: the price must be a number, like 12 or "
                         "12,50."),
                "negative": _("Line %s: the price cannot be negative."),
                "precise": _("Line %s: the price has two decimals at most "
                             "(cents)."),
                "big": _("Line %s: the price is too big: check it."),
            }
        return messages[reason] % line

    def _prestation_read_lines(self, post, products):
        """(specs, errors) from the posted lines; a row left empty is
        skipped. Never an exception."""
        specs, errors = [], []
        rows = min(max(safe_int(post.get("rows")), 1), MAX_LINES)
        for index in range(1, rows + 1):
            prefix = "line_%d_" % index
            name = clean_text(post.get(prefix + "name"), NAME_MAX)
            quantity_text = clean_text(post.get(prefix + "quantity"), 40)
            price_text = clean_text(post.get(prefix + "price"), 40)
            if not (name or price_text):
                continue
            product = products.filtered(
                lambda p, pid=safe_int(post.get(prefix + "product")):
                p.id == pid)
            if not product:
                errors.append(_("Line %s: choose the activity.") % index)
            if not name:
                errors.append(_("Line %s: write what is sold.") % index)
            quantity, reason = parse_number(quantity_text, 3, MAX_QUANTITY)
            if reason:
                errors.append(self._prestation_number_error(
                    reason, index, "quantity"))
            elif quantity <= 0:
                errors.append(_("Line %s: the quantity must be more than "
                                "zero.") % index)
            price, reason = parse_number(price_text, 2, MAX_PRICE)
            if reason:
                errors.append(self._prestation_number_error(
                    reason, index, "price"))
            if product and name and quantity and price is not None \
                    and quantity > 0:
                specs.append({"product_id": product.id, "name": name,
                              "quantity": float(quantity),
                              "price_unit": float(price)})
        if not specs and not errors:
            errors.append(_("Write at least one line: what is sold, how "
                            "many, at what price."))
        return specs, errors

    @staticmethod
    def _prestation_rows(task, post):
        """The form's rows: what was posted, else the prestation's lines,
        and one empty row to add a line."""
        if post.get("rows"):
            count = min(max(safe_int(post.get("rows")), 1), MAX_LINES)
            return [{
                "product": safe_int(post.get("line_%d_product" % index)),
                "name": clean_text(post.get("line_%d_name" % index),
                                   NAME_MAX),
                "quantity": clean_text(post.get("line_%d_quantity" % index),
                                       40),
                "price": clean_text(post.get("line_%d_price" % index), 40),
            } for index in range(1, count + 1)]
        rows = [{
            "product": line.product_id.id,
            "name": line.name,
            "quantity": ("%g" % line.quantity).replace(".", ","),
            "price": ("%.2f" % line.price_unit).replace(".", ","),
        } for line in task.sudo().kpa_line_ids[:MAX_LINES - 1]]
        rows.append({"product": 0, "name": "", "quantity": "1",
                     "price": ""})
        return rows

    # -- what a member sees ---------------------------------------------------
    @staticmethod
    def _prestation_documents(task):
        """The quotes and invoices of the prestation, as the server reads
        them (the member was checked to be its referent): a list of dicts
        for the page."""
        task = task.sudo()
        documents = []
        # In a member's words, not the accountant's ("Ouvert", "Bon de
        # commande").
        order_states = {
            "draft": _("Quote to send"), "sent": _("Quote sent"),
            "sale": _("Accepted"), "done": _("Accepted"),
            "cancel": _("Cancelled"),
        }
        invoice_states = {
            "draft": _("Being prepared"), "open": _("To be paid"),
            "paid": _("Paid"), "cancel": _("Invoice cancelled"),
        }
        for order in task.kpa_sale_order_ids.sorted("id", reverse=True):
            documents.append({
                "kind": "quote", "label": _("Quote no. %s") % order.name,
                "state": order_states.get(order.state),
                "waiting": order.state == "draft",
                "amount": order.amount_total,
                "mine": order.kpa_drafted_by_id
                == request.env.user.partner_id,
            })
        for invoice in task.kpa_invoice_ids.sorted("id", reverse=True):
            documents.append({
                "kind": "invoice",
                "label": _("Invoice no. %s") % invoice.number
                if invoice.number else _("Draft invoice"),
                "state": invoice_states.get(invoice.state),
                "waiting": invoice.state == "draft",
                "amount": invoice.amount_total,
                "mine": False,
            })
        return documents

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        Task = request.env["project.task"]
        values["prestation_count"] = Task.search_count(
            self._prestations_domain()) \
            if Task.check_access_rights("read", raise_exception=False) \
            and request.env.user.share else 0
        return values

    @staticmethod
    def _prestations_domain():
        return [("kpa_id", "!=", False),
                ("kpa_referent_ids", "in",
                 request.env.user.partner_id.ids)]

    # -- pages ----------------------------------------------------------------
    @http.route(["/my/prestations"], type="http", auth="user", website=True)
    @kpa_clean_params
    def portal_my_prestations(self, **_kw):
        denied = back_home_unless_readable("project.task")
        if denied:
            return denied
        values = self._prepare_portal_layout_values()
        tasks = request.env["project.task"].search(
            self._prestations_domain(),
            order="kpa_date_planned desc, id desc", limit=80)
        states = dict(tasks._fields["kpa_sale_state"]._description_selection(
            request.env))
        values.update({
            "page_name": "prestations",
            "tasks": tasks,
            "sale_states": states,
        })
        return request.render("kpa_cooperative.portal_my_prestations",
                              values)

    @http.route(["/my/prestations/<int:task_id>"], type="http", auth="user",
                website=True, methods=["GET", "POST"])
    @kpa_clean_params
    def portal_prestation(self, task_id, **post):
        task = self._kpa_document("project.task", task_id)
        if task is None or not task.kpa_id:
            return request.not_found()
        partner = request.env.user.partner_id
        may_draft = task._kpa_member_may_draft(partner)
        products = self._prestation_products()
        errors = []
        kind = post.get("kind") if post.get("kind") in KINDS else "quote"
        if request.httprequest.method == "POST":
            replay, error = self._kpa_form_once(post)
            if replay:
                return replay
            if error:
                errors.append(error)
            if post.get("kind") not in KINDS:
                errors.append(_("Choose: a quote or an invoice."))
            if not may_draft:
                errors.append(_(
                    "Only the members of %s who signed up for this "
                    "prestation prepare its quote or invoice.")
                    % task.sudo().kpa_id.name)
            elif not task.sudo().partner_id:
                errors.append(_(
                    "This prestation has no client yet: ask your "
                    "coordinator."))
            specs, line_errors = self._prestation_read_lines(post, products)
            errors.extend(line_errors)
            if not errors:
                error = self._kpa_form_write(
                    lambda: task._kpa_member_draft(kind, specs, partner))
                if not error:
                    return self._kpa_form_done(
                        post, "/my/prestations/%d?drafted=%s" % (
                            task.id, kind))
                errors.append(error)
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "prestations",
            "prestation": task,
            "task_sudo": task.sudo(),
            "may_draft": may_draft,
            "products": products,
            "rows": self._prestation_rows(task, post),
            "kind": kind,
            "errors": errors,
            "drafted": post.get("drafted") if post.get("drafted") in KINDS
            and not errors else False,
            "documents": self._prestation_documents(task),
            "sale_states": dict(task._fields[
                "kpa_sale_state"]._description_selection(request.env)),
        })
        return request.render("kpa_cooperative.portal_prestation", values)

    # ------------------------------------------------------------------
    # The client accepts a KPA quote online
    # ------------------------------------------------------------------
    def _portal_quote_user_can_accept(self, order_id):
        order = request.env["sale.order"].sudo().browse(
            safe_int(order_id)).exists()
        if order.kpa_id:
            return True
        return super()._portal_quote_user_can_accept(order_id)

    @http.route(["/my/orders/<int:order>"], type="http", auth="public",
                website=True)
    def portal_order_page(self, order=None, access_token=None, **kw):
        order_sudo = request.env["sale.order"].sudo().browse(
            safe_int(order)).exists()
        if order_sudo.kpa_id and request.env.user._is_public() \
                and order_sudo.partner_id.lang:
            # The client without an account reads it in their language.
            request.context = dict(request.context,
                                   lang=order_sudo.partner_id.lang)
        return super().portal_order_page(
            order=order, access_token=access_token, **kw)

    @http.route(["/my/quotes/accept"], type="json", auth="public",
                website=True)
    def portal_quote_accept(self, res_id, access_token=None,
                            partner_name=None, signature=None):
        order = request.env["sale.order"].sudo().browse(
            safe_int(res_id)).exists()
        if not order.kpa_id:
            return super().portal_quote_accept(
                res_id, access_token=access_token, partner_name=partner_name,
                signature=signature)
        if order.partner_id.lang and request.env.user._is_public():
            request.context = dict(request.context,
                                   lang=order.partner_id.lang)
        name = clean_text(partner_name, 128)
        if not name:
            return {"error": _("Write your name to accept the quote.")}
        try:
            image = base64.b64decode(signature or "", validate=True)
        except (binascii.Error, ValueError, TypeError):
            image = b""
        if not image:
            return {"error": _("Sign in the box to accept the quote.")}
        try:
            order_sudo = self._order_check_access(
                order.id, access_token=clean_text(access_token, 64))
        except AccessError:
            return {"error": _("This link does not open this quote.")}
        if order_sudo.state != "sent":
            return {"error": _("This quote is not waiting for your answer "
                               "any more.")}
        error = self._kpa_form_write(lambda: order_sudo._kpa_accept(name))
        if error:
            return {"error": error}
        _message_post_helper(
            res_model="sale.order", res_id=order_sudo.id,
            message=_("Quote accepted online and signed by %s.") % name,
            attachments=[("signature.png", image)],
            **({"token": access_token} if access_token else {}))
        return {
            "success": _("Thank you: the quote is accepted. The KPA will "
                         "contact you."),
            "redirect_url": "/my/orders/%s?access_token=%s" % (
                order_sudo.id, order_sudo.access_token),
        }
