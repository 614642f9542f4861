/** Cloud Manager's words for environments and their logs (pure). */
import type { LogOption } from '../api/types';

const TYPE_LABELS: Record<string, string> = {
  dev: 'Development',
  stage: 'Stage',
  prod: 'Production',
  rde: 'Rapid Development',
  preprod: 'Pre-production',
};

/** "Production" for `prod`; an unknown type as given. */
export function environmentTypeLabel(type: string | undefined): string {
  return (type && TYPE_LABELS[type]) ?? type ?? '-';
}

const SERVICE_LABELS: Record<string, string> = {
  author: 'Author',
  publish: 'Publish',
  dispatcher: 'Dispatcher',
  preview: 'Preview',
  preview_dispatcher: 'Preview Dispatcher',
};

/** "Preview Dispatcher" for `preview_dispatcher`; an unknown service as given. */
export function logServiceLabel(service: string): string {
  return SERVICE_LABELS[service] ?? service;
}

/** The services of an environment's log options, in the order the API lists them. */
export function logServices(options: LogOption[] | undefined): string[] {
  return [...new Set((options ?? []).map((option) => option.service))];
}

/** The log names a service offers, in the API's order. */
export function logNames(options: LogOption[] | undefined, service: string): string[] {
  return (options ?? []).filter((option) => option.service === service).map((option) => option.name);
}
