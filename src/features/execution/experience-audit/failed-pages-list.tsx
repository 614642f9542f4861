/** Pages the audit could not reach, each with its relative path and the reason (as text). */
import type { FailedPage } from '../../../domain/experience-audit-results';

export function FailedPagesList({ pages }: { pages: FailedPage[] }) {
  return (
    <ul className="audit-failed-pages">
      {pages.map((page) => (
        <li key={page.path}>
          <span className="audit-failed-pages__path">{page.path}</span>
          <span className="audit-failed-pages__reason">{page.reason}</span>
        </li>
      ))}
    </ul>
  );
}
