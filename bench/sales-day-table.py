"""The table of bench/sales-day.sh: per request type, from the statistics table of each phase's Gatling report
(index.html: count, KO, count per second, 50th/95th/99th percentile in ms), two phases side by side.
    python3 bench/sales-day-table.py <two instances' index.html> <one instance's index.html>"""
import re
import sys

ROW = re.compile(r'class="ellipsed-name">([^<]+)</span>.*?</td>\s*((?:<td class="value[^"]*">[^<]*</td>\s*)+)', re.S)


def read(path):
    """name -> (n, ko, per second, p50, p95, p99), in the report's order"""
    rows = {}
    try:
        html = open(path, encoding="utf-8").read()
    except OSError:
        return rows
    for match in ROW.finditer(html):
        values = re.findall(r">([^<]*)</td>", match.group(2))
        # Total, OK, KO, % KO, Cnt/s, Min, 50th, 75th, 95th, 99th, Max, Mean, Std Dev
        rows.setdefault(match.group(1), (values[0], values[2], values[4], values[6], values[8], values[9]))
    return rows


def cells(row):
    return " | ".join(row[i] for i in (0, 2, 3, 4, 5, 1)) if row else " |  |  |  |  | "


two, one = (read(path) if path else {} for path in (sys.argv[1:] + [None, None])[:2])
print("| request | 2 instances: n | req/s | p50 | p95 | p99 | errors | 1 instance: n | req/s | p50 | p95 | p99 | errors |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
names = [n for n in two if n != "All Requests"] + [n for n in one if n not in two and n != "All Requests"]
for name in names + ["All Requests"]:
    label = "**all**" if name == "All Requests" else name
    print(f"| {label} | {cells(two.get(name))} | {cells(one.get(name))} |")
