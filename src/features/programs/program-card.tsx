/**
 * A program card: placeholder image, name, service type, Sandbox tag, status, (i) details and `...`
 * menu, solutions, date created. The whole card opens the Overview.
 */
import { Divider, Flex, Link, Text, View } from '@adobe/react-spectrum';
import ImageIcon from '@spectrum-icons/workflow/Image';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import type { Program } from '../../api/types';
import { paths } from '../../lib/paths';
import { formatDateTime } from '../../lib/format';
import { programServiceType } from '../../domain/program-service-type';
import { ProgramStatus } from './program-status';

// The (i) popover and the `...` menu load after the cards, with the statistics (one chunk outside the first load).
const ProgramCardActions = lazy(() => import('./programs-home-extras').then((m) => ({ default: m.ProgramCardActions })));

export function ProgramCard({ program }: { program: Program }) {
  const navigate = useNavigate();
  const href = paths.overview.href(program.id);
  return (
    <article
      className="program-card"
      aria-labelledby={`program-${program.id}-name`}
      onClick={(event) => {
        // The name is the keyboard-reachable link; a click anywhere else on the card does the same.
        if (!(event.target as HTMLElement).closest('a,button,[role="dialog"],[role="menu"]')) navigate(href);
      }}
    >
      <View borderWidth="thin" borderColor="default" borderRadius="medium" padding="size-200" height="100%" backgroundColor="gray-50">
        <Flex gap="size-200">
          <div className="program-card-image" aria-hidden>
            <ImageIcon size="L" />
          </div>
          <Flex direction="column" gap="size-50" minWidth={0}>
            <span id={`program-${program.id}-name`} className="program-card-name">
              <Link href={href} isQuiet>
                {program.name}
              </Link>
            </span>
            <Text UNSAFE_className="small-caps">{programServiceType(program)}</Text>
            {program.capabilities?.sandbox ? <span className="tag">Sandbox</span> : null}
            <ProgramStatus status={program.status} />
          </Flex>
          <Suspense fallback={null}>
            <ProgramCardActions program={program} />
          </Suspense>
        </Flex>
        <Divider size="S" marginY="size-150" />
        <Flex gap="size-300" wrap>
          {program.solutions ? (
            <Flex direction="column" flex="1 1 0">
              <Text UNSAFE_className="muted">Solutions configured:</Text>
              <Text>{program.solutions.length ? program.solutions.join(', ') : '-'}</Text>
            </Flex>
          ) : null}
          <Flex direction="column" flex="1 1 0">
            <Text UNSAFE_className="muted">Date created:</Text>
            <Text>{formatDateTime(program.createdAt)}</Text>
          </Flex>
        </Flex>
      </View>
    </article>
  );
}
