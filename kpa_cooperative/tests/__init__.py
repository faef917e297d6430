from . import test_people_rules
from . import test_kpa_cooperative
from . import test_kpa_membership
from . import test_kpa_access
