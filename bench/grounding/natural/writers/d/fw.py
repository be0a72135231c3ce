"""Framework: pattern/variant bookkeeping, patient cycling, small text helpers."""
import random, re
from collections import Counter, defaultdict
import core, vocab
from core import *

VAR_USED = Counter()     # (pattern, variant) -> uses
FACT_USED = set()        # (category, fact-key)
CAP = 3

from core import Skip

def pv(name, variants, rnd):
    """choose a phrasing variant index not used more than CAP times"""
    idx = [i for i in range(len(variants)) if VAR_USED[(name, i)] < CAP]
    if not idx: raise Skip()
    i = rnd.choice(idx)
    VAR_USED[(name, i)] += 1
    return i, variants[i]

def fact(cat, *key):
    k = (cat,) + key
    if k in FACT_USED: raise Skip()
    FACT_USED.add(k)

def kid(P):
    return P.birth >= '2000-01-01'

def who(P, rnd):
    """subject noun for a sentence start"""
    opts = [P.first, 'The patient', P.He] if kid(P) else [P.first, P.title, 'The patient', P.He, 'Pt']
    return rnd.choice(opts)

def whose(P, rnd):
    opts = [P.first + "'s", 'The patient\'s', P.His] if kid(P) else [P.first + "'s", P.title + "'s", 'The patient\'s', P.His, 'Pt\'s']
    return rnd.choice(opts)

def dec_of(code): return vocab.VF[code][0]
def unit_of(code, rnd): return rnd.choice(vocab.VF[code][1])
def num(o, dec=None, comp_i=None):
    v = o['v'] if comp_i is None else o['comps'][comp_i]['v']
    return fnum(v, dec_of(o['code']) if dec is None else dec)

def label(code): return core.LO[code][0]
def abbr(code): return core.LO[code][1]

def cname(c, rnd): return rnd.choice(vocab.COND[c['name']])
def strip_article(s): return re.sub(r'^(a|an|the) ', '', s)

def dtext(d, rnd, pool=None, wrong=None):
    """format a date (optionally perturbed). returns (text, gran, val, shifted_date, style)"""
    style = pick_style(d, rnd, pool)
    dd = d
    if wrong:
        gran0 = fdate(d, style)[1]
        kinds = {'day': ['day', 'month', 'year', 'dm'], 'month': ['month', 'year'], 'year': ['year'], 'period': ['year']}[gran0]
        if not (int(d[8:10]) <= 12 and int(d[8:10]) != int(d[5:7])):
            kinds = [k for k in kinds if k != 'dm']
        k = rnd.choice(kinds)
        if k == 'dm':
            style = rnd.choice(['dmy', 'mdy', 'mdy_full', 'dmy_full', 'mdy_th'])  # unambiguous textual month
        dd = shift_date(d, k, rnd)
        k = diffkind(d, dd)
        if not ok_style(dd, style): style = 'mdy'
        t, g, v = fdate(dd, style)
        return t, g, v, dd, style, k
    t, g, v = fdate(d, style)
    return t, g, v, d, style, None

def run_category(cat, patterns, n_correct, n_wrong, rnd, weights=None, only_wrong_patterns=None):
    pts = list(core.PTS.values())
    big = {'Vito_Feeney', 'Evelyn_McCullough'}
    made = {'correct': 0, 'wrong': 0}
    target = {'correct': n_correct, 'wrong': n_wrong}
    pat_uses = Counter()
    tries = 0
    while (made['correct'] < n_correct or made['wrong'] < n_wrong) and tries < 20000:
        tries += 1
        label = 'correct' if made['correct'] * n_wrong <= made['wrong'] * n_correct and made['correct'] < n_correct else 'wrong'
        if made[label] >= target[label]: label = 'wrong' if label == 'correct' else 'correct'
        # pattern with fewest uses for this label
        cands = [p for p in patterns if not (label == 'correct' and getattr(p, 'wrong_only', False)) and not (label == 'wrong' and getattr(p, 'correct_only', False))]
        m = min(pat_uses[(p.__name__, label)] for p in cands)
        pool = [p for p in cands if pat_uses[(p.__name__, label)] <= m + 1]
        p = rnd.choice(pool)
        # patient: prefer less-used patients in this category; big ones weighted up
        pc = Counter(c['_pkey'] for c in core.CLAIMS if c['category'] == cat)
        order = sorted(pts, key=lambda P: (pc[P.key] / (2.5 if P.key in big else 1.0)) + rnd.random() * 1.5)
        done = False
        for P in order[:12]:
            try:
                r = p(P, rnd, label == 'wrong')
            except Skip:
                continue
            if r is None: continue
            text, cites, checks, why = r
            text = hist_phrasing(P, cat, text, cites)
            if any(c['text'] == text for c in core.CLAIMS): continue
            core.add(P, cat, label, text, cites, checks, why, p.__name__)
            made[label] += 1; pat_uses[(p.__name__, label)] += 1; done = True
            break
        if not done:
            pat_uses[(p.__name__, label)] += 0.5
    if made['correct'] < n_correct or made['wrong'] < n_wrong:
        print('WARNING', cat, made)
    return made

def on_(g): return 'on' if g == 'day' else 'in'

def tidy(s):
    s = re.sub(r'\s+', ' ', s).replace(' .', '.').replace(' ,', ',').replace('the the ', 'the ').replace('on the the', 'on the').strip()
    s = s.replace('( ', '(').replace(' )', ')')
    s = re.sub(r'\b(triglycerides|Triglycerides|platelets|Platelets) was\b', r'\1 were', s)
    s = s.replace('EGFR', 'eGFR')
    if s and s[0].islower() and not s.startswith(('eGFR', 'pH', 'eczema')): s = s[0].upper() + s[1:]
    return s

def diffkind(a, b):
    if a[:4] != b[:4] and a[5:] == b[5:]: return 'year'
    if a[:4] == b[:4] and a[8:] == b[8:] and a[5:7] != b[5:7]: return 'month' if abs(int(a[5:7]) - int(b[5:7])) == 1 else 'dm'
    if a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]: return 'dm'
    return 'day'

def _match_date(d, g, val):
    if d is None: return False
    if g == 'day': return d == val
    if g == 'month': return d[:7] == val
    if g == 'year': return d[:4] == val
    if g == 'period': return val[0] <= d <= val[1]
    return False

def collides(P, kind, rec, g, val, field='date'):
    """True if some record of the same sort (same code/name) carries the (wrong) written date, which would make the claim true anyway"""
    if kind == 'obs':
        pool = [o for o in P.obs if o['code'] == rec['code'] and (o['v'] == rec['v'] if rec['v'] is not None else o['vstr'] == rec['vstr'])]
        pool = [o for o in P.obs if o['code'] == rec['code']]   # any same-code result on that date is enough to make it ambiguous
    elif kind == 'enc': pool = [e for e in P.encs if e['cls'] == rec['cls']]
    else:
        pool = {'cond': P.conds, 'med': P.meds, 'imm': P.imms, 'proc': P.procs, 'rep': P.reps}[kind]
        pool = [x for x in pool if x['name'] == rec['name']]
    return any(_match_date(x.get(field) if field != 'date' else x['date'], g, val) for x in pool)

HIST = [('Med list includes', 'Medication history includes'), ('appears on the medication list', 'appears in the medication history'),
        ('Prescription on file:', 'Past prescription:'), ('One of his prescriptions is', 'He was once prescribed'), ('One of her prescriptions is', 'She was once prescribed'),
        ('Meds include', 'Prescription history includes'), ('Rx list —', 'Past Rx —'), ("prescriptions:", "past prescriptions:"), ('Meds:', 'Past meds:'),
        ('On the med list:', 'In the medication history:'), ('Ordered:', 'Previously ordered:'), ('Per med list,', 'Per medication history,')]
def hist_phrasing(P, cat, text, cites):
    """when every cited medication is stopped, avoid wording that implies a current medication list"""
    if cat in ('two-facts', 'status'): return text
    ids = [c['id'] for c in cites if c['record'] == 'medication']
    if not ids: return text
    st = {m['id']: m['status'] for m in P.meds}
    if all(st.get(i) == 'stopped' for i in ids):
        for a, b in HIST: text = text.replace(a, b)
    return text
