"""Load the Synthea bundles into simple per-patient fact tables (dev5 eval writer helper)."""
import json, glob, os, re, collections
DATA = '/work/shared/data/synthea'

SHORT = {
 'Body Height':'height','Body Weight':'weight','Body Mass Index':'bmi','Blood Pressure':'bp',
 'Total Cholesterol':'tc','Triglycerides':'tg','Low Density Lipoprotein Cholesterol':'ldl',
 'High Density Lipoprotein Cholesterol':'hdl','Glucose':'glucose','Urea Nitrogen':'bun','Creatinine':'cr',
 'Calcium':'ca','Sodium':'na','Potassium':'k','Chloride':'cl','Carbon Dioxide':'co2',
 'Hemoglobin A1c/Hemoglobin.total in Blood':'a1c','Estimated Glomerular Filtration Rate':'egfr',
 'Microalbumin Creatinine Ratio':'uacr','Leukocytes [#/volume] in Blood by Automated count':'wbc',
 'Erythrocytes [#/volume] in Blood by Automated count':'rbc','Hemoglobin [Mass/volume] in Blood':'hgb',
 'Hematocrit [Volume Fraction] of Blood by Automated count':'hct','MCV [Entitic volume] by Automated count':'mcv',
 'MCH [Entitic mass] by Automated count':'mch','MCHC [Mass/volume] by Automated count':'mchc',
 'Erythrocyte distribution width [Entitic volume] by Automated count':'rdw',
 'Platelets [#/volume] in Blood by Automated count':'plt',
 'Platelet distribution width [Entitic volume] in Blood by Automated count':'pdw',
 'Platelet mean volume [Entitic volume] in Blood by Automated count':'mpv',
 'Oral temperature':'temp','Pain severity - 0-10 verbal numeric rating [Score] - Reported':'pain',
 'Tobacco smoking status NHIS':'smoking','Prostate specific Ag [Mass/volume] in Serum or Plasma':'psa',
 'Protein [Mass/volume] in Serum or Plasma':'protein','Albumin [Mass/volume] in Serum or Plasma':'albumin',
 'Globulin [Mass/volume] in Serum by calculation':'globulin','Bilirubin.total [Mass/volume] in Serum or Plasma':'bili',
 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma':'alp',
 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma':'alt',
 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma':'ast',
 'Total score [MMSE]':'mmse','Left ventricular Ejection fraction':'lvef','NT-proBNP':'ntprobnp',
 'DXA [T-score] Bone density':'tscore',
}

def short(disp):
    if disp in SHORT: return SHORT[disp]
    if disp.startswith('Glomerular filtration rate'): return 'gfr_pred'
    return disp

class Patient:
    def __init__(self, path):
        b = json.load(open(path))
        self.file = os.path.basename(path)
        self.res = [e['resource'] for e in b['entry']]
        self.byid = {r['id']: r for r in self.res}
        p = [r for r in self.res if r['resourceType']=='Patient'][0]
        self.p = p; self.id = p['id']
        self.name = ' '.join(p['name'][0]['given']) + ' ' + p['name'][0]['family']
        self.key = self.file.split('_')[0].lower() + '_' + self.file.split('_')[1].lower()
        self.gender = p['gender']; self.birth = p['birthDate']; self.deceased = p.get('deceasedDateTime','')[:10] or None
        self.obs = collections.defaultdict(list)   # short -> list of dict(id,date,value,unit)
        for r in self.res:
            if r['resourceType']!='Observation': continue
            s = short(r['code']['coding'][0]['display'])
            d = r['effectiveDateTime'][:10]
            if 'valueQuantity' in r:
                self.obs[s].append(dict(id=r['id'], date=d, value=r['valueQuantity']['value'], unit=r['valueQuantity'].get('unit')))
            elif 'valueCodeableConcept' in r:
                self.obs[s].append(dict(id=r['id'], date=d, value=r['valueCodeableConcept']['coding'][0]['display'], unit=None))
            elif 'component' in r:
                comp = {}
                for i,c in enumerate(r['component']):
                    cd = c['code']['coding'][0]['display']
                    comp['dia' if cd.startswith('Diastolic') else 'sys'] = (i, c['valueQuantity']['value'])
                self.obs[s].append(dict(id=r['id'], date=d, sys=comp['sys'][1], dia=comp['dia'][1],
                    sys_i=comp['sys'][0], dia_i=comp['dia'][0], unit='mm[Hg]'))
        for k in self.obs: self.obs[k].sort(key=lambda x: x['date'])
        self.conds = [dict(id=r['id'], name=r['code']['coding'][0]['display'], onset=r.get('onsetDateTime','')[:10],
                           abate=r.get('abatementDateTime','')[:10] or None, status=r['clinicalStatus']['coding'][0]['code'])
                      for r in self.res if r['resourceType']=='Condition']
        self.meds = [dict(id=r['id'], name=r['medicationCodeableConcept']['coding'][0]['display'], date=r['authoredOn'][:10],
                          status=r['status'], reason=[x.get('reference') for x in r.get('reasonReference',[])],
                          prn=bool(((r.get('dosageInstruction') or [{}])[0]).get('asNeededBoolean')),
                          timing=((r.get('dosageInstruction') or [{}])[0]).get('timing',{}).get('repeat'))
                     for r in self.res if r['resourceType']=='MedicationRequest']
        self.allergies = [dict(id=r['id'], name=r['code']['coding'][0]['display'], date=r.get('recordedDate','')[:10],
                               status=r['clinicalStatus']['coding'][0]['code']) for r in self.res if r['resourceType']=='AllergyIntolerance']
        self.imms = [dict(id=r['id'], name=r['vaccineCode']['coding'][0]['display'], date=r['occurrenceDateTime'][:10])
                     for r in self.res if r['resourceType']=='Immunization']
        self.procs = []
        for r in self.res:
            if r['resourceType']!='Procedure': continue
            d = (r.get('performedDateTime') or r.get('performedPeriod',{}).get('start',''))[:10]
            self.procs.append(dict(id=r['id'], name=r['code']['coding'][0]['display'], date=d))
        self.encs = [dict(id=r['id'], type=r['type'][0]['coding'][0]['display'], date=r['period']['start'][:10],
                          end=r['period'].get('end','')[:10], cls=r['class']['code'],
                          reason=(r.get('reasonCode') or [{'coding':[{'display':None}]}])[0]['coding'][0]['display'])
                     for r in self.res if r['resourceType']=='Encounter']
        self.encs.sort(key=lambda x: x['date'])
        self.reports = [dict(id=r['id'], name=r['code']['coding'][0]['display'], date=r['effectiveDateTime'][:10],
                             results=[x['reference'].replace('urn:uuid:','') for x in r.get('result',[])])
                        for r in self.res if r['resourceType']=='DiagnosticReport']

    def latest(self, k): return self.obs[k][-1]
    def on(self, k, date):
        xs = [o for o in self.obs[k] if o['date']==date]
        assert len(xs)==1, (self.key,k,date,len(xs)); return xs[0]
    def cond(self, sub, which=0):
        xs = [c for c in self.conds if sub.lower() in c['name'].lower()]
        assert xs, (self.key, sub); return xs[which]
    def med(self, sub, which=0):
        xs = [c for c in self.meds if sub.lower() in c['name'].lower()]
        assert xs, (self.key, sub); return xs[which]

def load_all():
    pts = {}
    for f in sorted(glob.glob(DATA+'/*.json')):
        p = Patient(f); pts[p.key] = p
    return pts
