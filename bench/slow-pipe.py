#!/usr/bin/env python3
"""A remote shard as if across a network: runs PROGRAM (xapian-progsrv) and relays its stdin and
stdout, each chunk SECONDS late (one-way latency), for a stub line

    remote :bench/slow-pipe.py 0.0002 xapian-progsrv /path/to/shard

so that the round trips of a search over remote shards cost what a LAN's would (loopback's cost
microseconds).
"""
import os
import subprocess
import sys
import threading
import time

delay = float(sys.argv[1])
child = subprocess.Popen(sys.argv[2:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)


def relay(source, destination, at_end):
    while True:
        data = os.read(source, 65536)
        if not data:
            at_end()
            return
        time.sleep(delay)
        os.write(destination, data)


threading.Thread(target=relay, args=(0, child.stdin.fileno(), child.stdin.close), daemon=True).start()
relay(child.stdout.fileno(), 1, lambda: None)
sys.exit(child.wait())
