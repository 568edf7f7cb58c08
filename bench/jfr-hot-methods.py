#!/usr/bin/env python3
"""Hot methods of a JFR recording, from its jdk.ExecutionSample events (JDK 17's jfr has no `view`).

Usage: jfr print --json --events jdk.ExecutionSample rec.jfr | python3 bench/jfr-hot-methods.py [top] [package]
Prints the methods most often on top of the stack (self), and the methods of `package` (default org.fieldnotes)
most often anywhere on it (total), each as a share of all samples.
"""
import collections
import json
import sys

top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
package = sys.argv[2] if len(sys.argv) > 2 else "org.fieldnotes"
events = json.load(sys.stdin)["recording"]["events"]
self_counts, total_counts = collections.Counter(), collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
    if names:
        self_counts[names[0]] += 1
    for name in set(names):
        if name.startswith(package):
            total_counts[name] += 1
n = max(1, len(events))
print(f"{len(events)} samples")
print(f"{'self %':>7}  method (top of the stack)")
for name, count in self_counts.most_common(top):
    print(f"{100 * count / n:7.1f}  {name}")
print(f"\n{'total %':>7}  {package} method (anywhere on the stack)")
for name, count in total_counts.most_common(top):
    print(f"{100 * count / n:7.1f}  {name}")
