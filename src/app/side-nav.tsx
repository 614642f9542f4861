/** The side menu inside a program: Overview, Activity, Pipelines; the current item is highlighted. */
import Bell from '@spectrum-icons/workflow/Bell';
import ViewGrid from '@spectrum-icons/workflow/ViewGrid';
import Workflow from '@spectrum-icons/workflow/Workflow';
import Home from '@spectrum-icons/workflow/Home';
import { NavLink } from 'react-router';
import { paths } from '../lib/paths';

export function SideNav({ programId }: { programId: string }) {
  const items = [
    { label: 'Overview', href: paths.overview.href(programId), icon: <ViewGrid size="S" aria-hidden />, end: true },
    { label: 'Activity', href: paths.activity.href(programId), icon: <Bell size="S" aria-hidden />, end: true },
    { label: 'Pipelines', href: paths.pipelines.href(programId), icon: <Workflow size="S" aria-hidden />, end: true },
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
      <div className="side-nav-group" aria-hidden>
        PROGRAM
      </div>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <NavLink to={item.href} end={item.end} className="side-nav-link">
              {item.icon}
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
