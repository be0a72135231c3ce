"""Pull facts out of the Synthea bundles (used by build.py only; validate.py has its own reader)."""
import json, glob, re

D = '/work/shared/data/synthea'


def clean(s):
    return re.sub(r'\s*\((disorder|finding|situation|procedure)\)', '', s).strip()


def load():
    pats = []
    for f in sorted(glob.glob(D + '/*.json')):
        b = json.load(open(f))
        P = {'file': f, 'num': {}, 'bp': [], 'cond': [], 'med': [], 'imm': [], 'enc': [], 'proc': [],
             'allergy': [], 'smoke': [], 'texts': []}
        for e in b['entry']:
            r = e['resource']; t = r['resourceType']
            if t == 'Patient':
                P['id'] = r['id']; P['gender'] = r['gender']; P['birth'] = r['birthDate']
                P['name'] = r['name'][0]['given'][0] + ' ' + r['name'][0]['family']
                P['deceased'] = bool(r.get('deceasedDateTime'))
            elif t == 'Observation':
                code = r['code'].get('text') or r['code']['coding'][0]['display']
                dt = r['effectiveDateTime']
                if 'valueQuantity' in r:
                    P['num'].setdefault(code, []).append(dict(id=r['id'], code=code, dt=dt, date=dt[:10],
                                                           v=r['valueQuantity']['value'], unit=r['valueQuantity'].get('unit')))
                elif 'component' in r and code == 'Blood Pressure':
                    d = {}
                    for i, c in enumerate(r['component']):
                        ct = c['code'].get('text') or c['code']['coding'][0]['display']
                        if ct.startswith('Systolic'):
                            d['sys'] = c['valueQuantity']['value']; d['si'] = i
                        elif ct.startswith('Diastolic'):
                            d['dia'] = c['valueQuantity']['value']; d['di'] = i
                    d.update(id=r['id'], dt=dt, date=dt[:10])
                    P['bp'].append(d)
                elif code.startswith('Tobacco'):
                    P['smoke'].append(dict(id=r['id'], dt=dt, date=dt[:10], v=r['valueCodeableConcept']['text']))
            elif t == 'Condition':
                P['cond'].append(dict(id=r['id'], text=r['code']['text'], name=clean(r['code']['text']),
                                      onset=r['onsetDateTime'][:10], end=(r.get('abatementDateTime') or '')[:10],
                                      status=r['clinicalStatus']['coding'][0]['code']))
                P['texts'].append(r['code']['text'].lower())
            elif t == 'MedicationRequest':
                txt = r['medicationCodeableConcept']['text']
                P['med'].append(dict(id=r['id'], text=txt, date=r['authoredOn'][:10], dt=r['authoredOn'], status=r['status'],
                                     reasons=[x['reference'].split(':')[-1] for x in r.get('reasonReference', [])]))
                P['texts'].append(txt.lower())
            elif t == 'AllergyIntolerance':
                P['allergy'].append(dict(id=r['id'], text=r['code']['text'], date=r['recordedDate'][:10]))
                P['texts'].append(r['code']['text'].lower())
            elif t == 'Immunization':
                P['imm'].append(dict(id=r['id'], text=r['vaccineCode']['text'], date=r['occurrenceDateTime'][:10],
                                     dt=r['occurrenceDateTime']))
            elif t == 'Encounter':
                P['enc'].append(dict(id=r['id'], text=r['type'][0]['text'], date=r['period']['start'][:10],
                                     dt=r['period']['start'], reasontext=[x.get('text') or x['coding'][0]['display'] for x in r.get('reasonCode', [])]))
            elif t == 'Procedure':
                st = r['performedPeriod']['start'] if 'performedPeriod' in r else r['performedDateTime']
                P['proc'].append(dict(id=r['id'], text=clean(r['code']['text']), date=st[:10], dt=st))
        for k in P['num']:
            P['num'][k].sort(key=lambda x: x['dt'])
        for k in ('bp', 'smoke', 'enc', 'imm', 'med'):
            P[k].sort(key=lambda x: x['dt'])
        pats.append(P)
    return pats


def age_at(P, date):
    by, bm, bd = map(int, P['birth'].split('-'))
    y, m, d = map(int, date.split('-'))
    return y - by - ((m, d) < (bm, bd))
