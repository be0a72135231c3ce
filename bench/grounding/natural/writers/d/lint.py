"""Lint: every number written in a claim should be explained by one of its machine checks
(a checked value/conversion range, a checked date, a checked medication strength, a count, a percentage),
or be a known constant (thresholds quoted in parentheses, '1.73', '/10', 'ACC/AHA 2017', 'BMI 30+'...).
Prints claims with unexplained numbers for manual review."""
import json, re, sys
claims = [json.loads(l) for l in open('claims.jsonl')]
checks = [json.loads(l) for l in open('checks.jsonl')]
CONST = {'1.73', '2017', '10', '30', '40', '70', '24', '4', '12', '13', '9', '23', '15', '90', '60', '45', '44', '19', '2', '3', '1', '0.3', '0.15'}
n_flag = 0
for c, k in zip(claims, checks):
    t = c['text']
    # drop parenthesised threshold explanations like (ACC/AHA 2017: 120–129/<80) or (≥6.5%)
    t2 = re.sub(r'\([^)]*(≥|≤|<|>|–|WHO|KDIGO|ADA|NCEP|ACC|IFCC|G\d)[^)]*\)', ' ', t)
    t2 = re.sub(r'(≥|≤|<|>)\s?\d+(\.\d+)?', ' ', t2)
    nums = re.findall(r'(?<![\w.])\d+(?:\.\d+)?', t2)
    ok_vals = []
    dates = set()
    names = []
    for ch in k['checks']:
        if ch[0] in ('val', 'conv'): ok_vals.append((ch[2], ch[3]))
        if ch[0] == 'date':
            v = ch[3]
            for x in (v if isinstance(v, list) else [v]):
                parts = x.split('-')
                for p in parts: dates.add(p.lstrip('0') or '0'); dates.add(p)
                if len(parts) > 0: dates.add(parts[0][2:])
        if ch[0] == 'name': names.append(ch[2])
        if ch[0] == 'count': ok_vals.append((ch[3], ch[3]))
        if ch[0] == 'pct': ok_vals.append((ch[3] * 100 - 1, ch[4] * 100 + 1))
        if ch[0] == 'freq': dates.update(str(x) for x in ch[2][:2])
    bad = []
    for n in nums:
        x = float(n)
        if any(lo - 1e-6 <= x <= hi + 1e-6 for lo, hi in ok_vals): continue
        if n in dates or n.lstrip('0') in dates: continue
        if any(n in nm.replace('\\', '') for nm in names): continue
        if n in CONST: continue
        bad.append(n)
    if bad:
        n_flag += 1
        print(c['label'][0], c['category'], '|', c['text'], '| unexplained:', bad)
print('flagged', n_flag, 'of', len(claims))
