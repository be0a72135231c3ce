import json,glob,collections,sys
for f in sorted(glob.glob('/work/shared/data/synthea/*.json')):
    b=json.load(open(f))
    res=[e['resource'] for e in b['entry']]
    p=[r for r in res if r['resourceType']=='Patient'][0]
    name=p['name'][0]
    print('='*100)
    print(f.split('/')[-1], p['id'], ' '.join(name.get('given',[]))+' '+name['family'], p['gender'], p['birthDate'], p.get('deceasedDateTime'))
    for r in res:
        t=r['resourceType']
        if t=='Condition':
            print('  COND',r['id'][:8],r['code']['text'],r['clinicalStatus']['coding'][0]['code'],r.get('onsetDateTime','')[:10],r.get('abatementDateTime','')[:10])
        elif t=='MedicationRequest':
            print('  MED',r['id'][:8],r['medicationCodeableConcept']['text'],r['status'],r['authoredOn'][:10], json.dumps(r.get('dosageInstruction',''))[:200])
        elif t=='AllergyIntolerance':
            print('  ALG',r['id'][:8],r['code']['text'],r.get('clinicalStatus'),r.get('recordedDate','')[:10], r.get('criticality'))
    obs=collections.defaultdict(list)
    for r in res:
        if r['resourceType']=='Observation':
            k=r['code']['text']
            if 'valueQuantity' in r: v=f"{r['valueQuantity']['value']:.4g} {r['valueQuantity'].get('unit')}"
            elif 'component' in r: v='/'.join(f"{c['valueQuantity']['value']:.4g}" if 'valueQuantity' in c else str(c.get('valueCodeableConcept',{}).get('text')) for c in r['component'])
            elif 'valueCodeableConcept' in r: v=r['valueCodeableConcept']['text']
            else: v='?'
            obs[k].append((r['effectiveDateTime'][:10],v))
    for k,l in obs.items():
        print('  OBS',k,len(l),' | '.join(f'{d}:{v}' for d,v in l[:12]))
    imm=collections.Counter((r['vaccineCode']['text']) for r in res if r['resourceType']=='Immunization')
    print('  IMM',dict(imm))
    print('  PROC',collections.Counter(r['code']['text'] for r in res if r['resourceType']=='Procedure'))
    print('  ENC',[ (r['period']['start'][:10], r['type'][0]['text']) for r in res if r['resourceType']=='Encounter'][-6:])
