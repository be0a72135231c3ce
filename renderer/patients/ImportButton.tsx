import { useRef } from 'react';
import { FileInput } from '../ui/FileInput';
import { useImport } from './import-store';
import { usePatients } from './patients-store';

/** "Import FHIR bundle…": a file picker (several files at once), then the summary dialog. */
export function ImportButton({ primary = false }: { primary?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const running = useImport((s) => s.running);
  const importFiles = useImport((s) => s.importFiles);

  return (
    <>
      <button
        type="button"
        className={`btn${primary ? ' btn-primary' : ''}`}
        onClick={() => input.current?.click()}
        disabled={running}
      >
        {running ? 'Importing…' : 'Import FHIR bundle…'}
      </button>
      <FileInput
        ref={input}
        accept=".json,application/json,application/fhir+json"
        testId="import-input"
        onFiles={(files) => void importFiles(files).then(() => usePatients.getState().load())}
      />
    </>
  );
}
