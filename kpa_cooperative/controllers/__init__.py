from . import main
from . import prestation
from . import login
