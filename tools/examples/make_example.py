"""Writes examples/eksempelkommune.csv and examples/eksempelkommune-nodes.csv:
a made-up municipality's social-housing network (30 people over the eleven
functions of the 2015 study) with directed survey reports (strength 1-3),
two clusters (town hall / services) joined by a chain, and three
non-respondents. Deterministic (seed 2015). Re-run: python3 tools/examples/make_example.py
"""
import csv
import random

random.seed(2015)
FUNCTIONS = [
    ("okonomiske_virkemidler", 3), ("tjenester_i_bolig", 4), ("tildeling", 3),
    ("husleiekontrakter", 2), ("utbygging", 2), ("framskaffe_boliger", 3),
    ("arealplanlegging", 2), ("drift_vedlikehold", 3), ("boligsosial_planlegging", 2),
    ("samfunnsplanlegging", 2), ("politisk_folkevalgt", 4),
]
TOWN_HALL = {"utbygging", "framskaffe_boliger", "arealplanlegging", "samfunnsplanlegging",
             "politisk_folkevalgt", "boligsosial_planlegging", "okonomiske_virkemidler"}
UNITS = {"okonomiske_virkemidler": "NAV", "tjenester_i_bolig": "Helse og omsorg",
         "tildeling": "Tildelingskontoret", "husleiekontrakter": "Eiendom",
         "utbygging": "Teknisk", "framskaffe_boliger": "Eiendom", "arealplanlegging": "Plan",
         "drift_vedlikehold": "Eiendom", "boligsosial_planlegging": "Rådmannens stab",
         "samfunnsplanlegging": "Plan", "politisk_folkevalgt": "Kommunestyret"}
people = []
for func, count in FUNCTIONS:
    for k in range(1, count + 1):
        pid = f"p{len(people) + 1:02d}"
        level = "politician" if func == "politisk_folkevalgt" else ("leader" if k == 1 else "professional")
        people.append({"id": pid, "label": f"{func.replace('_', ' ').capitalize()} {k}",
                       "functions": func, "unit": UNITS[func], "level": level,
                       "responded": "yes", "side": "hall" if func in TOWN_HALL else "services"})
for p in random.sample(people, 3):
    p["responded"] = "no"
ties = {}
for a in people:
    if a["responded"] == "no":
        continue
    for b in people:
        if a is b:
            continue
        same_func = a["functions"] == b["functions"]
        same_side = a["side"] == b["side"]
        p = 0.55 if same_func else (0.16 if same_side else 0.015)
        if random.random() < p:
            ties[(a["id"], b["id"])] = random.choice([1, 2, 2, 3, 3] if same_func else [1, 1, 2, 2, 3])
# A chain between the two sides through a few people.
chain = ["p09", "p23", "p12"]
for x, y in zip(chain, chain[1:]):
    ties[(x, y)] = 2
with open("examples/eksempelkommune-nodes.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "label", "functions", "unit", "level", "responded"])
    for p in people:
        w.writerow([p["id"], p["label"], p["functions"], p["unit"], p["level"], p["responded"]])
with open("examples/eksempelkommune.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["source", "target", "strength"])
    for (a, b), s in sorted(ties.items()):
        w.writerow([a, b, s])
print(len(people), "people,", len(ties), "reports")
