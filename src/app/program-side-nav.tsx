/**
 * The side menu inside a program, loaded with the program's first screen (My Programs does without
 * it). On a desktop a column beside the page. Below 1024 px (given `onClose`) a drawer over the page,
 * modal-like: a dimmed backdrop; focus moves to its first link; Escape or a tap on the backdrop
 * closes it and gives focus back to the hamburger; following a link closes it. The rest of the shell
 * is `inert` while it is open (src/app/root-layout.tsx), so Tab stays inside.
 */
import { useEffect, useRef } from 'react';
import { SideNav } from './side-nav';

interface ProgramSideNavProps {
  programId: string;
  /** The drawer's close (a phone or a tablet); without it, the desktop column. */
  onClose?: () => void;
}

export function ProgramSideNav({ programId, onClose }: ProgramSideNavProps) {
  if (!onClose) return <SideNav programId={programId} />;
  return <Drawer programId={programId} onClose={onClose} />;
}

function Drawer({ programId, onClose }: Required<ProgramSideNavProps>) {
  const ref = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('a[href]')?.focus();
    // once closed, and the shell no longer inert
    return () => {
      // the header's hamburger (src/app/app-header.tsx), by its name once closed
      if (returnFocus.current) setTimeout(() => document.querySelector<HTMLElement>('[aria-label="Show side navigation"]')?.focus());
    };
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      returnFocus.current = true;
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
  return (
    <div className="side-nav-drawer-layer">
      <div
        className="side-nav-backdrop"
        aria-hidden
        onClick={() => {
          returnFocus.current = true;
          onClose();
        }}
      />
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label="Side navigation"
        className="side-nav-drawer"
        onClick={(event) => {
          // a link followed (an external one opens a new tab): the drawer has done its job
          if ((event.target as Element).closest('a[href]')) onClose();
        }}
      >
        <SideNav programId={programId} />
      </div>
    </div>
  );
}
