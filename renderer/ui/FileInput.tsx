import type { Ref } from 'react';

/**
 * The hidden file input behind an "Import…" button: hands over the chosen
 * files and clears itself, so that choosing the same file again is seen.
 */
export function FileInput({
  ref,
  accept,
  multiple = true,
  testId,
  onFiles,
}: {
  readonly ref: Ref<HTMLInputElement>;
  readonly accept?: string;
  readonly multiple?: boolean;
  readonly testId: string;
  readonly onFiles: (files: File[]) => void;
}) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      multiple={multiple}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
}

/** What an import did, a line per file, announced to screen readers. */
export function ImportReport({ lines, testId }: { readonly lines: readonly string[]; readonly testId: string }) {
  if (lines.length === 0) return null;
  return (
    <ul className="imaging-import-report" data-testid={testId} role="status">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
