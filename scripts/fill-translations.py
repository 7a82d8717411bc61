#!/usr/bin/env python3
"""fill-translations.py TS DICT.py...: set the French text of unfinished entries of a Qt .ts file
from Python files defining T = {source: translation} and optionally NUMERUS = {source: (singular,
plural)}. Entries found in no file are listed and left unfinished, so the translation test keeps
failing until someone translates them."""
import html
import re
import sys

ts_path, dict_paths = sys.argv[1], sys.argv[2:]
table, numerus = {}, {}
for path in dict_paths:
    namespace = {}
    exec(open(path, encoding="utf-8").read(), namespace)
    table.update(namespace.get("T", {}))
    numerus.update(namespace.get("NUMERUS", {}))
text = open(ts_path, encoding="utf-8").read()
missing = []


def escape(value):
    return html.escape(value, quote=False).replace("'", "&apos;").replace('"', "&quot;")


def fill(match):
    is_numerus, source_xml = match.group(1), match.group(2)
    source = html.unescape(source_xml)
    head = f"<message{is_numerus or ''}>\n        <source>{source_xml}</source>\n        "
    if is_numerus and source in numerus:
        forms = "".join(f"\n            <numerusform>{escape(f)}</numerusform>" for f in numerus[source])
        return head + f"<translation>{forms}\n        </translation>"
    if not is_numerus and source in table:
        return head + f"<translation>{escape(table[source])}</translation>"
    missing.append(source)
    return match.group(0)


pattern = re.compile(
    r'<message( numerus="yes")?>\s*<source>((?:(?!</source>).)*)</source>\s*'
    r'<translation type="unfinished">(?:(?!</translation>).)*</translation>', re.S)
text = pattern.sub(fill, text)
open(ts_path, "w", encoding="utf-8").write(text)
for source in missing:
    print("untranslated:", source)
sys.exit(1 if missing else 0)
