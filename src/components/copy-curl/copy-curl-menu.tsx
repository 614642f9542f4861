/**
 * "Copy as curl" (issue 16): a menu of requests the console sends here, each copied as the
 * equivalent curl command, so a user learns the API from the UI. Credentials are never put on
 * screen or on the clipboard: the command reads them from environment variables (src/api/curl.ts).
 */
import { ActionButton, Item, Menu, MenuTrigger, Text } from '@adobe/react-spectrum';
import Code from '@spectrum-icons/workflow/Code';
import type { ActionRequest } from '../../api/action-request';
import { useCopyCurl } from './use-copy-curl';

export interface CurlMenuItem {
  /** What the request does, e.g. "Approve" or "Get this execution". */
  label: string;
  /** Undefined when the API does not offer it now: the item is left out. */
  request: ActionRequest | undefined;
}

interface CopyCurlMenuProps {
  items: CurlMenuItem[];
  /** What the requests are about, in the button's accessible name after its visible text ("Copy as curl: <about>"): several menus on one page tell themselves apart. */
  about?: string;
}

/** The menu; nothing when none of `items` is offered. */
export function CopyCurlMenu({ items, about }: CopyCurlMenuProps) {
  const { copy, fallback } = useCopyCurl();
  const offered = items.filter((item) => item.request);
  if (!offered.length) return null;
  return (
    <>
      <MenuTrigger>
        <ActionButton isQuiet aria-label={about ? `Copy as curl: ${about}` : undefined}>
          <Code />
          <Text>Copy as curl</Text>
        </ActionButton>
        <Menu
          onAction={(key) => {
            const request = offered[Number(key)]?.request;
            if (request) void copy(request);
          }}
        >
          {offered.map((item, index) => (
            <Item key={index} textValue={item.label}>
              {item.label}
            </Item>
          ))}
        </Menu>
      </MenuTrigger>
      {fallback}
    </>
  );
}
