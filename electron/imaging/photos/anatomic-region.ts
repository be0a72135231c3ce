/**
 * The Anatomic Region Sequence item for a body site as the clinician typed
 * it. Common regions map to SNOMED CT codes of DICOM CID 4031 (Common
 * Anatomic Regions) and CID 4 (face, scalp, back), PS3.16; anything else keeps the clinician's words under a
 * local coding scheme ("99" prefix, PS3.16 8.2), so nothing is lost or guessed.
 * "left"/"right" become the series' Laterality.
 */
export interface AnatomicRegion {
  readonly code: { readonly CodeValue: string; readonly CodingSchemeDesignator: string; readonly CodeMeaning: string };
  readonly laterality: 'L' | 'R' | null;
}

// Longest phrases first, so that "lower leg" wins over "leg".
const REGIONS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/\bupper arm\b/, '40983000', 'Upper arm'],
  [/\blower leg\b|\bshin\b|\bcalf\b/, '30021000', 'Lower leg'],
  [/\bforearm\b/, '14975008', 'Forearm'],
  [/\bscalp\b/, '41695006', 'Scalp'],
  [/\bface\b|\bcheek\b|\bforehead\b|\bnose\b/, '89545001', 'Face'],
  [/\bneck\b/, '45048000', 'Neck'],
  [/\bshoulder\b/, '16982005', 'Shoulder'],
  [/\bchest\b/, '51185008', 'Chest'],
  [/\babdomen\b|\babdominal\b/, '113345001', 'Abdomen'],
  [/\bback\b/, '77568009', 'Back'],
  [/\bhand\b/, '85562004', 'Hand'],
  [/\bthigh\b/, '68367000', 'Thigh'],
  [/\bknee\b/, '72696002', 'Knee'],
  [/\bfoot\b|\bsole\b|\bheel\b/, '56459004', 'Foot'],
  [/\bhead\b/, '69536005', 'Head'],
];

export function anatomicRegion(bodySite: string): AnatomicRegion {
  const words = bodySite.toLowerCase();
  const laterality = /\bleft\b/.test(words) && !/\bright\b/.test(words) ? 'L' : /\bright\b/.test(words) && !/\bleft\b/.test(words) ? 'R' : null;
  const match = REGIONS.find(([pattern]) => pattern.test(words));
  if (match) return { code: { CodeValue: match[1], CodingSchemeDesignator: 'SCT', CodeMeaning: match[2] }, laterality };
  const local = words.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 16) || 'site';
  return { code: { CodeValue: local, CodingSchemeDesignator: '99CONTINUUM', CodeMeaning: bodySite.slice(0, 64) }, laterality };
}
