import { clinicianId as clinicianIdSchema } from '../../electron/api/schemas';

/** The rules a new passphrase must meet, shown as a checklist while typing. */
export interface Rule {
  readonly id: string;
  readonly text: string;
  readonly met: boolean;
}

export const MIN_PASSPHRASE = 8;
export const RECOMMENDED_PASSPHRASE = 12;

export function passphraseRules(passphrase: string, confirm: string): Rule[] {
  return [
    { id: 'length', text: `At least ${MIN_PASSPHRASE} characters (${RECOMMENDED_PASSPHRASE} or more, or a few words, is better)`, met: passphrase.length >= MIN_PASSPHRASE },
    { id: 'same', text: 'Typed the same twice', met: passphrase.length > 0 && passphrase === confirm },
  ];
}

export interface CreateVaultInput {
  readonly clinicianId: string;
  readonly displayName: string;
  readonly passphrase: string;
  readonly confirm: string;
}

export type CreateVaultErrors = Partial<Record<'clinicianId' | 'displayName' | 'passphrase' | 'confirm', string>>;

export function validateCreateVault(input: CreateVaultInput): CreateVaultErrors {
  const errors: CreateVaultErrors = {};
  if (!input.clinicianId) errors.clinicianId = 'Choose a sign-in name.';
  else if (!clinicianIdSchema.safeParse(input.clinicianId).success)
    errors.clinicianId = 'Use lower-case letters, digits, ".", "_" or "-", starting with a letter or digit (for example "dr.okafor").';
  if (!input.displayName.trim()) errors.displayName = 'Enter the name colleagues will see.';
  else if (input.displayName.length > 200) errors.displayName = 'At most 200 characters.';
  if (input.passphrase.length < MIN_PASSPHRASE) errors.passphrase = `The passphrase needs at least ${MIN_PASSPHRASE} characters.`;
  else if (input.passphrase.length > 1024) errors.passphrase = 'At most 1,024 characters.';
  if (!errors.passphrase && input.confirm !== input.passphrase) errors.confirm = 'The two passphrases are not the same.';
  return errors;
}

/** A suggestion for the sign-in name from the display name ("Dr Ada Okafor" -> "ada.okafor"). */
export function suggestClinicianId(displayName: string): string {
  const words = displayName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['dr', 'doctor', 'prof', 'mr', 'mrs', 'ms', 'nurse'].includes(w));
  return words.join('.').slice(0, 64);
}
