// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FILE_PATH, createFileLinks } from './file-links';

describe('file links', () => {
  const url = new URL('https://storage.example.net/logs/build.log?sv=2024&sig=abc%2Bdef');
  let now = 1_000_000;
  const links = createFileLinks({ ttlMs: 60_000, now: () => now });
  const token = (path: string) => new URL(path, 'http://proxy').searchParams.get('u');

  it('give back exactly the URL they were made for', () => {
    const path = links.sign(url);
    expect(path.startsWith(`${FILE_PATH}?u=`)).toBe(true);
    const check = links.verify(token(path));
    expect(check.ok && check.url.href).toBe(url.href);
  });

  it('refuse a link signed with another key, a changed payload or signature, and garbage', () => {
    const other = createFileLinks({ ttlMs: 60_000, now: () => now });
    expect(links.verify(token(other.sign(url)))).toEqual({ ok: false, reason: 'forged' });
    const [payload, signature] = token(links.sign(url))!.split('.');
    const changed = Buffer.from(JSON.stringify(['https://evil.example/', 9e9])).toString('base64url');
    expect(links.verify(`${changed}.${signature}`)).toEqual({ ok: false, reason: 'forged' });
    expect(links.verify(`${payload}.${signature.slice(1)}A`)).toEqual({ ok: false, reason: 'forged' });
    expect(links.verify(null)).toEqual({ ok: false, reason: 'malformed' });
    expect(links.verify('https://evil.example/')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('expire after their time', () => {
    const path = links.sign(url);
    now += 59_000;
    expect(links.verify(token(path)).ok).toBe(true);
    now += 2_000;
    expect(links.verify(token(path))).toEqual({ ok: false, reason: 'expired' });
  });
});
