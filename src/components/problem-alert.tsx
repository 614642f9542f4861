// Apart from query-state.tsx: dialogs need it, every screen's first paint does not (InlineAlert, issue #17).
import { Content, Heading, InlineAlert, Text } from '@adobe/react-spectrum';
import { ApiError } from '../api/client';
import { OpenSettingsButton } from './open-settings-button';

/**
 * A refused change in place (a dialog keeps what the user typed): `heading`, the API's words, and
 * every problem of its problem+json `errors`, as text.
 */
export function ProblemAlert({ heading, error }: { heading: string; error: Error }) {
  const problems = error instanceof ApiError ? error.errors : [];
  return (
    <InlineAlert variant="negative" autoFocus marginBottom="size-200">
      <Heading>{heading}</Heading>
      <Content>
        <Text>{error.message}</Text>
        {problems.length ? (
          <ul aria-label="Problems" className="problem-list">
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        ) : null}
        {error instanceof ApiError && error.isAuth ? <OpenSettingsButton /> : null}
      </Content>
    </InlineAlert>
  );
}
