from . import test_people_rules
from . import test_words
from . import test_kpa_cooperative
from . import test_kpa_membership
from . import test_kpa_access
from . import test_prestation_invoicing
from . import test_cashed_report
from . import test_prestation_access
