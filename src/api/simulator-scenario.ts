/**
 * Loading a scenario into the simulator (`PUT /_sim/scenario`, docs/scenarios.md): a module of its
 * own, so only the Simulator panel's chunk carries it, never the first load.
 */
import { readJson, request } from './client';
import { simUrl } from './simulator';

/** What `PUT /_sim/scenario` answers once a scenario is loaded (docs/scenarios.md). */
export interface SimScenario {
  name: string;
  scriptedRunsLeft: Record<string, number>;
}

/**
 * Loads a scenario (its parsed JSON) into the simulator, replacing its world. An invalid one is
 * refused (422) with an ApiError whose `errors` list every problem.
 */
export async function loadSimScenario(scenario: unknown): Promise<SimScenario> {
  const response = await request(simUrl('scenario'), { method: 'PUT', body: scenario });
  return readJson<SimScenario>(response);
}
