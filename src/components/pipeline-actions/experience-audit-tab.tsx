/**
 * The Experience Audit tab: a page path (starting with "/") and Add Page; the pages to audit, each
 * as its full URL on the stage publish service, with a remove button; at most 25; none → the
 * homepage.
 */
import { ActionButton, Button, Flex, Text, TextField } from '@adobe/react-spectrum';
import Delete from '@spectrum-icons/workflow/Delete';
import { useState } from 'react';
import { AUDIT_PAGES_MAX, auditPageProblem, auditPageUrl } from '../../domain/pipeline-settings';
import type { PipelineForm } from './use-pipeline-form';

export function ExperienceAuditTab({ form }: { form: PipelineForm }) {
  const { settings, update, stagePublishUrl } = form;
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const pages = settings.pages;

  const add = () => {
    const page = path.trim();
    const problem = auditPageProblem(page, pages);
    setError(problem);
    if (problem) return;
    update({ pages: [...pages, page] });
    setPath('');
  };

  return (
    <Flex direction="column" gap="size-200" marginTop="size-200">
      <Text>
        The Experience Audit scores these pages on the stage environment in every run (performance, accessibility, best practices, SEO).
      </Text>
      <Flex gap="size-100" alignItems="start" wrap>
        <TextField
          label="Page path"
          value={path}
          onChange={(value) => {
            setPath(value);
            if (error) setError(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
            else event.continuePropagation();
          }}
          validationState={error ? 'invalid' : undefined}
          errorMessage={error}
          description={`Starts with "/", e.g. /content/site/en.html (${pages.length} of ${AUDIT_PAGES_MAX} pages).`}
          width="size-4600"
        />
        <Button variant="secondary" onPress={add} marginTop="size-300">
          Add Page
        </Button>
      </Flex>
      {pages.length === 0 ? (
        <Text UNSAFE_className="muted">No pages added: the homepage ({auditPageUrl(stagePublishUrl, '/')}) is audited.</Text>
      ) : (
        <ul aria-label="Pages to audit" className="audit-page-list">
          {pages.map((page) => (
            <li key={page}>
              <Text UNSAFE_className="audit-page-url">{auditPageUrl(stagePublishUrl, page)}</Text>
              <ActionButton isQuiet aria-label={`Remove ${page}`} onPress={() => update({ pages: pages.filter((p) => p !== page) })}>
                <Delete />
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
