/**
 * A titled row of bordered cards, each a bold title, a grey line and a link to an external page
 * that says it opens a new tab: My Programs' Quick Links and Program Overview's Useful Resources.
 */
import { Heading, Text, View } from '@adobe/react-spectrum';
import { NewTabLink } from './environment/environment-links';

export interface LinkCard {
  title: string;
  text: string;
  href: string;
}

export function LinkCards({ id, title, cards, linkText }: { id: string; title: string; cards: LinkCard[]; linkText: string }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <Heading level={2} id={`${id}-title`}>
        {title}
      </Heading>
      <ul className="link-cards">
        {cards.map((card) => (
          <li key={card.title}>
            <View borderWidth="thin" borderColor="default" borderRadius="medium" padding="size-200" height="100%">
              <Heading level={3} marginTop={0}>
                {card.title}
              </Heading>
              <Text UNSAFE_className="muted">{card.text}</Text>
              <div>
                <NewTabLink href={card.href} label={`${linkText} ${card.title}`}>
                  {linkText}
                </NewTabLink>
              </div>
            </View>
          </li>
        ))}
      </ul>
    </section>
  );
}
