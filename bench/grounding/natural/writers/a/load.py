"""Shared loader for the Synthea bundles (used by the claim writer and the validator)."""
import json, glob, os
DATA = '/work/shared/data/synthea'
KIND = {'Condition':'condition','MedicationRequest':'medication','AllergyIntolerance':'allergy',
        'Encounter':'encounter','Procedure':'procedure','Immunization':'immunization',
        'DiagnosticReport':'diagnostic-report','Observation':'observation','Patient':'patient'}

def load_all():
    pats = {}
    for f in sorted(glob.glob(DATA + '/*.json')):
        b = json.load(open(f))
        rs = [e['resource'] for e in b['entry']]
        p = [r for r in rs if r['resourceType'] == 'Patient'][0]
        name = os.path.basename(f).split('_')[0] + ' ' + os.path.basename(f).split('_')[1]
        by = {}
        for r in rs:
            k = KIND.get(r['resourceType'])
            if k: by.setdefault(k, {})[r['id']] = r
        pats[p['id']] = dict(name=name, file=f, patient=p, by=by, all=rs)
    return pats

def rdate(r):
    for k in ('effectiveDateTime', 'onsetDateTime', 'authoredOn', 'occurrenceDateTime', 'recordedDate'):
        if k in r: return r[k][:10]
    for k in ('period', 'performedPeriod', 'effectivePeriod'):
        if k in r: return r[k]['start'][:10]
    if 'performedDateTime' in r: return r['performedDateTime'][:10]
    return None

def disp(r):
    for k in ('code', 'medicationCodeableConcept', 'vaccineCode'):
        if k in r:
            c = r[k]
            return c.get('text') or c['coding'][0].get('display')
    if 'type' in r and r['type']:
        return r['type'][0].get('text') or r['type'][0]['coding'][0]['display']
    return None

def loinc(r):
    try: return r['code']['coding'][0]['code']
    except Exception: return None
