import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTrajectory, replayTrajectory, runSession, sessionScript, Trajectory, type ChatModel, type ChatRequest } from '../../../electron/agent/harness';
import { WorkflowRegistry } from '../../../electron/agent/harness/workflow';
import { followUp } from '../../../electron/agent/harness/workflows/follow-up';
import { defaultToolRegistry } from '../../../electron/agent/tools';
import { verifyAudit } from '../../../electron/store/audit';
import type { Vault } from '../../../electron/store/vault';
import { tempDir } from '../../helpers/temp-vault';
import { memoryVault, PATIENT } from './memory-fixture';

/**
 * A stand-in for the language model that answers by the shape of what it
 * is asked (the harness's logic is under test here, not a model's): it
 * looks up a trend, then replies with one true and one wrong claim, and
 * signs off. Deterministic, so a replay reproduces it.
 */
function scriptedModel(id = 'scripted test model', variant = ''): ChatModel & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    id,
    requests,
    async chat(request) {
      requests.push(request);
      const schema = request.schema as { properties?: Record<string, unknown> };
      const props = Object.keys(schema?.properties ?? {});
      const last = request.messages[request.messages.length - 1]!.content;
      let answer: unknown;
      if (props.includes('tool')) {
        const lookedUp = request.messages.some((m) => m.role === 'tool');
        answer = lookedUp
          ? {
              tool: 'none',
              reply: `Your HbA1c has risen${variant}. Are you taking the metformin every day?`,
              claims: [
                { text: 'Hemoglobin A1c 7.94 % on 2025-02-03', record: 'observation', id: 'a1c-3' },
                { text: 'Hemoglobin A1c 8.4 % on 2025-02-03', record: 'observation', id: 'a1c-3' },
              ],
            }
          : { tool: 'memory.lab_trend', reply: '', claims: [] };
      } else if (props.includes('analyte')) answer = { analyte: 'hemoglobin a1c' };
      else if (props.includes('concerns')) answer = { concerns: ['Adherence is unconfirmed; a low HbA1c would change the plan.'] };
      else if (props.includes('assessment')) answer = { assessment: 'Type 2 diabetes, HbA1c rising.', plan: 'Reinforce metformin; recheck HbA1c.', followUpDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) };
      else throw new Error(`unexpected request: ${last}`);
      const text = JSON.stringify(answer);
      return { text, tokens: Math.ceil(text.length / 4), finish: 'complete' };
    },
  };
}

const script = (extra: Record<string, unknown> = {}) =>
  sessionScript.parse({
    turns: [
      { from: 'clinician', text: 'How has your diabetes been?' },
      { from: 'patient', text: 'Fine, though I sometimes forget my tablets.' },
    ],
    ...extra,
  });

let vault: Vault;
beforeEach(() => {
  vault = memoryVault();
});
afterEach(() => vault.close());

const notes = () => vault.db.prepare(`SELECT count(*) FROM notes WHERE patient_id = ?`).pluck().get(PATIENT) as number;

describe('follow-up session runner', () => {
  it('runs the brief, tools, verified replies, the safety review and sign-off, writing nothing unapproved', async () => {
    const file = join(tempDir(), 'session.jsonl');
    const trajectory = new Trajectory(file);
    const outcome = await runSession({ vault, patientId: PATIENT, script: script(), model: scriptedModel(), trajectory });
    expect(outcome.endReason).toBe('completed');
    const types = trajectory.events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['session.start', 'brief', 'turn']);
    expect(types).toContain('tool.call');
    expect(types.at(-1)).toBe('session.end');

    const reply = trajectory.events.find((e) => e.type === 'reply');
    expect(reply?.type === 'reply' && reply.claims.map((c) => c.verdict)).toEqual(['supported', 'unsupported']);
    const review = trajectory.events.find((e) => e.type === 'review');
    expect(review?.type === 'review' && review.concerns).toHaveLength(1);

    // Two proposals (the note and the follow-up), both rejected by a script that approves nothing.
    expect(outcome.proposals.map((p) => p.body.kind).sort()).toEqual(['follow-up', 'note']);
    expect(outcome.proposals.every((p) => p.status === 'rejected')).toBe(true);
    expect(notes()).toBe(0);

    expect(readTrajectory(file)).toEqual(trajectory.events);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes approved proposals with provenance pointing at the session, audited', async () => {
    const outcome = await runSession({ vault, patientId: PATIENT, script: script({ approve: 'all' }), model: scriptedModel(), trajectory: new Trajectory(), sessionId: 'session-42' });
    expect(notes()).toBe(1);
    const note = vault.db.prepare(`SELECT n.body, s.label FROM notes n JOIN sources s ON s.id = n.source_id WHERE n.patient_id = ?`).get(PATIENT);
    expect(note).toEqual({ body: expect.stringContaining('HbA1c rising'), label: 'session session-42' });
    expect(outcome.proposals.every((p) => p.status === 'approved')).toBe(true);
    expect(verifyAudit(vault.db).ok).toBe(true);
  });

  it('without a model writes the brief and says why chat is disabled', async () => {
    const trajectory = new Trajectory();
    const outcome = await runSession({ vault, patientId: PATIENT, script: script(), model: null, trajectory });
    expect(outcome.endReason).toBe('no-model');
    expect(outcome.brief.counts.flagged).toBe(0);
    expect(trajectory.events.some((e) => e.type === 'notice' && /No model is installed: chat is disabled/.test(e.message))).toBe(true);
    expect(trajectory.events.some((e) => e.type === 'model.request')).toBe(false);
  });

  it('stops at its step budget, says so, and still writes nothing unapproved', async () => {
    const trajectory = new Trajectory();
    const outcome = await runSession({ vault, patientId: PATIENT, script: script({ budgets: { maxSteps: 2, maxTokens: 4096, maxSeconds: 300 } }), model: scriptedModel(), trajectory });
    expect(outcome).toMatchObject({ endReason: 'budget', steps: 2 });
    expect(trajectory.events.some((e) => e.type === 'notice' && /budget/.test(e.message))).toBe(true);
    expect(notes()).toBe(0);
  });

  it('survives an answer cut off before it is JSON', async () => {
    const broken: ChatModel = { id: 'broken', chat: async () => ({ text: '{"tool": "no', tokens: 3, finish: 'max-tokens' }) };
    const trajectory = new Trajectory();
    const outcome = await runSession({ vault, patientId: PATIENT, script: script(), model: broken, trajectory });
    expect(outcome.endReason).toBe('completed');
    expect(trajectory.events.filter((e) => e.type === 'notice').map((e) => (e.type === 'notice' ? e.message : ''))).toContain(
      "the orchestrator's answer was cut off (max-tokens) before it was complete JSON; it is not used",
    );
  });

  it('runs the clinical checks on drugs the draft names: an allergy conflict reaches the review', async () => {
    const trajectory = new Trajectory();
    await runSession({ vault, patientId: PATIENT, script: script(), model: scriptedModel('m', '; I suggest amoxicillin for the cough'), trajectory });
    const review = trajectory.events.find((e) => e.type === 'review');
    expect(review?.type === 'review' && review.concerns[0]).toMatch(/^High: .*amoxicillin.*Penicillin.*\(rule: /);
  });

  it('replays a session: the same model answers the same, another shows where it parts', async () => {
    const trajectory = new Trajectory();
    await runSession({ vault, patientId: PATIENT, script: script(), model: scriptedModel(), trajectory });
    const same = await replayTrajectory(trajectory.events, scriptedModel());
    expect(same.requests).toBeGreaterThan(3);
    expect(same).toMatchObject({ identical: same.requests, firstDivergence: null, recordedModel: 'scripted test model' });
    const other = await replayTrajectory(trajectory.events, scriptedModel('other', ' a lot'));
    expect(other.firstDivergence).toMatchObject({ agent: 'orchestrator' });
  });
});

describe('workflows', () => {
  const known = new Set(defaultToolRegistry().ids());
  it('are checked against the registered tools when registered', () => {
    expect(() => new WorkflowRegistry([{ ...followUp, tools: ['memory.teleport'] }], known)).toThrow(/not registered: memory\.teleport/);
    expect(() => new WorkflowRegistry([followUp, followUp], known)).toThrow(/registered twice/);
  });

  it('name the known workflows when asked for an unknown one', () => {
    expect(() => new WorkflowRegistry([followUp], known).get('triage')).toThrow(/no workflow "triage"; known: follow-up/);
  });
});

