/** The expandable error section under the tiles: "n pages could not be audited", with their paths and reasons. */
import { Disclosure, DisclosurePanel, DisclosureTitle } from '@adobe/react-spectrum';
import type { FailedPage } from '../../../domain/experience-audit-results';
import { FailedPagesList } from './failed-pages-list';
import { SimulatorExtensionNote } from '../../../components/experience-audit/simulator-extension-note';

export function FailedPagesDisclosure({ pages }: { pages: FailedPage[] }) {
  if (pages.length === 0) return null;
  return (
    <Disclosure isQuiet UNSAFE_className="audit-failed">
      <DisclosureTitle level={4}>{`${pages.length} ${pages.length === 1 ? 'page' : 'pages'} could not be audited`}</DisclosureTitle>
      <DisclosurePanel>
        <FailedPagesList pages={pages} />
        <SimulatorExtensionNote />
      </DisclosurePanel>
    </Disclosure>
  );
}
