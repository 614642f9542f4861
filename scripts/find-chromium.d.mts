export function findChromium(): { kind: 'path' | 'playwright'; path: string } | undefined;
