from . import kpa_remuneration_statement
from . import kpa_remuneration_month_report
