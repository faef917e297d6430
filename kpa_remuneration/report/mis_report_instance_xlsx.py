# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MisReportInstanceXlsx(models.AbstractModel):
    """mis_builder 11.0.3.6.9 gives XlsxWriter formats a font "size", an
    alias XlsxWriter 3.2 (pinned) no longer has: every XLSX export failed.
    Its workbook gets "font_size", the name every version knows."""

    _inherit = "report.mis_builder.mis_report_instance_xlsx"

    def generate_xlsx_report(self, workbook, data, objects):
        add_format = workbook.add_format

        def compatible_format(properties=None):
            properties = dict(properties or {})
            if "size" in properties:
                properties["font_size"] = properties.pop("size")
            return add_format(properties)

        workbook.add_format = compatible_format
        return super().generate_xlsx_report(workbook, data, objects)
