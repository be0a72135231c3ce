import sys; sys.path.insert(0,'/work/notes/evalsets/dev3')
from lib import *
k=sys.argv[1]
for code_ in sys.argv[2:]:
    name=ALIAS.get(code_,code_)
    rs=sorted([r for r in res_of(k,'Observation') if disp(r['code'])==name], key=date_of)
    for r in rs:
        if 'component' in r:
            print(name[:20], date_of(r), ' / '.join(f"{disp(c['code'])[:3]}={c['valueQuantity']['value']:.3f}" for c in r['component']))
        else:
            val,u=obs_value(r); print(name[:20], date_of(r), f'{val:.4f}' if isinstance(val,float) else val, u)
