import { useState } from 'react';
import type { IdentityCheck, IdentityField } from '../../electron/api/identity-schemas';
import { formatDate, formatSex } from './format';

const LABEL: Record<IdentityField['field'], string> = { name: 'Name', birthDate: 'Birth date', sex: 'Sex', identifier: 'Identifier' };
const VERDICT: Record<IdentityField['verdict'], string> = { agrees: 'matches', differs: 'DIFFERS', unknown: 'cannot tell' };

function shown(field: IdentityField['field'], value: string | null): string {
  if (value === null || value === '') return 'not given';
  if (field === 'birthDate') return formatDate(value);
  if (field === 'sex') return formatSex(value) ?? value;
  return value;
}

/**
 * Pure: who a file says the patient is, beside the chart it would go under,
 * field by field; a field that contradicts the chart is marked in red.
 * Every filing prompt (DICOM, scanned documents) shows this before anything
 * is filed.
 */
export function IdentityComparison({ check, fileLabel = 'In the file' }: { readonly check: IdentityCheck; readonly fileLabel?: string }) {
  return (
    <table className="identity-table" data-testid="identity-table" aria-label={`The file beside ${check.chart.name}'s chart`}>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{fileLabel}</th>
          <th scope="col">Chart: {check.chart.name}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {check.fields.map((f) => (
          <tr key={f.field} className={`identity-${f.verdict}`} data-field={f.field} data-verdict={f.verdict}>
            <th scope="row">{LABEL[f.field]}</th>
            <td>{shown(f.field, f.file)}</td>
            <td>{shown(f.field, f.chart)}</td>
            <td className="identity-verdict">{VERDICT[f.verdict]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface OverrideProps {
  readonly check: IdentityCheck;
  /** What the button files ("the image", "the document"). */
  readonly what: string;
  readonly busy?: boolean;
  readonly onFile: () => void;
}

/**
 * Pure: filing despite a mismatch, which the clinician must confirm in so
 * many words before the button is enabled; the core audits it as an override.
 */
export function FileAnywayButton({ check, what, busy = false, onFile }: OverrideProps) {
  const [sure, setSure] = useState(false);
  return (
    <span className="identity-override">
      <label>
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} data-testid="identity-confirm" /> I have checked: {what} belongs to{' '}
        {check.chart.name}
      </label>{' '}
      <button type="button" className="btn btn-danger" disabled={!sure || busy} onClick={onFile} data-testid="identity-file-anyway">
        File under {check.chart.name} anyway
      </button>
    </span>
  );
}
