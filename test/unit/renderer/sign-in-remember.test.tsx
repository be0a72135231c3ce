import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeviceSignIn } from '../../../electron/api/schemas';
import { RememberedSignIn } from '../../../renderer/unlock/RememberedSignIn';
import { SignInForm } from '../../../renderer/unlock/SignInForm';
import { rememberedClinicians } from '../../../renderer/unlock/UnlockScreen';

/** The sign-in form offers "remember me" only when the host says it can (Electron with a real secret store). */
const CLINICIANS = [
  { id: 'dr.ada', displayName: 'Dr Ada Lovelace' },
  { id: 'nurse.bo', displayName: 'Bo Jensen' },
];

function form(device: DeviceSignIn | null, remembered?: React.ReactNode): string {
  return renderToStaticMarkup(
    <SignInForm
      clinicians={CLINICIANS}
      busy={false}
      error={null}
      notice={null}
      lastClinicianId={null}
      device={device}
      autoLockMinutes={10}
      remembered={remembered}
      onSubmit={() => undefined}
    />,
  );
}

describe('remember on this computer, in the sign-in form', () => {
  it('hides the checkbox when the host has no secret store (browser host, or an older core)', () => {
    for (const device of [null, { available: false, reason: null, remembered: [] }]) {
      const html = form(device);
      expect(html).not.toContain('type="checkbox"');
      expect(html).not.toMatch(/Remember me/);
    }
  });

  it("hides the checkbox under Linux's plain-text store, and says why", () => {
    const html = form({ available: false, reason: 'this Linux desktop has no secret store (GNOME Keyring or KWallet)', remembered: [] });
    expect(html).not.toContain('type="checkbox"');
    expect(html).toContain('not offered: this Linux desktop has no secret store');
  });

  it('shows the checkbox, unticked, when the host offers it', () => {
    const html = form({ available: true, reason: null, remembered: [] });
    expect(html).toMatch(/<input type="checkbox" name="remember"(?![^>]*checked)[^>]*>/);
    expect(html).toContain('Remember me on this computer');
    expect(html).toContain('It still locks after 10 minutes without use.');
  });

  it('shows who would be signed in, as a button, for the remembered clinicians only', () => {
    const remembered = rememberedClinicians(CLINICIANS, ['nurse.bo']);
    const html = renderToStaticMarkup(<RememberedSignIn remembered={remembered} busy={false} onSignIn={() => undefined} onForget={() => undefined} />);
    expect(html).toContain('Sign in as Bo Jensen');
    expect(html).not.toContain('Dr Ada Lovelace');
    expect(html).toContain('Forget this computer');
    expect(renderToStaticMarkup(<RememberedSignIn remembered={[]} busy={false} onSignIn={() => undefined} onForget={() => undefined} />)).toBe('');
  });
});
