/**
 * The signed-in user's avatar (their initials), as in Cloud Manager's header: it opens their
 * account (name, email, roles, "Waiting for me", "Switch user…"). Only when the API is a
 * simulator that says who is signed in.
 */
import { ActionButton, Text } from '@adobe/react-spectrum';
import { useSignedInUser } from '../api/users';
import { initials } from '../lib/initials';
import { useOpenHere } from '../components/use-open-here';
import { AccountDialog } from './account-dialog';

export { initials };

/** `labelled`: the user's name shown beside the avatar (in the header's More menu). */
export function UserMenu({ labelled = false }: { labelled?: boolean }) {
  const user = useSignedInUser();
  // closed by any navigation, such as following its Waiting for me link
  const [open, setOpen] = useOpenHere();
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
