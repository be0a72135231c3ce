import { parseArgs } from 'node:util';
import { isVaultError } from '../store/errors';
import { UsageMissing, type Command, type Values } from './command';
import { adminCommands } from './commands/admin';
import { agentCommands } from './commands/agent';
import { verifyCommand } from './commands/verify';
import { dicomCommands } from './commands/dicom';
import { evidenceCommands } from './commands/evidence';
import { imageModelCommands } from './commands/image-model';
import { linkCommand } from './commands/link';
import { modelCommands } from './commands/model';
import { modelCatalogueCommands } from './commands/model-catalogue';
import { ocrCommands } from './commands/ocr';
import { photoCommands } from './commands/photos';
import { agentClinicCommand, sessionCommands } from './commands/session';
import { recordCommands } from './commands/records';
import { vaultCommands } from './commands/vault';
import { processIo, UsageError, type CliIo } from './io';

export const commands: readonly Command[] = [...vaultCommands, ...recordCommands, ...agentCommands, verifyCommand, ...sessionCommands, agentClinicCommand, ...evidenceCommands, ...ocrCommands, ...adminCommands, ...dicomCommands, ...imageModelCommands, ...modelCommands, ...modelCatalogueCommands, ...photoCommands, linkCommand];

/**
 * `continuum COMMAND [options]`. Exit codes: 0 done, 1 failed (one line
 * saying why on stderr), 2 wrong usage.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const command = [...commands]
    .sort((a, b) => b.name.length - a.name.length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    io.err(`continuum: unknown command "${argv.slice(0, 2).join(' ')}"; run \`continuum --help\`\n`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], options: command.options, allowPositionals: command.positionals === 'one-or-more', strict: true }));
    if (command.positionals === 'one-or-more' && positionals.length === 0) throw new Error('give at least one file');
  } catch (error) {
    // node:util's parseArgs explains some mistakes over three lines: the first says it.
    io.err(`continuum ${command.name}: ${(error as Error).message.split('\n')[0]}\nusage: continuum ${command.usage}\n`);
    return 2;
  }
  try {
    await command.run(values, positionals, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageMissing || error instanceof UsageError) {
      io.err(`continuum ${command.name}: ${error.message}\nusage: continuum ${command.usage}\n`);
      return 2;
    }
    io.err(`continuum: ${oneLine(error)}\n`);
    return 1;
  }
}

function oneLine(error: unknown): string {
  if (isVaultError(error)) return error.message;
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return `${(error as { path?: string }).path ?? 'file'}: no such file`;
  if (code === 'EACCES') return `${(error as { path?: string }).path ?? 'file'}: permission denied`;
  return error instanceof Error ? error.message.split('\n')[0] ?? 'failed' : String(error);
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'continuum: the Continuum workstation for administrators and headless runs',
    'The passphrase comes from CONTINUUM_PASSPHRASE or a prompt; the clinician from --user, CONTINUUM_USER or the first one.',
    '',
    ...commands.map((c) => `  continuum ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}
