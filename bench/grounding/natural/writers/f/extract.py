# Extract a compact fact table from the Synthea bundles (used by gen.py and validate.py)
import json, glob, os, collections
D='/work/shared/data/synthea'
out={}
for f in sorted(glob.glob(D+'/*.json')):
    b=json.load(open(f))
    res=[e['resource'] for e in b['entry']]
    p=[r for r in res if r['resourceType']=='Patient'][0]
    pid=p['id']
    d={'file':os.path.basename(f),'name':p['name'][0]['given'][0]+' '+p['name'][0]['family'],'gender':p.get('gender'),'birthDate':p.get('birthDate'),'deceased':p.get('deceasedDateTime'),'res':collections.defaultdict(list)}
    for r in res:
        d['res'][r['resourceType']].append(r)
    out[pid]=d
    print(pid,d['name'],d['gender'],d['birthDate'],d['deceased'],{k:len(v) for k,v in d['res'].items() if k in('Observation','Condition','MedicationRequest','AllergyIntolerance','Encounter','Procedure','Immunization','DiagnosticReport')})
