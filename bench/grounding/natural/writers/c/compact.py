import sys; sys.path.insert(0, '/work/notes/evalsets/dev3')
from facts import *
pats = load_all()
want = sys.argv[1:] 
for pid, p in pats.items():
    if want and not any(w.lower() in p['name'].lower() for w in want): continue
    pat = p['patient']
    print(f"### {p['name']} {pid} {pat['gender']} b.{pat['birthDate']} d.{pat.get('deceasedDateTime','')[:10]}")
    obs = [r for r in p['res'].values() if r['resourceType']=='Observation']
    groups = {}
    for r in obs: groups.setdefault(disp(r['code']), []).append(r)
    for k in sorted(groups):
        rs = sorted(groups[k], key=date_of)
        items = []
        for r in rs:
            if 'component' in r:
                c = r['component']
                if 'Blood Pressure' in k:
                    items.append(f"{date_of(r)}:{c[1]['valueQuantity']['value']:.0f}/{c[0]['valueQuantity']['value']:.0f}")
                else:
                    items.append(f"{date_of(r)}:comp")
            else:
                v,u = obs_value(r)
                items.append(f"{date_of(r)}:{v:.4g}" if isinstance(v,(int,float)) else f"{date_of(r)}:{v}")
        print(f"  {k[:40]} [{len(rs)}] " + ' '.join(items))
    encs = sorted([r for r in p['res'].values() if r['resourceType']=='Encounter'], key=date_of)
    print('  ENC last:', date_of(encs[-1]), disp(encs[-1]['type'][0]), '| n=', len(encs))
