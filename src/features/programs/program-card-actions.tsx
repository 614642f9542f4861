/**
 * A program card's top-right controls (cm-ui §1): the (i) popover with the program's details, and
 * the `...` menu — Environments, Program Overview, Edit, and on sandbox programs Delete. Edit and
 * Delete are offered only through a link the API gives; the public API gives neither on a program,
 * so they stay disabled and say why. Loaded after the cards (its own chunk).
 */
import { ActionMenu, Item, Text } from '@adobe/react-spectrum';
import { InfoPopoverButton } from '../../components/popovers/info-popover-button';
import { useNavigate } from 'react-router';
import type { Program } from '../../api/types';
import { programServiceType } from '../../domain/program-service-type';
import { formatDateTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { programStatusWord } from './program-status';

export const NO_EDIT_REASON = 'The API offers no way to edit a program.';
export const NO_DELETE_REASON = 'The API offers no link to delete this program.';

function ProgramDetails({ program }: { program: Program }) {
  const rows: [string, string][] = [
    ['Program ID', program.id],
    ['Service', programServiceType(program)],
    ['Type', program.capabilities?.sandbox ? 'Sandbox' : 'Production'],
    ['Status', programStatusWord(program.status)],
    ['Solutions configured', program.solutions?.length ? program.solutions.join(', ') : '-'],
    ['Date created', formatDateTime(program.createdAt)],
  ];
  return (
    <dl className="details-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ProgramCardActions({ program }: { program: Program }) {
  const navigate = useNavigate();
  const sandbox = program.capabilities?.sandbox === true;
  return (
    <div className="program-card-actions">
      <InfoPopoverButton name={program.name}>
        <ProgramDetails program={program} />
      </InfoPopoverButton>
      <ActionMenu
        isQuiet
        aria-label={`Actions for ${program.name}`}
        disabledKeys={['edit', 'delete']}
        onAction={(key) => {
          if (key === 'environments') void navigate(paths.environments.href(program.id));
          if (key === 'overview') void navigate(paths.overview.href(program.id));
        }}
      >
        <Item key="environments">Environments</Item>
        <Item key="overview">Program Overview</Item>
        <Item key="edit" textValue="Edit">
          <Text>Edit</Text>
          <Text slot="description">{NO_EDIT_REASON}</Text>
        </Item>
        {sandbox ? (
          <Item key="delete" textValue="Delete">
            <Text>Delete</Text>
            <Text slot="description">{NO_DELETE_REASON}</Text>
          </Item>
        ) : null}
      </ActionMenu>
    </div>
  );
}
