"""Categories: units, rounding, trends."""
from gen_common import *

R = random.Random(2002)


def O(key, an, date):
    p = P[key]
    return p, p.at(an, date)


# ======================= UNITS =======================
def gen_units():
    cat = 'units'
    S = lambda d, st: fd(d, st)
    rows = []

    def r(label, key, an, date, text_fn, why, checks_fn):
        p, o = O(key, an, date)
        text = text_fn(o)
        add(cat, p, text, C(p, o), label, why(o) if callable(why) else why, checks_fn(o))

    def vchk(s, comp=None):
        return lambda o: [{'t': 'val', 's': s(o) if callable(s) else s, 'rid': o.id, **({'comp': comp} if comp else {})},
                          {'t': 'date', 's': None, 'rid': o.id}]

    # --- correct ---
    F = lambda o: fv(c_to_f(o.v), 1)
    r('correct', 'annmarie', 'temp', '2012-07-05', lambda o: f"Temp {F(o)} °F at the {S(o.date, 'mdy')} sick visit.",
      lambda o: f"Oral temp {o.v:.2f} Cel = {c_to_f(o.v):.2f} °F.", lambda o: [{'t': 'val', 's': F(o), 'rid': o.id}])
    r('correct', 'monika', 'temp', '2015-03-01', lambda o: f"She ran a temperature of {F(o)} degrees Fahrenheit on {S(o.date, 'iso')}.",
      lambda o: f"Oral temp {o.v:.2f} °C = {c_to_f(o.v):.2f} °F.", lambda o: [{'t': 'val', 's': F(o), 'rid': o.id}])
    r('correct', 'bryan', 'temp', '2019-09-06', lambda o: f"T {F(o)}F ({fv(o.v, 1)} C), {S(o.date, 'dmy')}.",
      lambda o: f"Oral temp {o.v:.2f} °C = {c_to_f(o.v):.2f} °F.",
      lambda o: [{'t': 'val', 's': F(o), 'rid': o.id}, {'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('correct', 'tyrell', 'temp', '2020-04-23', lambda o: f"Oral temperature on {S(o.date, 'mdyl')} was {fv(o.v, 1)} degrees Celsius.",
      lambda o: f"Oral temp obs {o.v:.2f} Cel.", lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    L = lambda o: fv(kg_to_lb(o.v), 0)
    r('correct', 'alberto', 'wt', '2021-01-11', lambda o: f"Weighed {L(o)} lb at his {S(o.date, 'us')} check-up.",
      lambda o: f"Body weight {o.v:.2f} kg = {kg_to_lb(o.v):.1f} lb.", lambda o: [{'t': 'val', 's': L(o), 'rid': o.id}])
    r('correct', 'michael', 'wt', '2021-02-26', lambda o: f"Wt {fv(o.v, 1)} kg ({L(o)} lbs) on {S(o.date, 'dmyl')}.",
      lambda o: f"Body weight {o.v:.2f} kg = {kg_to_lb(o.v):.1f} lb.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}, {'t': 'val', 's': L(o), 'rid': o.id}])
    r('correct', 'gale', 'wt', '2020-08-04', lambda o: f"At the {S(o.date, 'ord')} visit the toddler weighed {fv(kg_to_lb(o.v), 1)} pounds.",
      lambda o: f"Body weight {o.v:.3f} kg = {kg_to_lb(o.v):.2f} lb.", lambda o: [{'t': 'val', 's': fv(kg_to_lb(o.v), 1), 'rid': o.id}])
    r('correct', 'junita', 'wt', '2019-10-23', lambda o: f"Birth-visit weight {fv(o.v * 1000, 0)} g ({S(o.date, 'iso')}).",
      lambda o: f"Body weight {o.v:.4f} kg = {o.v * 1000:.1f} g.", lambda o: [{'t': 'val', 's': fv(o.v * 1000, 0), 'rid': o.id}])
    r('correct', 'elisha', 'ht', '2021-03-24', lambda o: f"Height {fv(cm_to_in(o.v), 1)} in ({fv(o.v, 1)} cm) on {S(o.date, 'us2')}.",
      lambda o: f"Body height {o.v:.2f} cm = {cm_to_in(o.v):.2f} in.",
      lambda o: [{'t': 'val', 's': fv(cm_to_in(o.v), 1), 'rid': o.id}, {'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('correct', 'deedra', 'ht', '2020-10-30', lambda o: f"Stands {fv(o.v / 100, 2)} m tall as of {S(o.date, 'dmy')}.",
      lambda o: f"Body height {o.v:.2f} cm = {o.v / 100:.4f} m.", lambda o: [{'t': 'val', 's': fv(o.v / 100, 2), 'rid': o.id}])
    r('correct', 'andys', 'glu', '2021-02-25', lambda o: f"Glucose {fv(o.v / GLU_MMOL, 1)} mmol/L on {S(o.date, 'mdyl')}.",
      lambda o: f"Glucose {o.v:.2f} mg/dL / 18.016 = {o.v / GLU_MMOL:.2f} mmol/L.", lambda o: [{'t': 'val', 's': fv(o.v / GLU_MMOL, 1), 'rid': o.id}])
    r('correct', 'thanh', 'glu', '2020-12-05', lambda o: f"Serum glucose {fv(o.v, 0)} mg/dl (≈{fv(o.v / GLU_MMOL, 1)} mmol/l) at the {S(o.date, 'mdy')} follow-up.",
      lambda o: f"Glucose {o.v:.2f} mg/dL = {o.v / GLU_MMOL:.2f} mmol/L.",
      lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}, {'t': 'val', 's': fv(o.v / GLU_MMOL, 1), 'rid': o.id}])
    r('correct', 'oswaldo', 'ldl', '2020-04-14', lambda o: f"LDL-C {fv(o.v / CHOL_MMOL, 2)} mmol/L ({S(o.date, 'iso')}).",
      lambda o: f"LDL {o.v:.2f} mg/dL / 38.67 = {o.v / CHOL_MMOL:.3f} mmol/L.", lambda o: [{'t': 'val', 's': fv(o.v / CHOL_MMOL, 2), 'rid': o.id}])
    r('correct', 'malcom', 'tc', '2019-12-06', lambda o: f"Total cholesterol of {fv(o.v / CHOL_MMOL, 1)} mmol/L on {S(o.date, 'dmyl')}.",
      lambda o: f"TC {o.v:.2f} mg/dL = {o.v / CHOL_MMOL:.2f} mmol/L.", lambda o: [{'t': 'val', 's': fv(o.v / CHOL_MMOL, 1), 'rid': o.id}])
    r('correct', 'thanh', 'cr', '2020-12-05', lambda o: f"Creatinine {fv(o.v * CR_UMOL, 0)} µmol/L at the {S(o.date, 'mdy')} draw.",
      lambda o: f"Creatinine {o.v:.3f} mg/dL x 88.42 = {o.v * CR_UMOL:.1f} µmol/L.", lambda o: [{'t': 'val', 's': fv(o.v * CR_UMOL, 0), 'rid': o.id}])
    r('correct', 'bryan', 'cr', '2020-03-16', lambda o: f"SCr {fv(o.v, 2)} mg/dL, i.e. about {fv(o.v * CR_UMOL, 0)} umol/L ({S(o.date, 'us')}).",
      lambda o: f"Creatinine {o.v:.3f} mg/dL = {o.v * CR_UMOL:.1f} µmol/L.",
      lambda o: [{'t': 'val', 's': fv(o.v, 2), 'rid': o.id}, {'t': 'val', 's': fv(o.v * CR_UMOL, 0), 'rid': o.id}])
    r('correct', 'emilia', 'hb', '2021-02-19', lambda o: f"Haemoglobin {fv(o.v * 10, 0)} g/L on {S(o.date, 'eu')}.",
      lambda o: f"Hb {o.v:.2f} g/dL = {o.v * 10:.1f} g/L.", lambda o: [{'t': 'val', 's': fv(o.v * 10, 0), 'rid': o.id}])
    r('correct', 'dannie', 'wbc', '2021-03-18', lambda o: f"WBC {fv(o.v, 1)} ×10⁹/L at the {S(o.date, 'myl')} physical.",
      lambda o: f"Leukocytes {o.v:.3f} 10*3/uL = same number in 10^9/L.", lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('correct', 'nohemi', 'plt', '2018-06-20', lambda o: f"Platelets {fv(o.v, 0)} x10^9/L ({S(o.date, 'dmy')}).",
      lambda o: f"Platelets {o.v:.1f} 10*3/uL = {o.v:.1f} x10^9/L.", lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('correct', 'andys', 'ca', '2021-02-25', lambda o: f"Calcium {fv(o.v / CA_MMOL, 2)} mmol/L on {S(o.date, 'dmyl')}.",
      lambda o: f"Calcium {o.v:.3f} mg/dL / 4.008 = {o.v / CA_MMOL:.3f} mmol/L.", lambda o: [{'t': 'val', 's': fv(o.v / CA_MMOL, 2), 'rid': o.id}])
    r('correct', 'thanh', 'na', '2020-12-05', lambda o: f"Na {fv(o.v, 0)} mEq/L at the {S(o.date, 'iso')} visit.",
      lambda o: f"Sodium {o.v:.2f} mmol/L; mEq/L is numerically identical for Na+.", lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('correct', 'man', 'bp', '2019-05-21', lambda o: f"BP {fv(o.sys * 0.133322, 1)}/{fv(o.dia * 0.133322, 1)} kPa ({fv(o.sys, 0)}/{fv(o.dia, 0)} mm Hg) on {S(o.date, 'mdy')}.",
      lambda o: f"BP panel systolic {o.sys:.1f}, diastolic {o.dia:.1f} mmHg; x0.1333 = {o.sys * 0.133322:.2f}/{o.dia * 0.133322:.2f} kPa.",
      lambda o: [{'t': 'bp', 's': f"{fv(o.sys * 0.133322, 1)}/{fv(o.dia * 0.133322, 1)}", 'rid': o.id, 'conv': 'kpa'},
                 {'t': 'bp', 's': f"{fv(o.sys, 0)}/{fv(o.dia, 0)}", 'rid': o.id}])
    r('correct', 'bryan', 'a1c', '2015-02-16', lambda o: f"HbA1c {fv(o.v, 1)}% ({fv((o.v - 2.15) * 10.929, 0)} mmol/mol IFCC), {S(o.date, 'iso')}.",
      lambda o: f"A1c {o.v:.3f} %; IFCC = (A1c-2.15)x10.929 = {(o.v - 2.15) * 10.929:.1f} mmol/mol.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}, {'t': 'val', 's': fv((o.v - 2.15) * 10.929, 0), 'rid': o.id}])
    r('correct', 'vito', 'psa', '1973-01-01', lambda o: f"PSA {fv(o.v, 1)} µg/L on {S(o.date, 'mdyl')}.",
      lambda o: f"PSA {o.v:.3f} ng/mL; ng/mL = µg/L.", lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('correct', 'beatrice', 'bnp', '2012-05-27', lambda o: f"NT-proBNP {fv(o.v, 0)} ng/L ({S(o.date, 'dmy')}).",
      lambda o: f"NT-proBNP {o.v:.1f} pg/mL; pg/mL = ng/L.", lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('correct', 'jules', 'egfr', '2020-08-26', lambda o: f"eGFR {fv(o.v, 0)} mL/min/1.73 m² on {S(o.date, 'mdyl')}.",
      lambda o: f"eGFR {o.v:.1f} mL/min/{{1.73_m2}}.", lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('correct', 'vito', 'uacr', '1975-04-21', lambda o: f"Urine albumin/creatinine ratio {fv(o.v / 8.84, 1)} mg/mmol on {S(o.date, 'ord')}.",
      lambda o: f"UACR {o.v:.2f} mg/g / 8.84 = {o.v / 8.84:.2f} mg/mmol.", lambda o: [{'t': 'val', 's': fv(o.v / 8.84, 1), 'rid': o.id}])
    # --- wrong ---
    r('wrong', 'alberto', 'temp', '2016-03-28', lambda o: f"Temp {fv(o.v, 1)} °F at the {S(o.date, 'mdy')} strep visit.",
      lambda o: f"Temperature is {o.v:.2f} °C (= {c_to_f(o.v):.1f} °F); '{fv(o.v, 1)} °F' uses the wrong unit.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'michael', 'temp', '2019-09-10', lambda o: f"Febrile-ish at {fv(c_to_f(o.v), 1)} °C on {S(o.date, 'iso')}.",
      lambda o: f"{fv(c_to_f(o.v), 1)} is the Fahrenheit value; the record is {o.v:.2f} °C.",
      lambda o: [{'t': 'val', 's': fv(c_to_f(o.v), 1), 'rid': o.id}])
    r('wrong', 'oswaldo', 'temp', '2020-07-17', lambda o: f"Oral temperature {fv(o.v, 1)} °C, i.e. {fv(c_to_f(o.v) - 1.0, 1)} °F, on {S(o.date, 'dmyl')}.",
      lambda o: f"{o.v:.2f} °C = {c_to_f(o.v):.1f} °F, not {fv(c_to_f(o.v) - 1.0, 1)} °F (conversion wrong).",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}, {'t': 'val', 's': fv(c_to_f(o.v) - 1.0, 1), 'rid': o.id}])
    r('wrong', 'annmarie', 'wt', '2020-06-30', lambda o: f"Weighs {fv(o.v, 1)} lb per the {S(o.date, 'us')} visit.",
      lambda o: f"Weight is {o.v:.2f} kg ({kg_to_lb(o.v):.0f} lb); '{fv(o.v, 1)} lb' mislabels kilograms as pounds.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'nohemi', 'wt', '2021-03-03', lambda o: f"Body weight {fv(kg_to_lb(o.v), 0)} kg ({S(o.date, 'dmy')}).",
      lambda o: f"Weight is {o.v:.2f} kg; {fv(kg_to_lb(o.v), 0)} is the value in pounds, not kg.",
      lambda o: [{'t': 'val', 's': fv(kg_to_lb(o.v), 0), 'rid': o.id}])
    r('wrong', 'junita', 'wt', '2021-03-31', lambda o: f"Infant weight {fv(o.v, 1)} lb at the {S(o.date, 'mdyl')} well-child check.",
      lambda o: f"Weight is {o.v:.2f} kg ({kg_to_lb(o.v):.1f} lb), not {fv(o.v, 1)} lb.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'jules', 'ht', '2020-08-26', lambda o: f"Height {fv(o.v, 1)} in on {S(o.date, 'iso')}.",
      lambda o: f"Height is {o.v:.1f} cm ({cm_to_in(o.v):.1f} in); the number is centimetres, not inches.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'michael', 'ht', '2018-05-11', lambda o: f"Ht {fv(o.v / 100, 2)} m, or about {fv(cm_to_in(o.v) - 4, 0)} inches ({S(o.date, 'mdy')}).",
      lambda o: f"{o.v:.1f} cm = {cm_to_in(o.v):.1f} in, not {fv(cm_to_in(o.v) - 4, 0)} in.",
      lambda o: [{'t': 'val', 's': fv(o.v / 100, 2), 'rid': o.id}, {'t': 'val', 's': fv(cm_to_in(o.v) - 4, 0), 'rid': o.id}])
    r('wrong', 'beatrice', 'glu', '2012-05-27', lambda o: f"Glucose {fv(o.v, 0)} mmol/L on {S(o.date, 'dmyl')}.",
      lambda o: f"Glucose is {o.v:.2f} mg/dL (= {o.v / GLU_MMOL:.1f} mmol/L); value not converted.",
      lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('wrong', 'bryan', 'glu', '2019-03-11', lambda o: f"Random glucose {fv(o.v / GLU_MMOL, 1)} mg/dL ({S(o.date, 'us')}).",
      lambda o: f"Glucose is {o.v:.2f} mg/dL; {fv(o.v / GLU_MMOL, 1)} is the mmol/L figure labelled mg/dL.",
      lambda o: [{'t': 'val', 's': fv(o.v / GLU_MMOL, 1), 'rid': o.id}])
    r('wrong', 'bryan', 'ldl', '2020-03-16', lambda o: f"LDL {fv(o.v, 0)} mmol/L at the {S(o.date, 'ord')} physical.",
      lambda o: f"LDL is {o.v:.2f} mg/dL ({o.v / CHOL_MMOL:.2f} mmol/L); unit wrong.",
      lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('wrong', 'nohemi', 'hdl', '2019-06-26', lambda o: f"HDL {fv(o.v / TG_MMOL, 2)} mmol/L ({S(o.date, 'iso')}).",
      lambda o: f"HDL {o.v:.2f} mg/dL = {o.v / CHOL_MMOL:.2f} mmol/L (cholesterol factor 38.67); {fv(o.v / TG_MMOL, 2)} used the triglyceride factor.",
      lambda o: [{'t': 'val', 's': fv(o.v / TG_MMOL, 2), 'rid': o.id}])
    r('wrong', 'andys', 'cr', '2021-02-25', lambda o: f"Creatinine {fv(o.v, 2)} µmol/L on {S(o.date, 'dmy')}.",
      lambda o: f"Creatinine is {o.v:.3f} mg/dL (= {o.v * CR_UMOL:.0f} µmol/L); 'µmol/L' unit wrong.",
      lambda o: [{'t': 'val', 's': fv(o.v, 2), 'rid': o.id}])
    r('wrong', 'vito', 'cr', '1979-09-24', lambda o: f"Cr {fv(o.v * CR_UMOL, 0)} mg/dL on {S(o.date, 'mdyl')}.",
      lambda o: f"Creatinine is {o.v:.3f} mg/dL; {fv(o.v * CR_UMOL, 0)} is the µmol/L value labelled mg/dL.",
      lambda o: [{'t': 'val', 's': fv(o.v * CR_UMOL, 0), 'rid': o.id}])
    r('wrong', 'andys', 'hb', '2017-02-02', lambda o: f"Hb {fv(o.v, 1)} g/L ({S(o.date, 'eu')}).",
      lambda o: f"Hb is {o.v:.2f} g/dL = {o.v * 10:.0f} g/L; '{fv(o.v, 1)} g/L' is off by 10x.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'michael', 'wbc', '2021-02-26', lambda o: f"WBC {fv(o.v, 1)} /µL on {S(o.date, 'mdy')}.",
      lambda o: f"WBC is {o.v:.2f} x10^3/µL (= {o.v * 1000:.0f} /µL); '/µL' without 10^3 is wrong.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'thanh', 'egfr', '2020-10-27', lambda o: f"eGFR {fv(o.v, 0)} mL/s on {S(o.date, 'dmyl')}.",
      lambda o: f"eGFR is {o.v:.1f} mL/min/1.73m2; mL/s is the wrong unit (would be {o.v / 60:.2f} mL/s).",
      lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('wrong', 'jules', 'bp', '2017-08-23', lambda o: f"BP {fv(o.sys, 0)}/{fv(o.dia, 0)} kPa on {S(o.date, 'iso')}.",
      lambda o: f"BP is {o.sys:.1f}/{o.dia:.1f} mmHg; kPa would be {o.sys * 0.1333:.1f}/{o.dia * 0.1333:.1f}.",
      lambda o: [{'t': 'bp', 's': f"{fv(o.sys, 0)}/{fv(o.dia, 0)}", 'rid': o.id, 'conv': 'kpa'}])
    r('wrong', 'vito', 'psa', '1977-11-07', lambda o: f"PSA {fv(o.v, 1)} ng/dL ({S(o.date, 'mdy')}).",
      lambda o: f"PSA is {o.v:.3f} ng/mL; ng/dL would be {o.v * 100:.0f}.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'bryan', 'a1c', '2021-03-22', lambda o: f"HbA1c {fv(o.v, 1)} mmol/mol on {S(o.date, 'iso')}.",
      lambda o: f"A1c is {o.v:.3f} % (~{(o.v - 2.15) * 10.929:.0f} mmol/mol IFCC); '{fv(o.v, 1)} mmol/mol' is wrong.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'bryan', 'ca', '2021-03-22', lambda o: f"Ca {fv(o.v, 1)} mmol/L ({S(o.date, 'dmy')}).",
      lambda o: f"Calcium is {o.v:.3f} mg/dL (= {o.v / CA_MMOL:.2f} mmol/L).",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'andys', 'k', '2021-02-25', lambda o: f"Potassium {fv(o.v, 1)} mg/dL at the {S(o.date, 'mdyl')} visit.",
      lambda o: f"Potassium is {o.v:.3f} mmol/L; mg/dL is the wrong unit (4.6 mmol/L K = ~18 mg/dL).",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'beatrice', 'bnp', '2012-05-27', lambda o: f"NT-proBNP {fv(o.v, 0)} ng/mL, drawn at the {S(o.date, 'myl')} problem visit.",
      lambda o: f"NT-proBNP is {o.v:.1f} pg/mL (= {o.v / 1000:.3f} ng/mL); ng/mL overstates it 1000-fold.",
      lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('wrong', 'vito', 'uacr', '1978-01-09', lambda o: f"UACR {fv(o.v, 1)} mg/mmol ({S(o.date, 'iso')}).",
      lambda o: f"UACR is {o.v:.2f} mg/g (= {o.v / 8.84:.1f} mg/mmol); not converted.",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}])
    r('wrong', 'malcom', 'plt', '2016-11-18', lambda o: f"Platelets {fv(o.v, 0)} ×10⁶/L on {S(o.date, 'dmyl')}.",
      lambda o: f"Platelets {o.v:.1f} x10^3/µL = {o.v:.0f} x10^9/L, not x10^6/L.",
      lambda o: [{'t': 'val', 's': fv(o.v, 0), 'rid': o.id}])
    r('wrong', 'deedra', 'wt', '2020-10-30', lambda o: f"Weight {fv(o.v, 1)} kg, roughly {fv(o.v * 2.0, 0)} lb ({S(o.date, 'us2')}).",
      lambda o: f"{o.v:.2f} kg = {kg_to_lb(o.v):.0f} lb, not {fv(o.v * 2.0, 0)} lb (used factor 2.0).",
      lambda o: [{'t': 'val', 's': fv(o.v, 1), 'rid': o.id}, {'t': 'val', 's': fv(o.v * 2.0, 0), 'rid': o.id, 'hedge': 'about'}])


# ======================= ROUNDING =======================
def gen_rounding():
    cat = 'rounding'
    S = fd
    HEDGE = ['about', '~', 'approximately', 'roughly', 'around', '≈', 'approx.', 'close to']

    def one(label, key, an, date, prec, text_fn, hedge='about', off=None, kind='round', why_extra=''):
        p, o = O(key, an, date)
        v = o.v if an != 'bp' else None
        true = fv(o.v, prec)
        if label == 'correct':
            s = true
            why = f"{o.text} {o.v:.4g} {o.unit} on {o.date} rounds to {s}." + why_extra
        else:
            s = fv(o.v + off, prec) if off is not None else wrong_num(o.v, prec, R, rel=(0.05, 0.12))
            why = f"{o.text} was {o.v:.4g} {o.unit} on {o.date}; it rounds to {true}, not {s}." + why_extra
        text = text_fn(s, o)
        add(cat, p, text, C(p, o), label, why, [{'t': 'val', 's': s, 'rid': o.id, 'hedge': 'about'}])

    one('correct', 'bryan', 'a1c', '2017-02-27', 0, lambda s, o: f"A1c ~{s}% in {o.date[:4]}.")
    one('wrong', 'bryan', 'a1c', '2021-03-22', 1, lambda s, o: f"A1c was about {s}% on {S(o.date, 'mdy')}.", off=0.25)
    one('correct', 'alberto', 'wt', '2021-01-11', 0, lambda s, o: f"Weight roughly {s} kg at the {S(o.date, 'myl')} physical.")
    one('wrong', 'tyrell', 'wt', '2021-03-16', 0, lambda s, o: f"Weighs roughly {s} kg ({S(o.date, 'iso')}).", off=-4.2)
    one('correct', 'bryan', 'cr', '2021-03-22', 1, lambda s, o: f"Creatinine approximately {s} mg/dL on {S(o.date, 'dmyl')}.")
    one('wrong', 'andys', 'cr', '2021-02-25', 1, lambda s, o: f"Cr ≈ {s} mg/dL ({S(o.date, 'us')}).", off=0.12)
    one('correct', 'andys', 'k', '2021-02-25', 1, lambda s, o: f"K around {s} at the {S(o.date, 'ord')} visit (mmol/L).")
    one('wrong', 'thanh', 'k', '2016-11-15', 1, lambda s, o: f"Potassium about {s} mmol/L on {S(o.date, 'iso')}.", off=-0.5)
    one('correct', 'malcom', 'hb', '2011-09-23', 0, lambda s, o: f"Hgb roughly {s} g/dL back in {S(o.date, 'myl')}.")
    one('wrong', 'oswaldo', 'hb', '2019-04-09', 0, lambda s, o: f"Haemoglobin about {s} g/dL ({S(o.date, 'dmy')}).", off=-1.9)
    one('correct', 'andys', 'hdl', '2019-02-14', 0, lambda s, o: f"HDL approx. {s} mg/dL on {S(o.date, 'mdyl')}.")
    one('wrong', 'annmarie', 'hdl', '2020-06-30', 0, lambda s, o: f"HDL-C approx. {s} mg/dL in {S(o.date, 'myl')}.", off=-5.3)
    one('correct', 'annmarie', 'temp', '2012-07-05', 1, lambda s, o: f"T ≈ {s} °C on {S(o.date, 'dmy-')}.")
    one('wrong', 'monika', 'temp', '2015-03-01', 1, lambda s, o: f"Temp ≈ {s} °C at the {S(o.date, 'mdy')} sick visit.", off=-0.5)
    one('correct', 'elisha', 'tg', '2021-03-24', 0, lambda s, o: f"Triglycerides around {s} mg/dl ({S(o.date, 'iso')}).")
    one('wrong', 'emilia', 'tg', '2020-02-28', 0, lambda s, o: f"TG around {s} mg/dL on {S(o.date, 'dmyl')}.", off=-9.6)
    one('correct', 'vito', 'psa', '1977-11-07', 1, lambda s, o: f"PSA ~{s} ng/mL on {S(o.date, 'us')}.")
    one('wrong', 'vito', 'psa', '1976-09-13', 0, lambda s, o: f"PSA about {s} ng/mL in {S(o.date, 'myl')}.", off=1.4)
    one('correct', 'jules', 'egfr', '2017-08-23', 0, lambda s, o: f"eGFR approximately {s} mL/min/1.73m2 ({S(o.date, 'dmyl')}).")
    one('wrong', 'man', 'egfr', '2018-05-15', 0, lambda s, o: f"eGFR roughly {s} on {S(o.date, 'mdyl')}.", off=-7.8)
    one('correct', 'beatrice', 'mmse', '2011-04-07', 0, lambda s, o: f"MMSE about {s}/30 on {S(o.date, 'iso')}.")
    one('wrong', 'beatrice', 'mmse', '2007-05-28', 0, lambda s, o: f"MMSE around {s} in {S(o.date, 'myl')}.", off=-3.2)
    one('correct', 'thanh', 'alp', '2019-12-06', 0, lambda s, o: f"Alk phos roughly {s} U/L on {S(o.date, 'ord')}.")
    one('wrong', 'thanh', 'alt', '2018-12-06', 0, lambda s, o: f"ALT close to {s} U/L ({S(o.date, 'dmy')}).", off=-6.3)
    one('correct', 'evelyn', 'uacr', '1983-01-17', 0, lambda s, o: f"Microalbumin/creatinine ratio close to {s} mg/g on {S(o.date, 'mdy')}.")
    one('wrong', 'evelyn', 'egfr', '1982-12-20', 0, lambda s, o: f"eGFR ~{s} mL/min/1.73 m² on {S(o.date, 'the')}.", off=5.7)
    one('correct', 'maurice', 'bmi', '2021-01-08', 0, lambda s, o: f"BMI ≈ {s} kg/m² ({S(o.date, 'us2')}).")
    one('wrong', 'monika', 'bmi', '2020-04-04', 0, lambda s, o: f"BMI ≈ {s} kg/m² as of {S(o.date, 'dmyl')}.", off=-1.5)
    one('correct', 'emilia', 'wbc', '2021-02-19', 0, lambda s, o: f"White count roughly {s} K/uL on {S(o.date, 'iso')}.")
    one('wrong', 'deedra', 'plt', '2020-10-30', 0, lambda s, o: f"Platelets about {s} K/µL ({S(o.date, 'mdyl')}).", off=-27.7)
    one('correct', 'thanh', 'ldl', '2019-12-06', 0, lambda s, o: f"LDL approx {s} mg/dL on {S(o.date, 'us')}.")
    one('wrong', 'thanh', 'ldl', '2020-12-05', 0, lambda s, o: f"LDL approximately {s} mg/dL on {S(o.date, 'dmy')}.", off=-12.7)
    # "just under / just over / low-mid-high Ns" forms
    forms = [
        ('correct', 'dannie', 'bmi', '2015-03-12', lambda o: f"BMI just under 30 on {fd(o.date, 'iso')} ({fv(o.v, 2)}).", 'under', '30'),
        ('wrong', 'thanh', 'bmi', '2020-10-27', lambda o: f"BMI just under 30 kg/m2 at the {fd(o.date, 'mdy')} check-up.", 'under', '30'),
        ('correct', 'thanh', 'bmi', '2018-11-20', lambda o: f"BMI a hair over 30 ({fd(o.date, 'dmyl')}).", 'over', '30'),
        ('wrong', 'evelyn', 'bmi', '1984-02-13', lambda o: f"BMI slightly over 30 on {fd(o.date, 'mdyl')}.", 'over', '30'),
        ('correct', 'bryan', 'cr', '2021-03-22', lambda o: f"Creatinine just below 1.0 mg/dL on {fd(o.date, 'iso')}.", 'under', '1.0'),
        ('wrong', 'bryan', 'cr', '2019-03-11', lambda o: f"Creatinine just below 1.0 on {fd(o.date, 'ord')}.", 'under', '1.0'),
        ('correct', 'vito', 'psa', '1977-11-07', lambda o: f"PSA slightly above 4.5 ng/mL in {fd(o.date, 'myl')}.", 'over', '4.5'),
        ('wrong', 'vito', 'psa', '1975-08-18', lambda o: f"PSA slightly above 4 ng/mL on {fd(o.date, 'dmy')}.", 'over', '4'),
    ]
    for label, key, an, date, tf, h, s in forms:
        p, o = O(key, an, date)
        x = o.v
        why = (f"{o.text} {x:.3f} is just {'below' if h == 'under' else 'above'} {s}." if label == 'correct'
               else f"{o.text} {x:.3f} is {'above' if x > float(s) else 'well below' if h == 'over' else 'below'} {s}; claim says just {h} {s}.")
        if label == 'wrong' and h == 'over' and x < float(s):
            why = f"{o.text} was {x:.3f}, below {s}, not slightly above it."
        if label == 'wrong' and h == 'under' and x > float(s):
            why = f"{o.text} was {x:.3f}, above {s}, not just under it."
        if label == 'wrong' and h == 'under' and x < float(s):
            why = f"{o.text} was {x:.3f}, well under {s} (not 'just below')."
        ch = [{'t': 'val', 's': s, 'rid': o.id, 'hedge': h}]
        if 'BMI just under 30 on' in tf(o):
            ch.append({'t': 'val', 's': fv(o.v, 2), 'rid': o.id})
        add(cat, p, tf(o), C(p, o), label, why, ch)
    # decade-style systolic
    dec = [('correct', 'jules', '2020-08-26', 'high 170s'), ('wrong', 'man', '2018-05-15', 'low 170s'),
           ('correct', 'vito', '1979-09-24', 'mid-180s'), ('wrong', 'thanh', '2016-11-15', 'mid-180s')]
    for label, key, date, phr in dec:
        p, o = O(key, 'bp', date)
        text = f"Systolic in the {phr} on {fd(date, R.choice(['iso', 'mdy', 'dmy']))}."
        why = f"Systolic (component[{o.sys_i}]) {o.sys:.1f} mmHg " + ("is in the " + phr if label == 'correct' else "is not in the " + phr) + '.'
        add(cat, p, text, C(p, ('comp', o, 'sys')), label, why, [{'t': 'decade', 's': phr, 'rid': o.id, 'comp': 'sys'}])


# ======================= TRENDS =======================
UPW = ['rose', 'went up', 'increased', 'climbed']
DNW = ['fell', 'dropped', 'declined', 'decreased']
BETTER_LOW = {'ldl', 'a1c', 'cr', 'uacr', 'tc', 'tg', 'bp', 'psa', 'glu'}
BETTER_HIGH = {'egfr', 'hdl', 'mmse'}


def gen_trends():
    cat = 'trends'
    # (key, an, date1, date2, mode)  mode: 'dir' (correct direction), 'flip' (wrong direction), 'swap' (swap years),
    # 'stable_ok', 'stable_bad', 'imp' (improved/worsened correct), 'imp_bad'
    rows = [
        ('alberto', 'wt', '2011-11-21', '2021-01-11', 'dir'), ('deedra', 'ht', '2012-02-03', '2020-10-30', 'flip'),
        ('beatrice', 'mmse', '2006-07-02', '2011-04-07', 'imp'), ('evelyn', 'egfr', '1982-10-18', '1982-12-20', 'imp_bad'),
        ('evelyn', 'cr', '1982-10-18', '1982-12-20', 'dir'), ('vito', 'psa', '1974-06-03', '1976-09-13', 'swap'),
        ('vito', 'wt', '1969-11-17', '1976-02-16', 'flip'), ('thanh', 'ldl', '2019-12-06', '2020-12-05', 'imp'),
        ('thanh', 'hdl', '2017-12-06', '2018-12-06', 'flip'), ('thanh', 'cr', '2016-11-15', '2020-12-05', 'dir'),
        ('andys', 'wt', '2012-01-05', '2021-02-25', 'stable_ok'), ('annmarie', 'wt', '2016-06-07', '2020-06-30', 'stable_bad'),
        ('bryan', 'a1c', '2012-02-06', '2021-03-22', 'dir'), ('bryan', 'glu', '2012-02-06', '2019-03-11', 'swap'),
        ('emilia', 'hb', '2016-02-05', '2021-02-19', 'dir'), ('emilia', 'wbc', '2016-02-05', '2021-02-19', 'flip'),
        ('dannie', 'ldl', '2015-03-12', '2018-03-15', 'imp'), ('nohemi', 'ldl', '2016-06-08', '2019-06-26', 'imp_bad'),
        ('nohemi', 'plt', '2013-05-22', '2018-06-20', 'dir'), ('jules', 'bp', '2012-08-08', '2013-08-14', 'stable_bad'),
        ('jules', 'egfr', '2014-08-20', '2020-08-26', 'dir'), ('man', 'egfr', '2016-05-03', '2018-05-15', 'swap'),
        ('man', 'bp', '2016-05-03', '2019-05-21', 'dir'), ('oswaldo', 'ldl', '2017-03-28', '2020-04-14', 'imp'),
        ('oswaldo', 'hdl', '2017-03-28', '2020-04-14', 'flip'), ('malcom', 'ldl', '2013-09-27', '2019-12-06', 'dir'),
        ('malcom', 'tg', '2013-09-27', '2019-12-06', 'swap'), ('michael', 'hdl', '2012-05-04', '2018-05-11', 'stable_ok'),
        ('michael', 'tc', '2012-05-04', '2018-05-11', 'flip'), ('maurice', 'hb', '2015-01-23', '2020-02-21', 'dir'),
        ('monika', 'bmi', '2011-11-19', '2020-04-04', 'dir'), ('tyrell', 'wt', '2012-01-24', '2021-03-16', 'stable_bad'),
        ('erin', 'bmi', '2014-09-29', '2020-11-02', 'flip'), ('elisha', 'wt', '2014-03-26', '2021-03-24', 'stable_ok'),
        ('elisha', 'wt', '2012-03-21', '2014-03-26', 'flip'), ('mathilda', 'wt', '2011-07-11', '2020-08-31', 'dir'),
        ('gale', 'ht', '2017-05-02', '2020-08-04', 'swap'), ('junita', 'wt', '2019-10-23', '2021-03-31', 'swap'),
        ('beatrice', 'ldl', '2004-06-20', '2010-07-25', 'imp'), ('beatrice', 'wt', '2009-07-19', '2010-07-25', 'flip'),
        ('evelyn', 'uacr', '1982-08-23', '1983-01-17', 'imp'), ('vito', 'uacr', '1975-02-17', '1975-04-21', 'imp_bad'),
        ('vito', 'egfr', '1975-02-17', '1975-03-24', 'dir'), ('alberto', 'hb', '2013-12-02', '2018-12-31', 'stable_ok'),
        ('emilia', 'mcv', '2016-02-05', '2021-02-19', 'stable_ok'), ('andys', 'na', '2015-01-22', '2021-02-25', 'stable_bad'),
        ('dannie', 'tc', '2012-03-08', '2021-03-18', 'stable_ok'), ('thanh', 'na', '2016-11-15', '2020-12-05', 'stable_ok'),
        ('bryan', 'tc', '2014-02-10', '2020-03-16', 'flip'), ('annmarie', 'tc', '2017-06-13', '2020-06-30', 'imp'),
        ('andyg', 'ht', '2018-06-07', '2021-02-04', 'swap'), ('man', 'ldl', '2012-04-10', '2015-04-28', 'imp'),
    ]
    T = [
        lambda n, a, b, u, A, B, w: f"{cap(n)} {w} from {a} {u} {prep(A)} to {b} {u} {prep(B)}.",
        lambda n, a, b, u, A, B, w: f"Between {A} and {B}, {n} {w} ({a} → {b} {u}).",
        lambda n, a, b, u, A, B, w: f"{cap(n)} {w}: {a} {prep(A)} vs {b} {prep(B)} ({u}).",
        lambda n, a, b, u, A, B, w: f"Q: How has the {n} changed? A: It {w}, {a} → {b} {u} ({A} to {B}).",
        lambda n, a, b, u, A, B, w: f"From {A} ({a} {u}) to {B} ({b} {u}) the {n} {w}.",
        lambda n, a, b, u, A, B, w: f"The {n} {w} to {b} {u} by {B}, from {a} {u} {prep(A)}.",
        lambda n, a, b, u, A, B, w: f"Trend: {n} {w} — {a} ({A}) then {b} ({B}), {u}.",
        lambda n, a, b, u, A, B, w: f"Compared with {A}, {n} {w} {prep(B)} ({a} vs {b} {u}).",
    ]
    styles = ['iso', 'mdy', 'dmy', 'y', 'y', 'myl', 'us', 'y', 'dmyl', 'y']
    for i, (key, an, d1, d2, mode) in enumerate(rows):
        p = P[key]
        o1, o2 = p.at(an, d1), p.at(an, d2)
        if an == 'bp':
            x1, x2 = o1.sys, o2.sys; nm = 'systolic BP'; u = 'mmHg'; prec = 0
        else:
            x1, x2 = o1.v, o2.v; a = AN[an]; nm = a['names'][0] if an not in ('wt', 'ht') else {'wt': 'weight', 'ht': 'height'}[an]
            if an in ('hb', 'wbc', 'plt', 'mcv'):
                nm = {'hb': 'haemoglobin' if i % 2 else 'hemoglobin', 'wbc': 'WBC', 'plt': 'platelet count', 'mcv': 'MCV'}[an]
            u = a['units'][0]; prec = a['prec']
        st = styles[i % len(styles)]
        # year-level only if unique within year
        if st == 'y':
            ys = [o.date[:4] for o in p.series(an)]
            if ys.count(d1[:4]) > 1 or ys.count(d2[:4]) > 1:
                st = 'iso'
        A, B = fd(d1, st), fd(d2, st)
        sa, sb = fv(x1, prec), fv(x2, prec)
        rel = (x2 - x1) / x1
        up = x2 > x1
        if mode in ('dir', 'flip', 'swap'):
            claimed_up = up if mode != 'flip' else not up
            w = R.choice(UPW if claimed_up else DNW)
            if mode == 'swap':
                # values attached to the wrong dates; direction stated consistent with the swapped numbers
                sa, sb = sb, sa
                w = R.choice(DNW if up else UPW)
                label = 'wrong'
                why = f"Values swapped between dates: {d1} was {x1:.4g}, {d2} was {x2:.4g}; the {nm} actually {'rose' if up else 'fell'}."
                checks = [{'t': 'val', 's': sa, 'rid': o1.id, **({'comp': 'sys'} if an == 'bp' else {})},
                          {'t': 'val', 's': sb, 'rid': o2.id, **({'comp': 'sys'} if an == 'bp' else {})},
                          {'t': 'dir', 'a': o1.id, 'b': o2.id, 'claim': 'down' if up else 'up', **({'comp': 'sys'} if an == 'bp' else {})}]
            else:
                label = 'correct' if mode == 'dir' else 'wrong'
                why = (f"{nm}: {x1:.4g} on {d1} → {x2:.4g} on {d2} ({'up' if up else 'down'} {abs(rel) * 100:.0f}%)." if label == 'correct'
                       else f"{nm} went {'UP' if up else 'DOWN'} from {x1:.4g} ({d1}) to {x2:.4g} ({d2}); claim says it {w}.")
                checks = [{'t': 'val', 's': sa, 'rid': o1.id, **({'comp': 'sys'} if an == 'bp' else {})},
                          {'t': 'val', 's': sb, 'rid': o2.id, **({'comp': 'sys'} if an == 'bp' else {})},
                          {'t': 'dir', 'a': o1.id, 'b': o2.id, 'claim': 'up' if claimed_up else 'down', **({'comp': 'sys'} if an == 'bp' else {})}]
            t = T[i % len(T)]
            text = t(nm, sa, sb, u, A, B, w)
        elif mode in ('imp', 'imp_bad'):
            better = (not up) if an in BETTER_LOW else up
            claim_better = better if mode == 'imp' else not better
            w = 'improved' if claim_better else 'worsened'
            label = 'correct' if mode == 'imp' else 'wrong'
            uu = (' ' + u) if u else ''
            TI = [lambda: f"{cap(nm)} {w} from {sa} to {sb}{uu} between {A} and {B}.",
                  lambda: f"{'Improving' if claim_better else 'Worsening'} {nm}: {sa} {prep(A)}, {sb} {prep(B)}" + (f" ({u})." if u else "."),
                  lambda: f"{cap(nm)} has {w} ({A}: {sa}; {B}: {sb}{uu})."]
            text = TI[i % 3]()
            direction = ('down' if an in BETTER_LOW else 'up') if claim_better else ('up' if an in BETTER_LOW else 'down')
            why = (f"{nm} {x1:.4g} → {x2:.4g}; {'lower' if an in BETTER_LOW else 'higher'} is better for {nm}, so it "
                   f"{'improved' if better else 'worsened'}." + ('' if label == 'correct' else f" Claim says {w}."))
            checks = [{'t': 'val', 's': sa, 'rid': o1.id}, {'t': 'val', 's': sb, 'rid': o2.id},
                      {'t': 'dir', 'a': o1.id, 'b': o2.id, 'claim': direction}]
        else:
            label = 'correct' if mode == 'stable_ok' else 'wrong'
            TS = [lambda: f"{cap(nm)} stable ({sa} {u} {prep(A)}, {sb} {u} {prep(B)}).",
                  lambda: f"No real change in {nm} between {A} and {B}: {sa} vs {sb} {u}.",
                  lambda: f"{cap(nm)} essentially unchanged from {A} to {B} ({sa} → {sb} {u}).",
                  lambda: f"{cap(nm)} has held steady — {sa} {prep(A)} and {sb} {prep(B)} ({u})."]
            text = TS[i % 4]()
            why = (f"{nm} {x1:.4g} → {x2:.4g} ({rel * 100:+.1f}%), within the ±3% tolerance assumed for 'stable'." if label == 'correct'
                   else f"{nm} changed {rel * 100:+.1f}% ({x1:.4g} → {x2:.4g}); not stable (tolerance ±3%).")
            checks = [{'t': 'val', 's': sa, 'rid': o1.id, **({'comp': 'sys'} if an == 'bp' else {})},
                      {'t': 'val', 's': sb, 'rid': o2.id, **({'comp': 'sys'} if an == 'bp' else {})},
                      {'t': 'dir', 'a': o1.id, 'b': o2.id, 'claim': 'stable', **({'comp': 'sys'} if an == 'bp' else {})}]
        cites = C(p, ('comp', o1, 'sys'), ('comp', o2, 'sys')) if an == 'bp' else C(p, o1, o2)
        add(cat, p, text, cites, label, why, checks)
    # multi-point monotonic claims
    mono = [('alberto', 'wt', 'up', 'correct', "Alberto's weight went up at every annual visit from 2011 through 2021."),
            ('erin', 'bmi', 'up', 'wrong', "BMI has risen at every well visit since 2011."),
            ('vito', 'a1c', 'down', 'wrong', "HbA1c fell at every single check between 1969 and 1979."),
            ('monika', 'ht', 'up', 'correct', "Height increased at each recorded visit from 2011 to 2020.")]
    for key, an, d, label, text in mono:
        p = P[key]; s = p.series(an)
        vals = [o.v for o in s]
        why = (f"All {len(s)} {an} values strictly {'increase' if d == 'up' else 'decrease'}: " + ', '.join(f'{v:.4g}' for v in vals)
               if label == 'correct' else f"Series not monotonic: " + ', '.join(f'{o.date[:4]}:{o.v:.4g}' for o in s))
        add(cat, p, text, C(p, *s), label, why[:400], [{'t': 'mono', 'rids': [o.id for o in s], 'claim': d}])


if __name__ == '__main__':
    gen_units(); gen_rounding(); gen_trends()
    for c, m in CLAIMS:
        print(c['category'], c['label'], '|', c['text'], '|', c['why'][:110])
    for cat in ['units', 'rounding', 'trends']:
        print(cat, cnt(cat))
