# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_tally
from . import test_decision
from . import test_governance_access
from . import test_charter
from . import test_topic_meeting
from . import test_role_logbook
from . import test_governance_portal_http
from . import test_governance_accountant
