import { describe, expect, it } from 'vitest';
import { expandHref, findLink, rel } from './links';

const HREF = '/api/program/4/pipeline/1/execution?stepId=2983530';

describe('following links', () => {
  it('finds a namespaced relation in the spec spelling (http://)', () => {
    const step = { _links: { 'http://ns.adobe.com/adobecloud/rel/pipeline/reExecute': { href: HREF } } };
    expect(findLink(step, rel.reExecute)?.href).toBe(HREF);
  });

  it("finds it in the https:// spelling of Adobe's 'Deploy your code' page", () => {
    const step = { _links: { 'https://ns.adobe.com/adobecloud/rel/pipeline/reExecute': { href: HREF } } };
    expect(findLink(step, rel.reExecute)?.href).toBe(HREF);
  });

  it('reports a missing link as absent', () => {
    const step = { _links: { self: { href: '/api/x' } } };
    expect(findLink(step, rel.reExecute)).toBeUndefined();
    expect(findLink(undefined, rel.self)).toBeUndefined();
  });

  it('takes the first of several links for one relation, and ignores links without an href', () => {
    const env = {
      _links: {
        'http://ns.adobe.com/adobecloud/rel/author': [{ href: 'https://a1' }, { href: 'https://a2' }],
        self: {} as { href: string },
      },
    };
    expect(findLink(env, rel.author)?.href).toBe('https://a1');
    expect(findLink(env, rel.self)).toBeUndefined();
  });

  it('expands templated links given by the API', () => {
    expect(expandHref('/api/program/1/pipeline/2/execution/{executionId}', { executionId: '42' })).toBe(
      '/api/program/1/pipeline/2/execution/42',
    );
    expect(expandHref('/x/executions?start={start}&limit={limit}', { start: 20, limit: 20 })).toBe('/x/executions?start=20&limit=20');
    expect(expandHref('/x/logs{?service,name}', { service: 'author' })).toBe('/x/logs?service=author');
  });
});
