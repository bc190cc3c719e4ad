#!/usr/bin/env python3
"""Finds source files that import each other in a circle, inside each crate.

A file depends on another when it names an item that the other defines: through a `use`
of `crate::…`, `super::…`, `self::…` or a child module, or through such a path written
inline (a visibility such as `pub(in crate::routes)` is not a use). Names re-exported by a module (`pub use child::Thing`) are followed to the file
that defines them. The crate root (`lib.rs`, `main.rs`) only wires modules together, so
edges out of it are not counted. Tests (`#[cfg(test)] mod tests { … }` at the end of a
file, and files under `tests/`) are left out: a test may look anywhere.

Prints every circle (strongly connected set of files) and exits 1 if there is one.

    tools/architecture/circles.py crates/*
"""

import re
import sys
from pathlib import Path

ITEM = re.compile(
    r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+|const\s+|unsafe\s+)*"
    r"(?:struct|enum|fn|trait|type|const|static|union|macro_rules!)\s+(\w+)",
    re.M,
)
USE = re.compile(r"^\s*(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", re.M)
INLINE = re.compile(r"\b((?:crate|super|self)(?:::\w+)+)(?!::)(?!\w)")
MOD_DECL = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;", re.M)
TESTS = re.compile(r"^#\[cfg\(test\)\]\s*\n\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{", re.M)
COMMENT = re.compile(r"//[^\n]*")
VISIBILITY = re.compile(r"pub\(in [^)]*\)")


def strip(text):
    match = TESTS.search(text)
    if match:
        text = text[: match.start()]
    return VISIBILITY.sub("pub", COMMENT.sub("", text))


def expand_use(tree):
    """`a::{b, c::{d, e as f}}` -> [[a, b], [a, c, d], [a, c, e]] (aliases dropped)."""
    tree = re.sub(r"\s+", "", tree)

    def split_top(s):
        parts, depth, start = [], 0, 0
        for i, ch in enumerate(s):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                parts.append(s[start:i])
                start = i + 1
        parts.append(s[start:])
        return [p for p in parts if p]

    def walk(s, prefix):
        if "{" in s and s.endswith("}"):
            head, inner = s.split("{", 1)
            head_parts = [p for p in head.split("::") if p]
            out = []
            for part in split_top(inner[:-1]):
                out.extend(walk(part, prefix + head_parts))
            return out
        s = s.split("as")[0] if re.search(r"\bas\b", s.replace("::", " :: ")) else s
        s = re.sub(r"as\w+$", "", s) if False else s
        parts = [p for p in s.split("::") if p]
        if parts and parts[-1].endswith("*"):
            parts[-1] = parts[-1].rstrip("*")
            parts = [p for p in parts if p]
        return [prefix + parts]

    return walk(tree, [])


class Crate:
    def __init__(self, root_dir):
        self.src = root_dir / "src"
        self.modules = {}  # module path tuple -> file
        self.files = {}  # file -> module path tuple
        roots = [p for p in (self.src / "lib.rs", self.src / "main.rs") if p.exists()]
        self.roots = set(roots)
        for root in roots:
            self.collect(root, ())
        self.text = {f: strip(f.read_text()) for f in self.files}
        self.defined = {f: set(ITEM.findall(t)) for f, t in self.text.items()}
        self.reexports = {f: {} for f in self.files}
        for f, t in self.text.items():
            for vis, tree in USE.findall(t):
                if not vis:
                    continue
                for path in expand_use(tree):
                    if path:
                        self.reexports[f][path[-1]] = path

    def collect(self, file, path):
        if path in self.modules:
            return
        self.modules[path] = file
        self.files[file] = path
        text = strip(file.read_text())
        if file.name in ("lib.rs", "main.rs", "mod.rs"):
            base = file.parent
        else:
            base = file.parent / file.stem
        for name in MOD_DECL.findall(text):
            for child in (base / f"{name}.rs", base / name / "mod.rs"):
                if child.exists():
                    self.collect(child, path + (name,))
                    break

    def absolute(self, file, parts):
        """Turns a path written in `file` into a path from the crate root, or None."""
        here = list(self.files[file])
        if not parts:
            return None
        if parts[0] == "crate":
            return parts[1:]
        if parts[0] in ("super", "self"):
            while parts and parts[0] in ("super", "self"):
                if parts[0] == "super":
                    if not here:
                        return None
                    here.pop()
                parts = parts[1:]
            return here + parts
        if tuple(here + [parts[0]]) in self.modules:
            return here + parts
        return None

    def target(self, parts, seen=None):
        """The file that defines what `parts` (from the crate root) names."""
        seen = seen or set()
        best = 0
        for i in range(len(parts), -1, -1):
            if tuple(parts[:i]) in self.modules:
                best = i
                break
        module = self.modules[tuple(parts[:best])]
        rest = parts[best:]
        if not rest:
            return module
        name = rest[0]
        if name in self.defined[module]:
            return module
        via = self.reexports[module].get(name)
        if via and (module, name) not in seen:
            seen.add((module, name))
            resolved = self.absolute(module, via)
            if resolved is not None:
                return self.target(resolved + rest[1:], seen)
        return module

    def edges(self):
        graph = {f: set() for f in self.files}
        for f, text in self.text.items():
            if f in self.roots:
                continue
            paths = []
            for _vis, tree in USE.findall(text):
                paths.extend(expand_use(tree))
            paths.extend(m.split("::") for m in INLINE.findall(text))
            children = {p[-1] for p in self.modules if p[:-1] == self.files[f] and p}
            for child in children:
                for m in re.finditer(rf"\b{child}::(\w+)", text):
                    paths.append([child, m.group(1)])
            for parts in paths:
                absolute = self.absolute(f, parts)
                if absolute is None:
                    continue
                target = self.target(absolute)
                if target != f and target not in self.roots:
                    graph[f].add(target)
        return graph


def circles(graph):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return out


def main(dirs):
    found = 0
    for d in dirs:
        d = Path(d)
        if not (d / "src").is_dir():
            continue
        crate = Crate(d)
        graph = crate.edges()
        for component in circles(graph):
            found += 1
            names = [str(f) for f in component]
            print(f"circle in {d}: " + " <-> ".join(names))
            for f in component:
                for t in sorted(graph[f]):
                    if t in component:
                        print(f"    {f} -> {t}")
    if found:
        print(f"circles: {found}")
        return 1
    print("circles: none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or sorted(str(p) for p in Path("crates").iterdir())))
