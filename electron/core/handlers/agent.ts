import { briefForPatient } from '../../agent/brief';
import type { HandlerMap } from './handler';

export const agentHandlers: HandlerMap = {
  'brief.get': (params, { session }) => briefForPatient(session.requireVault(), params.patientId),
};
