"""Every PDF report of the four modules gets its stylesheet.

wkhtmltopdf receives, per document, the HTML of ``web.minimal_layout``: a
``<link>`` to the compiled ``web.report_assets_common`` CSS (bootstrap, the
report layouts) and the letterhead. When the LESS compilation of that
bundle fails (seen when ``/website/static/src/less/website.snippets.less``,
which Odoo 11's bundle links, was missing), Odoo 11 saves no CSS
attachment: the page gets no ``<link>`` to the bundle, only an inline script
"defined in bundle 'web.report_assets_common'" that would show the lessc
error in a browser, and the PDF comes out unstyled.

What a person sees on the PDF is checked by tests/browser/test_report_pdfs.py.
"""
import base64
import re

from odoo.addons.base.ir.ir_qweb.assetsbundle import AssetsBundle
from odoo.addons.kpa_remuneration.tests.common import RemunerationCase

from data.modules import MODULES

BUNDLE = "web.report_assets_common"
LINK = re.compile(
    r'<link[^>]+href="(/web/content/[^"]*/%s\.\d+\.css)"' % re.escape(BUNDLE))
# The inline script Odoo 11 puts instead, with the compiler's message.
ERROR_SCRIPT = re.compile(
    r"defined in bundle '%s'.*?\}\)\(\"(.*?)\"\);" % re.escape(BUNDLE), re.S)


class TestReportRendering(RemunerationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._cash_a()
        cls.Declaration.create({"period_id": cls.week_a.id,
                                "partner_id": cls.partner_a.id,
                                "amount_net": 120.0, "hours": 6.0})
        cls.week_a.action_validate()
        cls.cape_a.action_kpa_renew()
        invoice = cls._invoice(cls.task_b)
        invoice.action_invoice_open()
        quote = cls.env["sale.order"].browse(
            cls.task_b.action_kpa_quote()["res_id"])
        cls.samples = {
            # report xmlid: (records, data)
            "account.account_invoices": (invoice, None),
            "account.account_invoices_without_payment": (invoice, None),
            "sale.action_report_saleorder": (quote, None),
            "kpa_cape.hr_contract_report_cape": (cls.cape_a, None),
            "kpa_cape.kpa_cape_term_report_amendment": (
                cls.cape_a.kpa_term_ids.filtered(lambda t: t.number == 1),
                None),
            "kpa_cape.kpa_cape_activity_report": (
                cls.env["kpa.cape.activity.wizard"].create({
                    "kpa_id": cls.kpa_a.id, "year": "2026"}), None),
            "kpa_remuneration.kpa_remuneration_statement_report": (
                cls.partner_a, {"month": "2026-03"}),
        }

    @classmethod
    def _reports(cls):
        """xmlid -> ir.actions.report of every report the four modules
        define, and of Odoo's reports whose template (or its ``_document``
        template) they inherit, as kpa_cooperative does Odoo's invoice."""
        Data = cls.env["ir.model.data"]
        data = Data.search([
            ("model", "=", "ir.actions.report"), ("module", "in", MODULES)])
        reports = {"%s.%s" % (d.module, d.name): cls.env["ir.actions.report"]
                   .browse(d.res_id) for d in data}
        views = cls.env["ir.ui.view"].browse(Data.search([
            ("model", "=", "ir.ui.view"), ("module", "in", MODULES)])
            .mapped("res_id"))
        inherited = set(views.mapped("inherit_id.key"))
        for report in cls.env["ir.actions.report"].search([]):
            if {report.report_name, report.report_name + "_document"} \
                    & inherited:
                reports.setdefault(report.get_external_id()[report.id],
                                   report)
        # PDF reports only (an XLSX report has no stylesheet).
        return {xmlid: report for xmlid, report in reports.items()
                if report.report_type == "qweb-pdf"}

    def _pdf_html(self, report, records, data):
        """The HTML pages wkhtmltopdf would get: header, footer, bodies."""
        report = report.with_context(lang="fr_FR", debug=False)
        html = report.render_qweb_html(records.ids, data=data)[0]
        bodies, _ids, header, footer, _args = report._prepare_html(
            html.decode())
        return [part.decode() if isinstance(part, bytes) else part
                for part in [header, footer] + bodies], html.decode()

    def test_every_report_has_a_sample_here(self):
        self.assertTrue(self._reports())
        missing = set(self._reports()) - set(self.samples)
        self.assertFalse(missing, "reports this test does not render: %s"
                         % ", ".join(sorted(missing)))

    def test_the_report_stylesheet_compiles_without_error(self):
        files, _remains = self.env["ir.qweb"]._get_asset_content(
            BUNDLE, {"lang": "fr_FR"})
        bundle = AssetsBundle(BUNDLE, files, env=self.env)
        css = bundle.preprocess_css()
        self.assertEqual(bundle.css_errors, [],
                         "the LESS of %s does not compile" % BUNDLE)
        # Bootstrap and Odoo's report layouts made it into the CSS.
        for rule in (".table-condensed", ".o_report_layout_boxed"):
            self.assertIn(rule, css)

    def test_every_report_links_the_compiled_stylesheet(self):
        Attachment = self.env["ir.attachment"].sudo()
        for xmlid, report in sorted(self._reports().items()):
            records, data = self.samples[xmlid]
            self.assertTrue(records, xmlid)
            with self.subTest(report=xmlid):
                pages, html = self._pdf_html(report, records, data)
                # header, footer and at least one document body
                self.assertGreater(len(pages), 2, "%s: no page" % xmlid)
                # The letterhead: the company in the header.
                self.assertIn(self.company.name, pages[0], xmlid)
                for page in pages:
                    errors = ERROR_SCRIPT.findall(page)
                    self.assertFalse(errors, "%s: %s" % (xmlid, errors))
                    links = LINK.findall(page)
                    self.assertTrue(
                        links, "%s: no stylesheet for wkhtmltopdf" % xmlid)
                    size = 0
                    for url in links:
                        css = Attachment.search([("url", "=", url)])
                        self.assertEqual(len(css), 1, url)
                        size += len(base64.b64decode(css.datas))
                    self.assertGreater(size, 10000, xmlid)
                self.assertFalse(ERROR_SCRIPT.findall(html), xmlid)
