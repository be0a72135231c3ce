import sys; sys.path.insert(0, '/work/notes/evalsets/dev')
from load import *
pats = load_all()
for pid, P in pats.items():
    out = []
    p = P['patient']
    out.append(f"PATIENT {P['name']} id={pid} gender={p.get('gender')} birth={p.get('birthDate')} deceased={p.get('deceasedDateTime')}")
    for k in ('condition','medication','allergy','procedure','immunization','encounter','diagnostic-report'):
        rs = sorted(P['by'].get(k, {}).values(), key=lambda r: rdate(r) or '')
        out.append(f"== {k} ({len(rs)})")
        for r in rs:
            extra = ''
            if k == 'condition':
                extra = f" status={r.get('clinicalStatus',{}).get('coding',[{}])[0].get('code')} abate={r.get('abatementDateTime','')[:10]}"
            if k == 'medication':
                extra = f" status={r.get('status')}"
                if r.get('dosageInstruction'): extra += ' dose=' + json.dumps(r['dosageInstruction'])[:200]
                if r.get('reasonReference'): extra += ' reason=' + str([x.get('reference') for x in r['reasonReference']])
            if k == 'allergy':
                extra = f" clin={r.get('clinicalStatus')} type={r.get('type')} cat={r.get('category')} crit={r.get('criticality')}"
            if k == 'encounter':
                extra = f" class={r.get('class',{}).get('code')} end={r['period'].get('end','')[:10]}"
                if r.get('reasonCode'): extra += ' reason=' + r['reasonCode'][0]['coding'][0]['display']
            if k == 'procedure':
                if r.get('reasonReference'): extra += ' reason=' + str(r['reasonReference'])
            if k == 'diagnostic-report':
                extra = ' results=' + str(len(r.get('result', [])))
            out.append(f"  {rdate(r)} {r['id']} {disp(r)}{extra}")
    rs = sorted(P['by'].get('observation', {}).values(), key=lambda r: (disp(r), rdate(r)))
    out.append(f"== observation ({len(rs)})")
    for r in rs:
        if 'valueQuantity' in r:
            v = f"{r['valueQuantity']['value']} {r['valueQuantity'].get('unit')}"
        elif 'valueCodeableConcept' in r:
            v = 'CC:' + (r['valueCodeableConcept'].get('text') or r['valueCodeableConcept']['coding'][0]['display'])
        elif 'valueString' in r: v = 'S:' + r['valueString']
        else: v = ''
        if 'component' in r:
            v += ' COMP[' + '; '.join(f"#{i} {c['code'].get('text') or c['code']['coding'][0]['display']}={c.get('valueQuantity',{}).get('value')} {c.get('valueQuantity',{}).get('unit')}" for i, c in enumerate(r['component'])) + ']'
        out.append(f"  {rdate(r)} {r['id']} [{loinc(r)}] {disp(r)} = {v}")
    open(f"/work/notes/evalsets/dev/facts/{P['name'].replace(' ','_')}.txt", 'w').write('\n'.join(out) + '\n')
    print(P['name'], len(out))
