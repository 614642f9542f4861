import { Content, Heading, IllustratedMessage, Link, View } from '@adobe/react-spectrum';

/** The 404 route: a console URL that names no screen. */
export default function NotFoundPage() {
  return (
    <View padding="size-400">
      <IllustratedMessage>
        <Heading>Page not found</Heading>
        <Content>
          There is no page at this address. <Link href="/">Go to My Programs</Link>
        </Content>
      </IllustratedMessage>
    </View>
  );
}
