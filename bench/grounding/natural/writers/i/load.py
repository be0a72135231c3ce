"""Generator-side loader: pulls facts out of the Synthea bundles (used by gen_claims.py only;
the validator has its own loader)."""
import json, glob, os, datetime

DATA = '/work/shared/data/synthea'


def d10(s):
    return s[:10] if s else None


class P:
    pass


def load_all():
    pats = []
    for f in sorted(glob.glob(os.path.join(DATA, '*.json'))):
        rs = [e['resource'] for e in json.load(open(f))['entry']]
        p = P()
        p.file = os.path.basename(f)
        pr = [r for r in rs if r['resourceType'] == 'Patient'][0]
        p.id = pr['id']
        p.name = p.file.split('_')[0]
        p.gender = pr['gender']
        p.birth = pr['birthDate']
        p.deceased = d10(pr.get('deceasedDateTime'))
        p.obs, p.conds, p.meds, p.imms, p.procs, p.encs, p.alls = [], [], [], [], [], [], []
        for r in rs:
            t = r['resourceType']
            if t == 'Observation':
                o = dict(id=r['id'], code=r['code']['coding'][0]['display'], date=d10(r['effectiveDateTime']))
                if 'valueQuantity' in r:
                    o['v'] = r['valueQuantity']['value']; o['unit'] = r['valueQuantity']['unit']
                elif 'valueCodeableConcept' in r:
                    o['cc'] = r['valueCodeableConcept']['coding'][0]['display']
                elif 'component' in r:
                    o['comp'] = {}
                    for i, c in enumerate(r['component']):
                        o['comp'][c['code']['coding'][0]['display']] = (i, c['valueQuantity']['value'])
                p.obs.append(o)
            elif t == 'Condition':
                p.conds.append(dict(id=r['id'], code=r['code']['coding'][0]['display'],
                                    status=r['clinicalStatus']['coding'][0]['code'],
                                    onset=d10(r.get('onsetDateTime')), abate=d10(r.get('abatementDateTime'))))
            elif t == 'MedicationRequest':
                p.meds.append(dict(id=r['id'], code=r['medicationCodeableConcept']['coding'][0]['display'],
                                   status=r['status'], date=d10(r['authoredOn']),
                                   reason=[x['reference'].split(':')[-1] for x in r.get('reasonReference', [])]))
            elif t == 'Immunization':
                p.imms.append(dict(id=r['id'], code=r['vaccineCode']['coding'][0]['display'], date=d10(r['occurrenceDateTime'])))
            elif t == 'Procedure':
                dt = r.get('performedDateTime') or r.get('performedPeriod', {}).get('start')
                p.procs.append(dict(id=r['id'], code=r['code']['coding'][0]['display'], date=d10(dt)))
            elif t == 'Encounter':
                p.encs.append(dict(id=r['id'], code=r['type'][0]['coding'][0]['display'], cls=r['class']['code'],
                                   date=d10(r['period']['start'])))
            elif t == 'AllergyIntolerance':
                p.alls.append(dict(id=r['id'], code=r['code']['coding'][0]['display']))
        p.by = {}
        for o in p.obs:
            p.by.setdefault(o['code'], []).append(o)
        for k in p.by:
            p.by[k].sort(key=lambda o: o['date'])
        pats.append(p)
    return pats


def age_at(p, iso):
    b = datetime.date.fromisoformat(p.birth); d = datetime.date.fromisoformat(iso)
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))
