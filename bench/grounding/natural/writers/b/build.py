"""Assemble claims.jsonl (+ claims_meta.jsonl used only by validate.py)."""
import gen_common
import gen_a, gen_b, gen_c, gen_d
gen_a.gen_dates(); gen_a.gen_abbrev(); gen_a.gen_drugs()
gen_b.gen_units(); gen_b.gen_rounding(); gen_b.gen_trends()
gen_c.gen_two(); gen_c.gen_neg(); gen_c.gen_status(); gen_c.gen_latest()
gen_d.gen_swapped(); gen_d.gen_wrongcite(); gen_d.gen_interp()
gen_common.dump('/work/notes/evalsets/heldout/claims.jsonl', '/work/notes/evalsets/heldout/claims_meta.jsonl')
import collections
c = collections.Counter((cl['category'], cl['label']) for cl, _ in gen_common.CLAIMS)
print(len(gen_common.CLAIMS))
for k in sorted(set(a for a, b in c)):
    print(f"{k:16s} correct={c[(k, 'correct')]:3d} wrong={c[(k, 'wrong')]:3d}")
