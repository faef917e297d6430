# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models

from ..services import payroll_csv


class KpaPayrollExportXlsx(models.AbstractModel):
    """The payroll hand-off as a workbook (OCA report_xlsx): the columns of
    the CSV file, amounts as numbers, one sheet per hand-off."""

    _name = "report.kpa_remuneration.payroll_export_xlsx"
    _description = "Payroll hand-off workbook"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, objects):  # pylint: disable=W0613
        objects._kpa_check_payroll_user()
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        for export in objects:
            sheet = workbook.add_worksheet(export.name[:31])
            sheet.write_row(0, 0, payroll_csv.EXPORT_HEADERS, bold)
            for row, values in enumerate(export._kpa_csv_rows(), start=1):
                for column, value in enumerate(values):
                    if isinstance(value, float):
                        sheet.write_number(row, column, value, money)
                    else:
                        sheet.write(row, column, value)
            sheet.set_column(0, 3, 22)
            sheet.set_column(4, len(payroll_csv.EXPORT_HEADERS), 16)
            if not export.line_ids:
                sheet.write(1, 0, _("No validated pay to hand off."))
