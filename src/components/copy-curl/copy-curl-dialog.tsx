import { ActionButton, Content, Dialog, Flex, Heading, Text } from '@adobe/react-spectrum';
import Code from '@spectrum-icons/workflow/Code';
import type { CurlMenuItem } from './copy-curl-menu';
import { useCopyCurl } from './use-copy-curl';

/**
 * "Copy as curl" for a row's menu (inside a DialogContainer): one button per request the API offers
 * now, each copying the equivalent curl command (see CopyCurlMenu).
 */
export function CopyCurlDialog({ title, items }: { title: string; items: CurlMenuItem[] }) {
  const { copy, fallback } = useCopyCurl();
  const offered = items.filter((item) => item.request);
  return (
    <Dialog isDismissable>
      <Heading>{title}</Heading>
      <Content>
        <Flex direction="column" gap="size-100" alignItems="start">
          <Text>The command reads the API key and access token from $CM_API_KEY and $CM_ACCESS_TOKEN.</Text>
          {offered.map((item) => (
            <ActionButton key={item.label} onPress={() => void copy(item.request!)}>
              <Code />
              <Text>{item.label}</Text>
            </ActionButton>
          ))}
        </Flex>
        {fallback}
      </Content>
    </Dialog>
  );
}
