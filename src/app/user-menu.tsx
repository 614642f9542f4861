/**
 * The signed-in user's avatar (their initials), as in Cloud Manager's header: it opens their
 * account (name, email, roles, "Waiting for me", "Switch user…"). Only when the API is a
 * simulator that says who is signed in.
 */
import { ActionButton } from '@adobe/react-spectrum';
import { useState } from 'react';
import { useSignedInUser } from '../api/users';
import { AccountDialog } from './account-dialog';

/** "Marco Bianchi" → "MB". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...w][0]?.toUpperCase() ?? '').join('') || '?';
}

export function UserMenu() {
  const user = useSignedInUser();
  const [open, setOpen] = useState(false);
  if (!user) return null;
  return (
    <>
      <ActionButton isQuiet aria-label={`Signed in as ${user.name}`} aria-haspopup="dialog" onPress={() => setOpen(true)}>
        <span className="avatar" aria-hidden>
          {initials(user.name)}
        </span>
      </ActionButton>
      <AccountDialog user={user} isOpen={open} close={() => setOpen(false)} />
    </>
  );
}
