import sys, importlib
sys.path.insert(0, '/work/notes/evalsets/dev3')
import lib
MODS = ['c_dates', 'c_abbrev', 'c_drugs', 'c_units', 'c_rounding', 'c_trends', 'c_twofacts',
        'c_negation', 'c_status', 'c_latest', 'c_swapped', 'c_wrongcite', 'c_interp', 'c_extra']
for m in MODS:
    try:
        importlib.import_module(m)
    except ModuleNotFoundError as e:
        if e.name != m: raise
        print('skip', m)
lib.write('/work/notes/evalsets/dev3/claims.jsonl', '/work/notes/evalsets/dev3/checks.jsonl')
print(len(lib.CLAIMS), 'claims written')
