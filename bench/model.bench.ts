/**
 * bench:model — the local model runtime's figures on this machine, for the
 * 0.5B shape (Qwen2.5-0.5B: hidden 896, 24 layers, 14 heads, 2 KV heads,
 * vocabulary 151,936) in fp32, int8 and int4: prefill and decode speed, time
 * to first token for a 2,000-token patient record cold and with prefix
 * reuse, peak memory, Stop latency, decode speed as a fraction of the
 * memory-bandwidth bound, and decode speed against a peer runtime
 * (transformers.js generate() on the same ONNX file, bench/model-peer.ts):
 * ours as it runs by default (checking draft tokens, draft-tokens.ts) and
 * with one pass per token as the peer runs (the same onnxruntime and graph:
 * what is left to compare there is each runtime's own cost around the pass).
 *
 * The machine is shared and its load moves within minutes, so decode is
 * measured in pairs: for each precision both runtimes are loaded, each in a
 * process of its own (so its peak memory is its own), wait until both are
 * quiet, and take turns at short greedy decodes, the order alternating by
 * round; the rounds are spread over several fresh pairs of processes (a
 * process's speed is partly the luck of where its memory landed); the ratio
 * is the median of the per-round ratios, with its range. The memory bandwidth is
 * measured right before and after each of our runs, and that round's
 * fraction of the bound uses the mean of the two.
 * Models are generated if missing (scripts/models, random weights: speed
 * does not depend on the values).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readManifest } from '../electron/model/manifest';
import { cpuSessionOptions } from '../electron/model/session';
import type { Precision } from '../scripts/models/decoder-graph';
import { generateModelFolder } from '../scripts/models/model-folder';
import { BandwidthProbe, type BandwidthSample } from './memory-bandwidth';
import { BenchChild, type BenchRequest, type DecodeRun, type Sampling } from './model-ipc';
import { cpuMeter, waitUntilQuiet } from './process-cpu';
import type { PeerReady } from './model-peer';
import type { ModelRunFigures, ModelRunReady } from './model-run';
import { DECODE_PROMPT, DECODE_ROUNDS, DECODE_TOKENS, median, medianInterval, p95, patientContext, PROCESS_PAIRS, RECORD_ROUNDS, RECORD_TOKENS, SAMPLED_ROUNDS_PER_PAIR } from './model-workload';
import { llamaBar } from './llama-bar';
import { report, type Figure } from './report';

const ALL: Precision[] = ['fp32', 'int8', 'int4'];
/** `npm run bench:model -- int4` measures one precision (all three by default). */
const PRECISION_ARGS = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const PRECISIONS: Precision[] = PRECISION_ARGS.length > 0 ? ALL.filter((p) => PRECISION_ARGS.includes(p)) : ALL;
/** `-- --llama-only`: only the llama.cpp bar (llama-bar.ts), without the transformers.js rows. */
const LLAMA_ONLY = process.argv.includes('--llama-only');
const dirOf = (precision: Precision) => join('models', `bench-0.5b-${precision}`);

async function ensureModel(precision: Precision): Promise<void> {
  if (existsSync(join(dirOf(precision), 'continuum-model.json'))) return;
  const start = performance.now();
  await generateModelFolder({ size: '0.5b', precision, seed: 1, out: dirOf(precision) });
  console.log(`generated ${dirOf(precision)} in ${((performance.now() - start) / 1000).toFixed(0)} s`);
}

/** Bytes a decode step reads: every weight but the embedding table, of which it reads one row. */
function weightBytesPerToken(precision: Precision): number {
  const dir = dirOf(precision);
  const manifest = readManifest(dir);
  const onnx = manifest.files.filter((f) => f.path.startsWith('onnx/')).reduce((sum, f) => sum + f.bytes, 0);
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { vocab_size: number; hidden_size: number };
  return onnx - config.vocab_size * config.hidden_size * 4;
}

/** How many of the first tokens two greedy runs share (both runtimes run the same file: they should agree). */
function sharedPrefix(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const cpuText = (ms: number | undefined) => (ms === undefined ? 'unknown' : ms.toFixed(0));
const fmt = (values: readonly number[]) => values.map((v) => v.toFixed(0)).join(', ');
const fmt1 = (values: readonly number[]) => values.map((v) => v.toFixed(1)).join(', ');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** The session settings that decide speed, for comparing ours with what the peer gave onnxruntime. */
const SETTINGS = ['executionProviders', 'graphOptimizationLevel', 'intraOpNumThreads', 'interOpNumThreads', 'executionMode', 'extra'] as const;
function settingsOf(options: object): string {
  const record = options as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(SETTINGS.map((k) => [k, record[k] ?? '(onnxruntime default)'])));
}

interface Round {
  /** Ours with one pass per token, as the peer runs. */
  readonly ours: DecodeRun;
  readonly peer: DecodeRun;
  /** Ours as it runs by default: checking draft tokens (draft-tokens.ts). */
  readonly drafts: DecodeRun;
  /** CPU ms the peer's process used during our run, and ours during the peer's (undefined: /proc cannot say). */
  readonly peerCpuDuringOursMs: number | undefined;
  readonly oursCpuDuringPeerMs: number | undefined;
  /** Bandwidth right before and right after our run. */
  readonly bandwidth: readonly [BandwidthSample, BandwidthSample];
}

type Side = 'ours' | 'peer' | 'drafts';

/**
 * The order of a round's runs: ours with one pass per token and the peer
 * take turns (A B, B A, ...); ours with draft tokens, where asked, runs at the
 * other end from ours (A B C, C B A, ...), so the peer always runs between them.
 */
function roundOrder(round: number, drafts: boolean): Side[] {
  const order: Side[] = drafts ? ['ours', 'peer', 'drafts'] : ['ours', 'peer'];
  return round % 2 === 0 ? order : order.reverse();
}

/**
 * Both runtimes loaded and quiet, an untimed warm-up turn each, then
 * `count` paired rounds (roundOrder: ours one pass per token, the peer, ours
 * with draft tokens), a bandwidth sample on each side of our one-pass-per-token
 * run, and each side's CPU use during the other's run (a runtime still busy
 * after its load took a core from the other).
 */
async function pairedRounds(ours: BenchChild, peer: BenchChild, probe: BandwidthProbe, label: string, count: number): Promise<Round[]> {
  const request = { type: 'decode', prompt: DECODE_PROMPT, tokens: DECODE_TOKENS, drafts: false } as const;
  // A runtime says "loaded" when its session is made, but may keep a core busy for seconds after
  // it; measured before this wait, that halved the first 3 of 11 rounds of whichever ran beside it.
  const settled = await waitUntilQuiet([ours.pid, peer.pid]);
  console.log(
    `${label} both runtimes ${settled.quiet ? 'quiet' : 'NOT quiet'} after ${(settled.waitedMs / 1000).toFixed(1)} s` +
      ` (CPU ms while waiting: ours ${cpuText(settled.cpuMs[0])}, peer ${cpuText(settled.cpuMs[1])})`,
  );
  // One untimed turn each first, both loaded: the second load can push the first runtime's pages out of memory.
  await ours.request(request);
  await ours.request({ ...request, drafts: true });
  await peer.request(request);
  const rounds: Round[] = [];
  let lastProbe: BandwidthSample | undefined; // a probe with no run after it yet
  for (let round = 0; round < count; round++) {
    let oursRun: DecodeRun | undefined;
    let peerRun: DecodeRun | undefined;
    let draftsRun: DecodeRun | undefined;
    let before: BandwidthSample | undefined;
    let after: BandwidthSample | undefined;
    let peerCpuDuringOursMs: number | undefined;
    let oursCpuDuringPeerMs: number | undefined;
    for (const side of roundOrder(round, true)) {
      if (side === 'drafts') {
        draftsRun = await ours.request({ ...request, drafts: true });
        lastProbe = undefined;
      } else if (side === 'ours') {
        before = lastProbe ?? (await probe.measure());
        const peerCpu = cpuMeter([peer.pid]);
        oursRun = await ours.request(request);
        peerCpuDuringOursMs = peerCpu();
        after = lastProbe = await probe.measure();
      } else {
        const oursCpu = cpuMeter([ours.pid]);
        peerRun = await peer.request(request);
        oursCpuDuringPeerMs = oursCpu();
        lastProbe = undefined;
      }
    }
    rounds.push({ ours: oursRun!, peer: peerRun!, drafts: draftsRun!, peerCpuDuringOursMs, oursCpuDuringPeerMs, bandwidth: [before!, after!] });
  }
  return rounds;
}

type DecodeRequest = Extract<BenchRequest, { type: 'decode' }>;

/**
 * `count` paired decode runs without the greedy rounds' bandwidth probes, in
 * roundOrder, each given `request(round)`: ours with one pass per token and
 * the peer, and with `drafts` ours with draft tokens too.
 */
async function alternatingRuns(ours: BenchChild, peer: BenchChild, count: number, request: (round: number) => DecodeRequest, drafts = false): Promise<{ ours: DecodeRun; peer: DecodeRun; drafts?: DecodeRun }[]> {
  const rounds: { ours: DecodeRun; peer: DecodeRun; drafts?: DecodeRun }[] = [];
  for (let round = 0; round < count; round++) {
    const runs = new Map<Side, DecodeRun>();
    for (const side of roundOrder(round, drafts)) {
      runs.set(side, await (side === 'peer' ? peer : ours).request({ ...request(round), drafts: side === 'drafts' }));
    }
    rounds.push({ ours: runs.get('ours')!, peer: runs.get('peer')!, ...(drafts ? { drafts: runs.get('drafts')! } : {}) });
  }
  return rounds;
}

/** How a run with draft tokens went: passes, and drafts kept of those checked. */
const passesText = (run: DecodeRun) => (run.passes ? `${run.passes.passes} passes for ${DECODE_TOKENS - 1} tokens, ${run.passes.kept} of ${run.passes.drafted} draft tokens kept` : 'passes unknown');

/** The sampling a chat with this model uses: generation_config.json's temperature and top-p (0.7 and 0.8, Qwen2.5's, when absent). */
function chatSampling(precision: Precision): Omit<Sampling, 'seed'> {
  const file = join(dirOf(precision), 'generation_config.json');
  const config = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { temperature?: number; top_p?: number }) : {};
  return { temperature: config.temperature ?? 0.7, topP: config.top_p ?? 0.8 };
}

async function main(): Promise<void> {
  const benchStart = performance.now();
  if (PRECISIONS.length === 0) throw new Error(`usage: model.bench.ts [${ALL.join('|')}]...`);
  console.log(`${cpus()[0]?.model ?? 'CPU'}, ${availableParallelism()} cores; load average ${load()} (other work on the machine slows every figure)`);
  for (const precision of PRECISIONS) await ensureModel(precision);
  const probe = await BandwidthProbe.open();
  const oursSettings = cpuSessionOptions({ threads: availableParallelism(), spinning: false });
  const figures: Figure[] = [];
  const decode: Partial<Record<Precision, number>> = {};
  try {
    for (const p of PRECISIONS) {
      if (!LLAMA_ONLY) await transformersRows(p);
      console.log(`\n${p}: the llama.cpp bar (llama-bar.ts); load average ${load()}`);
      figures.push(...(await llamaBar(p, dirOf(p))));
    }
  } finally {
    await probe.close();
  }

  /** Our ONNX engine against transformers.js on the same ONNX file (the second peer), with draft tokens, sampling, Stop and prefix reuse. */
  async function transformersRows(p: Precision): Promise<void> {
    {
      console.log(`\n${p}: loading ${dirOf(p)} in our runtime and in the peer (transformers.js), each in its own process; load average ${load()}`);
      const startPair = async () => {
        const oursStarted = await BenchChild.start<ModelRunReady>(join('bench', 'model-run.ts'), [dirOf(p)], `our runtime (${p})`);
        ours = oursStarted.child;
        const peerStarted = await BenchChild.start<PeerReady>(join('bench', 'model-peer.ts'), [dirOf(p)], `transformers.js (${p})`);
        peer = peerStarted.child;
        return { oursReady: oursStarted.ready, peerReady: peerStarted.ready };
      };
      let ours: BenchChild | undefined;
      let peer: BenchChild | undefined;
      try {
        const { oursReady, peerReady } = await startPair();
        const same = settingsOf(oursSettings) === settingsOf(peerReady.sessionOptions);
        console.log(`${p} onnxruntime session, ours: ${settingsOf(oursSettings)}`);
        console.log(`${p} onnxruntime session, peer (as transformers.js gave it to InferenceSession.create): ${settingsOf(peerReady.sessionOptions)}`);
        console.log(`${p} settings ${same ? 'are the same' : 'DIFFER: the ratio below is not a fair comparison'}; KV cache: ${peerReady.kvTypes.join(', ')} in the peer, the graph's declared type in ours (onnxruntime accepts no other)`);
        console.log(
          `${p} timed alike in both: greedy, ${DECODE_TOKENS} new tokens after "${DECODE_PROMPT}", from each new token's time stamp (prefill and the first token excluded);` +
            ` a run's speed is 1 / its median step, its whole-run speed (tokens - 1) / time from the first new token to the last;` +
            ` ${DECODE_ROUNDS} rounds over ${PROCESS_PAIRS} fresh pairs of processes. Ours runs twice a round: one pass per token as the peer does, and as it runs by default,` +
            ` checking draft tokens guessed from earlier text (several tokens may come from one pass, so only whole-run speeds compare)`,
        );

        const rounds: Round[] = [];
        const sampled: { ours: DecodeRun; peer: DecodeRun }[] = [];
        const sampling = chatSampling(p);
        for (let pair = 0; pair < PROCESS_PAIRS; pair++) {
          if (pair > 0) {
            await ours!.request({ type: 'exit' });
            await peer!.request({ type: 'exit' });
            await startPair();
          }
          const count = Math.round(((pair + 1) * DECODE_ROUNDS) / PROCESS_PAIRS) - Math.round((pair * DECODE_ROUNDS) / PROCESS_PAIRS);
          rounds.push(...(await pairedRounds(ours!, peer!, probe, `${p} pair ${pair + 1}`, count)));
          // Sampled as a chat runs (temperature and top-p from generation_config.json): the sampler's own cost per token.
          sampled.push(...(await alternatingRuns(ours!, peer!, SAMPLED_ROUNDS_PER_PAIR, (round) => ({ type: 'decode', prompt: DECODE_PROMPT, tokens: DECODE_TOKENS, sampling: { ...sampling, seed: round } }))));
        }
        const sampledRatios = sampled.map((r) => r.ours.medianStepTokensPerSecond / r.peer.medianStepTokensPerSecond);
        sampled.forEach((r, i) =>
          console.log(
            `${p} sampled round ${i + 1}: ours ${r.ours.medianStepTokensPerSecond.toFixed(1)}, peer ${r.peer.medianStepTokensPerSecond.toFixed(1)} tokens/s;` +
              ` ratio ${sampledRatios[i]!.toFixed(2)}; CPU ms a step ours ${r.ours.cpuMsPerStep.toFixed(1)}, peer ${r.peer.cpuMsPerStep.toFixed(1)}`,
          ),
        );
        const bytes = weightBytesPerToken(p);
        // A round's speed is its median step (see DecodeTimings); whole-run speeds are shown beside.
        const oursSpeeds = rounds.map((r) => r.ours.medianStepTokensPerSecond);
        const peerSpeeds = rounds.map((r) => r.peer.medianStepTokensPerSecond);
        const ratios = rounds.map((_, i) => oursSpeeds[i]! / peerSpeeds[i]!);
        const wholeRatios = rounds.map((r) => r.ours.tokensPerSecond / r.peer.tokensPerSecond);
        const cpuRatios = rounds.map((r) => r.ours.cpuMsPerStep / r.peer.cpuMsPerStep);
        const draftRatios = rounds.map((r) => r.drafts.tokensPerSecond / r.peer.tokensPerSecond);
        const bandwidths = rounds.map((r) => (r.bandwidth[0].bytesPerSecond + r.bandwidth[1].bytesPerSecond) / 2);
        const fractions = rounds.map((_, i) => oursSpeeds[i]! / (bandwidths[i]! / bytes));
        decode[p] = median(oursSpeeds);
        rounds.forEach((r, i) => {
          const bw = r.bandwidth.map((b) => (b.bytesPerSecond / 1e9).toFixed(1)).join(' / ');
          console.log(
            `${p} round ${i + 1} (${roundOrder(i, true).join(', ')}): ours ${oursSpeeds[i]!.toFixed(1)} (whole run ${r.ours.tokensPerSecond.toFixed(1)}),` +
              ` peer ${peerSpeeds[i]!.toFixed(1)} (whole run ${r.peer.tokensPerSecond.toFixed(1)}; ${r.peer.ortMsPerStep!.toFixed(1)} of ${(1000 / r.peer.tokensPerSecond).toFixed(1)} ms a step inside onnxruntime) tokens/s;` +
              ` ratio ${ratios[i]!.toFixed(2)} (whole runs ${wholeRatios[i]!.toFixed(2)}); CPU ms a step ours ${r.ours.cpuMsPerStep.toFixed(1)}, peer ${r.peer.cpuMsPerStep.toFixed(1)};` +
              ` major page faults ours ${r.ours.majorFaults}, peer ${r.peer.majorFaults};` +
              ` CPU ms of the other process during ours ${cpuText(r.peerCpuDuringOursMs)}, during the peer's ${cpuText(r.oursCpuDuringPeerMs)}; bandwidth before / after ours ${bw} GB/s, fraction of the bound ${fractions[i]!.toFixed(2)};` +
              ` with draft tokens: whole run ${r.drafts.tokensPerSecond.toFixed(1)} tokens/s (${passesText(r.drafts)}), ratio to the peer's whole run ${draftRatios[i]!.toFixed(2)}; tokens equal ${sharedPrefix(r.drafts.tokenIds, r.ours.tokenIds)} of ${DECODE_TOKENS}`,
          );
        });
        console.log(`${p} per-round ratios, one pass per token ${ratios.map((x) => x.toFixed(2)).join(', ')}; CPU time per token, ours / peer: ${cpuRatios.map((x) => x.toFixed(2)).join(', ')}`);
        console.log(`${p} per-round ratios with draft tokens (whole runs): ${draftRatios.map((x) => x.toFixed(2)).join(', ')}`);
        console.log(`${p} after the rounds: load average ${load()}`);

        // As a follow-up session decodes: after the patient's record, with its whole KV cache passed to every step.
        console.log(`${p}: greedy decode after the ${RECORD_TOKENS}-token record, ${RECORD_ROUNDS} paired rounds (each run encodes the record first, not timed) ...`);
        const record = patientContext(dirOf(p));
        const recordRounds = await alternatingRuns(ours!, peer!, RECORD_ROUNDS, () => ({ type: 'decode', prompt: record, tokens: DECODE_TOKENS }), true);
        const recordRatios = recordRounds.map((r) => r.ours.medianStepTokensPerSecond / r.peer.medianStepTokensPerSecond);
        const recordDraftRatios = recordRounds.map((r) => r.drafts!.tokensPerSecond / r.peer.tokensPerSecond);
        recordRounds.forEach((r, i) =>
          console.log(
            `${p} after the record, round ${i + 1} (${roundOrder(i, true).join(', ')}): ours ${r.ours.medianStepTokensPerSecond.toFixed(1)}, peer ${r.peer.medianStepTokensPerSecond.toFixed(1)} tokens/s; ratio ${recordRatios[i]!.toFixed(2)};` +
              ` CPU ms a step ours ${r.ours.cpuMsPerStep.toFixed(1)}, peer ${r.peer.cpuMsPerStep.toFixed(1)}; greedy tokens equal ${sharedPrefix(r.ours.tokenIds, r.peer.tokenIds)} of ${DECODE_TOKENS};` +
              ` with draft tokens: whole run ${r.drafts!.tokensPerSecond.toFixed(1)} tokens/s against the peer's ${r.peer.tokensPerSecond.toFixed(1)} (${passesText(r.drafts!)}), ratio ${recordDraftRatios[i]!.toFixed(2)}`,
          ),
        );

        console.log(`${p}: time to first token, prefix reuse and Stop (our runtime) ...`);
        const r = await ours!.request<ModelRunFigures>({ type: 'figures' });
        const oursExit = await ours!.request({ type: 'exit' });
        const peerExit = await peer!.request({ type: 'exit' });
        console.log(`${p} ours: ${JSON.stringify({ ...r, stop: undefined })}`);
        console.log(
          `${p} sampled after the cached record, tokens/s with draft tokens ${fmt1(r.draftsAfterRecord.on)}, without ${fmt1(r.draftsAfterRecord.off)};` +
            ` ${r.draftsAfterRecord.kept} of ${r.draftsAfterRecord.drafted} draft tokens kept`,
        );
        console.log(`${p} Stop in ms, caller / worker released: prefill ${fmt(r.stop.prefill.callerMs)} / ${fmt(r.stop.prefill.workerMs)}; decode ${fmt(r.stop.decode.callerMs)} / ${fmt(r.stop.decode.workerMs)}`);
        const rounded = `${DECODE_ROUNDS} paired rounds`;
        figures.push(
          { name: `${p} load (with SHA-256 check of every file)`, value: oursReady.loadMs / 1000, unit: 's' },
          { name: `${p} prefill`, value: r.prefillTokensPerSecond, unit: 'tokens/s' },
          // As the runtime decodes by default: draft tokens checked in each pass; whole runs, since several tokens may come from one pass.
          { name: `${p} decode with draft tokens, whole runs (median of ${rounded})`, value: median(rounds.map((r) => r.drafts.tokensPerSecond)), unit: 'tokens/s' },
          { name: `${p} decode with draft tokens / peer, whole runs (median of per-round ratios)`, value: median(draftRatios), unit: 'x', goal: '>= 1' },
          { name: `${p} decode with draft tokens / peer, 95 % interval of the median, low`, value: medianInterval(draftRatios)[0], unit: 'x' },
          { name: `${p} decode with draft tokens / peer, lowest round`, value: Math.min(...draftRatios), unit: 'x' },
          { name: `${p} decode with draft tokens, passes per token (median of rounds)`, value: median(rounds.map((r) => r.drafts.passes!.passes / (DECODE_TOKENS - 1))), unit: 'x' },
          // One pass per token, as the peer: the same onnxruntime running the same graph, so parity is the expected result.
          { name: `${p} decode, one pass per token (median of ${rounded}; a run's speed from its median step)`, value: median(oursSpeeds), unit: 'tokens/s' },
          { name: `${p} decode, peer: transformers.js generate (the same)`, value: median(peerSpeeds), unit: 'tokens/s' },
          { name: `${p} decode one pass per token / peer (median of per-round ratios)`, value: median(ratios), unit: 'x' },
          { name: `${p} decode one pass per token / peer, 95 % interval of the median, low`, value: medianInterval(ratios)[0], unit: 'x' },
          { name: `${p} decode one pass per token / peer, 95 % interval of the median, high`, value: medianInterval(ratios)[1], unit: 'x' },
          { name: `${p} decode one pass per token / peer, lowest round`, value: Math.min(...ratios), unit: 'x' },
          { name: `${p} decode one pass per token / peer, highest round`, value: Math.max(...ratios), unit: 'x' },
          // Sampled as a chat runs: the sampler's cost per token on top of the model's pass.
          { name: `${p} decode sampled, one pass per token (temperature ${sampling.temperature}, top-p ${sampling.topP}; median of ${sampled.length} paired rounds)`, value: median(sampled.map((r) => r.ours.medianStepTokensPerSecond)), unit: 'tokens/s' },
          { name: `${p} decode sampled, peer (the same)`, value: median(sampled.map((r) => r.peer.medianStepTokensPerSecond)), unit: 'tokens/s' },
          { name: `${p} decode sampled, one pass per token / peer (median of per-round ratios)`, value: median(sampledRatios), unit: 'x', goal: '>= 1' },
          { name: `${p} decode sampled, one pass per token / peer, lowest round`, value: Math.min(...sampledRatios), unit: 'x' },
          { name: `${p} decode one pass per token, whole runs (median of ${rounded})`, value: median(rounds.map((r) => r.ours.tokensPerSecond)), unit: 'tokens/s' },
          { name: `${p} decode one pass per token / peer, whole runs (median of per-round ratios)`, value: median(wholeRatios), unit: 'x' },
          // Work per token (all threads of the process): far less moved by other work than time is, so a second view of the ratio.
          { name: `${p} CPU time per token (median of rounds)`, value: median(rounds.map((r) => r.ours.cpuMsPerStep)), unit: 'ms' },
          { name: `${p} CPU time per token, peer (median of rounds)`, value: median(rounds.map((r) => r.peer.cpuMsPerStep)), unit: 'ms' },
          { name: `${p} CPU time per token, ours / peer (median of per-round ratios)`, value: median(cpuRatios), unit: 'x' },
          { name: `${p} greedy tokens equal to the peer's (of ${DECODE_TOKENS})`, value: sharedPrefix(rounds[0]!.ours.tokenIds, rounds[0]!.peer.tokenIds), unit: 'tokens' },
          { name: `${p} memory read bandwidth next to our runs (median)`, value: median(bandwidths) / 1e9, unit: 'GB/s' },
          { name: `${p} memory read bandwidth, lowest round`, value: Math.min(...bandwidths) / 1e9, unit: 'GB/s' },
          { name: `${p} memory read bandwidth, highest round`, value: Math.max(...bandwidths) / 1e9, unit: 'GB/s' },
          { name: `${p} decode / memory-bandwidth bound (median of rounds; ${(bytes / 1e6).toFixed(0)} MB read per token)`, value: median(fractions), unit: 'fraction' },
          { name: `${p} decode / memory-bandwidth bound, lowest round`, value: Math.min(...fractions), unit: 'fraction' },
          { name: `${p} decode / memory-bandwidth bound, highest round`, value: Math.max(...fractions), unit: 'fraction' },
          { name: `${p} decode after the ${RECORD_TOKENS}-token record (greedy, median of ${RECORD_ROUNDS} paired rounds)`, value: median(recordRounds.map((r) => r.ours.medianStepTokensPerSecond)), unit: 'tokens/s' },
          { name: `${p} decode after the ${RECORD_TOKENS}-token record, peer (the same)`, value: median(recordRounds.map((r) => r.peer.medianStepTokensPerSecond)), unit: 'tokens/s' },
          { name: `${p} decode after the ${RECORD_TOKENS}-token record, one pass per token / peer (median of per-round ratios)`, value: median(recordRatios), unit: 'x', goal: '>= 1' },
          { name: `${p} decode after the ${RECORD_TOKENS}-token record, one pass per token / peer, lowest round`, value: Math.min(...recordRatios), unit: 'x' },
          { name: `${p} decode after the ${RECORD_TOKENS}-token record with draft tokens / peer, whole runs (median of per-round ratios)`, value: median(recordDraftRatios), unit: 'x', goal: '>= 1' },
          { name: `${p} decode after the ${r.promptTokens}-token chat prompt, reused from the prefix cache (sampled)`, value: r.decodeLongTokensPerSecond, unit: 'tokens/s' },
          // Where drafts mostly miss (sampled text not repeating the record), their pauses should keep their cost small.
          { name: `${p} sampled after the cached record, draft tokens on / off (median of ${r.draftsAfterRecord.on.length} alternating pairs, whole runs)`, value: median(r.draftsAfterRecord.on) / median(r.draftsAfterRecord.off), unit: 'x' },
          { name: `${p} sampled after the cached record, draft tokens kept of those checked`, value: r.draftsAfterRecord.drafted ? r.draftsAfterRecord.kept / r.draftsAfterRecord.drafted : 0, unit: 'fraction' },
          { name: `${p} time to first token, ${r.promptTokens}-token prompt, cold`, value: r.ttftColdMs, unit: 'ms' },
          { name: `${p} time to first token, same record reused (${r.reusedTokens} tokens)`, value: r.ttftReuseMs, unit: 'ms' },
          { name: `${p} time to first token, cold / reused`, value: r.ttftColdMs / r.ttftReuseMs, unit: 'x', goal: '>= 10' },
          // The caller's result settles at the Stop; the worker lets go when its current pass ends (onnxruntime cannot interrupt one).
          { name: `${p} Stop during prefill, to the caller's result (p95 of ${r.stop.prefill.callerMs.length})`, value: p95(r.stop.prefill.callerMs), unit: 'ms', goal: '<= 100' },
          { name: `${p} Stop during decode, to the caller's result (p95 of ${r.stop.decode.callerMs.length})`, value: p95(r.stop.decode.callerMs), unit: 'ms', goal: '<= 100' },
          { name: `${p} Stop during prefill, to the worker's release (p95)`, value: p95(r.stop.prefill.workerMs), unit: 'ms' },
          { name: `${p} Stop during decode, to the worker's release (p95)`, value: p95(r.stop.decode.workerMs), unit: 'ms' },
          { name: `${p} peak memory (process)`, value: oursExit.peakRssMiB, unit: 'MiB' },
          { name: `${p} peak memory, peer (process)`, value: peerExit.peakRssMiB, unit: 'MiB' },
        );
      } finally {
        ours?.kill();
        peer?.kill();
      }
    }
  }
  for (const p of ['int8', 'int4'] as const) {
    if (decode[p] === undefined || decode.fp32 === undefined) continue;
    console.log(`decode ${p} / fp32: ${(decode[p]! / decode.fp32!).toFixed(2)}x`);
    figures.push({ name: `decode ${p} / fp32`, value: decode[p]! / decode.fp32!, unit: 'x' });
  }
  console.log(`bench:model took ${((performance.now() - benchStart) / 60_000).toFixed(1)} min; load average ${load()}`);
  report('bench:model', figures);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
