/**
 * The signed-in user's avatar (their initials), as in Cloud Manager's header: a popover with their
 * name, email and roles, "Waiting for me", and "Switch user…" (the simulator's users). Only when
 * the API is a simulator that says who is signed in.
 */
import { ActionButton, Content, Dialog, DialogTrigger, Divider, Flex, Heading, Link, Text } from '@adobe/react-spectrum';
import { useState } from 'react';
import { useSignedInUser } from '../api/users';
import { roleNames, SignedInUserPicker } from '../components/signed-in-user-picker';
import { paths } from '../lib/paths';

/** "Marco Bianchi" → "MB". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...w][0]?.toUpperCase() ?? '').join('') || '?';
}

export function UserMenu() {
  const user = useSignedInUser();
  const [switching, setSwitching] = useState(false);
  if (!user) return null;
  return (
    <DialogTrigger type="popover" placement="bottom end" onOpenChange={(open) => !open && setSwitching(false)}>
      <ActionButton isQuiet aria-label={`Signed in as ${user.name}`}>
        <span className="avatar" aria-hidden>
          {initials(user.name)}
        </span>
      </ActionButton>
      {(close) => (
        <Dialog size="S" aria-label="Your account">
          <Heading>{user.name}</Heading>
          <Divider />
          <Content>
            <Flex direction="column" gap="size-100">
              <Text>{user.email}</Text>
              <Text>Roles: {roleNames(user.roles) || 'none'}</Text>
              <Link href={paths.waiting.href()} onPress={close}>
                Waiting for me
              </Link>
              {switching ? (
                <SignedInUserPicker autoFocus onChanged={close} />
              ) : (
                <ActionButton onPress={() => setSwitching(true)}>Switch user…</ActionButton>
              )}
            </Flex>
          </Content>
        </Dialog>
      )}
    </DialogTrigger>
  );
}
