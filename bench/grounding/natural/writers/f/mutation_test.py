# Sanity test of validate.py itself: flipped labels and perturbed facts must be caught.
import json, re, copy, random
import validate as V
R = random.Random(1)
claims = [json.loads(l) for l in open('claims.jsonl')]
checks = [json.loads(l)['checks'] for l in open('claims_checks.jsonl')]
flip = sum(1 for cl, ck in zip(claims, checks) if V.validate(dict(cl, label='wrong' if cl['label'] == 'correct' else 'correct'), ck))
print(f'label flips caught: {flip}/{len(claims)}')
n = caught = 0
for cl, ck in zip(claims, checks):
    if cl['label'] != 'correct':
        continue
    ck2 = copy.deepcopy(ck); cl2 = copy.deepcopy(cl)
    nums = [k for k in ck2 if k['t'] == 'num']
    dates = [k for k in ck2 if k['t'] == 'date' and re.fullmatch(r'\d{4}-\d\d-\d\d', k['s'])]
    if nums:
        k = R.choice(nums); old = k['v']; dec = len(old.split('.')[1]) if '.' in old else 0
        new = f'{float(old) * 1.25 + 3 * 10 ** -dec:.{dec}f}'
        cl2['text'] = re.sub(r'(?<![\d.])' + re.escape(old) + r'(?![\d])', new, cl2['text'], count=1); k['v'] = new
    elif dates:
        k = R.choice(dates); y = int(k['s'][:4]); new = str(y + 1) + k['s'][4:]
        cl2['text'] = cl2['text'].replace(k['s'], new); k['s'] = new
    else:
        continue
    n += 1
    if V.validate(cl2, ck2):
        caught += 1
print(f'perturbed correct claims caught: {caught}/{n}')
