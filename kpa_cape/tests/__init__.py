from . import test_cape_rules
from . import test_cape_contract
from . import test_cape_access
from . import test_cape_exit
from . import test_cape_reports
from . import test_cape_portal_http
