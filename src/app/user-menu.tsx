/**
 * The signed-in user's avatar (their initials), as in Cloud Manager's header: it opens their
 * account (name, email, roles, "Waiting for me", "Switch user…"). Only when the API is a
 * simulator that says who is signed in.
 */
import { ActionButton, Text } from '@adobe/react-spectrum';
import { useState } from 'react';
import { useSignedInUser } from '../api/users';
import { initials } from '../lib/initials';
import { AccountDialog } from './account-dialog';

export { initials };

/** `labelled`: the user's name shown beside the avatar (in the header's More menu). */
export function UserMenu({ labelled = false }: { labelled?: boolean }) {
  const user = useSignedInUser();
  const [open, setOpen] = useState(false);
  if (!user) return null;
  return (
    <>
      <ActionButton isQuiet aria-label={`Signed in as ${user.name}`} aria-haspopup="dialog" onPress={() => setOpen(true)}>
        <span className="avatar" aria-hidden>
          {initials(user.name)}
        </span>
        {labelled ? <Text>{user.name}</Text> : null}
      </ActionButton>
      <AccountDialog user={user} isOpen={open} close={() => setOpen(false)} />
    </>
  );
}
