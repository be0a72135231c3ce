import type { HandlerMap } from './handler';

/** The model manager over the API: thin adapters to the core's ModelService (services/model-service.ts). */
export const modelHandlers: HandlerMap = {
  'models.list': (_params, { session, services }) => {
    session.requireVault();
    return services.models.describe();
  },
  'models.select': (params, { session, services }) => {
    session.requireVault();
    return services.models.select(params.dir);
  },
  'models.add': (params, { session, services }) => {
    session.requireVault();
    return services.models.add(params.dir);
  },
};
