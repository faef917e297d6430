# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

from odoo import models

from ..services import facturx


class IrActionsReport(models.Model):
    """A validated KPA invoice printed alone is its Factur-X: the PDF
    carries its CII XML (PDF/A-3), in the back office, on the client's
    portal and in the copy Odoo keeps of it as an attachment."""

    _inherit = "ir.actions.report"

    def _kpa_facturx_invoice(self, res_ids):
        if self.model != "account.invoice" or not res_ids \
                or len(res_ids) != 1:
            return None
        invoice = self.env["account.invoice"].browse(res_ids)
        if invoice._kpa_is_einvoice() and invoice.state in (
                "open", "paid") and invoice.number:
            return invoice
        return None

    def postprocess_pdf_report(self, record, buffer):
        # The copy kept as attachment (Odoo's invoice report keeps one).
        if self._kpa_facturx_invoice(record.ids):
            content = facturx.embed(buffer.getvalue(),
                                    record.kpa_facturx_xml())
            buffer = io.BytesIO(content)
        return super().postprocess_pdf_report(record, buffer)

    def _post_pdf(self, save_in_attachment, pdf_content=None, res_ids=None):
        # Odoo rebuilds the PDF it returns page by page, which drops the
        # attached XML: attach it again to what is sent.
        result = super()._post_pdf(save_in_attachment,
                                   pdf_content=pdf_content, res_ids=res_ids)
        invoice = self._kpa_facturx_invoice(res_ids)
        if invoice and facturx.xml_of(result) is None:
            result = facturx.embed(result, invoice.kpa_facturx_xml())
        return result
