/**
 * The side menu inside a program (cm-ui §0): Home; PROGRAM: Overview, Activity, Pipelines,
 * Repositories, Reports; SERVICES: Environments, then Cloud Manager's other services, listed and
 * marked as not part of this console; RESOURCES: Learning Paths (Experience League, a new tab). The
 * current item is highlighted.
 */
import Bell from '@spectrum-icons/workflow/Bell';
import Folder from '@spectrum-icons/workflow/Folder';
import Education from '@spectrum-icons/workflow/Education';
import GraphPie from '@spectrum-icons/workflow/GraphPie';
import Home from '@spectrum-icons/workflow/Home';
import LinkOut from '@spectrum-icons/workflow/LinkOut';
import Servers from '@spectrum-icons/workflow/Servers';
import ViewGrid from '@spectrum-icons/workflow/ViewGrid';
import Workflow from '@spectrum-icons/workflow/Workflow';
import { useId, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { paths } from '../lib/paths';

interface NavItem {
  label: string;
  href: string;
  icon: ReactNode;
  /** Another site's page: opens in a new tab. */
  external?: boolean;
}

/** Cloud Manager's other services (cm-ui §0): listed as it lists them, but not built here. */
const ABSENT_SERVICES = [
  'Edge Delivery Sites',
  'Domain Settings',
  'SSL Certificates',
  'Domain Mappings',
  'IP Allow Lists',
  'Content Sets',
  'Copy Content Activity',
  'Network Infrastructures',
];

const LEARNING_PATHS = 'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/onboarding/home';

/** A group of the menu: its grey small-caps header names its list. */
function NavGroup({ title, items, absent = [] }: { title: string; items: NavItem[]; absent?: string[] }) {
  const id = useId();
  return (
    <>
      <div className="side-nav-group" id={id}>
        {title}
      </div>
      <ul aria-labelledby={id}>
        {items.map((item) => (
          <li key={item.label}>
            {item.external ? (
              <a href={item.href} target="_blank" rel="noopener noreferrer" className="side-nav-link">
                {item.icon}
                <span>
                  {item.label} <span className="visually-hidden">(opens in a new tab)</span>
                </span>
                <LinkOut size="XS" aria-hidden UNSAFE_className="new-tab-icon" />
              </a>
            ) : (
              <NavLink to={item.href} end className="side-nav-link">
                {item.icon}
                <span>{item.label}</span>
              </NavLink>
            )}
          </li>
        ))}
        {absent.map((label) => (
          <li key={label} className="side-nav-absent">
            {label} <span className="side-nav-absent-note">(not in this console)</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function SideNav({ programId }: { programId: string }) {
  const program: NavItem[] = [
    { label: 'Overview', href: paths.overview.href(programId), icon: <ViewGrid size="S" aria-hidden /> },
    { label: 'Activity', href: paths.activity.href(programId), icon: <Bell size="S" aria-hidden /> },
    { label: 'Pipelines', href: paths.pipelines.href(programId), icon: <Workflow size="S" aria-hidden /> },
    { label: 'Repositories', href: paths.repositories.href(programId), icon: <Folder size="S" aria-hidden /> },
    { label: 'Reports', href: paths.reports.href(programId), icon: <GraphPie size="S" aria-hidden /> },
  ];
  const services: NavItem[] = [{ label: 'Environments', href: paths.environments.href(programId), icon: <Servers size="S" aria-hidden /> }];
  const resources: NavItem[] = [
    { label: 'Learning Paths', href: LEARNING_PATHS, icon: <Education size="S" aria-hidden />, external: true },
  ];
  return (
    <nav aria-label="Program" className="side-nav">
      <ul>
        <li>
          <NavLink to={paths.programs.href()} end className="side-nav-link">
            <Home size="S" aria-hidden />
            <span>Home</span>
          </NavLink>
        </li>
      </ul>
      <NavGroup title="Program" items={program} />
      <NavGroup title="Services" items={services} absent={ABSENT_SERVICES} />
      <NavGroup title="Resources" items={resources} />
    </nav>
  );
}
