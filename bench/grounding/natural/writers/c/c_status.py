from lib import *
cat = 'status'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('beatrice', 'correct', "Her clopidogrel 75 mg order is listed as active.",
  [M('beatrice', 'Clopidogrel')], [st(0, 'active'), code(0, '75 MG')], 'status active')
A('thanh', 'correct', "Simvastatin 10 mg is active — renewed 12/5/2020.",
  [M('thanh', 'Simvistatin', '2020')], [st(0, 'active'), d(0, '2020-12-05')], 'status active, authored 2020-12-05')
A('thanh', 'correct', "The Dec 2019 simvastatin prescription is marked stopped (superseded by the Dec 2020 renewal).",
  [M('thanh', 'Simvistatin', '2019'), M('thanh', 'Simvistatin', '2020')], [st(0, 'stopped'), st(1, 'active')], '2019 order stopped, 2020 order active')
A('jules', 'correct', "Currently taking HCTZ 25 mg.",
  [M('jules', 'Hydrochlorothiazide')], [st(0, 'active')], 'status active')
A('jules', 'correct', "Viral sinusitis since 3/30/2021 — still active.",
  [C('jules', 'Viral sinusitis', '2021')], [st(0, 'active'), d(0, '2021-03-30')], 'clinicalStatus active, no abatement')
A('jules', 'correct', "The January 2020 sinusitis resolved on 1/28/2020.",
  [C('jules', 'Viral sinusitis', '2020')], [st(0, 'resolved'), ab(0, '2020-01-28')], 'resolved, abatement 2020-01-28')
A('alberto', 'correct', "Ankle sprain from July 2020 has resolved.",
  [C('alberto', 'Sprain')], [st(0, 'resolved'), d(0, '2020-07')], 'resolved, abatement 2020-07-28')
A('andys', 'correct', "Former smoker.", [O('andys', 'smoke', '2021')], [cval(0, 'Former'), smoke_latest('Former')], 'latest smoking status 2021-02-25 Former smoker')
A('bryan', 'correct', "Smoking status: former smoker (as of 3/22/2021).", [O('bryan', 'smoke', '2021')], [cval(0, 'Former'), smoke_latest('Former'), d(0, '2021-03-22')], 'Former smoker 2021-03-22 (latest)')
A('man', 'correct', "Ex-smoker per the May 2020 visit.", [O('man', 'smoke', '2020')], [cval(0, 'Former'), smoke_latest('Former')], 'Former smoker 2020-05-26 (latest)')
A('michael', 'correct', "Lifelong never smoker.", [O('michael', 'smoke', '2021')], [cval(0, 'Never'), smoke_latest('Never')], 'Never smoker at all 4 visits, latest 2021-02-26')
A('mathilda', 'correct', "Childhood asthma remains active.", [C('mathilda', 'asthma')], [st(0, 'active')], 'clinicalStatus active')
A('mathilda', 'correct', "NuvaRing is an active prescription.", [M('mathilda', 'NuvaRing')], [st(0, 'active')], 'status active')
A('maurice', 'correct', "Depo-Provera has been discontinued; she is now on Seasonique (active).",
  [M('maurice', 'medroxyprogesterone'), M('maurice', 'Seasonique')], [st(0, 'stopped'), st(1, 'active'), before(0, 1)], 'medroxyprogesterone stopped; Seasonique active, authored later')
A('monika', 'correct', "Levora (active since October 2020).", [M('monika', 'Levora')], [st(0, 'active'), d(0, '2020-10')], 'status active, authored 2020-10-22')
A('nohemi', 'correct', "She is currently on naproxen sodium 220 mg.", [M('nohemi', 'Naproxen')], [st(0, 'active')], 'status active')
A('nohemi', 'correct', "Acute bronchitis from Feb 2021 has resolved (2/28/2021).", [C('nohemi', 'bronchitis', '2021')], [st(0, 'resolved'), ab(0, '2021-02-28')], 'resolved 2021-02-28')
A('oswaldo', 'correct', "Osteoporosis is an active problem and alendronate remains active.",
  [C('oswaldo', 'Osteoporosis'), M('oswaldo', 'Alendronic')], [st(0, 'active'), st(1, 'active')], 'both active')
A('erin', 'correct', "The oxycodone/APAP from Dec 2018 has been stopped.", [M('erin', 'oxyCODONE')], [st(0, 'stopped'), d(0, '2018-12')], 'status stopped')
A('bryan', 'correct', "Clopidogrel (ordered 9/2018) is now marked stopped.", [M('bryan', 'Clopidogrel')], [st(0, 'stopped'), d(0, '2018')], 'status stopped')
A('elisha', 'correct', "Hip OA still active; the naproxen ordered for it in 2016 is stopped.",
  [C('elisha', 'Osteoarthritis'), M('elisha', 'Naproxen')], [st(0, 'active'), st(1, 'stopped'), reason(1, 'Osteoarthritis')], 'OA active; naproxen stopped')
A('dannie', 'correct', "Her chronic sinusitis is still an active problem.", [C('dannie', 'Chronic sinusitis')], [st(0, 'active')], 'clinicalStatus active')
A('andys', 'correct', "Carcinoma in situ of the prostate remains on the active problem list.", [C('andys', 'Carcinoma in situ')], [st(0, 'active')], 'active')
A('evelyn', 'correct', "Metformin ER remains an active order on her medication list.", [M('evelyn', 'Metformin')], [st(0, 'active')], 'status active')
A('emilia', 'correct', "Her Feb 2021 bronchitis has resolved (ended 2/26/2021).", [C('emilia', 'bronchitis', '2021')], [st(0, 'resolved'), ab(0, '2021-02-26')], 'resolved 2021-02-26')
A('gale', 'correct', "Dear parent: Gale's ear infection (otitis media) resolved by 8/6/2019.", [C('gale', 'Otitis')], [st(0, 'resolved'), ab(0, '2019-08-06')], 'resolved')
A('tyrell', 'correct', "Never smoker; ankle sprain resolved 6/28/2020.", [O('tyrell', 'smoke', '2021'), C('tyrell', 'Sprain')], [cval(0, 'Never'), smoke_latest('Never'), st(1, 'resolved'), ab(1, '2020-06-28')], 'Never smoker; sprain resolved 2020-06-28')
A('annmarie', 'correct', "Chronic sinusitis, active since 1946.", [C('annmarie', 'Chronic sinusitis')], [st(0, 'active'), d(0, '1946')], 'active, onset 1946-12-17')
A('vito', 'correct', "Humulin 70/30 order is active on his med list.", [M('vito', 'Humulin')], [st(0, 'active')], 'status active')
A('andyg', 'correct', "The cefuroxime course (Nov 2020) is finished — order stopped.", [M('andyg', 'Cefuroxime')], [st(0, 'stopped')], 'status stopped')

# ---------------- wrong ----------------
A('bryan', 'wrong', "Currently taking clopidogrel 75 mg daily.", [M('bryan', 'Clopidogrel')], [err(st(0, 'active'))], 'clopidogrel order status stopped')
A('thanh', 'wrong', "The Dec 2019 simvastatin order is still active.", [M('thanh', 'Simvistatin', '2019')], [err(st(0, 'active'))], 'status stopped')
A('jules', 'wrong', "The sinusitis that began 3/30/2021 has resolved.", [C('jules', 'Viral sinusitis', '2021')], [err(st(0, 'resolved'))], 'still active')
A('jules', 'wrong', "HCTZ has been discontinued.", [M('jules', 'Hydrochlorothiazide')], [err(st(0, 'stopped'))], 'HCTZ active')
A('alberto', 'wrong', "Ankle sprain (7/2020) is still an active problem.", [C('alberto', 'Sprain')], [err(st(0, 'active'))], 'resolved 2020-07-28')
A('andys', 'wrong', "Pre-visit brief: Mr. Schaden is a current smoker.", [O('andys', 'smoke', '2021')], [err(cval(0, 'Current'))], 'Former smoker')
A('bryan', 'wrong', "Never smoker.", [O('bryan', 'smoke', '2021')], [err(cval(0, 'Never'))], 'Former smoker')
A('man', 'wrong', "Current every-day smoker.", [O('man', 'smoke', '2020')], [err(cval(0, 'Current'))], 'Former smoker')
A("michael", "wrong", "Michael is a former smoker.", [O('michael', 'smoke', '2021')], [err(cval(0, 'Former'))], 'Never smoker')
A('mathilda', 'wrong', "Her childhood asthma has resolved.", [C('mathilda', 'asthma')], [err(st(0, 'resolved'))], 'active')
A('maurice', 'wrong', "Still on Depo-Provera injections (active order).", [M('maurice', 'medroxyprogesterone')], [err(st(0, 'active'))], 'status stopped')
A('monika', 'wrong', "Q: Is Monika still on Levora? A: No, it was discontinued.", [M('monika', 'Levora')], [err(st(0, 'stopped'))], 'active')
A('nohemi', 'wrong', "Your naproxen prescription has been stopped.", [M('nohemi', 'Naproxen')], [err(st(0, 'stopped'))], 'active')
A('nohemi', 'wrong', "The Feb 2021 bronchitis is still active.", [C('nohemi', 'bronchitis', '2021')], [err(st(0, 'active'))], 'resolved 2021-02-28')
A('oswaldo', 'wrong', "Alendronate was discontinued.", [M('oswaldo', 'Alendronic')], [err(st(0, 'stopped'))], 'active')
A('erin', 'wrong', "Still taking oxycodone/acetaminophen q6h.", [M('erin', 'oxyCODONE')], [freq(0, 1, 6, 'h'), err(st(0, 'active'))], 'stopped')
A('elisha', 'wrong', "Currently takes naproxen for his hip OA.", [M('elisha', 'Naproxen'), C('elisha', 'Osteoarthritis')], [reason(0, 'Osteoarthritis'), err(st(0, 'active'))], 'naproxen stopped')
A('dannie', 'wrong', "Your chronic sinusitis has resolved.", [C('dannie', 'Chronic sinusitis')], [err(st(0, 'resolved'))], 'active')
A('andys', 'wrong', "Prostate carcinoma in situ has resolved.", [C('andys', 'Carcinoma in situ')], [err(st(0, 'resolved'))], 'active')
A('emilia', 'wrong', "Her Feb 2021 bronchitis is still ongoing.", [C('emilia', 'bronchitis', '2021')], [err(st(0, 'active'))], 'resolved 2021-02-26')
A('gale', 'wrong', "Otitis media is an active problem.", [C('gale', 'Otitis')], [err(st(0, 'active'))], 'resolved 2019-08-06')
A('tyrell', 'wrong', "Tyrell is a current smoker.", [O('tyrell', 'smoke', '2021')], [err(cval(0, 'Current'))], 'Never smoker')
A('annmarie', 'wrong', "Her chronic sinusitis has resolved.", [C('annmarie', 'Chronic sinusitis')], [err(st(0, 'resolved'))], 'active')
A('deedra', 'wrong', "Natazia remains an active prescription.", [M('deedra', 'Natazia')], [err(st(0, 'active'))], 'stopped')
A('andyg', 'wrong', "Still on cefuroxime.", [M('andyg', 'Cefuroxime')], [err(st(0, 'active'))], 'stopped')
A('malcom', 'wrong', "Viral sinusitis from Oct 2018 is still active.", [C('malcom', 'Viral sinusitis', '2018')], [err(st(0, 'active'))], 'resolved 2018-11-02')
A('mathilda', 'wrong', "Fexofenadine was stopped.", [M('mathilda', 'Fexofenadine')], [err(st(0, 'stopped'))], 'active')
A('evelyn', 'wrong', "The Jan 1976 acute bronchitis never resolved (still active).", [C('evelyn', 'bronchitis')], [err(st(0, 'active'))], 'resolved 1976-01-28')
A('vito', 'wrong', "Metformin ER was discontinued.", [M('vito', 'Metformin')], [err(st(0, 'stopped'))], 'active')
A('erin', 'wrong', "His MCL knee injury is still active.", [C('erin', 'medial collateral')], [err(st(0, 'active'))], 'resolved 2019-01-05')
