import { Text } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';

export interface MetadataRow {
  label: string;
  value: ReactNode;
}

/** Bold grey small-caps keys with their values (REPOSITORY, BRANCH, GIT TAG, COMMIT, AEM RELEASE). */
export function StepMetadata({ rows }: { rows: MetadataRow[] }) {
  const shown = rows.filter((row) => row.value !== undefined && row.value !== null && row.value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="step-metadata">
      {shown.map((row) => (
        <div key={row.label} className="step-metadata-row">
          <dt>
            <Text UNSAFE_style={{ fontVariant: 'small-caps', fontWeight: 'bold', textTransform: 'uppercase', fontSize: '0.75rem' }}>
              {row.label}
            </Text>
          </dt>
          <dd>{typeof row.value === 'string' ? <Text>{row.value}</Text> : row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
