"""A user's --on-alarm command for the tests: appends the THERMOLAB_ALARM_* variables it was given to the
file named by its argument, one JSON object a line, then says so on stdout (the server's)."""

import json
import os
import sys

variables = {name: value for name, value in os.environ.items() if name.startswith("THERMOLAB_ALARM_")}
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps(variables) + "\n")
print(f"probe wrote {variables['THERMOLAB_ALARM_STATE']}", flush=True)
