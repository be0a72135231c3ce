import { create } from 'zustand';
import { dateStyleForLocale, isDateStyle, type DateStyle } from '../../electron/api/clinical-format';
import { setDateStyle } from '../ui/format';

/**
 * This computer's display settings: how dates are written (one style
 * everywhere: chart, brief, chips, timeline). Kept in the browser's local
 * storage, never in the vault: it is a preference of the screen, not a
 * record. The default follows the browser's language (month first for US
 * English, day first otherwise).
 */
const KEY = 'continuum.dateStyle';

function stored(): DateStyle {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    if (isDateStyle(value)) return value;
  } catch {
    // No storage (a private window): the locale decides.
  }
  return dateStyleForLocale(globalThis.navigator?.language);
}

export interface SettingsState {
  readonly dateStyle: DateStyle;
  setDateStyle(style: DateStyle): void;
}

const initialStyle = stored();
setDateStyle(initialStyle);

export const useSettings = create<SettingsState>()((set) => ({
  dateStyle: initialStyle,
  setDateStyle(style) {
    setDateStyle(style);
    try {
      globalThis.localStorage?.setItem(KEY, style);
    } catch {
      // Kept for this page only.
    }
    set({ dateStyle: style });
  },
}));
