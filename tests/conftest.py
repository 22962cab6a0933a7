import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

# Tests never reach outside addresses: a real build in a test pulls from the local stand-in
# registry (tools/standins.sh), never from Docker Hub, and never probes it.
os.environ.setdefault("SNIPCHECK_OFFLINE", "1")
