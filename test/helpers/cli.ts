import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/io';
import { PASSPHRASE, TEST_SCRYPT } from './temp-vault';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with a captured stdout/stderr and a chosen environment; no terminal to prompt on. */
export async function runCli(argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env: { CONTINUUM_PASSPHRASE: PASSPHRASE, CONTINUUM_TEST_SCRYPT_N: String(TEST_SCRYPT.N), ...env },
    interactive: false,
    askSecret: async () => null,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
