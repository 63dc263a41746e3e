"""Evaluate SPF with pyspf (python3-spf), an independent implementation, for cross-checks.

Reads {"server": "127.0.0.1", "port": 5300, "cases": [{"ip", "sender", "helo"}]} on stdin and
prints a JSON list of results. DNS goes only to the given (loopback) server.
"""
import json
import sys

import DNS
import spf

request = json.load(sys.stdin)
DNS.defaults['server'] = [request['server']]
DNS.defaults['port'] = int(request['port'])
DNS.defaults['timeout'] = 5
out = []
for case in request['cases']:
    result, explanation = spf.check2(case['ip'], case['sender'], case['helo'], querytime=10)
    out.append(result)
print(json.dumps(out))
