from . import kpa_membership_leave
