import { useDetails } from '../shell/details-store';
import { formatDate, plural } from '../ui/format';
import { AnalytePicker } from './AnalytePicker';
import { formatRefRange, toTrendData } from '../ui/analytes';
import { TrendChart } from './TrendChart';
import { useTrends } from './trends-store';

/** Smart container: the analyte picker and the chart of the chosen one. */
export function TrendsPanel() {
  const { analytes, selected, series, loading, error, select } = useTrends();
  const showDetails = useDetails((s) => s.show);

  const data = series ? toTrendData(series) : null;
  const range = series ? formatRefRange(series.refLow, series.refHigh, series.unit) : null;
  const last = series?.points.reduce<string | null>((acc, p) => (acc === null || p.at > acc ? p.at : acc), null) ?? null;

  return (
    <section className="card" aria-label="Results over time" data-testid="trends">
      <div className="card-title">
        <h2>Results over time</h2>
        <span className="muted">Laboratory results and vital signs</span>
      </div>
      {error && <div className="error-line">{error}</div>}
      {analytes && analytes.length === 0 && <p className="muted">No numeric results recorded for this patient.</p>}
      {!analytes && loading && <div className="loading">Loading results…</div>}
      {analytes && analytes.length > 0 && (
        <div className="trends">
          <AnalytePicker analytes={analytes} selected={selected} onSelect={(code) => void select(code)} />
          <div style={{ minWidth: 0 }}>
            {series && data ? (
              <>
                <div className="trend-head">
                  <h2 data-testid="trend-title">{series.display}</h2>
                  <span className="muted">
                    {plural(data.y.length, 'result')}
                    {last ? `, last ${formatDate(last)}` : ''}
                  </span>
                  {range ? (
                    <span className="ref">
                      <span className="band-swatch" />
                      Reference range {range}
                    </span>
                  ) : (
                    <span className="ref">No reference range in the source records</span>
                  )}
                  {data.outsideCount > 0 && (
                    <span className="ref">
                      <span className="out-swatch" />
                      {plural(data.outsideCount, 'result')} outside the range
                    </span>
                  )}
                </div>
                <TrendChart series={series} onOpenPoint={(id) => void showDetails('observation', id)} />
                <div className="hint-line">Click a point for the result's details. Drag across the chart to zoom in; double-click to zoom out.</div>
              </>
            ) : (
              loading && <div className="loading">Loading…</div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
