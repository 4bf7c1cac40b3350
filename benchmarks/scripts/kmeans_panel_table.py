"""Markdown table of the k-means panel from the files kmeans-panel.sh wrote in DIR.

Times are medians of three single shots (s); Niche's main column ran with the Vector API resolved
(jmh.json), the column after the ratio without it (jmh-default.json, the default JVM); the fastest
peer at 1 thread is the fastest of ELKI
Exponion, ELKI Hamerly and scikit-learn on 1 thread, at 2 threads the fastest of those with
scikit-learn on 2 threads (ELKI is single-threaded). Inertias are medians over seeds 1..5.

Usage: /usr/bin/python3 kmeans_panel_table.py DIR
"""
import json
import statistics
import sys

SHAPES = {
    "SEPARATED": "separated blobs, n=10⁶, d=16, k=32",
    "OVERLAPPING": "overlapping blobs, n=10⁶, d=16, k=32",
    "CUSTOMER": "customer-like, n=10⁶, d=8, k=8",
    "WIDE": "overlapping blobs, n=2·10⁵, d=64, k=50",
}


def main():
    directory = sys.argv[1]
    times = {}
    for entry in json.load(open(f"{directory}/jmh.json")):
        name = entry["benchmark"].rsplit(".", 1)[1]
        shape = entry["params"]["shape"]
        times[(shape, name)] = statistics.median(entry["primaryMetric"]["rawData"][0]) / 1000
    try:
        for entry in json.load(open(f"{directory}/jmh-default.json")):
            name = entry["benchmark"].rsplit(".", 1)[1]
            shape = entry["params"]["shape"]
            times[(shape, name + "Default")] = (
                statistics.median(entry["primaryMetric"]["rawData"][0]) / 1000)
    except FileNotFoundError:
        pass
    inertia = {}
    for path in (f"{directory}/sklearn.txt", f"{directory}/inertia.txt"):
        for line in open(path):
            part = line.split()
            if part and part[0] == "time":
                times[(part[1], f"sklearn{part[3]}")] = float(part[4])
            elif part and part[0] == "median":
                inertia[(part[1], part[2])] = float(part[3])
    floors = {}
    for line in open(f"{directory}/floor.txt"):
        part = line.replace(",", "").split()
        if part and part[0] == "floor":
            # "floor SHAPE stream X ms, fma X ms, tile X ms, floor X ms, lloyd X ms, ratio X (...)"
            value = {}
            for i in range(2, len(part) - 1):
                value.setdefault(part[i], part[i + 1])  # the first of a repeated word
            floors[part[1]] = (float(value["stream"]), float(value["floor"]),
                               float(value["lloyd"]), float(value["ratio"]), float(value["fma"]))
    # "iterations SHAPE LLOYD: M-step X ms, E-step Y ms per iteration", three repetitions: the
    # warmest (least) M + E is the Lloyd iteration as a fit runs it.
    as_run = {}
    try:
        for line in open(f"{directory}/iterations-lloyd.txt"):
            part = line.replace(",", "").replace(":", "").split()
            if part and part[0] == "iterations":
                total = float(part[4]) + float(part[7])
                as_run[part[1]] = min(total, as_run.get(part[1], total))
    except FileNotFoundError:
        pass
    print("| data | threads | Niche | ELKI Exponion | ELKI Hamerly | scikit-learn | Niche / fastest peer"
          " | Niche without the Vector API: time, / fastest peer"
          " | median inertia Niche / scikit-learn | Lloyd iteration / floor: as a fit runs it"
          " (standalone pass) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for shape, label in SHAPES.items():
        if (shape, "nicheOneThread") not in times:
            continue
        exp = times[(shape, "elkiExponion")]
        ham = times[(shape, "elkiHamerly")]
        for threads, niche in ((1, "nicheOneThread"), (2, "nicheTwoThreads")):
            sk = times.get((shape, f"sklearn{threads}"), float("nan"))
            fastest = min(exp, ham, sk)
            n = times[(shape, niche)]
            ni = inertia.get((shape, "niche"), float("nan"))
            si = inertia.get((shape, "sklearn"), float("nan"))
            fl = floors.get(shape)
            floor_text = ""
            if fl and threads == 1:
                run = as_run.get(shape)
                run_text = f"{run:.1f} / {fl[1]:.1f} ms = {run / fl[1]:.1f}× " if run else ""
                floor_text = f"{run_text}({fl[2]:.0f} ms = {fl[3]:.1f}×)"
            plain = times.get((shape, niche + "Default"))
            plain_text = (f"{plain:.3f} s, {plain / fastest:.2f}× "
                          f"{'met' if plain <= 0.5 * fastest else 'not met'}") if plain else ""
            print(f"| {label} | {threads} | {n:.3f} s | {exp:.3f} s | {ham:.3f} s | {sk:.3f} s "
                  f"| **{n / fastest:.2f}×** {'met' if n <= 0.5 * fastest else 'not met'} "
                  f"| {plain_text} "
                  f"| {ni:.4e} / {si:.4e} {'met' if ni <= si else 'not met'} | {floor_text} |")
    print()
    print("ELKI median inertia (Exponion / Hamerly): " + "; ".join(
        f"{s} {inertia.get((s, 'elki-exponion'), float('nan')):.4e} / "
        f"{inertia.get((s, 'elki-hamerly'), float('nan')):.4e}" for s in SHAPES))
    peak = ""
    try:
        for line in open(f"{directory}/peak.txt"):
            if line.startswith("peak "):
                peak = line.split()[1]
    except FileNotFoundError:
        pass
    print(f"Floors (stream n·d once / n·k·d FMAs at the peak, {peak or '?'} G/s, ms): " + "; ".join(
        f"{s} {v[0]:.1f} / {v[4]:.1f}" for s, v in floors.items()))


if __name__ == "__main__":
    main()
