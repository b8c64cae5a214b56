"""innochain.dashboard"""

import threading

# Cleared by innochain.dashboard.serve while its thread imports the pages' modules, set when
# it is done (and set from the start anywhere else). The app waits on it before importing
# those modules itself: two threads importing one module at once can leave one of them a
# partly initialised module (Python's answer to a concurrent circular import).
PRELOADED = threading.Event()
PRELOADED.set()
