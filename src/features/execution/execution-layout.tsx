import { Flex, View } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';
import { paths } from '../../lib/paths';
import type { Pipeline } from '../../api/types';
import { PageToolbar } from '../../components/page-toolbar';
import { pipelineCategory } from '../../domain/pipeline-type';

interface ExecutionLayoutProps {
  pipeline: Pipeline;
  badge: ReactNode;
  actions?: ReactNode;
  header: ReactNode;
  nav: ReactNode;
  children: ReactNode;
}

function crumbLabel(pipeline: Pipeline): string {
  const category = pipelineCategory(pipeline);
  if (category === 'codeQuality') return `${pipeline.name} - Non-Production Code Quality pipeline`;
  if (category === 'deployment') return `${pipeline.name} - Non-Production Deployment pipeline`;
  return pipeline.name;
}

/** The page frame: toolbar (breadcrumbs + badge), header, then the phase column and the timeline. */
export function ExecutionLayout({ pipeline, badge, actions, header, nav, children }: ExecutionLayoutProps) {
  const programId = pipeline.programId;
  return (
    <>
      <PageToolbar
        breadcrumbs={[
          { label: 'Program Overview', href: programId ? paths.overview.href(programId) : undefined },
          { label: crumbLabel(pipeline) },
        ]}
        badge={badge}
        actions={actions}
      />
      <View paddingX={{ base: 'size-150', M: 'size-300' }} paddingY="size-200">
        {header}
        {/* Two columns on a desktop; below 1024 px one, the phases a compact bar above the steps (step-timeline.css). */}
        <Flex gap="size-300" alignItems="start" wrap>
          <View
            width={{ base: '100%', L: '25%' }}
            minWidth={{ base: undefined, L: 'size-2400' }}
            paddingEnd={{ base: undefined, L: 'size-200' }}
            borderEndWidth={{ base: undefined, L: 'thin' }}
            borderColor="default"
            position={{ base: 'static', L: 'sticky' }}
            top="size-100"
          >
            {nav}
          </View>
          <View flex="1" minWidth={{ base: '100%', L: 'size-3600' }}>
            {children}
          </View>
        </Flex>
      </View>
    </>
  );
}
