from . import kpa_cape_funder_report
from . import report_cape_agreement
