import { useRef, useState, type FormEvent } from 'react';
import type { EvidenceSourceDto } from '../../electron/api/schemas';

type Meta = { title: string; issuer: string; published: string; licence: string; tier: EvidenceSourceDto['tier'] };

/**
 * Pure: adds a guideline or reference document to the library, with what a
 * clinician needs to cite it. The core checks each field and names the one
 * that is wrong; nothing of a refused document is kept.
 */
export function AddEvidenceForm({ onAdd, onCancel }: { readonly onAdd: (file: File, meta: Meta) => Promise<boolean>; readonly onCancel: () => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [meta, setMeta] = useState<Meta>({ title: '', issuer: '', published: '', licence: '', tier: 'guideline' });
  const [busy, setBusy] = useState(false);
  const field = (key: Exclude<keyof Meta, 'tier'>, label: string, placeholder: string) => (
    <label>
      {label}
      <input value={meta[key]} required placeholder={placeholder} onChange={(e) => setMeta({ ...meta, [key]: e.target.value })} />
    </label>
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    const ok = await onAdd(file, meta);
    setBusy(false);
    if (ok) onCancel();
  };
  return (
    <form className="evidence-add" onSubmit={(e) => void submit(e)} aria-label="Add a document to the evidence library" data-testid="evidence-add">
      <label>
        Document (Markdown, HTML, text or a PDF with text)
        <input ref={fileRef} type="file" accept=".md,.markdown,.html,.htm,.txt,.pdf" required />
      </label>
      {field('title', 'Title', 'VA/DoD guideline for …')}
      {field('issuer', 'Issuer', 'U.S. Department of Veterans Affairs')}
      {field('published', 'Published', '2016 Mar 18, 8/2022, 2014-10 …')}
      {field('licence', 'Licence', 'public domain, CC BY 4.0 …')}
      <label>
        Kind
        <select value={meta.tier} onChange={(e) => setMeta({ ...meta, tier: e.target.value as Meta['tier'] })}>
          <option value="guideline">Guideline</option>
          <option value="reference">Reference (e.g. a drug label)</option>
          <option value="other">Other</option>
        </select>
      </label>
      <div className="evidence-add-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add to the library'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
