# Copyright 2026 KPA-Cité
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import kpa_charter
from . import kpa_charter_article
from . import kpa_governance_meeting
from . import kpa_governance_topic
from . import kpa_decision
from . import kpa_decision_vote
from . import kpa_membership
from . import kpa_role
from . import kpa_role_rotation
from . import kpa_logbook_entry
