/** List view of My Programs: the same data as the cards, as table rows; a row opens the Overview. */
import { Cell, Column, Row, TableBody, TableHeader, TableView, Text } from '@adobe/react-spectrum';
import { useNavigate } from 'react-router';
import type { Program } from '../../api/types';
import { paths } from '../../lib/paths';
import { formatDateTime } from '../../lib/format';
import { programServiceType } from '../../domain/program-service-type';
import { ProgramStatus } from './program-status';

export function ProgramTable({ programs }: { programs: Program[] }) {
  const navigate = useNavigate();
  return (
    <TableView aria-label="Programs" onAction={(key) => navigate(paths.overview.href(String(key)))} overflowMode="wrap" density="spacious">
      <TableHeader>
        <Column key="name" isRowHeader>
          NAME
        </Column>
        <Column key="type">TYPE</Column>
        <Column key="status">STATUS</Column>
        <Column key="solutions">SOLUTIONS CONFIGURED</Column>
        <Column key="created">DATE CREATED</Column>
      </TableHeader>
      <TableBody items={programs}>
        {(program) => (
          <Row key={program.id}>
            <Cell textValue={program.name}>
              <Text UNSAFE_className="strong">{program.name}</Text>
            </Cell>
            <Cell textValue={programServiceType(program)}>
              <Text>
                {programServiceType(program)}
                {program.capabilities?.sandbox ? ' · Sandbox' : ''}
              </Text>
            </Cell>
            <Cell>
              <ProgramStatus status={program.status} />
            </Cell>
            <Cell>{program.solutions?.join(', ') || '-'}</Cell>
            <Cell>{formatDateTime(program.createdAt)}</Cell>
          </Row>
        )}
      </TableBody>
    </TableView>
  );
}
