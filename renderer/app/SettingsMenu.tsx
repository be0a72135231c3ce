import { DATE_STYLES, isDateStyle } from '../../electron/api/clinical-format';
import { useSettings } from '../shell/settings-store';

/** The top bar's display settings for this computer: the one date style used everywhere in the app. */
export function SettingsMenu() {
  const dateStyle = useSettings((s) => s.dateStyle);
  const setDateStyle = useSettings((s) => s.setDateStyle);
  return (
    <details className="settings-menu" style={{ position: 'relative' }}>
      <summary className="btn" data-testid="settings-button">
        Settings
      </summary>
      <div className="card" role="menu" style={{ position: 'absolute', right: 0, top: '110%', zIndex: 20, width: 300 }}>
        <label className="settings-row">
          Dates{' '}
          <select
            aria-label="Date format"
            data-testid="date-style"
            value={dateStyle}
            onChange={(e) => {
              if (isDateStyle(e.target.value)) setDateStyle(e.target.value);
            }}
          >
            {DATE_STYLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <p className="muted" style={{ margin: '6px 0 0', fontSize: 12 }}>
          One format everywhere: chart, brief, notes and timeline. Kept on this computer.
        </p>
      </div>
    </details>
  );
}
