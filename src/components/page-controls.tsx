/** Previous / "51–100 of 1000" / Next under a paged list (My Programs, Activity). */
import { Button, Flex, Text } from '@adobe/react-spectrum';

interface PageControlsProps {
  /** What is paged, for the navigation landmark ("Programs pages"). */
  label: string;
  /** 0-based page. */
  page: number;
  pageSize: number;
  /** Items on this page. */
  count: number;
  total?: number;
  hasNext: boolean;
  onChange: (page: number) => void;
  /** Shown when the page is empty. */
  empty?: string;
}

export function PageControls({ label, page, pageSize, count, total, hasNext, onChange, empty = 'Nothing to show' }: PageControlsProps) {
  const first = page * pageSize + 1;
  const last = page * pageSize + count;
  return (
    <nav aria-label={label}>
      <Flex alignItems="center" gap="size-200" marginTop="size-200">
        <Button variant="secondary" isDisabled={page === 0} onPress={() => onChange(page - 1)}>
          Previous
        </Button>
        <Text>
          {count > 0 ? `${first}–${last}` : empty}
          {total !== undefined ? ` of ${total}` : ''}
        </Text>
        <Button variant="secondary" isDisabled={!hasNext} onPress={() => onChange(page + 1)}>
          Next
        </Button>
      </Flex>
    </nav>
  );
}
