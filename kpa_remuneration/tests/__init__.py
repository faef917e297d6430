from . import test_pot
from . import test_remuneration_pot
from . import test_remuneration_declaration
from . import test_remuneration_validation
from . import test_remuneration_access
from . import test_remuneration_wizard
from . import test_remuneration_month_report
from . import test_portal_week
