"""Load Synthea bundles into simple per-patient structures (dev3 eval-set helper)."""
import json, glob, os
DATA = '/work/shared/data/synthea'

def disp(cc):
    if not cc: return None
    if cc.get('text'): return cc['text']
    return cc['coding'][0].get('display')

def load_all():
    pats = {}
    for f in sorted(glob.glob(os.path.join(DATA, '*.json'))):
        b = json.load(open(f))
        res = {}
        pid = None
        for e in b['entry']:
            r = e['resource']
            res[r['id']] = r
            if r['resourceType'] == 'Patient':
                pid = r['id']; pat = r
        name = ' '.join(pat['name'][0]['given']) + ' ' + pat['name'][0]['family']
        pats[pid] = {'file': os.path.basename(f), 'name': name, 'res': res, 'patient': pat}
    return pats

def date_of(r):
    for k in ('effectiveDateTime', 'onsetDateTime', 'authoredOn', 'occurrenceDateTime', 'recordedDate'):
        if k in r: return r[k][:10]
    for k in ('period', 'performedPeriod', 'effectivePeriod'):
        if k in r: return r[k]['start'][:10]
    if 'performedDateTime' in r: return r['performedDateTime'][:10]
    return None

def obs_value(r):
    if 'valueQuantity' in r:
        return r['valueQuantity'].get('value'), r['valueQuantity'].get('unit')
    if 'valueCodeableConcept' in r:
        return disp(r['valueCodeableConcept']), None
    if 'valueString' in r: return r['valueString'], None
    return None, None
