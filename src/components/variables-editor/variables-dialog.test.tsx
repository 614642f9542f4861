/**
 * The variables editor on the real simulator (seed 1), on WKND Sites' production pipeline: the
 * table (a secret never shown), add / edit / delete with validation in place, the review, one
 * PATCH with only the changes, read-only, and the server's refusal shown on the rows it names.
 */
import { DialogContainer } from '@adobe/react-spectrum';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { getJson, resolveHref, sendToLink } from '../../api/client';
import { findLink, rel } from '../../api/links';
import type { VariableList } from '../../api/types';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { desktopScreen, renderWithProviders } from '../../test/render';
import { pipelineNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import { SECRET_PLACEHOLDER, VariablesDialog } from './variables-dialog';

const sim = setupSimulatorServer();
dismissToastsAfterEach();
desktopScreen();

const SAVED_SECRET = 'hunter2-saved-secret';
const NEW_SECRET = 'topsecret-typed-here';
let href = '';

beforeEach(async () => {
  const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
  href = findLink(pipeline, rel.variables)!.href;
  await sendToLink({ href }, 'PATCH', [
    { name: 'MAVEN_OPTS', type: 'string', value: '-Xmx1g' },
    { name: 'OLD_FLAG', type: 'string', value: 'yes' },
    { name: 'API_TOKEN', type: 'secretString', value: SAVED_SECRET },
  ]);
});

function Harness({ readOnlyReason }: { readOnlyReason?: string }) {
  const [open, setOpen] = useState(true);
  return (
    <DialogContainer onDismiss={() => setOpen(false)}>
      {open ? <VariablesDialog href={href} title="Variables of Production Pipeline" readOnlyReason={readOnlyReason} /> : null}
    </DialogContainer>
  );
}

const dialog = () => screen.getByRole('dialog');
const table = () => within(dialog()).getByRole('table', { name: 'Variables' });
const row = (name: string) => within(table()).getByRole('row', { name: new RegExp(`^${name}`) });
const addField = (label: string) => within(dialog()).getByLabelText(label, { selector: 'input' });

async function addVariable(user: UserEvent, name: string, type: 'Text' | 'Secret', value: string) {
  await user.clear(addField('Name')); // focuses the field
  await user.paste(name);
  await user.click(within(dialog()).getByRole('button', { name: /Type/ }));
  await user.click(await screen.findByRole('option', { name: type }));
  const valueField = addField(type === 'Secret' ? 'Secret value' : 'Value');
  await user.clear(valueField);
  if (value) {
    await user.click(valueField);
    await user.paste(value);
  }
  await user.click(within(dialog()).getByRole('button', { name: 'Add variable' }));
}

/** Nothing on screen holds `secret`: not the text, not an input's value. */
function expectNowhere(secret: string) {
  expect(document.body.textContent).not.toContain(secret);
  for (const input of document.querySelectorAll('input')) expect(input.value).not.toContain(secret);
}

describe('variables editor', () => {
  it('adds, edits and deletes, reviews the changes with secrets masked, and saves them in one PATCH', async () => {
    const sent = sim.record(['PATCH']);
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    await waitFor(() => expect(within(dialog()).getByRole('table', { name: 'Variables' })).toBeInTheDocument());
    expect(within(row('MAVEN_OPTS')).getByRole('textbox', { name: 'Value of MAVEN_OPTS' })).toHaveValue('-Xmx1g');
    expect(row('API_TOKEN')).toHaveTextContent('Secret');
    expect(row('API_TOKEN')).toHaveTextContent('••••••');
    expectNowhere(SAVED_SECRET);

    // a secret is typed in a password field, then shown masked
    await user.click(within(dialog()).getByRole('button', { name: /Type/ }));
    await user.click(await screen.findByRole('option', { name: 'Secret' }));
    expect(addField('Secret value')).toHaveAttribute('type', 'password');
    await addVariable(user, 'NEW_TOKEN', 'Secret', NEW_SECRET);
    expect(row('NEW_TOKEN')).toHaveTextContent('(new)');
    expect(row('NEW_TOKEN')).toHaveTextContent('••••••');
    expectNowhere(NEW_SECRET);

    const maven = within(row('MAVEN_OPTS')).getByRole('textbox', { name: 'Value of MAVEN_OPTS' });
    await user.clear(maven);
    await user.type(maven, '-Xmx2g');
    await user.click(within(row('OLD_FLAG')).getByRole('button', { name: 'Delete OLD_FLAG' }));
    expect(row('OLD_FLAG')).toHaveTextContent('(to be deleted)');
    // a saved secret is replaced, never shown: a password field for the new value
    await user.click(within(row('API_TOKEN')).getByRole('button', { name: 'Replace' }));
    const replacement = within(row('API_TOKEN')).getByLabelText('New secret value of API_TOKEN');
    expect(replacement).toHaveAttribute('type', 'password');
    expect(within(dialog()).getByRole('button', { name: 'Review changes (3)' })).toBeDisabled(); // empty: not yet a change
    await user.type(replacement, 'rotated-secret');

    await user.click(within(dialog()).getByRole('button', { name: 'Review changes (4)' }));
    const review = within(dialog()).getByRole('region', { name: 'Changes to save' });
    expect(within(review).getByRole('list', { name: 'Added' })).toHaveTextContent('NEW_TOKEN (Secret) = ••••••');
    expect(within(review).getByRole('list', { name: 'Changed' })).toHaveTextContent(
      'MAVEN_OPTS (Text): -Xmx1g → -Xmx2gAPI_TOKEN (Secret): •••••• → ••••••',
    );
    expectNowhere('rotated-secret');
    expect(within(review).getByRole('list', { name: 'Deleted' })).toHaveTextContent('OLD_FLAG (Text)');
    expectNowhere(NEW_SECRET);
    // Copy as curl: the PATCH with the changes, a placeholder for each secret value
    await user.click(within(dialog()).getByRole('button', { name: 'Copy as curl: these changes' }));
    await user.click(screen.getByRole('menuitem', { name: 'Save these changes' }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toMatch(/^curl -X PATCH /));
    const command = await navigator.clipboard.readText();
    expect(command).toContain(`'${resolveHref(href)}'`);
    expect(command).toContain('{"name":"MAVEN_OPTS","type":"string","value":"-Xmx2g"}');
    expect(command).toContain(`{"name":"NEW_TOKEN","type":"secretString","value":"${SECRET_PLACEHOLDER}"}`);
    expect(command).not.toContain(NEW_SECRET);
    expect(command).not.toContain('rotated-secret');
    expect(sent).toEqual([]);

    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toEqual([
      {
        method: 'PATCH',
        path: href,
        body: [
          { name: 'NEW_TOKEN', type: 'secretString', value: NEW_SECRET },
          { name: 'MAVEN_OPTS', type: 'string', value: '-Xmx2g' },
          { name: 'API_TOKEN', type: 'secretString', value: 'rotated-secret' },
          { name: 'OLD_FLAG', value: '' },
        ],
      },
    ]);
    expect(await screen.findByText('Variables of Production Pipeline: 4 changes saved.')).toBeInTheDocument();
    const after = (await getJson<VariableList>(href))._embedded!.variables!;
    expect(after.map((v) => [v.name, v.value])).toEqual([
      ['MAVEN_OPTS', '-Xmx2g'],
      ['API_TOKEN', undefined],
      ['NEW_TOKEN', undefined],
    ]);
    expectNowhere(NEW_SECRET);
  });

  it('says what is wrong with a new variable in place: name rules, reserved prefixes, duplicates, value lengths', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    await waitFor(() => expect(within(dialog()).getByRole('table', { name: 'Variables' })).toBeInTheDocument());
    const cases: [string, 'Text' | 'Secret', string, RegExp][] = [
      ['1ABC', 'Text', 'x', /only letters, digits and "_", and does not start with a digit/],
      ['MY-VAR', 'Text', 'x', /only letters, digits and "_"/],
      ['A', 'Text', 'x', /2 to 100 characters/],
      ['CM_BUILD', 'Text', 'x', /Names starting with CM_ are reserved/],
      ['adobe_x', 'Text', 'x', /Names starting with ADOBE_ are reserved/],
      ['MAVEN_OPTS', 'Text', 'x', /There is already a variable named MAVEN_OPTS/],
    ];
    for (const [name, type, value, message] of cases) {
      await addVariable(user, name, type, value);
      expect(addField('Name')).toHaveAccessibleDescription(message);
    }
    await addVariable(user, 'BIG_SECRET', 'Secret', 'x'.repeat(500));
    expect(addField('Secret value')).toHaveAccessibleDescription(/fewer than 500 characters/);
    await addVariable(user, 'EMPTY', 'Text', '');
    expect(addField('Value')).toHaveAccessibleDescription(/Enter a value/);
    expect(within(table()).queryByRole('row', { name: /^EMPTY/ })).not.toBeInTheDocument();
    expect(within(dialog()).getByRole('button', { name: 'Review changes (0)' })).toBeDisabled();
  });

  it('read-only: says why, and every input is disabled', async () => {
    renderWithProviders(<Harness readOnlyReason="The pipeline is running." />);
    expect(await within(dialog()).findByText('The pipeline is running.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog()).getByRole('table', { name: 'Variables' })).toBeInTheDocument());
    expect(within(row('MAVEN_OPTS')).getByRole('textbox', { name: 'Value of MAVEN_OPTS' })).toBeDisabled();
    expect(within(row('MAVEN_OPTS')).getByRole('button', { name: 'Delete MAVEN_OPTS' })).toBeDisabled();
    expect(addField('Name')).toBeDisabled();
    expect(within(dialog()).getByRole('button', { name: 'Add variable' })).toBeDisabled();
    expect(within(dialog()).queryByRole('button', { name: /Review changes/ })).not.toBeInTheDocument();
  });

  it('shows the server’s refusal in place, on the variable it names, and keeps the edits', async () => {
    sim.server.use(
      http.patch(resolveHref(href), () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Invalid variables',
            status: 400,
            detail: 'No variable was changed: 1 problem(s).',
            errors: ['"MAVEN_OPTS": a value has at most 2048 characters'],
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    await waitFor(() => expect(within(dialog()).getByRole('table', { name: 'Variables' })).toBeInTheDocument());
    const maven = within(row('MAVEN_OPTS')).getByRole('textbox', { name: 'Value of MAVEN_OPTS' });
    await user.clear(maven);
    await user.type(maven, '-Xmx3g');
    await user.click(within(dialog()).getByRole('button', { name: 'Review changes (1)' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog()).findByRole('alert');
    expect(alert).toHaveTextContent('The variables were not saved');
    expect(within(row('MAVEN_OPTS')).getByRole('list', { name: 'Problems with MAVEN_OPTS' })).toHaveTextContent(
      '"MAVEN_OPTS": a value has at most 2048 characters',
    );
    expect(within(row('OLD_FLAG')).queryByRole('list')).not.toBeInTheDocument();
    expect(within(row('MAVEN_OPTS')).getByRole('textbox', { name: 'Value of MAVEN_OPTS' })).toHaveValue('-Xmx3g');
  });

  it('a pipeline that started meanwhile refuses (412): said in place, nothing lost', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    await waitFor(() => expect(within(dialog()).getByRole('table', { name: 'Variables' })).toBeInTheDocument());
    await addVariable(user, 'FEATURE_X', 'Text', 'on');
    await start(await pipelineNamed('WKND Sites', 'Production Pipeline'));
    await user.click(within(dialog()).getByRole('button', { name: 'Review changes (1)' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByRole('alert')).toHaveTextContent('Pipeline is busy');
    expect(row('FEATURE_X')).toHaveTextContent('on');
  });
});
