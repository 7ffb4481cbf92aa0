#!/usr/bin/env python3
"""Converts NateScarlet/holiday-cn year files into GovFlow's cn-mainland.json (see docs/calendar.md).

Usage: convert-holiday-cn.py SOURCE_DIR [OUTPUT]   (OUTPUT defaults to standard output)

SOURCE_DIR holds 2020.json ... and SOURCE.md of a holiday-cn snapshot. Standard library only.
A year file without days (a notice not yet published) is skipped. A day marked as a working day
that is a Monday to Friday is an ordinary working day and is dropped (holiday-cn marks 2020-02-03,
the first working day after the extended 2020 Spring Festival, that way); GovFlow only records
make-up working days (调休) on a Saturday or Sunday.
"""
import datetime
import glob
import json
import os
import re
import sys

REPOSITORY = "https://github.com/NateScarlet/holiday-cn"

# Titles of the notices, by URL; holiday-cn records only the URL.
EXTENSION_2020 = "http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm"


def title(year, url):
    if url == EXTENSION_2020:
        return "国务院办公厅关于延长2020年春节假期的通知"
    return f"国务院办公厅关于{year}年部分节假日安排的通知"


def grouped(days):
    """Groups days by name, keeping the order in which each name first appears."""
    groups = []
    for day in days:
        if groups and groups[-1]["name"] == day["name"]:
            groups[-1]["dates"].append(day["date"])
        else:
            existing = next((g for g in groups if g["name"] == day["name"]), None)
            if existing is None:
                groups.append({"name": day["name"], "dates": [day["date"]]})
            else:
                existing["dates"].append(day["date"])
    for group in groups:
        group["dates"].sort()
    return groups


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    source = sys.argv[1]
    with open(os.path.join(source, "SOURCE.md"), encoding="utf-8") as handle:
        commit = re.search(r"Snapshot commit: ([0-9a-f]{40})", handle.read()).group(1)
    years = []
    for path in sorted(glob.glob(os.path.join(source, "[0-9][0-9][0-9][0-9].json"))):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        if not data["days"]:
            continue
        off = [d for d in data["days"] if d["isOffDay"]]
        work = [d for d in data["days"]
                if not d["isOffDay"] and datetime.date.fromisoformat(d["date"]).isoweekday() >= 6]
        years.append({
            "year": data["year"],
            "notices": [{"title": title(data["year"], url), "url": url} for url in data["papers"]],
            "holidays": grouped(off),
            "workdays": grouped(work),
        })
    lines = [
        "{",
        '    "id": "cn-mainland",',
        '    "name": "中国大陆法定节假日（国务院办公厅节假日安排通知）",',
        '    "source": {',
        f'        "repository": "{REPOSITORY}",',
        f'        "commit": "{commit}",',
        '        "license": "MIT, Copyright (c) 2019 NateScarlet; see holiday-cn-LICENSE"',
        "    },",
        '    "years": [',
    ]
    for index, year in enumerate(years):
        lines += ["        {", f'            "year": {year["year"]},', '            "notices": [']
        lines += [f"                {dumps(n)}," for n in year["notices"]]
        lines[-1] = lines[-1].rstrip(",")
        lines.append("            ],")
        for key in ("holidays", "workdays"):
            lines.append(f'            "{key}": [')
            lines += [f"                {dumps(g)}," for g in year[key]]
            lines[-1] = lines[-1].rstrip(",")
            lines.append("            ]" + ("," if key == "holidays" else ""))
        lines.append("        }" + ("," if index < len(years) - 1 else ""))
    lines += ["    ]", "}"]
    text = "\n".join(lines) + "\n"
    json.loads(text)  # The output must be valid JSON.
    if len(sys.argv) == 3:
        with open(sys.argv[2], "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
