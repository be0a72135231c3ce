import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatModelFromClient, replayTrajectory, runSession, sessionScript, Trajectory, type ChatModel } from '../../../electron/agent/harness';
import { startModelWorker, type ModelClient } from '../../../electron/model';
import type { Vault } from '../../../electron/store/vault';
import { memoryVault, PATIENT } from '../../unit/agent/memory-fixture';
import { tinyModel } from '../../unit/model/tiny-model';

/**
 * The harness with a real local model: the generated tiny Qwen2-style
 * decoder (random weights, so its words mean nothing), run by the model
 * worker exactly as the app runs it. What must hold whatever it says:
 * every action it emits is well-formed (constrained decoding), anything
 * it attempts goes through the registry, nothing is written without
 * approval, and a replay with the same model and seed reproduces it.
 */
let client: ModelClient;
let model: ChatModel;
let vault: Vault;

beforeAll(async () => {
  client = await startModelWorker(await tinyModel('fp32', 7));
  model = chatModelFromClient(client as never);
}, 120_000);
afterAll(async () => {
  await client?.close();
});

describe('a follow-up session with the local model', () => {
  it('runs end to end under its budget, writes nothing unapproved, and replays exactly', async () => {
    vault = memoryVault();
    try {
      const script = sessionScript.parse({
        seed: 3,
        turns: [{ from: 'patient', text: 'My sugar readings have been high this month.' }],
        budgets: { maxSteps: 6, maxTokens: 1500, maxSeconds: 240 },
      });
      const trajectory = new Trajectory();
      const notesBefore = vault.db.prepare(`SELECT count(*) FROM notes`).pluck().get();
      const outcome = await runSession({ vault, patientId: PATIENT, script, model, trajectory });
      expect(['completed', 'budget']).toContain(outcome.endReason);

      const responses = trajectory.events.filter((e) => e.type === 'model.response');
      expect(responses.length).toBeGreaterThan(0);
      // Constrained decoding: every answer that ran to completion is JSON of the requested shape.
      for (const r of responses) if (r.type === 'model.response' && r.finish !== 'max-tokens') expect(() => JSON.parse(r.text)).not.toThrow();
      for (const call of trajectory.events.filter((e) => e.type === 'tool.call')) {
        expect(call.type === 'tool.call' && call.tool).toMatch(/^(memory|evidence)\./);
      }
      expect(vault.db.prepare(`SELECT count(*) FROM notes`).pluck().get()).toBe(notesBefore);

      if (process.env.SHOW_TRAJECTORY) for (const e of trajectory.events) console.log(JSON.stringify(e).slice(0, 300));
      const replay = await replayTrajectory(trajectory.events, model);
      expect(replay).toMatchObject({ identical: replay.requests, firstDivergence: null });
    } finally {
      vault.close();
    }
  }, 300_000);
});
