# Loads the Synthea bundles into a compact per-patient fact table (used by gen.py only;
# validate.py re-reads the raw bundles itself).
import json, glob, os, collections

D = '/work/shared/data/synthea'


def d10(s):
    return s[:10] if s else None


def load():
    pts = {}
    for f in sorted(glob.glob(D + '/*.json')):
        b = json.load(open(f))
        res = [e['resource'] for e in b['entry']]
        p = [r for r in res if r['resourceType'] == 'Patient'][0]
        P = dict(id=p['id'], first=p['name'][0]['given'][0], last=p['name'][0]['family'],
                 gender=p.get('gender'), birth=p.get('birthDate'), deceased=d10(p.get('deceasedDateTime')),
                 obs=collections.defaultdict(list), bp=[], smoking=[], conds=[], meds=[], allergies=[],
                 encs=[], procs=[], imms=[], reports=[])
        for r in res:
            t = r['resourceType']
            if t == 'Observation':
                code = r['code']['coding'][0]['code']
                disp = r['code']['coding'][0]['display']
                date = d10(r.get('effectiveDateTime'))
                if code == '55284-4':
                    comp = {c['code']['coding'][0]['code']: (i, c['valueQuantity']['value']) for i, c in enumerate(r['component'])}
                    P['bp'].append(dict(id=r['id'], date=date, sys=comp['8480-6'][1], dia=comp['8462-4'][1],
                                        sys_ix=comp['8480-6'][0], dia_ix=comp['8462-4'][0]))
                elif code == '72166-2':
                    P['smoking'].append(dict(id=r['id'], date=date, val=r['valueCodeableConcept']['coding'][0]['display']))
                elif 'valueQuantity' in r:
                    P['obs'][code].append(dict(id=r['id'], date=date, v=r['valueQuantity']['value'],
                                               unit=r['valueQuantity'].get('unit'), disp=disp, code=code))
            elif t == 'Condition':
                P['conds'].append(dict(id=r['id'], disp=r['code']['coding'][0]['display'], onset=d10(r.get('onsetDateTime')),
                                       abate=d10(r.get('abatementDateTime')), status=r['clinicalStatus']['coding'][0]['code']))
            elif t == 'MedicationRequest':
                P['meds'].append(dict(id=r['id'], disp=r['medicationCodeableConcept']['coding'][0]['display'],
                                      date=d10(r.get('authoredOn')), status=r['status']))
            elif t == 'AllergyIntolerance':
                P['allergies'].append(dict(id=r['id'], disp=r['code']['coding'][0]['display'], date=d10(r.get('recordedDate')),
                                           cat=r.get('category')))
            elif t == 'Encounter':
                P['encs'].append(dict(id=r['id'], disp=r['type'][0]['coding'][0]['display'], date=d10(r['period']['start']),
                                      cls=r['class']['code'],
                                      reason=(r.get('reasonCode') or [{}])[0].get('coding', [{}])[0].get('display')))
            elif t == 'Procedure':
                pd = r.get('performedPeriod', {}).get('start') or r.get('performedDateTime')
                P['procs'].append(dict(id=r['id'], disp=r['code']['coding'][0]['display'], date=d10(pd)))
            elif t == 'Immunization':
                P['imms'].append(dict(id=r['id'], disp=r['vaccineCode']['coding'][0]['display'], date=d10(r.get('occurrenceDateTime'))))
            elif t == 'DiagnosticReport':
                P['reports'].append(dict(id=r['id'], disp=r['code']['coding'][0]['display'], date=d10(r.get('effectiveDateTime')),
                                         results=[x['reference'].split(':')[-1] for x in r.get('result', [])]))
        for k in P['obs']:
            P['obs'][k].sort(key=lambda o: o['date'])
        for k in ('bp', 'smoking', 'meds', 'encs', 'procs', 'imms'):
            P[k].sort(key=lambda o: o['date'])
        pts[P['id']] = P
    return pts
