import { describe, expect, it } from 'vitest';
import { changeText, changeWords, MINUS, parseScore, scoreBand, scoreChange, scoresFromMetrics } from './experience-audit';
import { readAuditResults, slowestPages, sortPages } from './experience-audit-results';

describe('scoreChange / changeText', () => {
  it('writes a gain with a plus, a loss with a real minus sign, equal as No Change, no earlier score as N/A', () => {
    expect(changeText(scoreChange(82, 78))).toBe('+4');
    expect(changeText(scoreChange(71, 78))).toBe(`${MINUS}7`);
    expect(MINUS).toBe('\u2212');
    expect(changeText(scoreChange(78, 78))).toBe('No Change');
    expect(changeText(scoreChange(78, undefined))).toBe('N/A');
    expect(changeText(scoreChange(undefined, 78))).toBe('N/A');
  });

  it('says the change in words for screen readers', () => {
    expect(changeWords(scoreChange(71, 78))).toBe('down 7 from the previous run');
    expect(changeWords(scoreChange(80, 78))).toBe('up 2 from the previous run');
    expect(changeWords(scoreChange(80, 80))).toBe('no change from the previous run');
    expect(changeWords(scoreChange(80, undefined))).toBe('no earlier score to compare with');
  });
});

describe('scoreBand', () => {
  it("uses Lighthouse's bands with a word for each", () => {
    expect([0, 49, 50, 89, 90, 100].map((score) => scoreBand(score).word)).toEqual([
      'Poor',
      'Poor',
      'Needs improvement',
      'Needs improvement',
      'Good',
      'Good',
    ]);
  });
});

describe('reading scores', () => {
  it('takes each kpi from the metrics and ignores what is not a 0–100 score', () => {
    const metrics = [
      { kpi: 'performance', actualValue: '78' },
      { kpi: 'accessibility', actualValue: '91.6' },
      { kpi: 'seo', actualValue: 'n/a' },
      { kpi: 'best-practices', actualValue: '140' },
      { kpi: 'coverage', actualValue: '50' },
    ];
    expect(scoresFromMetrics(metrics)).toEqual({ performance: 78, accessibility: 92 });
    expect(parseScore('')).toBeUndefined();
  });

  it('reads an artifact defensively: pages without a path are dropped, bad scores left out', () => {
    const results = readAuditResults({
      pages: [{ path: '/a', mobile: { performance: 50, seo: 'x' }, desktop: null }, { url: 'no path' }, 'junk'],
      failedPages: [{ path: '/b' }, { reason: 'no path' }],
    });
    expect(results).toEqual({
      pages: [{ path: '/a', url: undefined, mobile: { performance: 50 }, desktop: {} }],
      failedPages: [{ path: '/b', reason: 'Unknown reason' }],
    });
    expect(readAuditResults('<html>')).toEqual({ pages: [], failedPages: [] });
  });
});

describe('ordering pages', () => {
  const page = (path: string, mobile: number | undefined, desktop: number) => ({
    path,
    mobile: { performance: mobile },
    desktop: { performance: desktop },
  });
  const pages = [
    page('/c', 60, 90),
    page('/a', 40, 99),
    page('/b', 60, 70),
    page('/d', undefined, 80),
    page('/e', 90, 10),
    page('/f', 95, 11),
  ];

  it('slowest: the lowest Performance first (ties by path), missing scores last, at most 5', () => {
    expect(slowestPages(pages, 'mobile').map((p) => p.path)).toEqual(['/a', '/b', '/c', '/e', '/f']);
    expect(slowestPages(pages, 'desktop').map((p) => p.path)).toEqual(['/e', '/f', '/b', '/d', '/c']);
  });

  it('sorts by path or a category in either direction', () => {
    expect(sortPages(pages, 'mobile', 'path', 'descending').map((p) => p.path)).toEqual(['/f', '/e', '/d', '/c', '/b', '/a']);
    expect(sortPages(pages, 'mobile', 'performance', 'descending').map((p) => p.path)).toEqual(['/f', '/e', '/b', '/c', '/a', '/d']);
  });
});
