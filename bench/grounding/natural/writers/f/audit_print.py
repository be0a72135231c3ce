# Prints claims next to the raw cited records, for manual reading (python3 audit_print.py SEED N)
import json, random, glob, sys
R = {}
for f in glob.glob('/work/shared/data/synthea/*.json'):
    for e in json.load(open(f))['entry']:
        r = e['resource']; R[r['id']] = r


def brief(r):
    t = r['resourceType']
    if t == 'Observation':
        v = r.get('valueQuantity') or [(c['code']['coding'][0]['display'][:9], round(c['valueQuantity']['value'], 2)) for c in r.get('component', [])] or r.get('valueCodeableConcept', {}).get('coding', [{}])[0].get('display')
        if isinstance(v, dict): v = (round(v['value'], 3), v['unit'])
        return (r['code']['coding'][0]['display'][:30], v, r['effectiveDateTime'])
    if t == 'Condition': return (r['code']['coding'][0]['display'], r['clinicalStatus']['coding'][0]['code'], r.get('onsetDateTime'), r.get('abatementDateTime'))
    if t == 'MedicationRequest': return (r['medicationCodeableConcept']['coding'][0]['display'], r['status'], r['authoredOn'])
    if t == 'Encounter': return (r['type'][0]['coding'][0]['display'], r['period']['start'], [x['coding'][0]['display'] for x in r.get('reasonCode', [])])
    if t == 'Immunization': return (r['vaccineCode']['coding'][0]['display'], r['occurrenceDateTime'])
    if t == 'Procedure': return (r['code']['coding'][0]['display'], r.get('performedPeriod', {}).get('start'))
    if t == 'Patient': return ('PATIENT', r['name'][0]['given'][0], r.get('deceasedDateTime'))
    return (t,)


cl = [json.loads(l) for l in open('claims.jsonl')]
random.Random(int(sys.argv[1])).shuffle(cl)
for d in cl[:int(sys.argv[2])]:
    print(d['label'].upper(), d['category'], '|', d['text'], '|', d['why'][:80])
    for c in d['citations']: print('    ', brief(R[c['id'].split('#')[0]]))
