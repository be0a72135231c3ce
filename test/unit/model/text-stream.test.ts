import { describe, expect, it } from 'vitest';
import { Rng, sampleToken } from '../../../electron/model/sampler';
import { TextStream } from '../../../electron/model/text-stream';

describe('streamed text', () => {
  it('holds back a possible stop sequence and never shows the stop itself', () => {
    const stream = new TextStream(['</answer>']);
    expect(stream.update('The dose is 5 mg').delta).toBe('The dose is 5 mg');
    expect(stream.update('The dose is 5 mg</ans').delta).toBe('');
    expect(stream.update('The dose is 5 mg</answer> and more')).toEqual({ delta: '', stopped: true });
    expect(stream.text('The dose is 5 mg</answer> and more')).toBe('The dose is 5 mg');
  });

  it('releases held text that turned out not to be a stop, and waits for whole characters', () => {
    const stream = new TextStream(['\n\n']);
    expect(stream.update('a\n').delta).toBe('a');
    expect(stream.update('a\nb').delta).toBe('\nb');
    expect(stream.update('a\nb \uFFFD').delta).toBe(' ');
    expect(stream.update('a\nb é').delta).toBe('é');
    expect(stream.flush('a\nb é!')).toBe('!');
  });
});

describe('the sampler', () => {
  const logits = Float32Array.from([1, 3, 2.5, -1, 0]);

  it('is greedy at temperature 0 and respects the mask', () => {
    expect(sampleToken(logits, { temperature: 0 }, new Rng(1))).toBe(1);
    expect(sampleToken(logits, { temperature: 0 }, new Rng(1), Uint8Array.from([1, 0, 1, 1, 1]))).toBe(2);
  });

  it('samples reproducibly from a seed, only inside the nucleus', () => {
    const draw = (seed: number) => Array.from({ length: 200 }, (_, i) => sampleToken(logits, { temperature: 1, topP: 0.8 }, new Rng(seed * 1000 + i)));
    expect(draw(3)).toEqual(draw(3));
    // p(1) ~ 0.55 and p(2) ~ 0.33 make up the 0.8 nucleus; tokens 0, 3 and 4 never come.
    expect(new Set(draw(3))).toEqual(new Set([1, 2]));
  });
});
