#!/usr/bin/env python3
"""fill-translations.py TS DICT.py: set the French text of unfinished entries of a Qt .ts file
from a Python dict T = {source: translation}. Entries not in the dict are listed and left
unfinished, so the translation test keeps failing until someone translates them."""
import html
import re
import sys

ts_path, dict_path = sys.argv[1], sys.argv[2]
namespace = {}
exec(open(dict_path, encoding="utf-8").read(), namespace)
table = namespace["T"]
text = open(ts_path, encoding="utf-8").read()
missing = []


def fill(match):
    source = html.unescape(match.group(1))
    if source not in table:
        missing.append(source)
        return match.group(0)
    translated = html.escape(table[source], quote=False).replace("'", "&apos;").replace('"', "&quot;")
    return f"<source>{match.group(1)}</source>\n        <translation>{translated}</translation>"


text = re.sub(r'<source>(.*?)</source>\s*<translation type="unfinished">\s*</translation>', fill, text, flags=re.S)
open(ts_path, "w", encoding="utf-8").write(text)
for source in missing:
    print("untranslated:", source)
