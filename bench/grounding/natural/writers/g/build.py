"""Build claims.jsonl (+ claims.checks.jsonl: machine-checkable assertions for validate.py).
Run: python3 build.py   (deterministic seed)"""
import json, random, math, os
from facts import load, age_at

R = random.Random(4242)
OUT = os.path.dirname(os.path.abspath(__file__))
MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
MABB = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
ch = R.choice

# ---------------------------------------------------------------- analytes
def _mmol(f):
    return lambda x: x / f

AN = {
    'Hemoglobin A1c/Hemoglobin.total in Blood': dict(ab=['HbA1c', 'A1c', 'Hb A1c', 'HgbA1c'], u=['%'], dec=1,
        conv=[('mmol/mol', lambda x: (x - 2.15) * 10.929, 0)], wu=['mmol/mol', 'mg/dL']),
    'Low Density Lipoprotein Cholesterol': dict(ab=['LDL', 'LDL-C', 'LDL cholesterol'], u=['mg/dL', 'mg/dl'], dec=0,
        conv=[('mmol/L', _mmol(38.67), 1)], wu=['mmol/L']),
    'High Density Lipoprotein Cholesterol': dict(ab=['HDL', 'HDL-C', 'HDL cholesterol'], u=['mg/dL', 'mg/dl'], dec=0,
        conv=[('mmol/L', _mmol(38.67), 2)], wu=['mmol/L']),
    'Total Cholesterol': dict(ab=['TC', 'total cholesterol', 'total chol'], u=['mg/dL', 'mg/dl'], dec=0,
        conv=[('mmol/L', _mmol(38.67), 1)], wu=['mmol/L']),
    'Triglycerides': dict(ab=['TG', 'trigs', 'triglycerides'], u=['mg/dL', 'mg/dl'], dec=0,
        conv=[('mmol/L', _mmol(88.57), 2)], wu=['mmol/L']),
    'Glucose': dict(ab=['Glu', 'glucose', 'BG', 'blood glucose'], u=['mg/dL', 'mg/dl'], dec=0,
        conv=[('mmol/L', _mmol(18.016), 1)], wu=['mmol/L']),
    'Creatinine': dict(ab=['Cr', 'creat', 'SCr', 'creatinine'], u=['mg/dL', 'mg/dl'], dec=2,
        conv=[('µmol/L', lambda x: x * 88.42, 0), ('umol/L', lambda x: x * 88.42, 0)], wu=['mmol/L', 'µmol/L']),
    'Sodium': dict(ab=['Na', 'Na+', 'sodium'], u=['mmol/L', 'mmol/l', 'mEq/L'], dec=0, conv=[], wu=['mg/dL']),
    'Potassium': dict(ab=['K', 'K+', 'potassium'], u=['mmol/L', 'mmol/l', 'mEq/L'], dec=1, conv=[], wu=['mg/dL']),
    'Urea Nitrogen': dict(ab=['BUN', 'urea nitrogen'], u=['mg/dL', 'mg/dl'], dec=0, conv=[], wu=['mmol/L']),
    'Calcium': dict(ab=['Ca', 'calcium'], u=['mg/dL', 'mg/dl'], dec=1, conv=[('mmol/L', _mmol(4.008), 2)], wu=['mmol/L']),
    'Estimated Glomerular Filtration Rate': dict(ab=['eGFR'], u=['mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m2'], dec=0,
        conv=[], wu=['mL/s', 'mL/min/kg']),
    'Hemoglobin [Mass/volume] in Blood': dict(ab=['Hb', 'Hgb', 'haemoglobin'], u=['g/dL', 'g/dl'], dec=1,
        conv=[('g/L', lambda x: x * 10, 0)], wu=['g/L', 'mg/dL']),
    'Leukocytes [#/volume] in Blood by Automated count': dict(ab=['WBC', 'white cell count'], u=['x10^3/uL', 'K/uL', 'x10^9/L', '10*3/uL'], dec=1,
        conv=[], wu=['x10^6/uL']),
    'Platelets [#/volume] in Blood by Automated count': dict(ab=['Plt', 'platelets', 'PLT'], u=['x10^3/uL', 'K/uL', 'x10^9/L'], dec=0,
        conv=[], wu=['x10^6/uL']),
    'Body Weight': dict(ab=['wt', 'weight', 'body weight'], u=['kg', 'kgs'], dec=1, conv=[('lb', lambda x: x * 2.20462, 0), ('lbs', lambda x: x * 2.20462, 0)],
        wu=['lb', 'lbs']),
    'Body Height': dict(ab=['ht', 'height'], u=['cm'], dec=0, conv=[('in', lambda x: x / 2.54, 0), ('m', lambda x: x / 100, 2)], wu=['in', 'm']),
    'Body Mass Index': dict(ab=['BMI'], u=['kg/m2', 'kg/m²'], dec=1, conv=[], wu=['kg/m', 'kg']),
    'Oral temperature': dict(ab=['T', 'temp', 'temperature', 'oral temp'], u=['°C', 'C', 'deg C', 'degrees Celsius'], dec=1,
        conv=[('°F', lambda x: x * 9 / 5 + 32, 1), ('F', lambda x: x * 9 / 5 + 32, 1)], wu=['°F', 'F']),
}
LABS = [k for k in AN if k not in ('Body Weight', 'Body Height', 'Body Mass Index', 'Oral temperature')]


def fmt(v, dec):
    s = f'{v:.{dec}f}'
    return s


def rnd_ok(v, dec):
    """avoid values sitting on a rounding edge"""
    x = v * 10 ** dec
    fr = x - math.floor(x)
    return 0.12 < fr < 0.38 or 0.62 < fr < 0.88 or fr < 0.3 or fr > 0.7


def wrongval(v, dec):
    for _ in range(50):
        f = R.choice([R.uniform(0.78, 0.9), R.uniform(1.1, 1.28)])
        w = round(v * f, dec)
        if abs(w - v) >= max(3 * 10 ** -dec, 0.06 * abs(v)):
            return fmt(w, dec)
    return fmt(v * 1.3, dec)


# ---------------------------------------------------------------- dates
def fdate(iso, style=None):
    y, m, d = map(int, iso.split('-'))
    styles = ['iso', 'us', 'us0', 'dmy', 'dmyl', 'mdy', 'mdyl', 'ord', 'ordof']
    if d > 12:
        styles.append('eu')
    elif d != m:
        styles = [x for x in styles if x not in ('us', 'us0')]  # avoid ambiguous numeric dates
    st = style or ch(styles)
    if st in ('us', 'us0') and d <= 12 and d != m:
        st = 'dmy'
    sfx = 'th' if 11 <= d <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')
    return {'iso': iso, 'us': f'{m:02d}/{d:02d}/{y}', 'us0': f'{m}/{d}/{y}', 'eu': f'{d:02d}/{m:02d}/{y}',
            'dmy': f'{d} {MABB[m-1]} {y}', 'dmyl': f'{d} {MON[m-1]} {y}', 'mdy': f'{MABB[m-1]} {d}, {y}',
            'mdyl': f'{MON[m-1]} {d}, {y}', 'ord': f'{MON[m-1]} {d}{sfx} {y}', 'ordof': f'the {d}{sfx} of {MON[m-1]} {y}',
            'mon': f'{MABB[m-1]} {y}', 'monl': f'{MON[m-1]} {y}', 'year': f'{y}'}[st]


def wrongdate(iso):
    import datetime
    y, m, d = map(int, iso.split('-'))
    dt = datetime.date(y, m, d)
    kind = ch(['day', 'day', 'month', 'year', 'dm'])
    if kind == 'dm' and d <= 12 and d != m:
        return fdate(f'{y}-{d:02d}-{m:02d}', ch(['dmy', 'mdy', 'mdyl', 'ord', 'dmyl'])), 'day/month transposed'
    if kind == 'day' or kind == 'dm':
        dd = dt + datetime.timedelta(days=ch([-1, 1, 1, 2, -2]))
        return fdate(dd.isoformat()), 'off by a day or two'
    if kind == 'month':
        mm = m + ch([-1, 1]);
        yy = y
        if mm == 0: mm, yy = 12, y - 1
        if mm == 13: mm, yy = 1, y + 1
        dd = min(d, 28)
        return fdate(f'{yy}-{mm:02d}-{dd:02d}'), 'month wrong'
    return fdate(f'{y + ch([-1, 1])}-{m:02d}-{min(d, 28):02d}'), 'year wrong'


# ---------------------------------------------------------------- names
def pro(P):
    return ('she', 'her') if P['gender'] == 'female' else ('he', 'his')


def who(P):
    g = P['gender'] == 'female'
    fam = P['name'].split()[-1]
    return ch(['The patient', 'Pt', ('Mrs ' if g else 'Mr ') + fam, ('Ms. ' if g else 'Mr. ') + fam, P['name'].split()[0], ('She' if g else 'He')])


COND_SURF = {
    'Hypertension': ['hypertension', 'HTN', 'essential hypertension', 'high blood pressure'],
    'Prediabetes': ['prediabetes', 'pre-diabetes'],
    'Diabetes': ['T2DM', 'type 2 diabetes', 'diabetes mellitus type 2', 'DM2'],
    'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'CKD 1', 'chronic kidney disease stage 1'],
    'Myocardial Infarction': ['MI', 'myocardial infarction', 'heart attack'],
    'History of myocardial infarction (situation)': ['hx of MI', 'history of myocardial infarction'],
    'Coronary Heart Disease': ['CHD', 'coronary heart disease', 'CAD'],
    'Chronic congestive heart failure (disorder)': ['CHF', 'chronic congestive heart failure', 'chronic heart failure'],
    'Viral sinusitis (disorder)': ['viral sinusitis', 'acute viral sinusitis'],
    'Acute bronchitis (disorder)': ['acute bronchitis'],
    'Acute viral pharyngitis (disorder)': ['viral pharyngitis', 'acute viral pharyngitis'],
    'Streptococcal sore throat (disorder)': ['strep throat', 'streptococcal pharyngitis', 'streptococcal sore throat'],
    'Body mass index 30+ - obesity (finding)': ['obesity', 'BMI 30+ obesity'],
    'Otitis media': ['otitis media', 'OM'],
    'Osteoarthritis of hip': ['OA of the hip', 'hip osteoarthritis'],
    'Localized, primary osteoarthritis of the hand': ['hand OA', 'primary osteoarthritis of the hand'],
    'Chronic sinusitis (disorder)': ['chronic sinusitis'],
    'Hyperlipidemia': ['hyperlipidaemia', 'hyperlipidemia', 'HLD'],
    'Hypertriglyceridemia (disorder)': ['hypertriglyceridaemia', 'hypertriglyceridemia'],
    'Anemia (disorder)': ['anaemia', 'anemia'],
    'Stroke': ['stroke', 'CVA'],
    'Childhood asthma': ['childhood asthma', 'asthma'],
    'Osteoporosis (disorder)': ['osteoporosis'],
    'Epilepsy': ['epilepsy'],
    'Seizure disorder': ['seizure disorder'],
    "Alzheimer's disease (disorder)": ["Alzheimer's disease", "Alzheimer's dementia"],
    'Metabolic syndrome X (disorder)': ['metabolic syndrome'],
    'Atopic dermatitis': ['atopic dermatitis', 'eczema'],
    'Seasonal allergic rhinitis': ['seasonal allergic rhinitis', 'hay fever'],
    'Neoplasm of prostate': ['prostate neoplasm', 'neoplasm of the prostate'],
    'Sprain of ankle': ['ankle sprain', 'sprained ankle'],
    'Sprain of wrist': ['wrist sprain'],
    'Appendicitis': ['appendicitis'],
    'Anemia': ['anemia'],
}


def cond_surf(c):
    return ch(COND_SURF.get(c['text'], [c['name'].lower() if not c['name'][:2].isupper() else c['name']]))


# medication surface names: ingredient -> (generic names, brands)
DRUGS = [
    ('hydrochlorothiazide', ['hydrochlorothiazide', 'HCTZ'], ['Microzide']),
    ('simvistatin', ['simvastatin'], ['Zocor']),
    ('simvastatin', ['simvastatin'], ['Zocor']),
    ('acetaminophen 325 mg / oxycodone', None, ['Percocet']),
    ('acetaminophen 325 mg / hydrocodone', None, ['Norco']),
    ('acetaminophen 300 mg / hydrocodone', None, ['Vicodin']),
    ('acetaminophen 21.7', None, None),
    ('acetaminophen', ['acetaminophen', 'paracetamol', 'APAP'], ['Tylenol']),
    ('amoxicillin 250 mg / clavulanate', ['amoxicillin-clavulanate', 'co-amoxiclav'], ['Augmentin']),
    ('amoxicillin', ['amoxicillin', 'amoxycillin'], ['Amoxil']),
    ('naproxen', ['naproxen sodium', 'naproxen'], ['Aleve']),
    ('ibuprofen', ['ibuprofen'], ['Advil', 'Motrin']),
    ('penicillin v', ['penicillin V potassium', 'penicillin VK', 'pen VK'], []),
    ('metformin', ['metformin ER', 'metformin XR', 'extended-release metformin'], ['Glucophage XR']),
    ('fluticasone', ['fluticasone propionate', 'fluticasone'], ['Flovent']),
    ('albuterol', ['albuterol', 'salbutamol'], ['ProAir', 'Ventolin']),
    ('amlodipine', ['amlodipine'], ['Norvasc']),
    ('clopidogrel', ['clopidogrel'], ['Plavix']),
    ('galantamine', ['galantamine'], ['Razadyne']),
    ('memantine', ['memantine'], ['Namenda']),
    ('metoprolol', ['metoprolol succinate ER', 'metoprolol succinate'], ['Toprol XL', 'Toprol-XL']),
    ('lasix', ['furosemide', 'frusemide'], ['Lasix']),
    ('nitroglycerin', ['nitroglycerin', 'GTN', 'glyceryl trinitrate'], ['Nitrolingual']),
    ('alteplase', ['alteplase', 'tPA'], ['Activase']),
    ('fexofenadine', ['fexofenadine'], ['Allegra']),
    ('epinephrine', ['epinephrine', 'adrenaline'], ['EpiPen']),
    ('diphenhydramine', ['diphenhydramine'], ['Benadryl']),
    ('alendronic', ['alendronate', 'alendronic acid'], ['Fosamax']),
    ('cefuroxime', ['cefuroxime'], ['Ceftin', 'Zinacef']),
    ('docetaxel', ['docetaxel'], ['Taxotere']),
    ('leuprolide', ['leuprolide', 'leuprorelin'], ['Lupron Depot']),
    ('medroxyprogesterone', ['medroxyprogesterone acetate', 'DMPA'], ['Depo-Provera']),
    ('oxaliplatin', ['oxaliplatin'], ['Eloxatin']),
    ('leucovorin', ['leucovorin', 'folinic acid'], []),
    ('vitamin b 12', ['vitamin B12', 'cyanocobalamin'], []),
    ('insulin human, isophane', ['NPH/regular insulin 70/30', 'insulin 70/30'], ['Humulin 70/30']),
    ('natazia', [], ['Natazia']), ('nuvaring', [], ['NuvaRing']), ('seasonique', [], ['Seasonique']), ('levora', [], ['Levora']),
]
# plausible wrong drug names for a given ingredient (brand/generic of another ingredient)
WRONG_DRUG = {
    'hydrochlorothiazide': ['lisinopril', 'Zestril', 'chlorthalidone', 'furosemide'],
    'simvistatin': ['Lipitor', 'atorvastatin', 'Crestor', 'pravastatin'], 'simvastatin': ['Lipitor', 'atorvastatin', 'rosuvastatin'],
    'acetaminophen': ['ibuprofen', 'Advil', 'aspirin'], 'amoxicillin': ['Keflex', 'cephalexin', 'azithromycin', 'penicillin VK'],
    'amoxicillin 250 mg / clavulanate': ['Keflex', 'Zithromax', 'cefuroxime'],
    'naproxen': ['ibuprofen', 'Motrin', 'Tylenol'], 'ibuprofen': ['naproxen', 'Aleve', 'Tylenol'],
    'penicillin v': ['amoxicillin', 'Amoxil', 'cephalexin'], 'metformin': ['glipizide', 'Januvia', 'sitagliptin'],
    'fluticasone': ['budesonide', 'Pulmicort', 'Qvar'], 'albuterol': ['ipratropium', 'Atrovent', 'salmeterol'],
    'amlodipine': ['nifedipine', 'Procardia', 'lisinopril'], 'clopidogrel': ['Eliquis', 'aspirin', 'warfarin', 'Brilinta'],
    'galantamine': ['donepezil', 'Aricept'], 'memantine': ['donepezil', 'Aricept'], 'metoprolol': ['atenolol', 'Tenormin', 'carvedilol'],
    'lasix': ['torsemide', 'bumetanide', 'Bumex'], 'nitroglycerin': ['isosorbide mononitrate', 'Imdur'],
    'fexofenadine': ['loratadine', 'Claritin', 'cetirizine', 'Zyrtec'], 'diphenhydramine': ['hydroxyzine', 'Atarax'],
    'alendronic': ['risedronate', 'Actonel'], 'docetaxel': ['paclitaxel', 'Taxol'], 'leuprolide': ['goserelin', 'Zoladex'],
    'cefuroxime': ['cephalexin', 'Keflex'], 'epinephrine': ['diphenhydramine'],
}


def drug_info(m):
    t = m['text'].lower()
    for key, gens, brands in DRUGS:
        if key in t:
            return key, gens, brands
    return None, None, None


def strength(m):
    import re
    t = m['text']
    if '/' in t.replace('MG/ML', '').replace('MG/ACTUAT', '') or 'Pack' in t or 'Ring' in t:
        return None
    mm = re.search(r'(\d+(?:\.\d+)?)\s*(MG|mg)', t)
    if not mm:
        return None
    if 'MG/ML' in t or 'UNT' in t:
        return None
    return mm.group(1)


VAX = {
    'Influenza, seasonal, injectable, preservative free': ['flu vaccine', 'influenza vaccine', 'flu shot', 'seasonal influenza vaccine', 'flu jab'],
    'HPV, quadrivalent': ['HPV vaccine', 'quadrivalent HPV vaccine', 'Gardasil'],
    'Pneumococcal conjugate PCV 13': ['PCV13', 'Prevnar 13', 'pneumococcal conjugate vaccine'],
    'meningococcal MCV4P': ['MenACWY', 'meningococcal conjugate vaccine', 'MCV4'],
    'Td (adult) preservative free': ['Td booster', 'tetanus-diphtheria (Td)'],
    'DTaP': ['DTaP'], 'IPV': ['IPV', 'inactivated polio vaccine'], 'Hep B, adolescent or pediatric': ['hepatitis B vaccine', 'Hep B vaccine'],
    'Hib (PRP-OMP)': ['Hib vaccine'], 'Tdap': ['Tdap', 'Tdap booster'], 'zoster': ['shingles vaccine', 'zoster vaccine'],
    'rotavirus, monovalent': ['rotavirus vaccine'], 'Hep A, ped/adol, 2 dose': ['hepatitis A vaccine', 'Hep A vaccine'],
    'varicella': ['varicella vaccine', 'chickenpox vaccine'], 'MMR': ['MMR'],
    'pneumococcal polysaccharide vaccine, 23 valent': ['PPSV23', 'Pneumovax 23'], 'Hep A, adult': ['hepatitis A vaccine'], 'Hep B, adult': ['hepatitis B vaccine'],
}

ALLERGY_SURF = {'Allergy to bee venom': ['bee venom', 'bee sting'], 'Allergy to mould': ['mould', 'mold'], 'Dander (animal) allergy': ['animal dander', 'pet dander'],
                'Allergy to grass pollen': ['grass pollen'], 'Allergy to tree pollen': ['tree pollen'], 'Allergy to wheat': ['wheat']}

ENC_SURF = {
    'Encounter for check up (procedure)': ['check-up', 'annual check-up', 'routine check up', 'wellness visit'],
    "Encounter for 'check-up'": ['check-up', 'routine check-up'],
    'Emergency room admission (procedure)': ['ED visit', 'emergency department attendance', 'ER admission'],
    'Emergency Room Admission': ['ED visit', 'ER admission'], 'Emergency Encounter': ['emergency encounter', 'emergency visit'],
    'Asthma follow-up': ['asthma follow-up', 'asthma review'], 'Encounter for symptom': ['symptom visit', 'visit for symptoms'],
    'Outpatient procedure (procedure)': ['outpatient procedure'], 'Encounter Inpatient': ['inpatient admission', 'inpatient stay'],
    'Prenatal initial visit': ['initial prenatal visit', 'booking antenatal visit'],
    'Consultation for treatment': ['treatment consultation'], 'Follow-up encounter': ['follow-up visit'],
}

PROC_SURF = {
    'Colonoscopy': ['colonoscopy'], 'Throat culture': ['throat culture', 'throat swab for culture'],
    'Digital examination of rectum': ['digital rectal exam', 'DRE'], 'Measurement of respiratory function': ['spirometry', 'lung function testing', 'PFTs'],
    'Biopsy of prostate': ['prostate biopsy'], 'trans thoracic echocardiogram': ['TTE', 'transthoracic echo'],
    'Plain chest X-ray': ['CXR', 'chest X-ray'], 'Bone density scan': ['DEXA scan', 'bone density scan'],
    'Knee X-ray': ['knee X-ray', 'knee radiograph'], 'Suture open wound': ['wound suturing', 'sutures to wound'],
    'Extraction of wisdom tooth': ['wisdom tooth extraction'], 'Upper arm X-ray': ['humerus X-ray', 'upper arm X-ray'],
    'Clavicle X-ray': ['clavicle X-ray'], 'Sputum examination': ['sputum exam'], 'Intramuscular injection': ['IM injection'],
    'Bone immobilization': ['immobilisation of the fracture', 'bone immobilization'],
}


# ---------------------------------------------------------------- check constructors
def V(o, a, v, u, approx=False):
    return dict(t='val', id=o['id'] + ('#%d' % o['ci'] if o.get('ci') is not None else ''), a=a, v=v, u=u, approx=approx)


def BPc(b, s, d, u):
    return dict(t='bp', id=b['id'], s=s, d=d, u=u)


def DT(rid, d, f='start'):
    return dict(t='date', id=rid, d=d, f=f)


def cit(kind, rid):
    return {'kind': 'record', 'record': kind, 'id': rid}


def OC(o):
    return cit('observation', o['id'] + ('#%d' % o['ci'] if o.get('ci') is not None else ''))


# numeric observation helpers -------------------------------------------------
def nums(P, code=None, adult=False):
    out = []
    for k, lst in P['num'].items():
        if k not in AN or (code and k != code):
            continue
        for o in lst:
            if adult and age_at(P, o['date']) < 20:
                continue
            out.append(o)
    return out


def bp_comp(b, which):
    return dict(id=b['id'], ci=b['si'] if which == 's' else b['di'], v=b['sys'] if which == 's' else b['dia'],
                date=b['date'], dt=b['dt'], code='BP' + which)


def pick_num(P, codes=None, adult=False, edge=True):
    c = [o for o in nums(P, adult=adult) if (codes is None or o['code'] in codes)]
    c = [o for o in c if not edge or rnd_ok(o['v'], AN[o['code']]['dec'])]
    return ch(c) if c else None


def vs(o, dec=None):
    return fmt(o['v'], AN[o['code']]['dec'] if dec is None else dec)


def U(o):
    return ch(AN[o['code']]['u'])


def A(o):
    return ch(AN[o['code']]['ab'])


def first_is_latest(P, o):
    lst = P['num'][o['code']]
    return lst[-1]['dt'] == o['dt']


# ---------------------------------------------------------------- generators
# each returns (text, citations, checks, why) or None

def earliest(P, c):
    return not any(x['text'] == c['text'] and x['onset'] < c['onset'] for x in P['cond'])


def g_dates(P, ok):
    p, pp = pro(P)
    kinds = ['cond', 'imm', 'enc', 'proc', 'med', 'obs', 'bp', 'cond_end']
    k = ch(kinds)
    gran = ch(['day'] * 6 + ['mon'])
    def D(iso):
        if ok:
            return (fdate(iso, ch(['mon', 'monl'])) if gran == 'mon' else fdate(iso)), ''
        if gran == 'mon':
            y, m, _ = iso.split('-'); m = int(m) + ch([-1, 1]); y = int(y)
            if m == 0: m, y = 12, y - 1
            if m == 13: m, y = 1, y + 1
            return fdate(f'{y}-{m:02d}-01', ch(['mon', 'monl'])), 'month wrong'
        return wrongdate(iso)
    W = who(P)
    if P['allergy'] and R.random() < 0.45:
        al = ch(P['allergy']); an = ch(ALLERGY_SURF[al['text']]); ds, err = D(al['date'])
        pre = 'in ' if gran == 'mon' else 'on '
        t = ch([f'Allergy to {an} recorded {pre}{ds}.', f'{W} has a documented {an} allergy (entered {ds}).', f'Allergies: {an} (recorded {ds}).',
                f'Your allergy to {an} was added to your record {pre}{ds}.', f'{an[0].upper() + an[1:]} allergy - noted {ds}.'])
        return t, [cit('allergy', al['id'])], [dict(t='allergy', id=al['id'], n=an), DT(al['id'], ds)], \
            f'AllergyIntolerance "{al["text"]}" recordedDate {al["date"]}' + (f'; date wrong ({err})' if not ok else '')
    if k in ('cond', 'cond_end'):
        cs_ = [c for c in P['cond'] if (k == 'cond' or c['end'])]
        if not cs_: return None
        c = ch(cs_); cs = cond_surf(c)
        iso = c['onset'] if k == 'cond' else c['end']
        ds, err = D(iso)
        pre = 'in ' if gran == 'mon' else 'on '
        if k == 'cond':
            t = ch([f'{W} was diagnosed with {cs} {pre}{ds}.', f'{cs[0].upper() + cs[1:]} - onset {ds}.', f'PMH: {cs} (dx {ds}).',
                    f'I understand {p} was diagnosed with {cs} {pre}{ds}.', f'Your records show that {cs} was diagnosed {pre}{ds}.',
                    f'Diagnosed {ds}: {cs}.', f'Problem list: {cs}, onset {pre}{ds}.']
                   + ([f'I understand {p} was first diagnosed with {cs} {pre}{ds}.', f'{cs[0].upper() + cs[1:]}, first recorded {ds}.'] if earliest(P, c) else []))
            chk = [dict(t='cond', id=c['id'], n=cs), DT(c['id'], ds, 'start')]
            if 'first' in t: chk.append(dict(t='first', id=c['id']))
        else:
            t = ch([f'{cs[0].upper() + cs[1:]} resolved {pre}{ds}.', f'The {cs} resolved {pre}{ds}.',
                    f'{cs} (onset {fdate(c["onset"])}, resolved {ds}).', f'Resolution of {cs} documented {pre}{ds}.'])
            chk = [dict(t='cond', id=c['id'], n=cs), DT(c['id'], ds, 'end')]
            if '(onset' in t: chk.append(DT(c['id'], fdate(c['onset']) if False else t.split('onset ')[1].split(',')[0], 'start'))
            if 'had resolved by' in t and not ok: pass
        return t, [cit('condition', c['id'])], chk, (f'Condition {c["text"]} onset {c["onset"]} end {c["end"] or "-"}' + (f'; date wrong ({err})' if not ok else ''))
    if k == 'imm':
        if not P['imm']: return None
        i = ch(P['imm']); vn = ch(VAX[i['text']]); ds, err = D(i['date'])
        pre = 'in ' if gran == 'mon' else 'on '
        t = ch([f'{vn} given {ds}.', f'{W} received the {vn} {pre}{ds}.', f'Immunisations: {vn} administered {ds}.',
                f'You had your {vn} {pre}{ds}.', f'{pre.strip().capitalize()} {ds} {p} had the {vn}.', f'{ds} - {vn} administered.'])
        return t, [cit('immunization', i['id'])], [dict(t='imm', id=i['id'], n=vn), DT(i['id'], ds)], \
            f'Immunization {i["text"]} occurrenceDateTime {i["date"]}' + (f'; date wrong ({err})' if not ok else '')
    if k == 'enc':
        es = [e for e in P['enc'] if e['text'] in ENC_SURF]
        if not es: return None
        e = ch(es); en = ch(ENC_SURF[e['text']]); ds, err = D(e['date'])
        pre = 'in ' if gran == 'mon' else 'on '
        t = ch([f'Seen for a {en} {pre}{ds}.', f'{W} attended for a {en} {pre}{ds}.', f'{ds}: {en}.', f'{en[0].upper() + en[1:]} took place {pre}{ds}.',
                f'We saw {P["name"].split()[0]} for a {en} {pre}{ds}.'])
        return t, [cit('encounter', e['id'])], [dict(t='enc', id=e['id'], n=en), DT(e['id'], ds)], \
            f'Encounter type "{e["text"]}" period.start {e["date"]}' + (f'; date wrong ({err})' if not ok else '')
    if k == 'proc':
        ps = [x for x in P['proc'] if x['text'] in PROC_SURF]
        if not ps: return None
        x = ch(ps); pn = ch(PROC_SURF[x['text']]); ds, err = D(x['date'])
        pre = 'in ' if gran == 'mon' else 'on '
        t = ch([f'{pn[0].upper() + pn[1:]} performed {ds}.', f'{W} underwent {pn} {pre}{ds}.', f'S/p {pn} ({ds}).', f'Had a {pn} {pre}{ds}.'])
        return t, [cit('procedure', x['id'])], [dict(t='proc', id=x['id'], n=pn), DT(x['id'], ds)], \
            f'Procedure {x["text"]} performed {x["date"]}' + (f'; date wrong ({err})' if not ok else '')
    if k == 'med':
        ms = [m for m in P['med'] if drug_info(m)[1]]
        if not ms: return None
        m = ch(ms); key, gens, brands = drug_info(m); dn = ch(gens + brands); ds, err = D(m['date'])
        pre = 'in ' if gran == 'mon' else 'on '
        t = ch([f'{dn} started {ds}.', f'{dn} was prescribed {pre}{ds}.', f'Commenced on {dn} {pre}{ds}.', f'{W} was started on {dn} {pre}{ds}.',
                f'Rx {dn} issued {ds}.'])
        return t, [cit('medication', m['id'])], [dict(t='drug', id=m['id'], n=dn), DT(m['id'], ds)], \
            f'MedicationRequest {m["text"]} authoredOn {m["date"]}' + (f'; date wrong ({err})' if not ok else '')
    if k == 'obs':
        o = pick_num(P)
        if not o: return None
        gran = 'day'; ds, err = D(o['date']); a = A(o); v = vs(o); u = U(o)
        t = ch([f'{a} {v} {u} on {ds}.', f'On {ds} {pp} {a} was {v} {u}.', f'{ds}: {a} {v} {u}.', f'{a} measured at {v} {u} ({ds}).'])
        return t, [OC(o)], [V(o, a, v, u), DT(o['id'], ds)], f'{o["code"]} = {o["v"]:.3f} {o["unit"]} effective {o["date"]}' + (f'; date wrong ({err})' if not ok else '')
    if k == 'bp':
        if not P['bp']: return None
        b = ch(P['bp']); gran = 'day'; ds, err = D(b['date']); s, d = fmt(b['sys'], 0), fmt(b['dia'], 0)
        if not (rnd_ok(b['sys'], 0) and rnd_ok(b['dia'], 0)): return None
        u = ch(['mmHg', 'mm Hg', 'mm[Hg]'])
        t = ch([f'BP {s}/{d} {u} on {ds}.', f'On {ds}, blood pressure measured {s}/{d} {u}.', f'Blood pressure {s}/{d} {u} recorded {ds}.',
                f'{ds} - BP {s}/{d} {u}.'])
        return t, [cit('observation', b['id'])], [BPc(b, s, d, u), DT(b['id'], ds)], f'BP panel {b["id"]} sys {b["sys"]:.1f} dia {b["dia"]:.1f} on {b["date"]}' + (f'; date wrong ({err})' if not ok else '')


SWAPAB = {'Low Density Lipoprotein Cholesterol': ['HDL', 'TC', 'TG'], 'High Density Lipoprotein Cholesterol': ['LDL', 'TG'],
          'Total Cholesterol': ['LDL', 'TG'], 'Triglycerides': ['LDL', 'HDL', 'TC'], 'Glucose': ['BUN', 'Ca'], 'Urea Nitrogen': ['Glu', 'Cr'],
          'Sodium': ['K'], 'Potassium': ['Na'], 'Hemoglobin [Mass/volume] in Blood': ['WBC', 'HbA1c'],
          'Hemoglobin A1c/Hemoglobin.total in Blood': ['Hb', 'Glu'], 'Leukocytes [#/volume] in Blood by Automated count': ['Hb', 'Plt'],
          'Estimated Glomerular Filtration Rate': ['Cr', 'BUN'], 'Creatinine': ['K', 'Ca'], 'Calcium': ['Cr', 'K']}
COND_WRONG_AB = {'Prediabetes': 'T2DM', 'Chronic kidney disease stage 1 (disorder)': 'CKD stage 3', 'Coronary Heart Disease': 'CHF',
                 'Hypertension': 'HLD', 'Chronic congestive heart failure (disorder)': 'COPD', 'Acute bronchitis (disorder)': 'COPD exacerbation',
                 'Myocardial Infarction': 'CVA', 'Stroke': 'TIA', 'Childhood asthma': 'COPD', 'Hyperlipidemia': 'HTN',
                 'Viral sinusitis (disorder)': 'URI'}
COND_AB = {'Hypertension': ['HTN'], 'Diabetes': ['T2DM', 'DM2'], 'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'CKD G1'],
           'Myocardial Infarction': ['MI', 'AMI'], 'Coronary Heart Disease': ['CHD', 'CAD'], 'Chronic congestive heart failure (disorder)': ['CHF'],
           'Osteoarthritis of hip': ['OA hip'], 'Localized, primary osteoarthritis of the hand': ['OA of hand'], 'Stroke': ['CVA'],
           'Hyperlipidemia': ['HLD'], 'Otitis media': ['OM'], 'Streptococcal sore throat (disorder)': ['strep throat'],
           'History of myocardial infarction (situation)': ['hx MI', 'h/o MI'], "Alzheimer's disease (disorder)": ["AD (Alzheimer's)"]}


def g_abbrev(P, ok):
    p, pp = pro(P)
    if ch([0, 0, 1]) and any(c['text'] in COND_AB for c in P['cond']):
        cc = [c for c in P['cond'] if c['text'] in COND_AB and (ok or c['text'] in COND_WRONG_AB)]
        if not cc: return None
        c = ch(cc)
        ab = ch(COND_AB[c['text']]) if ok else COND_WRONG_AB[c['text']]
        ds = fdate(c['onset'], ch(['iso', 'mon', 'year', 'dmy', 'us']))
        opts = [f'Hx: {ab} (dx {ds}).', f'PMHx significant for {ab}, onset {ds}.'] + ([f'{ab} first documented {ds}.'] if earliest(P, c) else [])
        if c['status'] == 'active':
            opts += [f'{ab} since {ds}.', f'Known {ab} - diagnosed {ds}.', f'{ab}, diagnosed {ds}, on the problem list.']
        t = ch(opts)
        return t, [cit('condition', c['id'])], [dict(t='cond', id=c['id'], n=ab), DT(c['id'], ds)] + ([dict(t='first', id=c['id'])] if 'first' in t else []), \
            f'Condition "{c["text"]}" onset {c["onset"]}' + ('' if ok else f'; "{ab}" is not this condition')
    if ch([0, 1]) and P['bp']:
        b = ch(P['bp'])
        if not (rnd_ok(b['sys'], 0) and rnd_ok(b['dia'], 0)): return None
        which = ch(['s', 'd']); o = bp_comp(b, which)
        ab = ch(['SBP', 'systolic BP', 'sBP']) if which == 's' else ch(['DBP', 'diastolic BP', 'dBP'])
        v = fmt(o['v'], 0)
        if not ok:
            if ch([0, 1]):
                v = wrongval(o['v'], 0); err = 'value wrong'
            else:
                ab = ch(['DBP', 'diastolic']) if which == 's' else ch(['SBP', 'systolic']); err = 'that value is the other BP component'
        u = ch(['mmHg', 'mm Hg'])
        ds = fdate(b['date'])
        t = ch([f'{ab} {v} {u} ({ds}).', f'{ds}: {ab} {v}{u if u=="mmHg" else " " + u}.', f'{ab} was {v} {u} on {ds}.'])
        return t, [OC(o)], [V(o, ab, v, u), DT(b['id'], ds)], f'BP component idx {o["ci"]} = {o["v"]:.1f} on {b["date"]}' + ('' if ok else f'; {err}')
    o = pick_num(P, codes=[c for c in AN if AN[c]['ab'][0] not in ('wt', 'ht')])
    if not o: return None
    a = ch([x for x in AN[o['code']]['ab'] if len(x) <= 6] or AN[o['code']]['ab']); v = vs(o); u = U(o); err = ''
    if not ok:
        if o['code'] in SWAPAB and ch([0, 1]):
            a = ch(SWAPAB[o['code']]); err = f'value belongs to {o["code"]}, not {a}'
        else:
            v = wrongval(o['v'], AN[o['code']]['dec']); err = 'value wrong'
    ds = fdate(o['date'])
    t = ch([f'{a} {v} {u} on {ds}.', f'{ds}: {a} {v} {u}.', f'{a} {v} ({ds}).', f'Labs {ds} - {a} {v} {u}.', f'{pp.capitalize()} {a} was {v} {u} on {ds}.',
            f'Most notable: {a} of {v} {u} ({ds}).'])
    if f'{a} {v} (' in t: u = ''
    return t, [OC(o)], [V(o, a, v, u), DT(o['id'], ds)], f'{o["code"]} = {o["v"]:.3f} {o["unit"]} on {o["date"]}' + ('' if ok else f'; {err}')


def g_drug(P, ok):
    p, pp = pro(P)
    ms = [m for m in P['med'] if drug_info(m)[0]]
    if not ms: return None
    m = ch(ms); key, gens, brands = drug_info(m); st = strength(m)
    names = (gens or []) + (brands or [])
    if not names: return None
    n = ch(names); s = st; err = ''
    if not ok:
        opts = ['drug'] + (['str'] * 2 if st else [])
        kind = ch(opts)
        if kind == 'str':
            s = ch([x for x in ['2.5', '5', '10', '12.5', '20', '25', '40', '50', '80', '100', '160', '200', '250', '400', '500', '650', '1000'] if x != st and x != str(float(st))])
            err = f'strength is {st} mg not {s} mg'
        else:
            if key not in WRONG_DRUG: return None
            n = ch(WRONG_DRUG[key]); err = f'record is {m["text"]}, not {n}'
    sd = f' {s} mg' if s else ''
    if s and ch([0, 1, 0]): sd = f' {s}mg'
    gname = ch(gens) if gens else None
    opts = [f'Currently prescribed {n}{sd}.' if m['status'] == 'active' and not P['deceased'] else f'Was prescribed {n}{sd}.',
            f'Rx: {n}{sd} ({fdate(m["date"], "iso")}).', f'{n}{sd} prescribed on {fdate(m["date"])}.', f'Medications: {n}{sd}.',
            f'Your doctor prescribed {n}{sd} for you on {fdate(m["date"])}.', f'{who(P)} was started on {n}{sd} in {fdate(m["date"], "year")}.']
    if brands and gens and ok and n in brands:
        opts.append(f'{n} ({gname}){sd} was prescribed {fdate(m["date"], ch(["dmy", "mdyl"]))}.')
    t = ch(opts)
    chk = [dict(t='drug', id=m['id'], n=n, s=(s if s else None))]
    if gname and f'({gname})' in t: chk.append(dict(t='drug', id=m['id'], n=gname))
    if 'Currently prescribed' in t: chk.append(dict(t='status', id=m['id'], s='active'))
    for f_ in ('iso', 'dmy', 'mdyl', 'year'):
        pass
    import re
    dm = re.search(r'(\(\d{4}-\d\d-\d\d\)|on .+ \d{4}\.|in \d{4}\.|prescribed [A-Z0-9].*\d{4}\.)', t)
    if 'Rx:' in t or ' on ' in t and 'Currently' not in t or ' in 2' in t or ' in 1' in t or (n in (brands or []) and f'({gname})' in t):
        ds = None
        for cand in [fdate(m['date'], x) for x in ('iso', 'us', 'us0', 'eu', 'dmy', 'dmyl', 'mdy', 'mdyl', 'ord', 'ordof', 'year') if (x != 'eu' or int(m['date'][8:]) > 12)]:
            if cand in t:
                ds = cand; break
        if ds: chk.append(DT(m['id'], ds))
    return t, [cit('medication', m['id'])], chk, f'MedicationRequest "{m["text"]}" status {m["status"]} authoredOn {m["date"]}' + ('' if ok else f'; {err}')


def g_units(P, ok):
    p, pp = pro(P)
    o = pick_num(P, edge=False)
    if not o: return None
    an = AN[o['code']]; a = ch(an['ab']); err = ''
    mode = ch(['var', 'conv', 'conv']) if an['conv'] else 'var'
    if mode == 'conv':
        u, f, dec = ch(an['conv']); x = f(o['v'])
        if not rnd_ok(x, dec): return None
        v = fmt(x, dec)
    else:
        u = ch(an['u']); v = vs(o)
        if not rnd_ok(o['v'], an['dec']): return None
    if not ok:
        u2 = ch(an['wu'])
        if mode == 'conv' and u2 == u or u2 in [c[0] for c in an['conv']] and mode == 'conv':
            v = vs(o)  # the mg/dL number with a converted unit label
        else:
            v = vs(o)
        u = u2; err = f'value {v} is in {o["unit"]}, not {u}'
    ds = fdate(o['date'])
    t = ch([f'{a} {v} {u} ({ds}).', f'{ds}: {a} {v} {u}.', f'{pp.capitalize()} {a} on {ds} was {v} {u}.', f'Recorded {a}: {v} {u}, {ds}.',
            f'{a} of {v} {u} documented on {ds}.'])
    if mode == 'conv' and ok and ch([0, 1]):
        t = t[:-1] + f' (= {vs(o)} {an["u"][0]}).'
        chk2 = [V(o, a, vs(o), an['u'][0])]
    else:
        chk2 = []
    return t, [OC(o)], [V(o, a, v, u), DT(o['id'], ds)] + chk2, f'{o["code"]} = {o["v"]:.3f} {o["unit"]} on {o["date"]}' + (f'; shown as {v} {u} (conversion)' if ok and mode == 'conv' else '') + ('' if ok else f'; {err}')


def g_round(P, ok):
    p, pp = pro(P)
    bpmode = ch([0, 0, 1]) and P['bp']
    if bpmode:
        b = ch(P['bp']); o = bp_comp(b, ch(['s', 'd'])); x = o['v']; dec = 0
        a = ch(['SBP', 'systolic']) if o['code'] == 'BPs' else ch(['DBP', 'diastolic']); u = ch(['mmHg', 'mm Hg'])
    else:
        o = pick_num(P, edge=False)
        if not o: return None
        an = AN[o['code']]; x = o['v']; dec = max(0, an['dec'] - ch([0, 1, 1])) if an['dec'] > 0 else 0
        a = A(o); u = U(o)
        if o['code'] in ('Body Weight', 'Body Height') and ch([0, 1]): dec = 0
    sc = 10 ** dec; fr = x * sc - math.floor(x * sc)
    if ok:
        if not (0.1 < fr < 0.4 or 0.6 < fr < 0.9): return None
        v = fmt(round(x, dec), dec); err = ''
    else:
        if fr >= 0.6:
            v = fmt(math.floor(x * sc) / sc, dec); err = f'{x:.3f} rounds to {fmt(round(x, dec), dec)}, not {v} (truncated)'
        elif fr <= 0.4:
            v = fmt((math.floor(x * sc) + 1) / sc + (ch([0, 1]) / sc), dec); err = f'{x:.3f} rounds to {fmt(round(x, dec), dec)}, not {v}'
        else:
            return None
        if dec == 0 and float(v) % 5 == 0:
            return None
    w = ch(['about', '~', 'approximately', 'approx.', 'roughly', 'around', 'c.', '≈'])
    ds = fdate(o['date'])
    t = ch([f'{a} {w} {v} {u} on {ds}.', f'{a} was {w} {v} {u} ({ds}).', f'{ds}: {a} {w}{"" if w in ("~", "≈") else " "}{v} {u}.',
            f'{pp.capitalize()} {a} came back at {w} {v} {u} on {ds}.', f'{a} {v} {u} (rounded), {ds}.'])
    cits = [OC(o)]
    return t, cits, [V(o, a, v, u, approx=True), DT(o['id'], ds)], f'{o["code"]} = {x:.4f} on {o["date"]}' + ('' if ok else f'; {err}')


# improved / worsened only where the direction's meaning is unambiguous: lower-is-better analytes with a value above the
# desirable cut-off (ADA / NCEP ATP III), HDL with a value below 40 mg/dL
GOODDIR = {'Hemoglobin A1c/Hemoglobin.total in Blood': (-1, 5.7), 'Low Density Lipoprotein Cholesterol': (-1, 100),
           'High Density Lipoprotein Cholesterol': (1, 40), 'Total Cholesterol': (-1, 200), 'Triglycerides': (-1, 150)}


def series(P):
    out = {}
    for k, lst in P['num'].items():
        if k in AN and len(lst) >= 2:
            out[k] = lst
    if len(P['bp']) >= 2:
        out['BPs'] = [bp_comp(b, 's') for b in P['bp']]
    return out


def pre_(ds):
    import re
    return 'in' if re.fullmatch(r'(\d{4}|[A-Z][a-z]+ \d{4})', ds) else 'on'


def g_trend(P, ok):
    p, pp = pro(P)
    S = series(P)
    if not S: return None
    gcodes = [c_ for c_ in S if c_ in GOODDIR]
    code = ch(gcodes) if gcodes and R.random() < 0.4 else ch(list(S)); lst = S[code]
    want = ch(['up', 'down', 'stable', 'updown', 'updown'])
    pairs = []
    for _ in range(40):
        i, j = sorted(R.sample(range(len(lst)), 2))
        a, b = lst[i], lst[j]
        if a['date'][:4] == b['date'][:4]: continue
        rel = (b['v'] - a['v']) / abs(a['v'])
        pairs.append((a, b, rel))
    if not pairs: return None
    if want == 'stable':
        pp_ = [x for x in pairs if abs(x[2]) <= 0.015] if ok else [x for x in pairs if abs(x[2]) >= 0.12]
    else:
        pp_ = [x for x in pairs if abs(x[2]) >= 0.07]
    if not pp_: return None
    a, b, rel = ch(pp_)
    true_dir = 'stable' if abs(rel) <= 0.015 else ('up' if rel > 0 else 'down')
    claim_dir = true_dir if ok else ('stable' if want == 'stable' else ('down' if true_dir == 'up' else 'up'))
    if code == 'BPs':
        an_ab = ch(['SBP', 'systolic BP', 'systolic pressure']); dec = 0; u = ch(['mmHg', 'mm Hg'])
    else:
        an_ab = A(a); dec = AN[code]['dec']; u = U(a)
    y1, y2 = fdate(a['date'], ch(['year', 'mon', 'iso', 'dmy'])), fdate(b['date'], ch(['year', 'mon', 'iso', 'dmy', 'mdy']))
    vals = ok  # wrong trend claims carry no numbers (numbers would give the error away)
    v1, v2 = fmt(a['v'], dec), fmt(b['v'], dec)
    if claim_dir == 'stable':
        t = ch([f'{an_ab} stable between {y1} and {y2}' + (f' ({v1} -> {v2} {u}).' if vals else '.'),
                f'{an_ab} essentially unchanged from {y1} to {y2}' + (f': {v1} vs {v2} {u}.' if vals else '.'),
                f'No significant change in {pp} {an_ab} ({y1}: {v1}, {y2}: {v2}).' if vals else f'No significant change in {pp} {an_ab} between {y1} and {y2}.'])
    else:
        verb = {'up': ['rose', 'increased', 'went up', 'trended up', 'climbed'], 'down': ['fell', 'decreased', 'came down', 'dropped', 'trended down']}[claim_dir]
        gd = GOODDIR.get(code)
        if gd and (max(a['v'], b['v']) >= gd[1] if gd[0] < 0 else min(a['v'], b['v']) < gd[1]):
            gd = gd[0]
        else:
            gd = None
        if gd and ch([0, 1]):
            verb = verb + [('worsened' if (claim_dir == 'up') == (gd < 0) else 'improved')] * 3
        vb = ch(verb)
        if vals:
            t = ch([f'{an_ab} {vb} from {v1} {u} {pre_(y1)} {y1} to {v2} {u} {pre_(y2)} {y2}.', f'{an_ab} {vb}: {v1} ({y1}) -> {v2} ({y2}) {u}.',
                    f'Between {y1} and {y2} {pp} {an_ab} {vb} from {v1} to {v2} {u}.'])
        else:
            t = ch([f'{an_ab} {vb} between {y1} and {y2}.', f'{pp.capitalize()} {an_ab} {vb} from {y1} to {y2}.', f'From {y1} to {y2}, {an_ab} {vb}.'])
    ca, cb = OC(a) if code != 'BPs' else cit('observation', f'{a["id"]}#{a["ci"]}'), OC(b) if code != 'BPs' else cit('observation', f'{b["id"]}#{b["ci"]}')
    A_ = dict(a); B_ = dict(b)
    chk = [DT(a['id'], y1), DT(b['id'], y2), dict(t='trend', a=ca['id'], b=cb['id'], dir=claim_dir, tol=0.03)]
    if vals:
        chk += [dict(t='val', id=ca['id'], a=an_ab, v=v1, u=u if u in t else '', approx=False), dict(t='val', id=cb['id'], a=an_ab, v=v2, u=u if u in t else '', approx=False)]
    why = f'{code}: {a["v"]:.3f} on {a["date"]} -> {b["v"]:.3f} on {b["date"]} (change {rel*100:+.1f}%; tolerance for stable = 3%)' + ('' if ok else f'; claimed {claim_dir}, actual {true_dir}')
    return t, [ca, cb], chk, why


def g_two(P, ok):
    p, pp = pro(P)
    k = ch(['wtbmi', 'lipids', 'condmed', 'bpdate', 'immenc', 'a1cglu', 'nak', 'condcond'])
    bad = -1 if ok else ch([0, 1])
    def val(o, i, a=None, u=None):
        a = a or A(o); u = U(o) if u is None else u
        v = vs(o) if bad != i else wrongval(o['v'], AN[o['code']]['dec'])
        return a, v, u
    if k in ('wtbmi', 'lipids', 'a1cglu', 'nak'):
        c1, c2 = {'wtbmi': ('Body Weight', 'Body Mass Index'), 'lipids': ('Low Density Lipoprotein Cholesterol', 'High Density Lipoprotein Cholesterol'),
                  'a1cglu': ('Hemoglobin A1c/Hemoglobin.total in Blood', 'Glucose'), 'nak': ('Sodium', 'Potassium')}[k]
        if c1 not in P['num'] or c2 not in P['num']: return None
        o1 = ch(P['num'][c1]); o2s = [o for o in P['num'][c2] if o['date'] == o1['date']]
        if not o2s: return None
        o2 = o2s[0]
        if not (rnd_ok(o1['v'], AN[c1]['dec']) and rnd_ok(o2['v'], AN[c2]['dec'])): return None
        a1, v1, u1 = val(o1, 0); a2, v2, u2 = val(o2, 1); ds = fdate(o1['date'])
        t = ch([f'On {ds}: {a1} {v1} {u1} and {a2} {v2} {u2}.', f'{a1} {v1} {u1}, {a2} {v2} {u2} ({ds}).', f'{ds} - {a1} was {v1} {u1} with a {a2} of {v2} {u2}.',
                f'At the {ds} visit {pp} {a1} was {v1} {u1} and {a2} {v2} {u2}.'])
        return t, [OC(o1), OC(o2)], [V(o1, a1, v1, u1), V(o2, a2, v2, u2), DT(o1['id'], ds), DT(o2['id'], ds)], \
            f'{c1}={o1["v"]:.3f}, {c2}={o2["v"]:.3f} on {o1["date"]}' + ('' if ok else f'; the {"first" if bad == 0 else "second"} value is wrong')
    if k == 'bpdate':
        if not P['bp']: return None
        b = ch(P['bp'])
        if not (rnd_ok(b['sys'], 0) and rnd_ok(b['dia'], 0)): return None
        s, d = fmt(b['sys'], 0), fmt(b['dia'], 0)
        ds = fdate(b['date']); err = ''
        if bad == 0: s = wrongval(b['sys'], 0); err = 'systolic wrong'
        if bad == 1: ds, err = wrongdate(b['date'])
        u = ch(['mmHg', 'mm Hg'])
        t = ch([f'Seen {ds}; BP {s}/{d} {u}.', f'BP on {ds} was {s}/{d} {u}.', f'{ds}: blood pressure {s}/{d} {u}.'])
        return t, [cit('observation', b['id'])], [BPc(b, s, d, u), DT(b['id'], ds)], f'BP sys {b["sys"]:.1f}/dia {b["dia"]:.1f} on {b["date"]}' + ('' if ok else f'; {err}')
    if k == 'condmed':
        if P['deceased']: return None
        ms = [m for m in P['med'] if drug_info(m)[1] and m['status'] == 'active']
        cs = [c for c in P['cond'] if c['status'] == 'active']
        if not ms or not cs: return None
        m, c = ch(ms), ch(cs); key, gens, brands = drug_info(m); dn = ch(gens + brands); cn = cond_surf(c)
        cds = fdate(c['onset'], ch(['year', 'mon', 'iso', 'dmy'])); err = ''
        if bad == 0: cds, err = wrongdate(c['onset'])
        if bad == 1:
            if key not in WRONG_DRUG: return None
            dn = ch(WRONG_DRUG[key]); err = f'medication is {m["text"]}, not {dn}'
        t = ch([f'{cn[0].upper() + cn[1:]} since {cds}; currently on {dn}.', f'{who(P)} has {cn} (dx {cds}) and remains on {dn}.',
                f'Problem: {cn} ({cds}). Active meds include {dn}.'])
        chk = [dict(t='cond', id=c['id'], n=cn), DT(c['id'], cds), dict(t='drug', id=m['id'], n=dn), dict(t='status', id=m['id'], s='active'), dict(t='status', id=c['id'], s='active')]
        return t, [cit('condition', c['id']), cit('medication', m['id'])], chk, f'Condition {c["text"]} onset {c["onset"]} active; {m["text"]} active' + ('' if ok else f'; {err}')
    if k == 'condcond':
        if len(P['cond']) < 2: return None
        c1, c2 = R.sample(P['cond'], 2)
        if c1['text'] == c2['text']: return None
        n1, n2 = cond_surf(c1), cond_surf(c2)
        d1 = fdate(c1['onset'], ch(['year', 'mon', 'iso'])); d2 = fdate(c2['onset'], ch(['year', 'mon', 'dmy', 'mdy'])); err = ''
        if bad == 0: d1, err = wrongdate(c1['onset'])
        if bad == 1: d2, err = wrongdate(c2['onset'])
        t = ch([f'History of {n1} ({d1}) and {n2} ({d2}).', f'{n1[0].upper() + n1[1:]} diagnosed {d1}; {n2} diagnosed {d2}.', f'PMH: {n1} [{d1}], {n2} [{d2}].'])
        return t, [cit('condition', c1['id']), cit('condition', c2['id'])], [dict(t='cond', id=c1['id'], n=n1), DT(c1['id'], d1), dict(t='cond', id=c2['id'], n=n2), DT(c2['id'], d2)], \
            f'{c1["text"]} onset {c1["onset"]}; {c2["text"]} onset {c2["onset"]}' + ('' if ok else f'; {err}')
    if k == 'immenc':
        pairs = [(i, e) for i in P['imm'] for e in P['enc'] if e['date'] == i['date'] and e['text'] in ENC_SURF]
        if not pairs: return None
        i, e = ch(pairs); vn = ch(VAX[i['text']]); en = ch(ENC_SURF[e['text']]); ds = fdate(i['date']); err = ''
        if bad == 0:
            others = [x for x in VAX if x != i['text'] and not any(q['text'] == x and q['date'] == i['date'] for q in P['imm'])]
            vn = ch(VAX[ch(others)]); err = f'vaccine given was {i["text"]}'
        if bad == 1: ds, err = wrongdate(i['date'])
        t = ch([f'{vn} given at the {en} on {ds}.', f'{ds} {en}: {vn} administered.', f'At {pp} {en} ({ds}) {p} received the {vn}.'])
        return t, [cit('immunization', i['id']), cit('encounter', e['id'])], [dict(t='imm', id=i['id'], n=vn), dict(t='enc', id=e['id'], n=en), DT(i['id'], ds), DT(e['id'], ds)], \
            f'{i["text"]} on {i["date"]} at encounter {e["text"]}' + ('' if ok else f'; {err}')


NEG = [  # surface variants, scope, terms
    (['asthma'], 'cond', ['asthma']), (['COPD', 'chronic obstructive pulmonary disease'], 'cond', ['chronic obstructive', 'copd', 'emphysema']),
    (['diabetes', 'DM', 'diabetes mellitus'], 'cond', ['diabet']), (['hypertension', 'HTN', 'high blood pressure'], 'cond', ['hypertens']),
    (['heart failure', 'CHF'], 'cond', ['heart failure']), (['MI', 'myocardial infarction', 'heart attack'], 'cond', ['myocardial infarction']),
    (['stroke', 'CVA'], 'cond', ['stroke']), (['CKD', 'chronic kidney disease', 'renal disease'], 'cond', ['kidney', 'renal']),
    (['seizures', 'epilepsy'], 'cond', ['seizure', 'epilep']), (['osteoporosis'], 'cond', ['osteopor']),
    (['cancer', 'malignancy'], 'cond', ['neoplasm', 'carcinoma', 'malignant', 'tumor']),
    (['anaemia', 'anemia'], 'cond', ['anemia', 'anaemia']), (['coronary artery disease', 'CAD', 'CHD'], 'cond', ['coronary', 'myocardial infarction']),
    (['hyperlipidaemia', 'dyslipidaemia', 'hyperlipidemia'], 'cond', ['lipid', 'triglycerid', 'cholesterol']),
    (['anticoagulants', 'anticoagulation', 'warfarin', 'DOACs'], 'med', ['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran', 'enoxaparin', 'edoxaban']),
    (['insulin'], 'med', ['insulin']), (['statins', 'statin therapy', 'simvastatin'], 'med', ['statin', 'simvistatin']),
    (['opioids', 'opioid analgesics'], 'med', ['oxycodone', 'hydrocodone', 'morphine', 'tramadol', 'codeine', 'fentanyl']),
    (['metformin'], 'med', ['metformin']), (['inhalers', 'inhaled medication'], 'med', ['inhaler', 'actuat']),
    (['antihypertensives', 'BP medication'], 'med', ['hydrochlorothiazide', 'amlodipine', 'metoprolol', 'lisinopril', 'lasix', 'losartan']),
    (['known allergies', 'documented allergies', 'allergies'], 'allergy', ['*']),
]


def neg_text(P, surf, scope):
    W = who(P)
    if scope == 'cond':
        return ch([f'No history of {surf}.', f'No hx of {surf}.', f'{W} has no history of {surf}.', f'{surf[0].upper() + surf[1:]}: none documented.',
                   f'There is no record of {surf}.', f'Negative for {surf} on the problem list.', f'No {surf}.', f'You have never been diagnosed with {surf}.',
                   f'PMH negative for {surf}.', f'Denies any history of {surf}.', f'{W} denies {surf}; none on the problem list.'])
    if scope == 'med':
        return ch([f'Not on {surf}.', f'{W} is not on {surf}.', f'No {surf} on the medication list.', f'Never prescribed {surf}.', f'Meds: no {surf}.'])
    return ch([f'No {surf}.', f'{W} has no {surf} recorded.', f'Allergies: none recorded.', f'NKA.', f'No {surf} on file.'])


def g_neg(P, ok):
    def texts(scope):
        return [c['text'].lower() for c in P['cond']] if scope == 'cond' else [m['text'].lower() for m in P['med']] if scope == 'med' else [a['text'].lower() for a in P['allergy']]
    def present(scope, terms):
        if terms == ['*']: return bool(P['allergy'])
        return any(tm in tx for tx in texts(scope) for tm in terms)
    def lab_conflict(tm):
        # results that a careful reader could take as evidence of the condition even without a diagnosis
        def anyv(code, f):
            return any(f(o['v']) for o in P['num'].get(code, []) if age_at(P, o['date']) >= 18)
        if tm == ['hypertens']:
            return any(b['sys'] >= 140 or b['dia'] >= 90 for b in P['bp'] if age_at(P, b['date']) >= 18)
        if tm == ['diabet']:
            return anyv('Hemoglobin A1c/Hemoglobin.total in Blood', lambda v: v >= 6.5) or anyv('Glucose', lambda v: v >= 200)
        if tm == ['kidney', 'renal']:
            return anyv('Estimated Glomerular Filtration Rate', lambda v: v < 60)
        if tm == ['anemia', 'anaemia']:
            return anyv('Hemoglobin [Mass/volume] in Blood', lambda v: v < (12 if P['gender'] == 'female' else 13))
        if tm == ['lipid', 'triglycerid', 'cholesterol']:
            return anyv('Low Density Lipoprotein Cholesterol', lambda v: v >= 160) or anyv('Total Cholesterol', lambda v: v >= 240) or anyv('Triglycerides', lambda v: v >= 200)
        return False
    if ok:
        cands = [(s, sc, tm) for s, sc, tm in NEG if not present(sc, tm) and not lab_conflict(tm)]
        if not cands: return None
        s, sc, tm = ch(cands); surf = ch(s)
        return neg_text(P, surf, sc), [cit('patient', P['id'])], [dict(t='absent', scope=sc, terms=tm)], f'no {sc} entry in the chart matches {tm}'
    if ch([0, 1]) or not any(present(sc, tm) for s, sc, tm in NEG):
        # negate a specific condition / med the patient has
        pool = [('cond', c) for c in P['cond'] if c['text'] in COND_SURF] + [('med', m) for m in P['med'] if drug_info(m)[1]]
        if not pool: return None
        sc, r = ch(pool)
        if sc == 'cond':
            surf = cond_surf(r); terms = [r['name'].lower()]
            return neg_text(P, surf, 'cond'), [cit('patient', P['id'])], [dict(t='absent', scope='cond', terms=terms)], f'chart has Condition "{r["text"]}" ({r["id"]}, onset {r["onset"]})'
        key, gens, brands = drug_info(r); surf = ch(gens + brands)
        return neg_text(P, surf, 'med'), [cit('patient', P['id'])], [dict(t='absent', scope='med', terms=[key])], f'chart has MedicationRequest "{r["text"]}" ({r["id"]})'
    cands = [(s, sc, tm) for s, sc, tm in NEG if present(sc, tm) and not (tm == ['diabet'] and all('prediabet' in x for x in texts('cond') if 'diabet' in x))]
    if not cands: return None
    s, sc, tm = ch(cands); surf = ch(s)
    hit = [x for x in texts(sc) if any(t_ in x for t_ in tm)] if tm != ['*'] else [a['text'] for a in P['allergy']]
    return neg_text(P, surf, sc), [cit('patient', P['id'])], [dict(t='absent', scope=sc, terms=tm)], f'chart contains {hit[:3]}'


def g_status(P, ok):
    W = who(P)
    if P['allergy'] and R.random() < 0.5 and not P['deceased']:
        al = ch(P['allergy']); an = ch(ALLERGY_SURF[al['text']])
        if ok:
            t = ch([f'Active allergy: {an}.', f'{W} remains allergic to {an} (active allergy).', f'Allergy to {an} - still active on the allergy list.'])
            st = 'active'
        else:
            t = ch([f'{an[0].upper() + an[1:]} allergy - resolved.', f'{W} has outgrown the {an} allergy; it is marked resolved.', f'Allergy to {an} (inactive).'])
            st = 'resolved' if 'inactive' not in t else 'inactive'
        return t, [cit('allergy', al['id'])], [dict(t='allergy', id=al['id'], n=an), dict(t='status', id=al['id'], s=st)], \
            f'AllergyIntolerance "{al["text"]}" clinicalStatus=active' + ('' if ok else f'; claim says {st}')
    k = ch(['med', 'cond', 'smoke'])
    if P['deceased'] and k != 'smoke':
        return None  # present-tense status claims make no sense for a deceased patient
    if k == 'med':
        ms = [m for m in P['med'] if drug_info(m)[1]]
        ms = [m for m in ms if not (m['status'] != 'active' and any(x['status'] == 'active' and drug_info(x)[0] == drug_info(m)[0] for x in P['med']))]
        if not ms: return None
        m = ch(ms); key, gens, brands = drug_info(m); dn = ch(gens + brands)
        st = m['status'] if ok else ('stopped' if m['status'] == 'active' else 'active')
        if st == 'active':
            t = ch([f'{W} is currently taking {dn}.', f'Remains on {dn}.', f'{dn} - active prescription.', f'Continue {dn} (ongoing).', f'You are still taking {dn}.'])
        else:
            t = ch([f'{dn} has been discontinued.', f'{dn} was stopped.', f'Previously took {dn}; no longer on it.', f'{dn} (stopped).', f'Off {dn} now.'])
        return t, [cit('medication', m['id'])], [dict(t='drug', id=m['id'], n=dn), dict(t='status', id=m['id'], s=st)], f'MedicationRequest "{m["text"]}" status={m["status"]}' + ('' if ok else f'; claim says {st}')
    if k == 'cond':
        cs = [c for c in P['cond'] if c['text'] in COND_SURF and not any(x['text'] == c['text'] and x['status'] != c['status'] for x in P['cond'])]
        if not cs: return None
        c = ch(cs); cn = cond_surf(c)
        st = c['status'] if ok else ('resolved' if c['status'] == 'active' else 'active')
        if st == 'active':
            t = ch([f'{cn[0].upper() + cn[1:]} - active.', f'{W} has ongoing {cn}.', f'Active problem: {cn}.', f'{cn[0].upper() + cn[1:]} remains an active issue.', f'{cn} (current).'])
        else:
            t = ch([f'{cn[0].upper() + cn[1:]} - resolved.', f'The {cn} has resolved.', f'{cn[0].upper() + cn[1:]}, now resolved.', f'Past problem: {cn} (resolved).', f'Your {cn} has cleared up.'])
        return t, [cit('condition', c['id'])], [dict(t='cond', id=c['id'], n=cn), dict(t='status', id=c['id'], s=st)], f'Condition "{c["text"]}" clinicalStatus={c["status"]}, abatement={c["end"] or "none"}' + ('' if ok else f'; claim says {st}')
    if not P['smoke']: return None
    o = P['smoke'][-1]; real = o['v']
    st = real if ok else ch([x for x in ['Never smoker', 'Former smoker', 'Current every day smoker'] if x != real])
    surf = {'Never smoker': ['never smoker', 'non-smoker (never smoked)', 'lifelong non-smoker', 'has never smoked'],
            'Former smoker': ['former smoker', 'ex-smoker', 'quit smoking (former smoker)'],
            'Current every day smoker': ['current smoker', 'smokes daily', 'current everyday smoker']}[st]
    sv = ch(surf); ds = fdate(o['date'])
    t = ch([f'Social: {sv} (most recent documentation {ds}).', f'{W} - {sv}, per latest smoking status ({ds}).', f'Smoking status at last record ({ds}): {sv}.'])
    return t, [cit('observation', o['id'])], [dict(t='smoke', id=o['id'], s=st), dict(t='latest', id=o['id']), DT(o['id'], ds)], f'latest Tobacco smoking status obs ({o["date"]}) = {real}' + ('' if ok else f'; claim says {st}')


def g_latest(P, ok):
    p, pp = pro(P)
    if ch([0, 0, 0, 1]):
        es = P['enc']
        if len(es) < 2: return None
        last = es[-1]
        if last['text'] == 'Death Certification': return None
        e = last if ok else ch([x for x in es[:-1] if x['date'] != last['date']] or [None])
        if e is None: return None
        ds = fdate(e['date'])
        t = ch([f'Last seen {ds}.', f'Most recent encounter: {ds}.', f'{pp.capitalize()} last visit was on {ds}.', f'Your most recent appointment with us was on {ds}.'])
        return t, [cit('encounter', e['id'])], [dict(t='latest', id=e['id']), DT(e['id'], ds)], f'latest encounter is {last["date"]} ({last["id"]})' + ('' if ok else f'; cited {e["date"]} is older')
    if ch([0, 1, 1]) or not P['bp']:
        S = {k: v for k, v in P['num'].items() if k in AN and (ok or len(v) >= 2)}
        if not S: return None
        code = ch(list(S)); lst = S[code]; last = lst[-1]
        if ok:
            o = last
        else:
            older = [x for x in lst[:-1] if x['date'] != last['date'] and abs(x['v'] - last['v']) > 2 * 10 ** -AN[code]['dec']]
            if not older: return None
            o = ch(older)
        if any(x['dt'] == last['dt'] and x['id'] != last['id'] for x in lst): return None
        a = A(o); v = vs(o); u = U(o); ds = fdate(o['date'])
        t = ch([f'Latest {a} {v} {u} ({ds}).', f'Most recent {a}: {v} {u} on {ds}.', f'{pp.capitalize()} last {a} was {v} {u} ({ds}).',
                f'{a} most recently {v} {u}, checked {ds}.', f'Your most recent {a} reading was {v} {u}, on {ds}.'])
        return t, [OC(o)], [V(o, a, v, u), dict(t='latest', id=o['id']), DT(o['id'], ds)], f'{code} latest is {last["v"]:.3f} on {last["date"]}' + ('' if ok else f'; cited value {o["v"]:.3f} from {o["date"]} is older')
    last = P['bp'][-1]
    b = last if ok else ch([x for x in P['bp'][:-1] if x['date'] != last['date']] or [None])
    if b is None or not (rnd_ok(b['sys'], 0) and rnd_ok(b['dia'], 0)): return None
    s, d = fmt(b['sys'], 0), fmt(b['dia'], 0); u = ch(['mmHg', 'mm Hg', 'mm[Hg]']); ds = fdate(b['date'])
    t = ch([f'Most recent BP {s}/{d} {u} ({ds}).', f'Last recorded blood pressure: {s}/{d} {u} on {ds}.', f'Latest BP {s}/{d}{u if u == "mmHg" else " " + u}, {ds}.'])
    return t, [cit('observation', b['id'])], [BPc(b, s, d, u), dict(t='latest', id=b['id']), DT(b['id'], ds)], f'latest BP panel {last["date"]} {last["sys"]:.0f}/{last["dia"]:.0f}' + ('' if ok else f'; cited {b["date"]} is older')


def g_swap(P, ok):
    p, pp = pro(P)
    k = ch(['bp', 'bp', 'years', 'analytes'])
    if k == 'bp':
        if not P['bp']: return None
        b = ch(P['bp'])
        if not (rnd_ok(b['sys'], 0) and rnd_ok(b['dia'], 0)): return None
        s, d = fmt(b['sys'], 0), fmt(b['dia'], 0); ds = fdate(b['date']); u = ch(['mmHg', 'mm Hg'])
        if not ok: s, d = d, s
        form = ch(['slash', 'slash', 'words'])
        if form == 'slash':
            t = ch([f'BP {s}/{d} {u} on {ds}.', f'{ds}: BP {s}/{d}.', f'Blood pressure was {s}/{d} {u} ({ds}).'])
            chk = [BPc(b, s, d, u if u in t else ''), DT(b['id'], ds)]
            cits = [cit('observation', b['id'])]
        else:
            os_, od = bp_comp(b, 's'), bp_comp(b, 'd')
            sa, da = ch([('systolic', 'diastolic'), ('SBP', 'DBP')])
            t = ch([f'{sa.capitalize() if sa[0] == "s" else sa} {s} and {da} {d} {u} on {ds}.', f'On {ds} {da} was {d} {u}, {sa} {s} {u}.'])
            # s/d now hold the (possibly swapped) numbers attached to systolic / diastolic labels
            chk = [V(os_, sa, s, u), V(od, da, d, u), DT(b['id'], ds)]
            cits = [OC(os_), OC(od)]
        return t, cits, chk, f'BP sys {b["sys"]:.1f} / dia {b["dia"]:.1f} on {b["date"]}' + ('' if ok else '; systolic and diastolic swapped')
    if k == 'years':
        S = series(P)
        S = {c: l for c, l in S.items() if c != 'BPs'}
        if not S: return None
        code = ch(list(S)); lst = S[code]
        for _ in range(20):
            i, j = sorted(R.sample(range(len(lst)), 2)); a, b = lst[i], lst[j]
            if a['date'][:4] != b['date'][:4] and abs(b['v'] - a['v']) / abs(a['v']) > 0.06: break
        else:
            return None
        dec = AN[code]['dec']; an = A(a); u = U(a)
        v1, v2 = fmt(a['v'], dec), fmt(b['v'], dec)
        y1, y2 = a['date'][:4], b['date'][:4]
        dirw = 'rose' if b['v'] > a['v'] else 'fell'
        if not ok:
            y1, y2 = y2, y1
            dirw = 'rose' if a['v'] > b['v'] else 'fell'  # reading order of the (swapped) text: v1 in y1(new) ...
            # text says "from v1 in y1 to v2 in y2" with y's swapped -> keep values in place; so v1 labelled with later year
            dirw = 'rose' if b['v'] > a['v'] else 'fell'
        t = ch([f'{an} {dirw} from {v1} {u} in {y1} to {v2} {u} in {y2}.', f'{an}: {v1} ({y1}) -> {v2} ({y2}) {u}.', f'{an} was {v1} {u} in {y1} and {v2} {u} in {y2}.'])
        chk = [V(a, an, v1, u if u in t else ''), V(b, an, v2, u if u in t else ''), DT(a['id'], y1), DT(b['id'], y2)]
        return t, [OC(a), OC(b)], chk, f'{code}: {a["v"]:.3f} on {a["date"]}, {b["v"]:.3f} on {b["date"]}' + ('' if ok else '; the two years are swapped')
    pairs = [('Low Density Lipoprotein Cholesterol', 'High Density Lipoprotein Cholesterol'), ('Total Cholesterol', 'Triglycerides'),
             ('Sodium', 'Potassium'), ('Glucose', 'Urea Nitrogen'), ('Body Weight', 'Body Mass Index'), ('Hemoglobin A1c/Hemoglobin.total in Blood', 'Glucose'),
             ('Low Density Lipoprotein Cholesterol', 'Triglycerides'), ('Hemoglobin [Mass/volume] in Blood', 'Leukocytes [#/volume] in Blood by Automated count')]
    pairs = [(c1, c2) for c1, c2 in pairs if c1 in P['num'] and c2 in P['num']]
    if not pairs: return None
    c1, c2 = ch(pairs); o1 = ch(P['num'][c1]); o2 = [o for o in P['num'][c2] if o['date'] == o1['date']]
    if not o2: return None
    o2 = o2[0]
    a1, a2 = A(o1), A(o2); v1, v2 = vs(o1), vs(o2); u1, u2 = U(o1), U(o2)
    if abs(o1['v'] - o2['v']) < 0.1 * max(abs(o1['v']), abs(o2['v'])): return None
    if not ok:
        v1, v2 = fmt(o2['v'], AN[c1]['dec']), fmt(o1['v'], AN[c2]['dec'])
    ds = fdate(o1['date'])
    same_u = u1 == u2
    t = ch([f'{a1} {v1}, {a2} {v2} {u2} ({ds}).' if same_u else f'{a1} {v1} {u1}, {a2} {v2} {u2} ({ds}).',
            f'On {ds}: {a1} {v1} {u1} / {a2} {v2} {u2}.', f'{ds} - {a1} was {v1} and {a2} {v2}.'])
    chk = [V(o1, a1, v1, u1 if f'{v1} {u1}' in t else ''), V(o2, a2, v2, u2 if f'{v2} {u2}' in t else ''), DT(o1['id'], ds), DT(o2['id'], ds)]
    return t, [OC(o1), OC(o2)], chk, f'{c1}={o1["v"]:.3f}, {c2}={o2["v"]:.3f} on {o1["date"]}' + ('' if ok else '; the two values are swapped')


def g_wcite(P, ok):
    p, pp = pro(P)
    k = ch(['sameobs', 'sameobs', 'panel', 'cond', 'imm', 'bp'])
    W = who(P)
    if len(P['allergy']) > 1 and R.random() < 0.5:
        al = ch(P['allergy']); an = ch(ALLERGY_SURF[al['text']])
        c = al if ok else ch([x for x in P['allergy'] if x['id'] != al['id']])
        t = ch([f'Allergic to {an}.', f'Known {an} allergy.', f'Allergies include {an}.'])
        return t, [cit('allergy', c['id'])], [dict(t='allergy', id=c['id'], n=an)], f'"{al["text"]}" is {al["id"]}' + ('' if ok else f'; cited {c["id"]} is "{c["text"]}"')
    if k == 'sameobs':
        S = {c: l for c, l in P['num'].items() if c in AN and len(l) >= 2}
        if not S: return None
        code = ch(list(S)); lst = S[code]; o = ch(lst)
        others = [x for x in lst if x['date'] != o['date'] and abs(x['v'] - o['v']) > 3 * 10 ** -AN[code]['dec']]
        if not others: return None
        c = o if ok else ch(others)
        a = A(o); v = vs(o); u = U(o); withdate = ch([0, 1])
        ds = fdate(o['date'])
        t = ch([f'{a} {v} {u} on {ds}.', f'{pp.capitalize()} {a} was {v} {u} ({ds}).']) if withdate else ch([f'A {a} of {v} {u} is on file.', f'{a} of {v} {u} documented.', f'Recorded {a}: {v} {u}.'])
        chk = [V(c, a, v, u)] + ([DT(c['id'], ds)] if withdate else [])
        return t, [OC(c)], chk, f'{code} {o["v"]:.3f} on {o["date"]} is {o["id"]}' + ('' if ok else f'; cited {c["id"]} is the {c["date"]} value {c["v"]:.3f}')
    if k == 'panel':
        pairs = [('Low Density Lipoprotein Cholesterol', 'High Density Lipoprotein Cholesterol'), ('Total Cholesterol', 'Low Density Lipoprotein Cholesterol'),
                 ('Glucose', 'Creatinine'), ('Sodium', 'Potassium'), ('Body Weight', 'Body Height'), ('Estimated Glomerular Filtration Rate', 'Creatinine'),
                 ('Hemoglobin [Mass/volume] in Blood', 'Platelets [#/volume] in Blood by Automated count'), ('Body Mass Index', 'Body Weight')]
        pairs = [(a, b) for a, b in pairs if a in P['num'] and b in P['num']]
        if not pairs: return None
        c1, c2 = ch(pairs); o = ch(P['num'][c1]); w = [x for x in P['num'][c2] if x['date'] == o['date']]
        if not w: return None
        c = o if ok else w[0]
        a = A(o); v = vs(o); u = U(o); ds = fdate(o['date'])
        t = ch([f'{a} {v} {u} ({ds}).', f'{ds}: {a} {v} {u}.', f'On {ds} the {a} was {v} {u}.'])
        return t, [OC(c)], [V(c, a, v, u), DT(c['id'], ds)], f'{c1} {o["v"]:.3f} on {o["date"]} ({o["id"]})' + ('' if ok else f'; cited record is {c2} from the same day')
    if k == 'cond':
        cs = [c for c in P['cond'] if c['text'] in COND_SURF]
        if not cs: return None
        c = ch(cs); cn = cond_surf(c); ds = fdate(c['onset'])
        if ok:
            cits = [cit('condition', c['id'])]; rid = c['id']
        else:
            alt = [('encounter', e['id']) for e in P['enc'] if e['date'] != c['onset'] and c['id'] not in e.get('reasons', ()) and c['text'] not in e.get('reasontext', ())] + \
                  [('medication', m['id']) for m in P['med'] if c['id'] not in m.get('reasons', ())] + \
                  [('condition', x['id']) for x in P['cond'] if x['text'] != c['text']]
            if not alt: return None
            kk, rid = ch(alt); cits = [cit(kk, rid)]
        t = ch([f'{W} was diagnosed with {cn} on {ds}.', f'{cn[0].upper() + cn[1:]} (onset {ds}).', f'Dx: {cn}, {ds}.'])
        return t, cits, [dict(t='cond', id=rid, n=cn), DT(rid, ds)], f'Condition "{c["text"]}" onset {c["onset"]} is {c["id"]}' + ('' if ok else f'; cited {cits[0]["record"]} {rid} is a different record')
    if k == 'imm':
        if len(P['imm']) < 2: return None
        i = ch(P['imm']); vn = ch(VAX[i['text']]); ds = fdate(i['date'])
        alt = [x for x in P['imm'] if x['date'] != i['date']]
        if not alt: return None
        c = i if ok else ch(alt)
        t = ch([f'{vn} administered {ds}.', f'{W} had the {vn} on {ds}.', f'Immunization: {vn} ({ds}).'])
        return t, [cit('immunization', c['id'])], [dict(t='imm', id=c['id'], n=vn), DT(c['id'], ds)], f'{i["text"]} on {i["date"]} is {i["id"]}' + ('' if ok else f'; cited {c["id"]} is {c["text"]} on {c["date"]}')
    if len(P['bp']) < 2: return None
    b = ch(P['bp'])
    if not (rnd_ok(b['sys'], 0) and rnd_ok(b['dia'], 0)): return None
    alt = [x for x in P['bp'] if x['date'] != b['date'] and (abs(x['sys'] - b['sys']) > 2 or abs(x['dia'] - b['dia']) > 2)]
    if not alt: return None
    c = b if ok else ch(alt)
    s, d = fmt(b['sys'], 0), fmt(b['dia'], 0); u = ch(['mmHg', 'mm Hg']); ds = fdate(b['date'])
    t = ch([f'BP {s}/{d} {u} on {ds}.', f'Blood pressure {s}/{d} {u} ({ds}).'])
    return t, [cit('observation', c['id'])], [BPc(c, s, d, u), DT(c['id'], ds)], f'BP {b["sys"]:.0f}/{b["dia"]:.0f} on {b["date"]} is {b["id"]}' + ('' if ok else f'; cited panel is from {c["date"]}')


# interpretation thresholds (generator side)
def bp_cat(s, d):
    if s >= 140 or d >= 90: return 'stage2'
    if s >= 130 or d >= 80: return 'stage1'
    if s >= 120: return 'elevated'
    return 'normal'


def bp_margin(s, d):
    return min(abs(s - t) for t in (120, 130, 140)) >= 1.5 and min(abs(d - t) for t in (80, 90)) >= 1.5


INTERP = {
    'Body Mass Index': [(0, 18.5, 'under'), (18.5, 25, 'normal'), (25, 30, 'over'), (30, 999, 'obese')],
    'Hemoglobin A1c/Hemoglobin.total in Blood': [(0, 5.7, 'normal'), (5.7, 6.5, 'prediabetes'), (6.5, 99, 'diabetes')],
    'Low Density Lipoprotein Cholesterol': [(0, 100, 'optimal'), (100, 130, 'near'), (130, 160, 'borderline'), (160, 190, 'high'), (190, 999, 'veryhigh')],
    'Total Cholesterol': [(0, 200, 'desirable'), (200, 240, 'borderline'), (240, 9999, 'high')],
    'Triglycerides': [(0, 150, 'normal'), (150, 200, 'borderline'), (200, 500, 'high'), (500, 9999, 'veryhigh')],
    'Estimated Glomerular Filtration Rate': [(90, 999, 'G1'), (60, 90, 'G2'), (45, 60, 'G3a'), (30, 45, 'G3b'), (15, 30, 'G4'), (0, 15, 'G5')],
    'Oral temperature': [(0, 38.0, 'afebrile'), (38.0, 99, 'febrile')],
}
IWORDS = {
    'under': ['underweight (BMI <18.5)', 'in the underweight range'], 'normal_bmi': ['normal weight', 'a healthy-weight BMI (18.5-24.9)'],
    'over': ['overweight (BMI 25-29.9)', 'in the overweight range'], 'obese': ['obese (BMI >=30)', 'in the obese range', 'obese by WHO criteria'],
    'normal_a1c': ['normal (<5.7%)', 'in the normal range'], 'prediabetes': ['in the prediabetes range (5.7-6.4%)', 'prediabetic range'],
    'diabetes': ['in the diabetic range (>=6.5%)', 'diagnostic of diabetes range'],
    'optimal': ['optimal (<100 mg/dL)', 'in the optimal range'], 'near': ['near-optimal (100-129)'], 'borderline_ldl': ['borderline high (130-159)'],
    'high_ldl': ['high (160-189)'], 'veryhigh_ldl': ['very high (>=190)'],
    'desirable': ['desirable (<200 mg/dL)', 'in the desirable range'], 'borderline_tc': ['borderline high (200-239)'], 'high_tc': ['high (>=240)'],
    'normal_tg': ['normal (<150)'], 'borderline_tg': ['borderline high (150-199)'], 'high_tg': ['high (200-499)'], 'veryhigh_tg': ['very high (>=500)'],
    'G1': ['normal/high (KDIGO G1, >=90)'], 'G2': ['mildly decreased (KDIGO G2)'], 'G3a': ['mildly-moderately decreased (G3a)'],
    'G3b': ['moderately-severely decreased (G3b)'], 'G4': ['severely decreased (G4)'], 'G5': ['in kidney failure range (G5)'],
    'afebrile': ['afebrile', 'not febrile'], 'febrile': ['febrile', 'pyrexial'],
}


def icat(code, v):
    for lo, hi, c in INTERP[code]:
        if lo <= v < hi:
            key = {'normal': {'Body Mass Index': 'normal_bmi', 'Hemoglobin A1c/Hemoglobin.total in Blood': 'normal_a1c', 'Triglycerides': 'normal_tg'},
                   'borderline': {'Low Density Lipoprotein Cholesterol': 'borderline_ldl', 'Total Cholesterol': 'borderline_tc', 'Triglycerides': 'borderline_tg'},
                   'high': {'Low Density Lipoprotein Cholesterol': 'high_ldl', 'Total Cholesterol': 'high_tc', 'Triglycerides': 'high_tg'},
                   'veryhigh': {'Low Density Lipoprotein Cholesterol': 'veryhigh_ldl', 'Triglycerides': 'veryhigh_tg'}}.get(c, {}).get(code, c)
            return key


def imargin(code, v):
    bounds = sorted({x for lo, hi, _ in INTERP[code] for x in (lo, hi) if 0 < x < 999})
    tol = {'Body Mass Index': 0.3, 'Hemoglobin A1c/Hemoglobin.total in Blood': 0.1, 'Oral temperature': 0.2, 'Estimated Glomerular Filtration Rate': 2}.get(code, 3)
    return all(abs(v - b) >= tol for b in bounds)


BPW = {'normal': ['normal (<120/<80, ACC/AHA 2017)', 'normotensive', 'within normal limits'], 'elevated': ['elevated (120-129/<80)'],
       'stage1': ['stage 1 hypertension range (ACC/AHA 2017)', 'in the stage 1 HTN range'], 'stage2': ['stage 2 hypertension range', 'hypertensive (stage 2, >=140/90)']}


def g_interp(P, ok):
    p, pp = pro(P)
    if ch([0, 1]) and P['bp']:
        bs = [b for b in P['bp'] if age_at(P, b['date']) >= 18 and bp_margin(b['sys'], b['dia']) and rnd_ok(b['sys'], 0) and rnd_ok(b['dia'], 0)]
        if not bs: return None
        b = ch(bs); real = bp_cat(b['sys'], b['dia'])
        cat = real if ok else ch([c for c in BPW if c != real and not (real == 'elevated' and c == 'stage1') and not (real == 'stage1' and c == 'elevated')])
        s, d = fmt(b['sys'], 0), fmt(b['dia'], 0); w = ch(BPW[cat]); ds = fdate(b['date'])
        t = ch([f'BP {s}/{d} mmHg on {ds} - {w}.', f'On {ds} {pp} BP of {s}/{d} was {w}.', f'{ds}: BP {s}/{d} mm Hg, {w}.'])
        u = 'mmHg' if 'mmHg' in t else ('mm Hg' if 'mm Hg' in t else '')
        return t, [cit('observation', b['id'])], [BPc(b, s, d, u), DT(b['id'], ds), dict(t='interp', id=b['id'], cat=cat)], \
            f'BP {b["sys"]:.1f}/{b["dia"]:.1f} on {b["date"]}: ACC/AHA 2017 category {real}' + ('' if ok else f'; claim says {cat}')
    cands = []
    for code in INTERP:
        for o in P['num'].get(code, []):
            if code in ('Body Mass Index',) and age_at(P, o['date']) < 20: continue
            if imargin(code, o['v']) and rnd_ok(o['v'], AN[code]['dec']): cands.append(o)
    if not cands: return None
    o = ch(cands); code = o['code']; real = icat(code, o['v'])
    allcats = [icat(code, (lo + min(hi, lo + 50)) / 2) for lo, hi, _ in INTERP[code]]
    cat = real if ok else ch([c for c in allcats if c != real])
    w = ch(IWORDS[cat]); a = A(o); v = vs(o); u = U(o); ds = fdate(o['date'])
    t = ch([f'{a} {v} {u} ({ds}) - {w}.', f'{a} of {v} {u} on {ds} is {w}.', f'{ds}: {a} {v} {u}, {w}.', f'Your {a} was {v} {u} on {ds}, which is {w}.'])
    th = {'Body Mass Index': 'WHO BMI categories', 'Hemoglobin A1c/Hemoglobin.total in Blood': 'ADA HbA1c thresholds', 'Low Density Lipoprotein Cholesterol': 'NCEP ATP III LDL categories',
          'Total Cholesterol': 'NCEP ATP III total cholesterol categories', 'Triglycerides': 'NCEP ATP III triglyceride categories',
          'Estimated Glomerular Filtration Rate': 'KDIGO GFR categories', 'Oral temperature': 'fever >= 38.0 C'}[code]
    return t, [OC(o)], [V(o, a, v, u), DT(o['id'], ds), dict(t='interp', id=o['id'], cat=cat)], f'{code} {o["v"]:.3f} on {o["date"]}: {th} -> {real}' + ('' if ok else f'; claim says {cat}')


GENS = {'dates': g_dates, 'abbreviations': g_abbrev, 'drug-names': g_drug, 'units': g_units, 'rounding': g_round, 'trends': g_trend,
        'two-facts': g_two, 'negation': g_neg, 'status': g_status, 'latest': g_latest, 'swapped': g_swap, 'wrong-citation': g_wcite,
        'interpretation': g_interp}


LOWER_OK = {'The', 'Your', 'No', 'Most', 'Latest', 'Last', 'Blood', 'Recorded', 'Labs', 'Problem', 'History', 'Past', 'Negative', 'There', 'Between',
            'From', 'Smoking', 'He', 'She', 'His', 'Her', 'You', 'Allergy', 'Immunization', 'Immunisations', 'On', 'At', 'Systolic', 'Diastolic'}
PREFIX = ['Handover: ', 'FYI - ', 'Background: ', 'Of note, ', 'Relevant history: ', 'For your information, ', 'Summary: ', 'Dear colleague, for background: ',
          'Discharge summary - ', 'Referral note: ', 'In brief: ', 'Chart review: ']


def style(t):
    if R.random() > 0.22:
        return t
    first = t.split()[0]
    pre = ch(PREFIX)
    if first in LOWER_OK:
        return pre + t[0].lower() + t[1:]
    if first.isupper() or any(ch_.isdigit() for ch_ in first) or pre.endswith(': ') or pre.endswith('- '):
        return pre + t
    return None or (pre.rstrip(', ') + ': ' + t)


FIELDS = {'observation': 'Observation.code.text, valueQuantity (or component[i].valueQuantity / valueCodeableConcept), effectiveDateTime',
          'condition': 'Condition.code.text, onsetDateTime, abatementDateTime, clinicalStatus',
          'medication': 'MedicationRequest.medicationCodeableConcept.text, status, authoredOn',
          'immunization': 'Immunization.vaccineCode.text, occurrenceDateTime', 'encounter': 'Encounter.type[0].text, period.start',
          'procedure': 'Procedure.code.text, performedPeriod.start', 'allergy': 'AllergyIntolerance.code.text, recordedDate, clinicalStatus',
          'patient': 'whole chart: all Condition / MedicationRequest / AllergyIntolerance entries'}


def main():
    pats = load()
    order = pats + [p for p in pats if p['name'] in ('Vito Feeney', 'Evelyn McCullough')]
    claims, checks, seen = [], [], set()
    N = 27
    for ci, (cat, g) in enumerate(GENS.items()):
        for lab in ('correct', 'wrong'):
            n, tries, idx = 0, 0, ci * 3 + (lab == 'wrong')
            while n < N and tries < 4000:
                tries += 1
                P = order[idx % len(order)]; idx += 1
                r = g(P, lab == 'correct')
                if not r: continue
                t, cits, chk, why = r
                t = style(t)
                if t in seen: continue
                seen.add(t)
                kinds = []
                for c_ in cits:
                    if c_['record'] not in kinds: kinds.append(c_['record'])
                why = why + ' [fields: ' + '; '.join(FIELDS[k_] for k_ in kinds) + ']'
                claims.append(dict(patient=P['id'], text=t, citations=cits, label=lab, category=cat, why=why))
                checks.append(chk)
                n += 1
    R.shuffle(idx_ := list(range(len(claims))))
    with open(os.path.join(OUT, 'claims.jsonl'), 'w') as f, open(os.path.join(OUT, 'claims.checks.jsonl'), 'w') as g:
        for i in idx_:
            f.write(json.dumps(claims[i], ensure_ascii=False) + '\n')
            g.write(json.dumps(dict(text=claims[i]['text'], checks=checks[i]), ensure_ascii=False) + '\n')
    print(len(claims))


if __name__ == '__main__':
    main()
