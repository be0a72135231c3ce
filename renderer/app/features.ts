import { registerBrief } from '../brief/register';
import { registerChart } from '../chart/register';
import { registerChat } from '../chat/register';
import { registerDerm } from '../derm/register';
import { registerEvidence } from '../evidence/register';
import { registerImaging } from '../imaging/register';
import { registerOcrReview } from '../ocr-review/register';
import { registerResults } from '../results/register';
import { registerTimeline } from '../timeline/register';
import { registerTrends } from '../trends/register';
import { registerVisit } from '../visit/register';

/**
 * The composition root of the renderer: the one place that knows every
 * feature. Each registers its panels, citation and source openers and
 * section switches with the shell (renderer/shell); features never import
 * one another for that (lint: continuum/layers, 'renderer features'). A new
 * feature adds its register call here.
 */
let registered = false;

export function registerFeatures(): void {
  if (registered) return;
  registered = true;
  registerChart();
  registerBrief();
  registerResults();
  registerTrends();
  registerImaging();
  registerDerm();
  registerOcrReview();
  registerVisit();
  registerChat();
  registerEvidence();
  registerTimeline();
}
