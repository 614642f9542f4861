/**
 * Pipeline (and environment) variables in Cloud Manager's rules: names, reserved prefixes, value
 * lengths, "Text" and "Secret", and the changes a user made in the variables editor — what the
 * review lists and the one PATCH sends. A secret's value is never read back from the API; the
 * console shows it masked.
 */
import type { Variable, VariableType } from '../api/types';

export const VARIABLE_LIMITS = { nameMin: 2, nameMax: 100, value: 2048, secretBelow: 500 } as const;
export const RESERVED_PREFIXES = ['INTERNAL_', 'ADOBE_', 'CONST_', 'CM_'] as const;
/** How a secret value is shown: never the value itself. */
export const SECRET_MASK = '••••••';

const NAME = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

export const VARIABLE_TYPE_LABELS: Record<VariableType, string> = { string: 'Text', secretString: 'Secret' };

/**
 * The services an environment variable can be limited to; `all` (no `service` in the API) is every
 * service. Preview only where the environment has a preview service.
 */
export type VariableServiceChoice = 'all' | 'author' | 'publish' | 'preview';

const SERVICE_LABELS: Record<VariableServiceChoice, string> = { all: 'All', author: 'Author', publish: 'Publish', preview: 'Preview' };

/** The Service choices of an environment's variables. */
export function environmentVariableServices(hasPreview: boolean): VariableServiceChoice[] {
  return hasPreview ? ['all', 'author', 'publish', 'preview'] : ['all', 'author', 'publish'];
}

/** "All" for a variable of every service, else the service's name ("Publish"; an unknown one as given). */
export function serviceLabel(service: string | undefined): string {
  return service ? (SERVICE_LABELS[service as VariableServiceChoice] ?? service) : SERVICE_LABELS.all;
}

/** The API's `service` of a choice: none for All. */
export function serviceOfChoice(choice: VariableServiceChoice): string | undefined {
  return choice === 'all' ? undefined : choice;
}

/** A variable's identity: its name, and for an environment variable of one service, that service. */
export function variableKey(variable: { name: string; service?: string }): string {
  return variable.service ? `${variable.name} (${variable.service})` : variable.name;
}

/** How a variable is named on screen: "API_KEY", or "API_KEY (Publish)" where services apply. */
export function variableLabel(variable: { name: string; service?: string }, withService: boolean): string {
  return withService ? `${variable.name} (${serviceLabel(variable.service)})` : variable.name;
}

export function variableType(variable: Pick<Variable, 'type'>): VariableType {
  return variable.type === 'secretString' ? 'secretString' : 'string';
}

/** Why `name` cannot name a new variable beside `taken`; undefined when it can. */
export function variableNameProblem(name: string, taken: string[]): string | undefined {
  if (!name) return 'Enter a name.';
  if (name.length < VARIABLE_LIMITS.nameMin || name.length > VARIABLE_LIMITS.nameMax)
    return `A name has ${VARIABLE_LIMITS.nameMin} to ${VARIABLE_LIMITS.nameMax} characters.`;
  if (!NAME.test(name)) return 'A name has only letters, digits and "_", and does not start with a digit.';
  const reserved = RESERVED_PREFIXES.find((prefix) => name.toUpperCase().startsWith(prefix));
  if (reserved) return `Names starting with ${reserved} are reserved.`;
  if (taken.includes(name)) return `There is already a variable named ${name}.`;
  return undefined;
}

/** Why `value` cannot be the value of a variable of `type`; undefined when it can. An empty value would delete it. */
export function variableValueProblem(value: string, type: VariableType): string | undefined {
  if (!value) return 'Enter a value (to remove the variable, delete it).';
  if (type === 'secretString' && value.length >= VARIABLE_LIMITS.secretBelow)
    return `A secret value has fewer than ${VARIABLE_LIMITS.secretBelow} characters (this one has ${value.length}).`;
  if (value.length > VARIABLE_LIMITS.value)
    return `A value has at most ${VARIABLE_LIMITS.value} characters (this one has ${value.length}).`;
  return undefined;
}

/** A row of the editor: a variable as read (with what the user did to it), or one the user added. */
export interface VariableDraft {
  name: string;
  type: VariableType;
  /** Environment variables: the one service it is for (none: every service). */
  service?: string;
  /** The value as read (strings only; a secret has none). Undefined for a variable the user added. */
  savedValue?: string;
  /** True for a variable the API already has. */
  saved: boolean;
  /** The value the user entered; undefined = unchanged (a secret's is undefined until a new one is entered). */
  value?: string;
  deleted: boolean;
}

export function draftsOf(variables: Variable[]): VariableDraft[] {
  return variables.map((variable) => {
    const type = variableType(variable);
    return {
      name: variable.name,
      type,
      ...(variable.service ? { service: variable.service } : {}),
      saved: true,
      savedValue: type === 'string' ? (variable.value ?? '') : undefined,
      deleted: false,
    };
  });
}

export interface VariableChange {
  name: string;
  type: VariableType;
  value: string;
  service?: string;
}

export interface VariableChanges {
  added: VariableChange[];
  changed: (VariableChange & { savedValue?: string })[];
  deleted: { name: string; type: VariableType; service?: string }[];
}

/** What the user changed: variables added, values changed, variables deleted (a variable added then deleted is nothing). */
export function variableChanges(drafts: VariableDraft[]): VariableChanges {
  const changes: VariableChanges = { added: [], changed: [], deleted: [] };
  for (const draft of drafts) {
    const { name, type, value } = draft;
    const service = draft.service ? { service: draft.service } : {};
    if (draft.deleted) {
      if (draft.saved) changes.deleted.push({ name, type, ...service });
    } else if (!draft.saved) {
      changes.added.push({ name, type, value: value ?? '', ...service });
    } else if (value !== undefined && value !== draft.savedValue && !(type === 'secretString' && value === '')) {
      // A secret being replaced counts once its new value is typed.
      changes.changed.push({ name, type, value, savedValue: draft.savedValue, ...service });
    }
  }
  return changes;
}

export function changeCount(changes: VariableChanges): number {
  return changes.added.length + changes.changed.length + changes.deleted.length;
}

/**
 * The problems of a server's answer that name the variable `name` — each one quotes the name it is
 * about, followed by the service for a variable of one service (`"NAME" (publish): …`).
 */
export function problemsNaming(name: string, errors: string[], service?: string): string[] {
  const quoted = JSON.stringify(name);
  const named = service ? `${quoted} (${service})` : quoted;
  return errors.filter((error) => error.includes(named) && (service !== undefined || !error.includes(`${quoted} (`)));
}
