/** The signed-in user's account, from the avatar: name, email, roles, "Waiting for me", and "Switch user…". */
import { Content, Dialog, DialogContainer, Divider, Flex, Heading, Link, Text } from '@adobe/react-spectrum';
import type { SimUser } from '../api/users';
import { roleNames, SignedInUserPicker } from '../components/signed-in-user-picker';
import { paths } from '../lib/paths';

interface AccountDialogProps {
  user: SimUser;
  isOpen: boolean;
  close: () => void;
}

function Account({ user, close }: Omit<AccountDialogProps, 'isOpen'>) {
  return (
    <Dialog size="S" isDismissable>
      <Heading>{user.name}</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-100">
          <Text>{user.email}</Text>
          <Text>Roles: {roleNames(user.roles) || 'none'}</Text>
          <Link href={paths.waiting.href()}>Waiting for me</Link>
          <SignedInUserPicker label="Switch user…" onChanged={close} />
        </Flex>
      </Content>
    </Dialog>
  );
}

export function AccountDialog({ user, isOpen, close }: AccountDialogProps) {
  return <DialogContainer onDismiss={close}>{isOpen ? <Account user={user} close={close} /> : null}</DialogContainer>;
}
