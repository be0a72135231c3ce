import { binaryContract, methodNames, type BinaryMethodName, type MethodName } from '../../api/contract';
import { agentHandlers } from './agent';
import { chartHandlers } from './chart';
import type { BinaryHandler, BinaryHandlerMap, Handler, HandlerMap } from './handler';
import { imageModelHandlers } from './image-model';
import { imagingBinaryHandlers, imagingHandlers } from './imaging';
import { importHandlers } from './import';
import { jobHandlers } from './jobs';
import { modelDownloadHandlers } from './model-downloads';
import { modelHandlers } from './models';
import { ocrHandlers } from './ocr';
import { pacsHandlers } from './pacs';
import { photoHandlers } from './photos';
import { sessionHandlers } from './sessions';
import { vaultHandlers } from './vault';

const modules: readonly HandlerMap[] = [vaultHandlers, chartHandlers, importHandlers, agentHandlers, imagingHandlers, imageModelHandlers, ocrHandlers, modelHandlers, modelDownloadHandlers, sessionHandlers, photoHandlers, pacsHandlers, jobHandlers];

/**
 * Every contract method's handler, merged from the domain modules. A method
 * handled twice, or not at all, fails at start-up rather than at the first call.
 */
export function buildHandlers(): { [M in MethodName]: Handler<M> } {
  const merged: HandlerMap = {};
  for (const module of modules) {
    for (const name of Object.keys(module) as MethodName[]) {
      if (merged[name]) throw new Error(`contract method ${name} has two handlers`);
      (merged as Record<string, unknown>)[name] = module[name];
    }
  }
  const missing = methodNames.filter((name) => !merged[name]);
  if (missing.length > 0) throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  return merged as { [M in MethodName]: Handler<M> };
}

/** Every binary method's handler (contract.ts, binaryContract), checked the same way. */
export function buildBinaryHandlers(): { [M in BinaryMethodName]: BinaryHandler<M> } {
  const merged: BinaryHandlerMap = { ...imagingBinaryHandlers };
  const missing = (Object.keys(binaryContract) as BinaryMethodName[]).filter((name) => !merged[name]);
  if (missing.length > 0) throw new Error(`binary methods without a handler: ${missing.join(', ')}`);
  return merged as { [M in BinaryMethodName]: BinaryHandler<M> };
}
