import json,glob,os
D='/work/shared/data/synthea'
def load():
    pts={}
    for f in sorted(glob.glob(D+'/*.json')):
        b=json.load(open(f))
        res=[e['resource'] for e in b['entry']]
        p=[r for r in res if r['resourceType']=='Patient'][0]
        pts[p['id']]={'name':os.path.basename(f).rsplit('_',1)[0],'res':res,'patient':p}
    return pts
def disp(cc):
    if not cc: return None
    return cc.get('text') or (cc.get('coding') or [{}])[0].get('display')
def code(cc):
    return (cc.get('coding') or [{}])[0].get('code')
