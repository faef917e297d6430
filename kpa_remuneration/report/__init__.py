from . import kpa_remuneration_statement
from . import kpa_remuneration_month_report
from . import mis_report_instance_xlsx
from . import kpa_payroll_export_xlsx
