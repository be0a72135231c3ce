import sys; sys.path.insert(0, '/work/notes/evalsets/dev3')
from facts import *
pats = load_all()
for pid, p in pats.items():
    out = []
    pat = p['patient']
    out.append(f"PATIENT {p['name']} id={pid} gender={pat.get('gender')} birth={pat.get('birthDate')} deceased={pat.get('deceasedDateTime')}")
    res = p['res']
    by = {}
    for r in res.values(): by.setdefault(r['resourceType'], []).append(r)
    for t in ['Condition','MedicationRequest','AllergyIntolerance','Encounter','Procedure','Immunization','DiagnosticReport']:
        out.append(f"== {t}")
        for r in sorted(by.get(t, []), key=lambda r: date_of(r) or ''):
            if t == 'Condition':
                out.append(f"  {r['id']} {disp(r['code'])} onset={r.get('onsetDateTime','')[:10]} abate={r.get('abatementDateTime','')[:10]} status={r['clinicalStatus']['coding'][0]['code']}")
            elif t == 'MedicationRequest':
                dos = r.get('dosageInstruction', [{}])[0]
                ds = ''
                if dos:
                    tm = dos.get('timing', {}).get('repeat', {})
                    dq = dos.get('doseAndRate', [{}])[0].get('doseQuantity', {}).get('value') if dos.get('doseAndRate') else None
                    ds = f"dose={dq} freq={tm.get('frequency')}/{tm.get('period')}{tm.get('periodUnit')} asneeded={dos.get('asNeededBoolean')}"
                out.append(f"  {r['id']} {disp(r.get('medicationCodeableConcept'))} authored={r.get('authoredOn','')[:10]} status={r['status']} {ds}")
            elif t == 'AllergyIntolerance':
                out.append(f"  {r['id']} {disp(r['code'])} onset={r.get('onsetDateTime', r.get('recordedDate',''))[:10]} cat={r.get('category')} crit={r.get('criticality')} status={r.get('clinicalStatus',{}).get('coding',[{}])[0].get('code')}")
            elif t == 'Encounter':
                out.append(f"  {r['id']} {date_of(r)} {r['class']['code']} {disp(r['type'][0])} reason={disp(r['reasonCode'][0]) if r.get('reasonCode') else ''}")
            elif t == 'Procedure':
                out.append(f"  {r['id']} {date_of(r)} {disp(r['code'])}")
            elif t == 'Immunization':
                out.append(f"  {r['id']} {date_of(r)} {disp(r['vaccineCode'])}")
            elif t == 'DiagnosticReport':
                out.append(f"  {r['id']} {date_of(r)} {disp(r['code'])} n={len(r.get('result',[]))}")
    out.append("== Observation")
    obs = sorted(by.get('Observation', []), key=lambda r: (disp(r['code']), date_of(r)))
    for r in obs:
        if 'component' in r:
            comps = '; '.join(f"#{i} {disp(c['code'])}={c.get('valueQuantity',{}).get('value')} {c.get('valueQuantity',{}).get('unit')}" for i, c in enumerate(r['component']))
            out.append(f"  {r['id']} {date_of(r)} {disp(r['code'])}: {comps}")
        else:
            v, u = obs_value(r)
            out.append(f"  {r['id']} {date_of(r)} {disp(r['code'])} = {v} {u or ''}")
    open(f"/work/notes/evalsets/dev3/summaries/{p['name'].replace(' ','_')}.txt", 'w').write('\n'.join(out) + '\n')
    print(p['name'], pid, len(out))
