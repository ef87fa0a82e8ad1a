#!/usr/bin/env python3
"""Converts petuum/adaptdl's simulator/traces/philly.csv to the simulator's columns.

  git show osdi21-artifact:simulator/traces/philly.csv | python3 convert-philly.py > philly.csv

submit_time: seconds since the trace's first submission (the source's timestamps, read as one
time zone); duration: seconds, as in the source; num_gpus as in the source; team: the virtual
cluster. Rows are sorted by submit time (stable); gpu_time is left out (it is duration x num_gpus).
"""
import csv
import sys
from datetime import datetime

rows = []
for row in csv.DictReader(sys.stdin):
    submitted = datetime.strptime(row["timestamp"], "%Y-%m-%d %H:%M:%S")
    rows.append((submitted, float(row["duration"]), int(row["num_gpus"]), row["cluster"]))
rows.sort(key=lambda r: r[0])
first = rows[0][0]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["submit_time", "duration", "num_gpus", "team"])
for submitted, duration, gpus, team in rows:
    out.writerow([int((submitted - first).total_seconds()), int(duration) if duration.is_integer() else duration, gpus, team])
