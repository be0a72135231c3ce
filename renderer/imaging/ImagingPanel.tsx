import { useEffect, useState } from 'react';
import type { ImagingStudy } from '../../electron/api/imaging-schemas';
import { call, errorMessage } from '../api/client';
import './imaging.css';
import { XrayViewer } from './XrayViewer';

/** Smart container: a patient's DICOM studies, and the chosen image in the viewer. */
export function ImagingPanel({ patientId }: { patientId: string }) {
  const [studies, setStudies] = useState<ImagingStudy[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ study: number; series: number; instance: number } | null>(null);

  useEffect(() => {
    let cancelled = false;
    setStudies(null);
    setSelected(null);
    call('imaging.studies', { patientId })
      .then((r) => {
        if (cancelled) return;
        setStudies(r.studies);
        if (r.studies.length > 0) setSelected({ study: 0, series: 0, instance: 0 });
      })
      .catch((e) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [patientId]);

  if (error) return <section className="panel imaging-panel"><div className="error-line" role="alert">{error}</div></section>;
  if (!studies || studies.length === 0) return null;
  const study = selected ? studies[selected.study] : undefined;
  const series = study && selected ? study.series[selected.series] : undefined;
  const instance = series && selected ? series.instances[selected.instance] : undefined;
  return (
    <section className="panel imaging-panel" data-testid="imaging-panel" aria-label="Imaging">
      <h2>Imaging</h2>
      <ul className="imaging-studies">
        {studies.map((s, si) =>
          s.series.map((se, ri) => (
            <li key={se.id}>
              <button
                type="button"
                className={`btn${selected?.study === si && selected.series === ri ? ' active' : ''}`}
                onClick={() => setSelected({ study: si, series: ri, instance: 0 })}
              >
                {s.date ?? 'undated'} · {[se.modality, se.bodyPart, se.viewPosition].filter(Boolean).join(' ')} · {s.description ?? se.description ?? 'study'} ({se.instances.length})
              </button>
            </li>
          )),
        )}
      </ul>
      {study && series && instance && <XrayViewer key={instance.id} study={study} series={series} instance={instance} />}
    </section>
  );
}
