import json, random, sys
import core, fw
import cat_dates, cat_abbrev, cat_drugs, cat_units, cat_round, cat_trends, cat_two, cat_neg, cat_status, cat_latest, cat_swap, cat_wcite, cat_interp
MODS = [cat_dates, cat_abbrev, cat_drugs, cat_units, cat_round, cat_trends, cat_two, cat_neg, cat_status, cat_latest, cat_swap, cat_wcite, cat_interp]
rnd = random.Random(7)
for m in MODS:
    fw.run_category(m.CAT, m.PATTERNS, getattr(m, 'NC', 28), getattr(m, 'NW', 28), rnd)
with open('claims.jsonl', 'w') as f, open('checks.jsonl', 'w') as g:
    for c in core.CLAIMS:
        out = {k: c[k] for k in ('patient', 'text', 'citations', 'label', 'category', 'why')}
        f.write(json.dumps(out, ensure_ascii=False) + '\n')
        g.write(json.dumps({'text': c['text'], 'checks': c['_checks'], 'pattern': c['_pat']}, ensure_ascii=False) + '\n')
print(len(core.CLAIMS))
