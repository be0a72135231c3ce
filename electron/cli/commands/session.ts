import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertCase, readAgentClinicCases } from '../../agent/agentclinic';
import { importBundleText } from '../../fhir';
import { replayTrajectory, readTrajectory, runSession, sessionScript, Trajectory, chatModelFromClient, type ChatModel, type TrajectoryEvent, type TrajectorySink } from '../../agent/harness';
import { sentenceEncoder } from '../../evidence';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, requireString, type Command } from '../command';
import type { CliIo } from '../io';
import { withVault } from '../login';

/**
 * The model for a headless session: --model DIR or CONTINUUM_MODEL, loaded
 * in its worker; none given means no-model mode. A model that fails to
 * load is an error here (the administrator asked for it), not a fallback.
 */
async function openModel(dir: string | undefined): Promise<{ model: ChatModel | null; close: () => Promise<void> }> {
  if (!dir) return { model: null, close: async () => undefined };
  const { startModelWorker } = await import('../../model');
  const client = await startModelWorker(dir);
  return { model: chatModelFromClient(client as never), close: () => client.close() };
}

function readScript(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VaultError('invalid-input', `${file}: ${code === 'ENOENT' ? 'no such file' : 'not a JSON session script'}`);
  }
  const parsed = sessionScript.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new VaultError('invalid-input', `${file}: ${issue.path.join('.') || 'script'}: ${issue.message}`);
  }
  return parsed.data;
}

export const sessionCommands: Command[] = [
  {
    name: 'session',
    usage: 'session --vault FILE --patient ID --script CASE.json --trajectory OUT.jsonl [--model DIR] [--json]',
    summary: 'run a follow-up session headless from a script, recording its trajectory',
    options: {
      vault: { type: 'string' },
      user: { type: 'string' },
      json: { type: 'boolean' },
      patient: { type: 'string' },
      script: { type: 'string' },
      trajectory: { type: 'string' },
      model: { type: 'string' },
    },
    async run(values, _positionals, io) {
      const script = readScript(requireString(values, 'script'));
      const patientId = requireString(values, 'patient');
      const out = requireString(values, 'trajectory');
      const { model, close } = await openModel(optionalString(values, 'model') ?? (io.env['CONTINUUM_MODEL'] || undefined));
      try {
        const trajectory = new NoticeWatch(new Trajectory(out));
        const outcome = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) =>
          // evidence.search ranks as the app's does where the library is embedded; should the encoder not load, it is BM25 alone.
          runSession({ vault, patientId, script, model, trajectory, embedder: () => sentenceEncoder().catch(() => null) }),
        );
        const summary = {
          sessionId: outcome.sessionId,
          end: outcome.endReason,
          steps: outcome.steps,
          tokens: outcome.tokens,
          briefLines: outcome.brief.counts.lines,
          proposals: outcome.proposals.map((p) => ({ id: p.id, kind: p.body.kind, status: p.status, recordId: p.recordId ?? null })),
          trajectory: out,
        };
        if (values.json) printJson(io, summary);
        else printSummary(io, summary, model === null);
        // A session that did not run to its sign-off did not do what was asked: exit 1 with the reason, whatever the output.
        if (outcome.endReason === 'model-error' || outcome.endReason === 'budget') {
          throw new VaultError('invalid-input', `session ${outcome.sessionId} ended early: ${trajectory.lastNotice ?? outcome.endReason}; its trajectory is in ${out}`);
        }
      } finally {
        await close();
      }
    },
  },
  {
    name: 'replay',
    usage: 'replay --trajectory FILE.jsonl --model DIR [--json]',
    summary: "re-run a recorded session's model calls with the same model and seed, and compare",
    options: { trajectory: { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, _positionals, io) {
      const file = requireString(values, 'trajectory');
      let events;
      try {
        events = readTrajectory(file);
      } catch (error) {
        throw new VaultError('invalid-input', (error as Error).message);
      }
      const { model, close } = await openModel(optionalString(values, 'model') ?? (io.env['CONTINUUM_MODEL'] || undefined));
      if (!model) throw new VaultError('invalid-input', 'replay needs the model the session used: give --model DIR');
      try {
        let report;
        try {
          report = await replayTrajectory(events, model);
        } catch (error) {
          // The words a session uses for the same failure (live-session.ts records "the model failed: ...").
          throw new VaultError('invalid-input', `the replay stopped: the model failed: ${(error as Error).message.split('\n')[0]}`);
        }
        if (values.json) printJson(io, report);
        else if (report.firstDivergence) {
          io.out(`${report.identical} of ${report.requests} model calls reproduced; step ${report.firstDivergence.step} (${report.firstDivergence.agent}) differs\n`);
        } else io.out(`all ${report.requests} model calls reproduced exactly${report.recordedModel === report.model ? '' : ` (recorded with ${report.recordedModel}, replayed with ${report.model})`}\n`);
        if (report.firstDivergence) throw new VaultError('invalid-input', `the replay differs from the recording at step ${report.firstDivergence.step}`);
      } finally {
        await close();
      }
    },
  },
];

/** The trajectory, with the last notice it recorded kept at hand: why a session ended early. */
class NoticeWatch implements TrajectorySink {
  lastNotice: string | null = null;
  constructor(private readonly sink: TrajectorySink) {}
  record(event: TrajectoryEvent): void {
    if (event.type === 'notice') this.lastNotice = event.message;
    this.sink.record(event);
  }
}

function printSummary(io: CliIo, s: { sessionId: string; end: string; steps: number; tokens: number; briefLines: number; proposals: Array<{ kind: string; status: string }>; trajectory: string }, noModel: boolean): void {
  io.out(`${s.sessionId}: ${s.end}${noModel ? ' (no model: brief only, chat disabled)' : ''}; ${s.steps} model steps, ${s.tokens} tokens; brief of ${s.briefLines} lines\n`);
  for (const p of s.proposals) io.out(`  proposal ${p.kind}: ${p.status}\n`);
  io.out(`trajectory written to ${s.trajectory}\n`);
}

export const agentClinicCommand: Command = {
  name: 'agentclinic',
  usage: 'agentclinic --vault FILE --scripts DIR CASES.jsonl...',
  summary: 'import AgentClinic OSCE cases as patients and write a session script for each',
  options: { vault: { type: 'string' }, user: { type: 'string' }, scripts: { type: 'string' }, json: { type: 'boolean' } },
  positionals: 'one-or-more',
  async run(values, files, io) {
    const dir = requireString(values, 'scripts');
    mkdirSync(dir, { recursive: true });
    const cases = files.flatMap((file) => readAgentClinicCases(file));
    const written = await withVault(io, requireString(values, 'vault'), optionalString(values, 'user'), (vault) => {
      const at = vault.now().toISOString();
      return cases.map(({ caseId, source }) => {
        const converted = convertCase(source, caseId, at);
        importBundleText(vault, `${caseId}.json`, JSON.stringify(converted.bundle));
        const path = join(dir, `${caseId}.json`);
        writeFileSync(path, `${JSON.stringify(converted.script, null, 2)}\n`, { mode: 0o600 });
        return { caseId, patientId: converted.patientId, script: path };
      });
    });
    if (values.json) printJson(io, written);
    else io.out(`${written.length} cases imported as patients; scripts in ${dir}\n`);
  },
};
