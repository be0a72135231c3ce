import facts, sys
pts = facts.load_all()
for k,p in pts.items():
    out=[]
    out.append(f"=== {k} id={p.id} {p.gender} b.{p.birth} d.{p.deceased}")
    out.append("CONDITIONS:")
    for c in p.conds: out.append(f"  {c['name']} onset {c['onset']} abate {c['abate']} [{c['status']}]")
    out.append("MEDS:")
    for m in p.meds: out.append(f"  {m['name']} {m['date']} [{m['status']}]")
    for a in p.allergies: out.append(f"  ALLERGY {a['name']} {a['date']} [{a['status']}]")
    out.append("IMMS: " + '; '.join(f"{i['name']} {i['date']}" for i in p.imms))
    out.append("PROCS: " + '; '.join(f"{i['name']} {i['date']}" for i in p.procs))
    out.append("ENCS: " + '; '.join(f"{i['date']} {i['type']}({i['reason']})" for i in p.encs))
    out.append("REPORTS: " + '; '.join(f"{i['date']} {i['name']}" for i in p.reports))
    for s,xs in p.obs.items():
        if s=='bp': out.append(f"  bp: " + ', '.join(f"{x['date']} {x['sys']:.0f}/{x['dia']:.0f}" for x in xs))
        elif s=='smoking': out.append(f"  smoking: {xs[0]['value']}..{xs[-1]['value']} n={len(xs)}")
        else:
            out.append(f"  {s} ({xs[0]['unit']}): " + ', '.join(f"{x['date']} {x['value'] if isinstance(x['value'],str) else round(x['value'],2)}" for x in xs))
    open(f'dump_{k}.txt','w').write('\n'.join(out)+'\n')
