/**
 * An environment's details: type, status, region, AEM release (a simulator extension field), its
 * service URLs and Developer Console (new tabs). `EnvironmentInfoButton` shows them in a popover
 * (the (i) of the Overview's Environments card).
 */
import { findLink, rel } from '../../api/links';
import type { Environment } from '../../api/types';
import { environmentTypeLabel } from '../../domain/environments';
import { EnvironmentLinks, NewTabLink } from './environment-links';
import { EnvironmentStatus } from './environment-status';
import { InfoPopoverButton } from '../popovers/info-popover-button';

export function EnvironmentDetails({ environment }: { environment: Environment }) {
  const developerConsole = findLink(environment, rel.developerConsole)?.href;
  return (
    <dl className="details-list">
      <dt>Type</dt>
      <dd>{environmentTypeLabel(environment.type)}</dd>
      <dt>Status</dt>
      <dd>
        <EnvironmentStatus status={environment.status} />
      </dd>
      <dt>Region</dt>
      <dd>{environment.region ?? '-'}</dd>
      <dt>AEM release</dt>
      <dd>{environment.aemRelease ?? '-'}</dd>
      {environment.description ? (
        <>
          <dt>Description</dt>
          <dd>{environment.description}</dd>
        </>
      ) : null}
      <dt>Service URLs</dt>
      <dd>
        <EnvironmentLinks environment={environment} full />
      </dd>
      {developerConsole ? (
        <>
          <dt>Developer Console</dt>
          <dd>
            <NewTabLink href={developerConsole} label={`Developer Console of ${environment.name}`}>
              Developer Console
            </NewTabLink>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function EnvironmentInfoButton({ environment }: { environment: Environment }) {
  return (
    <InfoPopoverButton name={environment.name}>
      <EnvironmentDetails environment={environment} />
    </InfoPopoverButton>
  );
}
