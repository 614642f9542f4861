/**
 * Test-only: the files the console saves (`src/lib/save-text-file.ts`), caught where the browser
 * would save them — the anchor's click — with their names and contents. Call in a test (or a
 * `beforeEach`); jsdom has no `URL.createObjectURL`, so it is provided here.
 */
import { vi } from 'vitest';

export interface SavedFile {
  filename: string;
  blob: Blob;
}

export function catchSaves(): SavedFile[] {
  const saved: SavedFile[] = [];
  let blob: Blob | undefined;
  Object.assign(URL, {
    createObjectURL: vi.fn((b: Blob) => {
      blob = b;
      return 'blob:file';
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ filename: this.download, blob: blob as Blob });
  });
  return saved;
}
