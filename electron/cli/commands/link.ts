import { resolve } from 'node:path';
import { readHostFile, requestLink } from '../../core/browser-host-link';
import { vaultFileFromEnv } from '../../core/vault-location';
import { VaultError } from '../../store/errors';
import { optionalString, type Command } from '../command';

/**
 * A new one-time sign-in link from the browser host running on this vault
 * (`npm start` without Electron): for another window, or after the browser
 * was closed. Each link opens one window and expires after 15 minutes unused.
 */
export const linkCommand: Command = {
  name: 'link',
  usage: 'link [--vault FILE]',
  summary: 'print a new one-time link to open the running browser host in another window',
  options: { vault: { type: 'string' } },
  async run(values, _positionals, io) {
    const file = resolve(optionalString(values, 'vault') ?? vaultFileFromEnv(io.env));
    const host = readHostFile(file);
    const url = host ? await requestLink(host) : null;
    if (!url) {
      throw new VaultError('invalid-input', `${file}: no Continuum browser host is running on this vault; start it with "npm start"`);
    }
    io.out(`${url}\n`);
  },
};
