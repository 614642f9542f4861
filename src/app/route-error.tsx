/** A route's error element: the message and "Try again", never a blank page. */
import { Button, Content, Flex, Heading, Link, Text, View } from '@adobe/react-spectrum';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { OpenSettingsButton } from '../components/open-settings-button';

function messageOf(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim();
  if (error instanceof Error) return error.message || error.name;
  return String(error ?? 'Unknown error');
}

export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  return (
    <View padding="size-400">
      <Flex direction="column" gap="size-200" alignItems="start">
        <div role="alert">
          <Heading level={2}>Something went wrong on this page</Heading>
          <Content>
            <Text>{messageOf(error)}</Text>
          </Content>
        </div>
        <Flex gap="size-200" alignItems="center" wrap>
          <Button variant="accent" onPress={() => navigate(0)}>
            Try again
          </Button>
          {error instanceof ApiError && error.isAuth ? <OpenSettingsButton /> : null}
          <Link href="/">Go to My Programs</Link>
        </Flex>
      </Flex>
    </View>
  );
}
