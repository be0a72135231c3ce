"""Extract compact facts from the Synthea bundles (read-only) into facts/<short>.txt and facts.json."""
import json, glob, os, re
D='/work/shared/data/synthea'
out={}
os.makedirs('facts',exist_ok=True)
def cc(c):
    if not c: return None
    return c.get('text') or (c.get('coding') or [{}])[0].get('display')
def d(s): return s[:10] if s else None
for f in sorted(glob.glob(D+'/*.json')):
    b=json.load(open(f))
    short=os.path.basename(f).split('_')[0]+'_'+os.path.basename(f).split('_')[1]
    P={'file':f,'conds':[],'meds':[],'alls':[],'encs':[],'procs':[],'imms':[],'obs':[],'reps':[],'careplans':[]}
    for e in b['entry']:
        r=e['resource'];t=r['resourceType']
        if t=='Patient':
            P['id']=r['id'];P['name']=' '.join(r['name'][0]['given'])+' '+r['name'][0]['family'];P['gender']=r['gender'];P['birth']=r['birthDate'];P['deceased']=r.get('deceasedDateTime')
        elif t=='Condition':
            P['conds'].append(dict(id=r['id'],name=cc(r['code']),code=r['code']['coding'][0]['code'],status=r['clinicalStatus']['coding'][0]['code'],onset=d(r.get('onsetDateTime')),abate=d(r.get('abatementDateTime'))))
        elif t=='MedicationRequest':
            P['meds'].append(dict(id=r['id'],name=cc(r.get('medicationCodeableConcept')),status=r['status'],date=d(r.get('authoredOn')),dose=r.get('dosageInstruction'),reason=[cc(x) for x in r.get('reasonCode',[])]))
        elif t=='AllergyIntolerance':
            P['alls'].append(dict(id=r['id'],name=cc(r['code']),status=r['clinicalStatus']['coding'][0]['code'],date=d(r.get('recordedDate')),cat=r.get('category'),crit=r.get('criticality')))
        elif t=='Encounter':
            P['encs'].append(dict(id=r['id'],type=cc(r['type'][0]),cls=r['class']['code'],start=d(r['period']['start']),end=d(r['period'].get('end')),reason=[cc(x) for x in r.get('reasonCode',[])]))
        elif t=='Procedure':
            pp=r.get('performedPeriod',{}).get('start') or r.get('performedDateTime')
            P['procs'].append(dict(id=r['id'],name=cc(r['code']),date=d(pp),reason=[cc(x) for x in r.get('reasonCode',[])] if r.get('reasonCode') else None))
        elif t=='Immunization':
            P['imms'].append(dict(id=r['id'],name=cc(r['vaccineCode']),date=d(r.get('occurrenceDateTime'))))
        elif t=='Observation':
            o=dict(id=r['id'],name=cc(r['code']),loinc=r['code']['coding'][0]['code'],date=d(r.get('effectiveDateTime')),cat=r['category'][0]['coding'][0]['code'] if r.get('category') else None)
            if 'valueQuantity' in r: o['value']=r['valueQuantity'].get('value');o['unit']=r['valueQuantity'].get('unit')
            elif 'valueCodeableConcept' in r: o['value']=cc(r['valueCodeableConcept'])
            elif 'valueString' in r: o['value']=r['valueString']
            if 'component' in r:
                o['comps']=[dict(name=cc(c['code']),loinc=c['code']['coding'][0]['code'],value=c.get('valueQuantity',{}).get('value'),unit=c.get('valueQuantity',{}).get('unit')) for c in r['component']]
            P['obs'].append(o)
        elif t=='DiagnosticReport':
            P['reps'].append(dict(id=r['id'],name=cc(r['code']),date=d(r.get('effectiveDateTime')),results=[x['reference'].replace('urn:uuid:','') for x in r.get('result',[])]))
        elif t=='CarePlan':
            P['careplans'].append(dict(id=r['id'],cat=[cc(x) for x in r.get('category',[])],status=r['status'],start=d(r['period'].get('start')),end=d(r['period'].get('end'))))
    out[short]=P
    with open('facts/'+short+'.txt','w') as w:
        w.write(f"{P['name']} id={P['id']} {P['gender']} born {P['birth']} deceased={P['deceased']}\n")
        w.write('CONDITIONS\n')
        for c in P['conds']: w.write(f"  {c['id']} | {c['name']} | {c['status']} | onset {c['onset']} | abate {c['abate']}\n")
        w.write('MEDS\n')
        for c in P['meds']: w.write(f"  {c['id']} | {c['name']} | {c['status']} | {c['date']} | {json.dumps(c['dose'])} | {c['reason']}\n")
        w.write('ALLERGIES\n')
        for c in P['alls']: w.write(f"  {c['id']} | {c['name']} | {c['status']} | {c['date']} | {c['cat']} {c['crit']}\n")
        w.write('ENCOUNTERS\n')
        for c in sorted(P['encs'],key=lambda x:x['start']): w.write(f"  {c['id']} | {c['start']} | {c['cls']} {c['type']} | {c['reason']}\n")
        w.write('PROCEDURES\n')
        for c in sorted(P['procs'],key=lambda x:x['date']): w.write(f"  {c['id']} | {c['date']} | {c['name']} | {c['reason']}\n")
        w.write('IMMUNIZATIONS\n')
        for c in sorted(P['imms'],key=lambda x:x['date']): w.write(f"  {c['id']} | {c['date']} | {c['name']}\n")
        w.write('CAREPLANS\n')
        for c in P['careplans']: w.write(f"  {c['id']} | {c['cat']} | {c['status']} {c['start']}..{c['end']}\n")
        w.write('REPORTS\n')
        for c in sorted(P['reps'],key=lambda x:x['date']): w.write(f"  {c['id']} | {c['date']} | {c['name']} | n={len(c['results'])}\n")
        w.write('OBSERVATIONS (by name, date)\n')
        for o in sorted(P['obs'],key=lambda x:(x['name'],x['date'])):
            v=o.get('value')
            if 'comps' in o: v=' ; '.join(f"#{i} {c['name']}={c['value']} {c['unit']}" for i,c in enumerate(o['comps']))
            w.write(f"  {o['id']} | {o['date']} | {o['name']} | {v} {o.get('unit','')}\n")
json.dump(out,open('facts.json','w'),indent=0)
