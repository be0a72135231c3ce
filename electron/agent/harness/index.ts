/**
 * The harness: one runtime for a follow-up session, headless or in the app.
 */
export { LiveSession, type LiveSessionOptions, type Budgets, type EndReason, type StepOutcome } from './live-session';
export { runSession, type SessionOptions, type SessionOutcome } from './session-runner';
export { replayTrajectory, type ReplayReport } from './replay';
export { sessionScript, type SessionScript } from './script';
export { Trajectory, readTrajectory, trajectoryEvent, type TrajectoryEvent, type TrajectorySink } from './trajectory';
export { chatModelFromClient, type ChatModel, type ChatRequest, type ChatAnswer } from './chat-model';
export { defaultWorkflows } from './workflows';
export type { Workflow } from './workflow';
