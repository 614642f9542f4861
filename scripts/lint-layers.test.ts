// @vitest-environment node
/**
 * The import direction is enforced by lint (eslint.config.js): features do not reach into each
 * other, shared layers do not import features, src/ never imports mocks/, and there are no cycles.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function errorsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint enforces the import direction', () => {
  it('refuses a sideways import from one feature into another', async () => {
    const errors = await errorsOf(
      'src/features/overview/probe.tsx',
      "import { ActivityPage } from '../activity/activity-page';\nexport const probe = ActivityPage;\n",
    );
    expect(errors).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*Features do not reach into each other/)]);
  });

  it('refuses an import of mocks/ from src/', async () => {
    const errors = await errorsOf(
      'src/api/probe.ts',
      "import { content } from '../../mocks/sim/content';\nexport const probe = content;\n",
    );
    expect(errors).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*over HTTP only/)]);
  });

  it('refuses a shared component that imports a feature, and a feature that imports the app', async () => {
    const component = await errorsOf(
      'src/components/probe.tsx',
      "import { SettingsDialog } from '../features/settings/settings-dialog';\nexport const probe = SettingsDialog;\n",
    );
    expect(component).toEqual([expect.stringMatching(/Shared components do not import features/)]);
    const feature = await errorsOf(
      'src/features/programs/probe.tsx',
      "import { AppHeader } from '../../app/app-header';\nexport const probe = AppHeader;\n",
    );
    expect(feature).toEqual([expect.stringMatching(/Features do not import the app shell/)]);
  });

  it('allows a feature to use its own rooms and the layers below it', async () => {
    const errors = await errorsOf(
      'src/features/execution/probe.tsx',
      [
        "import { StepItem } from './timeline/step-item';",
        "import { QueryState } from '../../components/query-state';",
        "import { stepTitle } from '../../domain/step-labels';",
        "import { getJson } from '../../api/client';",
        'export const probe = [StepItem, QueryState, stepTitle, getJson];',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });
});
