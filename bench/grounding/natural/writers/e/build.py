"""Build dev5 claims.jsonl (+ claims_meta.jsonl used by validate.py)."""
import sys, importlib
sys.path.insert(0, '.')
import common
MODS = [m for m in sys.argv[1:]] or ['gen_dates','gen_abbrev','gen_drugs','gen_units','gen_rounding','gen_trends',
        'gen_twofacts','gen_negation','gen_status','gen_latest','gen_swapped','gen_wrongcite','gen_interp']
for m in MODS:
    importlib.import_module(m).gen()
common.dump('claims.jsonl', 'claims_meta.jsonl')
print(len(common.CLAIMS), 'claims')
