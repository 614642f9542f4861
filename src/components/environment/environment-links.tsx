/** An environment's service URLs (author, publish, and preview where it has one), each opening in a new tab. */
import { Flex, Link, VisuallyHidden } from '@adobe/react-spectrum';
import LinkOut from '@spectrum-icons/workflow/LinkOut';
import { findLink, rel, type Rel } from '../../api/links';
import type { Environment } from '../../api/types';

const SERVICES: { label: string; rel: Rel }[] = [
  { label: 'Author', rel: rel.author },
  { label: 'Publish', rel: rel.publish },
  { label: 'Preview', rel: rel.preview },
];

/** An external link that says it opens a new tab. */
export function NewTabLink({ href, children, label }: { href: string; children: string; label?: string }) {
  return (
    <Link href={href} target="_blank" rel="noreferrer" aria-label={label ? `${label} (opens in a new tab)` : undefined}>
      {children}
      <LinkOut size="XS" aria-hidden UNSAFE_className="new-tab-icon" />
      {label ? null : <VisuallyHidden> (opens in a new tab)</VisuallyHidden>}
    </Link>
  );
}

/** The service URLs the environment's links offer, by service name ("Author"), or their URLs in full (`full`). */
export function EnvironmentLinks({ environment, full = false }: { environment: Environment; full?: boolean }) {
  const links = SERVICES.flatMap(({ label, rel: relation }) => {
    const href = findLink(environment, relation)?.href;
    return href ? [{ label, href }] : [];
  });
  if (!links.length) return <span>-</span>;
  return (
    <Flex direction={full ? 'column' : 'row'} gap={full ? 'size-50' : 'size-150'} wrap>
      {links.map(({ label, href }) =>
        full ? (
          <span key={label} className="truncate">
            <span className="muted">{label}: </span>
            <NewTabLink href={href} label={`${label} of ${environment.name}: ${href}`}>
              {href}
            </NewTabLink>
          </span>
        ) : (
          <NewTabLink key={label} href={href} label={`${label} of ${environment.name}`}>
            {label}
          </NewTabLink>
        ),
      )}
    </Flex>
  );
}
