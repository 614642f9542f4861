/**
 * Cloud Manager's header controls around the organisation name (cm-ui §0): the blue Feedback pill,
 * the solution switcher (9-dot grid) and help `?`. Part of the header's lazy chunk
 * (header-user-area): none of them is needed to paint My Programs.
 *
 * This console is not Adobe's: Feedback says where feedback on it goes (the project's issue
 * tracker, not Adobe), the apps grid only links out to Adobe's sites, and help's "About this
 * console" says whose console it is.
 */
import {
  ActionButton,
  Button,
  ButtonGroup,
  Content,
  Dialog,
  DialogContainer,
  DialogTrigger,
  Divider,
  Heading,
  Text,
} from '@adobe/react-spectrum';
import Apps from '@spectrum-icons/workflow/Apps';
import HelpOutline from '@spectrum-icons/workflow/HelpOutline';
import LinkOut from '@spectrum-icons/workflow/LinkOut';
import { useState, type ReactNode } from 'react';

const EXTERNAL = { target: '_blank', rel: 'noopener noreferrer' } as const;

const CLOUD_MANAGER_DOCS =
  'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/cloud-manager/navigation';

/** Adobe's own sites the solution switcher links to (no product deep links: they need an Adobe organisation this console does not have). */
const ADOBE_APPS = [
  { name: 'Experience Cloud home', href: 'https://experience.adobe.com/' },
  { name: 'Admin Console', href: 'https://adminconsole.adobe.com/' },
  { name: 'Adobe Developer Console', href: 'https://developer.adobe.com/console' },
  { name: 'Experience League', href: 'https://experienceleague.adobe.com/' },
  { name: 'Adobe Learning Manager', href: 'https://learningmanager.adobe.com/' },
  { name: 'Adobe Status', href: 'https://status.adobe.com/' },
];

const HELP_LINKS = [
  { name: 'Cloud Manager documentation', href: CLOUD_MANAGER_DOCS },
  { name: 'Experience League', href: 'https://experienceleague.adobe.com/' },
];

function CloseButton({ close }: { close: () => void }) {
  return (
    <ButtonGroup>
      <Button variant="secondary" onPress={close} autoFocus>
        Close
      </Button>
    </ButtonGroup>
  );
}

/** The blue Feedback pill: says that feedback on this console goes to the project's issue tracker, not to Adobe. */
export function FeedbackButton() {
  return (
    <DialogTrigger>
      <Button variant="accent" style="fill">
        Feedback
      </Button>
      {(close) => (
        <Dialog size="S">
          <Heading>Feedback</Heading>
          <Divider />
          <Content>
            <p>
              This console is an open-source imitation of Adobe Cloud Manager, not Adobe&apos;s product: feedback given here does not reach
              Adobe.
            </p>
            <p>
              Report bugs and ideas about this console as issues in the project&apos;s issue tracker, next to its source code. For Adobe
              Cloud Manager itself, use the Feedback button in Adobe&apos;s Cloud Manager.
            </p>
          </Content>
          <CloseButton close={close} />
        </Dialog>
      )}
    </DialogTrigger>
  );
}

/** A header icon button opening a popover: a heading and a list of tiles, external links opening in new tabs. */
function LinksPopover({
  label,
  icon,
  title,
  links,
  first,
  last,
  columns = 2,
  labelled = false,
}: {
  label: string;
  icon: ReactNode;
  title: string;
  links: { name: string; href: string }[];
  first?: ReactNode;
  last?: (close: () => void) => ReactNode;
  columns?: 1 | 2;
  /** Its label shown beside the icon (in the header's More menu). */
  labelled?: boolean;
}) {
  return (
    <DialogTrigger type="popover" placement="bottom end">
      <ActionButton isQuiet aria-label={label}>
        {icon}
        {labelled ? <Text>{label}</Text> : null}
      </ActionButton>
      {(close) => (
        <Dialog size="S">
          <Heading>{title}</Heading>
          <Divider />
          <Content>
            <ul className={columns === 1 ? 'header-links header-links-single' : 'header-links'}>
              {first ? <li>{first}</li> : null}
              {links.map((link) => (
                <li key={link.name}>
                  <a className="header-links-tile" href={link.href} {...EXTERNAL}>
                    {link.name} <span className="visually-hidden">(opens in a new tab)</span>
                    <LinkOut size="XS" aria-hidden UNSAFE_className="new-tab-icon" />
                  </a>
                </li>
              ))}
              {last ? <li>{last(close)}</li> : null}
            </ul>
          </Content>
        </Dialog>
      )}
    </DialogTrigger>
  );
}

/** The solution switcher (9-dot grid): Adobe Experience Cloud sites, each opening in a new tab; Cloud Manager is the current one. */
export function AppsGrid({ labelled = false }: { labelled?: boolean }) {
  return (
    <LinksPopover
      labelled={labelled}
      label="Adobe Experience Cloud apps"
      icon={<Apps />}
      title="Adobe Experience Cloud"
      links={ADOBE_APPS}
      first={
        <span className="header-links-tile header-links-current" aria-current="true">
          Cloud Manager <span className="muted">(current)</span>
        </span>
      }
    />
  );
}

/**
 * Help `?`: Cloud Manager's documentation and Experience League (new tabs), and About this console.
 * The console has no keyboard shortcuts of its own to list. A popover rather than a Spectrum Menu:
 * a Menu in this chunk made the bundler split shared Spectrum modules out of the first load (+0.8 kB).
 */
export function HelpMenu({ labelled = false }: { labelled?: boolean }) {
  const [aboutOpen, setAboutOpen] = useState(false);
  return (
    <>
      <LinksPopover
        labelled={labelled}
        label="Help"
        icon={<HelpOutline />}
        title="Help"
        links={HELP_LINKS}
        columns={1}
        last={(close) => (
          <ActionButton
            isQuiet
            width="100%"
            onPress={() => {
              close();
              setAboutOpen(true);
            }}
          >
            About this console
          </ActionButton>
        )}
      />
      <DialogContainer onDismiss={() => setAboutOpen(false)}>
        {aboutOpen ? (
          <Dialog size="S">
            <Heading>About this console</Heading>
            <Divider />
            <Content>
              <p>
                Cloud Manager Console is an open-source web console that looks and behaves like Adobe Cloud Manager&apos;s deployment UI. It
                is not made, endorsed or supported by Adobe.
              </p>
              <p>
                It runs on a simulated Cloud Manager API, or, when set up in Settings, on a Cloud Manager API you connect it to. Adobe,
                Adobe Experience Cloud and Cloud Manager are trademarks of Adobe.
              </p>
            </Content>
            <CloseButton close={() => setAboutOpen(false)} />
          </Dialog>
        ) : null}
      </DialogContainer>
    </>
  );
}
