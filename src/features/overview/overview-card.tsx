import { Heading, Text, View } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';

interface OverviewCardProps {
  /** Used for the heading's id ("environments" → "environments-card-title"). */
  id: string;
  title: string;
  isEmpty: boolean;
  emptyText: string;
  children: ReactNode;
  footer?: ReactNode;
}

/** The frame of a Program Overview card: a titled, bordered section with an empty state. */
export function OverviewCard({ id, title, isEmpty, emptyText, children, footer }: OverviewCardProps) {
  return (
    <section aria-labelledby={`${id}-card-title`} className="overview-card">
      <Heading level={2} id={`${id}-card-title`}>
        {title}
      </Heading>
      <View borderWidth="thin" borderColor="default" borderRadius="medium" padding="size-200" backgroundColor="gray-50">
        {/* a table wider than a phone scrolls inside the card, never the page */}
        {isEmpty ? <Text>{emptyText}</Text> : <div className="card-scroll">{children}</div>}
        {footer}
      </View>
    </section>
  );
}
