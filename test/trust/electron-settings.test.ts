import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  denyPermission,
  denyWindowOpen,
  isLocalRequest,
  isOurPage,
  secureWebPreferences,
} from '../../electron/host/security';
import { writeTrustResult } from './support';

/**
 * The Electron settings that matter, read from the very values the main
 * process applies (electron/host/security.ts; test/unit/host proves main.ts
 * applies them). Any of them weakened fails here, and the count goes into
 * the trust table.
 */
const INDEX = 'app://continuum/index.html';

const CHECKS: Array<[string, () => boolean]> = [
  ['contextIsolation on', () => secureWebPreferences('p', false).contextIsolation === true],
  ['sandbox on', () => secureWebPreferences('p', false).sandbox === true],
  ['nodeIntegration off', () => secureWebPreferences('p', false).nodeIntegration === false],
  ['nodeIntegration off in workers and subframes', () => !secureWebPreferences('p', false).nodeIntegrationInWorker && !secureWebPreferences('p', false).nodeIntegrationInSubFrames],
  ['webSecurity on', () => secureWebPreferences('p', false).webSecurity === true],
  ['no insecure content', () => secureWebPreferences('p', false).allowRunningInsecureContent === false],
  ['no webview tag', () => secureWebPreferences('p', false).webviewTag === false],
  ['CSP: only our own origin', () => !/https?:|\*|'unsafe-inline'|'unsafe-eval'/.test(CONTENT_SECURITY_POLICY.replace(/'wasm-unsafe-eval'/g, ''))],
  ['CSP: no plugins, no framing', () => CONTENT_SECURITY_POLICY.includes("object-src 'none'") && CONTENT_SECURITY_POLICY.includes("frame-ancestors 'none'")],
  ['navigation: only our page', () => isOurPage(INDEX, INDEX) && !isOurPage('https://example.org/', INDEX) && !isOurPage('file:///etc/passwd', INDEX)],
  ['no file: loads (the page is app://)', () => !isLocalRequest('file:///etc/passwd') && !isOurPage('file:///opt/continuum/resources/app.asar/dist/renderer/index.html', INDEX)],
  ['new windows denied', () => denyWindowOpen().action === 'deny'],
  ['permission requests denied', () => denyPermission() === false],
  ['no remote requests', () => !isLocalRequest('https://example.org/x.js') && !isLocalRequest('http://127.0.0.1.evil.example/')],
];

describe('Electron security settings', () => {
  it.each(CHECKS)('%s', (_name, check) => {
    expect(check()).toBe(true);
  });

  it('records how many were checked', () => {
    const failed = CHECKS.filter(([, check]) => !check()).map(([name]) => name);
    writeTrustResult('electron-settings', { checked: CHECKS.length, failed });
    expect(failed).toEqual([]);
  });
});
