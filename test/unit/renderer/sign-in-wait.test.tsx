import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/api/client';
import { SignInForm } from '../../../renderer/unlock/SignInForm';
import { describeSignIn } from '../../../renderer/unlock/SignInHistory';
import { nextAttemptAt, unlockErrorMessage } from '../../../renderer/unlock/UnlockScreen';

/** After wrong passphrases the sign-in screen shows the wait and holds the Unlock button until it is over. */
const CLINICIANS = [{ id: 'dr.ada', displayName: 'Dr Ada Lovelace' }];

function form(waitSeconds: number): string {
  return renderToStaticMarkup(
    <SignInForm clinicians={CLINICIANS} busy={false} error="That passphrase is not right." notice={null} lastClinicianId="dr.ada" device={null} autoLockMinutes={10} waitSeconds={waitSeconds} onSubmit={() => undefined} />,
  );
}

describe('the sign-in wait', () => {
  it('counts the wait down on a disabled button and says why', () => {
    const html = form(8);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Wait 8 s<\/button>/);
    expect(html).toContain('data-testid="sign-in-wait"');
    expect(html).toMatch(/twice as long each time \(up to a minute\): 8 s/);
  });

  it('offers Unlock again once the wait is over', () => {
    const html = form(0);
    expect(html).not.toContain('sign-in-wait');
    expect(html).toMatch(/>Unlock<\/button>/);
  });

  it('takes the wait from the error the core answered', () => {
    expect(nextAttemptAt(new ApiError('wrong-passphrase', 'x', 'vault.unlock', 4), 1000)).toBe(5000);
    expect(nextAttemptAt(new ApiError('too-many-attempts', 'x', 'vault.unlock', 60), 0)).toBe(60_000);
    expect(nextAttemptAt(new ApiError('wrong-passphrase', 'x', 'vault.unlock'), 0)).toBeNull();
    expect(unlockErrorMessage(new ApiError('too-many-attempts', 'x', 'vault.unlock', 60), null)).toMatch(/Too many wrong passphrases/);
  });

  it('words the sign-in history', () => {
    const clinicians = [...CLINICIANS, { id: 'nurse.bo', displayName: 'Bo Jensen' }];
    expect(describeSignIn({ action: 'signin.failed', detail: { clinician: 'nurse.bo', via: 'cli', at: '2026-01-05T09:00:00Z' } }, clinicians)).toBe(
      'Failed sign-in as Bo Jensen (command line): wrong passphrase',
    );
    expect(describeSignIn({ action: 'vault.unlock', detail: { via: 'device' } }, clinicians)).toMatch(/without the passphrase/);
    expect(describeSignIn({ action: 'vault.lock', detail: {} }, clinicians)).toBe('Locked');
  });
});
