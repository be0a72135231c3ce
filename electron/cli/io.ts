import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Where a command writes: its result to out, progress and messages to err. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Whether err is a terminal: progress lines that rewrite themselves only make sense there. */
  readonly interactive: boolean;
  /** Asks for a secret without echoing it; null when there is no terminal to ask. */
  readonly askSecret: (prompt: string) => Promise<string | null>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  interactive: process.stderr.isTTY === true,
  askSecret: askSecretOnTerminal,
};

/** A usage mistake: exit code 2 and the command's help line. */
export class UsageError extends Error {}

async function askSecretOnTerminal(prompt: string): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stderr.write(prompt);
  muted = true;
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    muted = false;
    process.stderr.write('\n');
    rl.close();
  }
}
