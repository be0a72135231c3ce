"""Print random claims next to the raw fields of the records they cite (for a human read-through)."""
import json, random, sys
sys.path.insert(0, '/work/notes/evalsets/dev')
from load import load_all, rdate, disp, loinc
P = load_all()
C = [json.loads(l) for l in open('/work/notes/evalsets/dev/claims.jsonl')]
rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
for c in rng.sample(C, n):
    print(f"[{c['category']}/{c['label']}] {c['text']}")
    for ct in c['citations']:
        if ct['record'] == 'patient':
            print('    patient (whole chart)'); continue
        rid, _, comp = ct['id'].partition('#')
        r = P[c['patient']]['by'][ct['record']][rid]
        extra = ''
        if 'valueQuantity' in r: extra = f"= {r['valueQuantity']['value']:.4g} {r['valueQuantity']['unit']}"
        if 'valueCodeableConcept' in r: extra = '= ' + r['valueCodeableConcept']['coding'][0]['display']
        if 'component' in r: extra = ' '.join(f"#{i}:{x['code']['coding'][0]['display'][:4]}={x['valueQuantity']['value']:.1f}" for i, x in enumerate(r['component']))
        if 'clinicalStatus' in r: extra += ' status=' + r['clinicalStatus']['coding'][0]['code'] + (' abated=' + r['abatementDateTime'][:10] if r.get('abatementDateTime') else '')
        if r['resourceType'] == 'MedicationRequest': extra += ' status=' + r['status']
        if r['resourceType'] == 'Encounter': extra += f" class={r['class']['code']}" + (' reason=' + r['reasonCode'][0]['coding'][0]['display'] if r.get('reasonCode') else '')
        print(f"    {ct['record']} {ct['id'][:13]} {rdate(r)} {disp(r)[:70]} {extra}")
    print('    why:', c['why'][:160])
