import { useEffect } from 'react';
import { formatCount } from '../ui/format';
import { useDebouncedEffect } from '../ui/useDebouncedEffect';
import { ImportButton } from './ImportButton';
import { LIST_LIMIT, usePatients } from './patients-store';
import { PatientList } from './PatientList';

/** Smart container: search box, result count, the virtualized list, the empty vault. */
export function PatientsPanel() {
  const { query, patients, total, loaded, loading, error, selectedId, setQuery, load, select } = usePatients();

  useEffect(() => {
    void load();
  }, [load]);

  // Server-side search, debounced so typing does not send a request per key.
  useDebouncedEffect(() => void load(), 250, [query]);

  const searching = query.trim().length > 0;
  const emptyVault = loaded && !searching && total === 0;

  return (
    <aside className="sidebar" aria-label="Patients">
      <div className="patient-search">
        <label htmlFor="patient-search" className="sr-only">
          Search patients
        </label>
        <input
          id="patient-search"
          type="search"
          placeholder="Name, MRN or birth date (1961-03-12)"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          disabled={emptyVault}
        />
        <span className="count" aria-live="polite">
          {loading && !loaded
            ? 'Loading patients…'
            : searching
              ? `${formatCount(total)} ${total === 1 ? 'patient matches' : 'patients match'}`
              : `${formatCount(total)} ${total === 1 ? 'patient' : 'patients'} in the vault`}
          {total > patients.length && ` — showing the first ${formatCount(Math.min(patients.length, LIST_LIMIT))}; narrow the search`}
        </span>
      </div>
      {error && (
        <div className="error-line" role="alert" style={{ margin: '0 12px 8px' }}>
          {error}
        </div>
      )}
      {emptyVault ? (
        <div className="empty-state">
          <strong>No patients yet</strong>
          <span>The vault is empty. Import FHIR bundles (for example exported from the EHR) to bring patients in.</span>
          <ImportButton primary />
        </div>
      ) : loaded && patients.length === 0 ? (
        <div className="empty-state">
          <strong>No patient matches “{query.trim()}”</strong>
          <span>Search by part of the name, the medical record number, or the birth date as YYYY-MM-DD.</span>
        </div>
      ) : (
        <PatientList patients={patients} selectedId={selectedId} onOpen={select} />
      )}
    </aside>
  );
}
