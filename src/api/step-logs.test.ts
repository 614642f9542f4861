import { describe, expect, it } from 'vitest';
import { byteLength } from './step-logs';

describe('byteLength (the next Range start of a tailed log)', () => {
  it('is the UTF-8 length, as the server counts bytes', () => {
    for (const text of ['', 'plain ascii\n', 'café ✓ — 日本', 'emoji 🚀 pair', 'lone \ud800 surrogate', 'end \udc00']) {
      expect(byteLength(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
