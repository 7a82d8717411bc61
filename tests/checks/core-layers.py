#!/usr/bin/env python3
"""Fails when a file of core/ includes a folder its layer may not use (tests/checks/core-layers.txt),
when that list has a cycle or misses a folder, or when core/ includes ui/ or app/.

    core-layers.py CORE_DIR LAYERS_FILE
"""
import os
import re
import sys


def read_layers(path):
    allowed = {}
    with open(path, encoding="utf-8") as layers:
        for line in layers:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            folder, _, uses = line.partition(":")
            allowed[folder.strip()] = set(uses.split())
    return allowed


def cycle_in(allowed):
    """A cycle of allowed edges, as a list of folders, or None."""
    state = {}

    def visit(folder, path):
        state[folder] = "open"
        for used in sorted(allowed.get(folder, ())):
            if state.get(used) == "open":
                return path + [folder, used]
            if used not in state:
                found = visit(used, path + [folder])
                if found:
                    return found
        state[folder] = "done"
        return None

    for folder in sorted(allowed):
        if folder not in state:
            found = visit(folder, [])
            if found:
                return found
    return None


def main():
    core, layers_file = sys.argv[1], sys.argv[2]
    allowed = read_layers(layers_file)
    problems = []
    cycle = cycle_in(allowed)
    if cycle:
        problems.append("the layer list has a cycle: " + " -> ".join(cycle))
    for used in sorted(set().union(*allowed.values()) - set(allowed)):
        problems.append(f"the layer list uses {used}/, which it does not list")
    include = re.compile(r'^\s*#\s*include\s+"([A-Za-z_]+)/')
    for root, _, files in os.walk(core):
        for name in sorted(files):
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.join(root, name)
            folder = os.path.relpath(path, core).split(os.sep)[0]
            if folder not in allowed:
                problems.append(f"{os.path.relpath(path, core)}: core/{folder}/ is not in {layers_file}")
                continue
            with open(path, encoding="utf-8") as source:
                for number, line in enumerate(source, 1):
                    match = include.match(line)
                    if not match:
                        continue
                    used = match.group(1)
                    if used in ("ui", "app"):
                        problems.append(f"core/{os.path.relpath(path, core)}:{number}: the core includes {used}/")
                    elif used != folder and used != "util" and used in allowed and used not in allowed[folder]:
                        problems.append(
                            f"core/{os.path.relpath(path, core)}:{number}: {folder}/ may not include {used}/ "
                            f"(allowed: {', '.join(sorted(allowed[folder])) or 'util only'})")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} layering problem(s); see {layers_file}")
        return 1
    print(f"core/: {len(allowed)} folders, every include points down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
