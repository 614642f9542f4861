/**
 * The program toolbar under the header: breadcrumbs (last item = current page) and an optional
 * status badge. Each page renders its own toolbar:
 *
 *   <PageToolbar
 *     breadcrumbs={[{ label: 'Program Overview', href: paths.overview.href(programId) }, { label: 'Deploy to Production' }]}
 *     badge={<ExecutionBadge … />}      // e.g. a Spectrum Badge built from executionStatusInfo(status).word/variant
 *     actions={<Button …/>}             // optional, far right
 *   />
 */
import { Breadcrumbs, Flex, Item, View } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';

export interface Crumb {
  label: string;
  /** Console route; the last crumb (current page) needs none. */
  href?: string;
}

interface PageToolbarProps {
  breadcrumbs: Crumb[];
  badge?: ReactNode;
  actions?: ReactNode;
}

export function PageToolbar({ breadcrumbs, badge, actions }: PageToolbarProps) {
  return (
    <View borderBottomWidth="thin" borderColor="default" paddingX="size-200" paddingY="size-50" UNSAFE_className="page-toolbar">
      <Flex alignItems="center" gap="size-200">
        <div className="page-toolbar-crumbs">
          <div className="page-toolbar-breadcrumbs">
            <Breadcrumbs aria-label="Breadcrumbs" size="M" showRoot>
              {breadcrumbs.map((crumb, index) => (
                <Item key={`${index}-${crumb.label}`} href={index < breadcrumbs.length - 1 ? crumb.href : undefined}>
                  {crumb.label}
                </Item>
              ))}
            </Breadcrumbs>
          </div>
          {badge ? <div className="page-toolbar-badge">{badge}</div> : null}
        </div>
        {actions ? <Flex gap="size-100">{actions}</Flex> : null}
      </Flex>
    </View>
  );
}
