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
      <View paddingX="size-300" paddingY="size-200">
        {header}
        <Flex gap="size-300" alignItems="start" wrap>
          <View
            width={{ base: '100%', M: '25%' }}
            minWidth="size-2400"
            paddingEnd="size-200"
            borderEndWidth={{ base: undefined, M: 'thin' }}
            borderColor="default"
            position={{ base: 'static', M: 'sticky' }}
            top="size-100"
          >
            {nav}
          </View>
          <View flex="1" minWidth="size-3600">
            {children}
          </View>
        </Flex>
      </View>
    </>
  );
}
