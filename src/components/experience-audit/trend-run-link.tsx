/**
 * A run in the trend chart: an SVG link to the run's execution page (a console route), focusable
 * and named with the run's scores. A plain click or Enter navigates in the app (Enter is handled
 * here: not every engine turns it into a click on an SVG link); modified clicks are left to the
 * browser (new tab, new window).
 */
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useHref, useNavigate } from 'react-router';

interface TrendRunLinkProps {
  to: string;
  label: string;
  current: boolean;
  children: ReactNode;
}

export function TrendRunLink({ to, label, current, children }: TrendRunLinkProps) {
  const href = useHref(to);
  const navigate = useNavigate();
  const open = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to);
  };
  const press = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to);
  };
  return (
    <a
      href={href}
      aria-label={label}
      aria-current={current ? 'page' : undefined}
      className="audit-trend__run"
      onClick={open}
      onKeyDown={press}
    >
      <title>{label}</title>
      {children}
    </a>
  );
}
