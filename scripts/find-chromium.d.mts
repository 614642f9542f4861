export const SYSTEM_CHROMIUM_ARGS: string[];
export function findChromium(): { kind: 'path' | 'playwright'; path: string } | undefined;
