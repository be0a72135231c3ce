from lib import *
cat = 'swapped'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

def bp_ok(k, dt, text, s, dd, why=''):
    A(k, 'correct', text, [BP(k, dt)], [bpv(0, 'Systolic', s), bpv(0, 'Diastolic', dd), d(0, dt)], why or f'systolic {s} / diastolic {dd} as written')
def bp_sw(k, dt, text, s_written, d_written, why):
    # text puts the diastolic value in the systolic slot and vice versa
    A(k, 'wrong', text, [BP(k, dt)], [err(bpv(0, 'Systolic', s_written)), err(bpv(0, 'Diastolic', d_written)), d(0, dt)], why)

# ---- BP: correct same-shape ----
bp_ok('nohemi', '2011-05-11', "BP 139/79 on 5/11/2011.", '139', '79')
bp_ok('emilia', '2014-01-24', "Blood pressure was 138/82 mmHg at the 1/24/2014 visit.", '138', '82')
bp_ok('malcom', '2016-11-18', "SBP 124, DBP 85 (11/18/2016).", '124', '85')
bp_ok('michael', '2015-05-08', "Systolic 125 and diastolic 68 on 8 May 2015.", '125', '68')
bp_ok('oswaldo', '2013-03-05', "BP 114/87 (Mar 5, 2013).", '114', '87')
bp_ok('annmarie', '2011-09-27', "Her BP on 9/27/2011 was 123 over 87.", '123', '87')
bp_ok('bryan', '2012-02-06', "2/6/2012: BP 133/87.", '133', '87')
bp_ok('andys', '2018-02-08', "BP 103/87 on Feb 8, 2018.", '103', '87')
bp_ok('thanh', '2014-11-11', "BP 182/118 on 11/11/2014.", '182', '118')
bp_ok('evelyn', '1976-04-26', "Blood pressure 174/114 mm Hg on 26 April 1976.", '174', '114')
bp_ok('jules', '2017-08-23', "BP 173/110 recorded Aug 23, 2017.", '173', '110')
bp_ok('alberto', '2015-12-14', "BP 138/75 on 12/14/2015.", '138', '75')
# ---- BP: systolic/diastolic swapped ----
bp_sw('dannie', '2015-03-12', "BP 88/126 on 3/12/2015.", '88', '126', 'swapped: actual 126/88')
bp_sw('elisha', '2012-03-21', "Systolic 86, diastolic 127 (3/21/2012).", '86', '127', 'swapped: actual 127/86')
bp_sw('erin', '2020-11-02', "BP 89/131 at the Nov 2, 2020 visit.", '89', '131', 'swapped: actual 131/89')
bp_sw('maurice', '2013-01-11', "Her blood pressure on 1/11/2013 was 87/126.", '87', '126', 'swapped: actual 126/87')
bp_sw('monika', '2020-04-04', "BP 87/130 mmHg on 4/4/2020.", '87', '130', 'swapped: actual 130/87')
bp_sw('tyrell', '2016-02-16', "SBP 84 / DBP 134 on 2/16/2016.", '84', '134', 'swapped: actual 134/84')
bp_sw('beatrice', '2005-06-26', "BP 90/120 on 26 June 2005.", '90', '120', 'swapped: actual 120/90')
bp_sw('deedra', '2018-10-19', "BP 88/132 (10/19/2018).", '88', '132', 'swapped: actual 132/88')
bp_sw('mathilda', '2012-07-16', "7/16/2012 BP 88/128.", '88', '128', 'swapped: actual 128/88')
bp_sw('vito', '1978-10-02', "BP 119/166 on 10/2/1978.", '119', '166', 'swapped: actual 166/119')
bp_sw('man', '2012-04-10', "Blood pressure 113/184 mm Hg on 4/10/2012.", '113', '184', 'swapped: actual 184/113')
bp_sw('andyg', '2019-02-14', "BP 76/133 on 2/14/2019.", '76', '133', 'swapped: actual 133/76')

# ---- analyte pairs: correct ----
A('elisha', 'correct', "3/7/2018 lipids: LDL 100, HDL 66.",
  [O('elisha', 'ldl', '2018-03-07'), O('elisha', 'hdl', '2018-03-07')], [v(0, '100'), v(1, '66')], 'LDL 100.4, HDL 66.0')
A('nohemi', 'correct', "LDL 76 and HDL 66 on 5/22/2013.",
  [O('nohemi', 'ldl', '2013-05-22'), O('nohemi', 'hdl', '2013-05-22')], [v(0, '76'), v(1, '66')], 'LDL 76.5, HDL 66.2')
A('thanh', 'correct', "BUN 19.5 / Cr 3.26 on 12/5/2020.",
  [O('thanh', 'bun', '2020-12-05'), O('thanh', 'cr', '2020-12-05')], [v(0, '19.5'), v(1, '3.26')], 'BUN 19.48, Cr 3.257')
A('emilia', 'correct', "Total cholesterol 171 and triglycerides 117 (Feb 28, 2020).",
  [O('emilia', 'chol', '2020-02-28'), O('emilia', 'tg', '2020-02-28')], [v(0, '171'), v(1, '117')], 'TC 171.1, TG 116.8')
A('oswaldo', 'correct', "TC 198 with LDL 118 on 4/14/2020.",
  [O('oswaldo', 'chol', '2020-04-14'), O('oswaldo', 'ldl', '2020-04-14')], [v(0, '198'), v(1, '118')], 'TC 197.9, LDL 118.3')
A('annmarie', 'correct', "MCH 27.3 pg, MCHC 34.1 g/dL on 6/7/2016.",
  [O('annmarie', 'mch', '2016-06-07'), O('annmarie', 'mchc', '2016-06-07')], [v(0, '27.3'), v(1, '34.1')], 'MCH 27.26, MCHC 34.12')
A('vito', 'correct', "9/24/1979: HDL 60, LDL 90.",
  [O('vito', 'hdl', '1979-09-24'), O('vito', 'ldl', '1979-09-24')], [v(0, '60'), v(1, '90')], 'HDL 60.06, LDL 90.41')
A('man', 'correct', "5/15/2018 panel: HDL 71, LDL 80.",
  [O('man', 'hdl', '2018-05-15'), O('man', 'ldl', '2018-05-15')], [v(0, '71'), v(1, '80')], 'HDL 71.05, LDL 80.16')
# ---- analyte pairs: swapped ----
A('bryan', 'wrong', "Lipids 2/10/2014: HDL 97.9, LDL 63.4.",
  [O('bryan', 'hdl', '2014-02-10'), O('bryan', 'ldl', '2014-02-10')], [err(v(0, '97.9')), err(v(1, '63.4'))], 'values swapped: LDL 97.9, HDL 63.4')
A('malcom', 'wrong', "LDL 75 and HDL 91 on 11/18/2016.",
  [O('malcom', 'ldl', '2016-11-18'), O('malcom', 'hdl', '2016-11-18')], [err(v(0, '75')), err(v(1, '91'))], 'swapped: LDL 91.5, HDL 74.7')
A('dannie', 'wrong', "March 2021 lipids: LDL 69, HDL 92.",
  [O('dannie', 'ldl', '2021-03'), O('dannie', 'hdl', '2021-03')], [err(v(0, '69')), err(v(1, '92'))], 'swapped: LDL 92.1, HDL 69.0')
A('annmarie', 'wrong', "TC 107, TG 193 on 6/13/2017.",
  [O('annmarie', 'chol', '2017-06-13'), O('annmarie', 'tg', '2017-06-13')], [err(v(0, '107')), err(v(1, '193'))], 'swapped: TC 193.0, TG 106.6')
A('michael', 'wrong', "Total cholesterol 142 with triglycerides 170 (5/4/2012).",
  [O('michael', 'chol', '2012-05-04'), O('michael', 'tg', '2012-05-04')], [err(v(0, '142')), err(v(1, '170'))], 'swapped: TC 170.5, TG 142.5')
A('man', 'wrong', "4/28/2015 panel: HDL 73, LDL 71.",
  [O('man', 'hdl', '2015-04-28'), O('man', 'ldl', '2015-04-28')], [err(v(0, '73')), err(v(1, '71'))], 'swapped: HDL 71.1, LDL 73.3')
A('alberto', 'wrong', "MCH 34.7 pg, MCHC 31.6 g/dL (12/31/2018).",
  [O('alberto', 'mch', '2018-12-31'), O('alberto', 'mchc', '2018-12-31')], [err(v(0, '34.7')), err(v(1, '31.6'))], 'swapped: MCH 31.6, MCHC 34.7')
A('evelyn', 'wrong', "10/8/1984: HDL 73, LDL 79.",
  [O('evelyn', 'hdl', '1984-10-08'), O('evelyn', 'ldl', '1984-10-08')], [err(v(0, '73')), err(v(1, '79'))], 'swapped: HDL 79.4, LDL 73.2')

# ---- trends: correct order ----
A('nohemi', 'correct', "LDL went from 104 in 2016 down to 55 in 2019.",
  [O('nohemi', 'ldl', '2016'), O('nohemi', 'ldl', '2019')], [v(0, '104'), v(1, '55'), d(0, '2016'), d(1, '2019'), tr(0, 1, 'down')], '104.4 (2016) -> 55.0 (2019)')
A('elisha', 'correct', "Weight 106.3 kg in 2012, 96.8 kg by 2014.",
  [O('elisha', 'wt', '2012'), O('elisha', 'wt', '2014')], [v(0, '106.3'), v(1, '96.8'), d(0, '2012'), d(1, '2014')], '106.3 (2012) -> 96.84 (2014)')
A('vito', 'correct', "eGFR 85 in 1969, down to 53 in 1979.",
  [O('vito', 'egfr', '1969'), O('vito', 'egfr', '1979-09')], [v(0, '85'), v(1, '53'), tr(0, 1, 'down')], '85.09 (1969-11-17) -> 53.02 (1979-09-24)')
A('man', 'correct', "LDL dropped from 108 (2012) to 80 (2018).",
  [O('man', 'ldl', '2012'), O('man', 'ldl', '2018')], [v(0, '108'), v(1, '80'), tr(0, 1, 'down')], '107.9 -> 80.2')
A('erin', 'correct', "BMI 25.1 in June 2011 versus 19.7 in Nov 2020.",
  [O('erin', 'bmi', '2011-06'), O('erin', 'bmi', '2020-11')], [v(0, '25.1'), v(1, '19.7')], '25.07 (2011-06-13) and 19.71 (2020-11-02)')
A('andyg', 'correct', "Weight 4.77 kg on 6/7/2018, 16.0 kg by 2/4/2021.",
  [O('andyg', 'wt', '2018-06-07'), O('andyg', 'wt', '2021-02-04')], [v(0, '4.77'), v(1, '16.0')], '4.769 -> 16.01 kg')
A('monika', 'correct', "Weight rose from 36.3 kg (2011) to 69.2 kg (2020).",
  [O('monika', 'wt', '2011'), O('monika', 'wt', '2020')], [v(0, '36.3'), v(1, '69.2'), tr(0, 1, 'up')], '36.34 -> 69.21')
A('michael', 'correct', "Platelets 343 (2015) and 350 (2021) — essentially stable.",
  [O('michael', 'plt', '2015'), O('michael', 'plt', '2021')], [v(0, '343'), v(1, '350'), tr(0, 1, 'stable', 10)], '343.4 -> 349.7 (tolerance 10)')
A('malcom', 'correct', "TC 184 in 2013 and 192 in 2019.",
  [O('malcom', 'chol', '2013'), O('malcom', 'chol', '2019')], [v(0, '184'), v(1, '192')], '183.6 (2013) and 192.3 (2019)')
A('andys', 'correct', "LDL 74 in 2013, 98 in 2016.",
  [O('andys', 'ldl', '2013'), O('andys', 'ldl', '2016')], [v(0, '74'), v(1, '98')], '73.9 (2013) and 98.3 (2016)')
# ---- trends: years swapped ----
A('oswaldo', 'wrong', "LDL fell from 118 in 2017 to 81 in 2020.",
  [O('oswaldo', 'ldl', '2017'), O('oswaldo', 'ldl', '2020')], [err(v(0, '118')), err(v(1, '81')), err(tr(0, 1, 'down'))], 'years swapped: 80.8 in 2017, 118.3 in 2020 (it rose)')
A('jules', 'wrong', "Weight came down from 86.5 kg in 2011 to 68.4 kg in 2020.",
  [O('jules', 'wt', '2011'), O('jules', 'wt', '2020')], [err(v(0, '86.5')), err(v(1, '68.4')), err(tr(0, 1, 'down'))], 'years swapped: 68.4 in 2011, 86.5 in 2020')
A('thanh', 'wrong', "Creatinine improved from 3.26 (Nov 2016) to 2.55 (Dec 2020).",
  [O('thanh', 'cr', '2016-11'), O('thanh', 'cr', '2020-12')], [err(v(0, '3.26')), err(v(1, '2.55')), err(tr(0, 1, 'down'))], 'swapped: 2.55 in 2016, 3.26 in 2020')
A('dannie', 'wrong', "Hgb rose from 13.7 (2015) to 15.2 (2021).",
  [O('dannie', 'hgb', '2015'), O('dannie', 'hgb', '2021')], [err(v(0, '13.7')), err(v(1, '15.2')), err(tr(0, 1, 'up'))], 'swapped: 15.2 in 2015, 13.7 in 2021')
A('beatrice', 'wrong', "MMSE improved from 3.4 in 2006 to 19.9 in 2011.",
  [O('beatrice', 'mmse', '2006'), O('beatrice', 'mmse', '2011')], [err(v(0, '3.4')), err(v(1, '19.9')), err(tr(0, 1, 'up'))], 'swapped: 19.9 in 2006, 3.4 in 2011')
A('malcom', 'wrong', "TC fell from 192 (2013) to 184 (2019).",
  [O('malcom', 'chol', '2013'), O('malcom', 'chol', '2019')], [err(v(0, '192')), err(v(1, '184')), err(tr(0, 1, 'down'))], 'swapped: 183.6 in 2013, 192.3 in 2019')
A('tyrell', 'wrong', "BMI fell from 28.7 in 2012 to 21.4 in 2021.",
  [O('tyrell', 'bmi', '2012'), O('tyrell', 'bmi', '2021')], [err(v(0, '28.7')), err(v(1, '21.4')), err(tr(0, 1, 'down'))], 'swapped: 21.4 in 2012, 28.7 in 2021')
A('evelyn', 'wrong', "eGFR recovered from 42 in Aug 1982 to 89 in Nov 1982.",
  [O('evelyn', 'egfr', '1982-08'), O('evelyn', 'egfr', '1982-11')], [err(v(0, '42')), err(v(1, '89')), err(tr(0, 1, 'up'))], 'swapped: 89 in Aug, 42 in Nov (it fell)')
A('erin', 'wrong', "BMI 19.7 in June 2011 versus 25.1 in Nov 2020.",
  [O('erin', 'bmi', '2011-06'), O('erin', 'bmi', '2020-11')], [err(v(0, '19.7')), err(v(1, '25.1'))], 'swapped: 25.1 in 2011, 19.7 in 2020')
A('andys', 'wrong', "LDL 98 in 2013, 74 in 2016.",
  [O('andys', 'ldl', '2013'), O('andys', 'ldl', '2016')], [err(v(0, '98')), err(v(1, '74'))], 'swapped: 73.9 in 2013, 98.3 in 2016')
