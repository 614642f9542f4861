/**
 * Gating by permission: a control the signed-in user may not use stays on screen, disabled, with a
 * ContextualHelp beside it (a focusable button, so the reason is reachable by keyboard, unlike a
 * tooltip on a disabled button) naming the permission and the roles that have it. The permissions
 * are the program's (`Program.permissions`, a simulator extension); without them nothing is gated.
 */
import { Content, ContextualHelp, Dialog, Heading, Text } from '@adobe/react-spectrum';
import { useParams } from 'react-router';
import type { CmAction } from '../api/actions';
import { useProgram } from '../api/queries';
import { useSignedInUser } from '../api/users';
import { ACTION_PERMISSIONS, isAllowed, permissionExplanation, type Permission } from '../domain/permissions';

/**
 * Why the signed-in user may not use a control that needs a permission on the current route's
 * program (or `programId`), in words; undefined when they may (or nothing is known to say otherwise).
 */
export function usePermissionCheck(programId?: string): (permission: Permission | undefined) => string | undefined {
  const params = useParams();
  const { program } = useProgram(programId ?? params.programId);
  const user = useSignedInUser();
  return (permission) =>
    !permission || !program || isAllowed(program.permissions, permission) ? undefined : permissionExplanation(permission, user);
}

export function usePermissionDenial(permission: Permission | undefined, programId?: string): string | undefined {
  return usePermissionCheck(programId)(permission);
}

/** The denial of an action of src/api/actions.ts (by the permission it takes). */
export function useActionDenial(action: Pick<CmAction, 'name'>, programId?: string): string | undefined {
  return usePermissionDenial(ACTION_PERMISSIONS[action.name], programId);
}

/** The keyboard-reachable explanation beside a disabled control: "Why is <label> not available?". */
export function PermissionHelp({ label, explanation }: { label: string; explanation: string }) {
  return (
    <ContextualHelp variant="info" aria-label={`Why is ${label} not available?`}>
      <Heading>Permission required</Heading>
      <Content>
        <Text>{explanation}</Text>
      </Content>
    </ContextualHelp>
  );
}

/** The explanation of an unavailable menu item (Spectrum's ContextualHelpTrigger `isUnavailable`). */
export function PermissionHelpDialog({ explanation }: { explanation: string }) {
  return (
    <Dialog>
      <Heading>Permission required</Heading>
      <Content>
        <Text>{explanation}</Text>
      </Content>
    </Dialog>
  );
}
