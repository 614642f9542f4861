/** Program Overview's Useful Resources (cm-ui §2): three cards, each a title, a line and "Show me." (Adobe's docs, new tab). */
import { LinkCards } from '../../components/link-cards';

const DOCS = 'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content';

const RESOURCES = [
  {
    title: 'Get up and running on Cloud Manager',
    text: 'Set up your program, environments and pipelines.',
    href: `${DOCS}/onboarding/home`,
  },
  {
    title: 'Understand Custom Code Quality rules',
    text: 'What the code scanning step checks, and how to fix what it finds.',
    href: `${DOCS}/implementing/cloud-manager/custom-code-quality-rules`,
  },
  {
    title: 'Accelerate DevOps with Cloud Manager APIs',
    text: 'Automate pipelines and deployments with the Cloud Manager API.',
    href: 'https://developer.adobe.com/experience-cloud/cloud-manager/docs/',
  },
];

export function UsefulResources() {
  return <LinkCards id="useful-resources" title="Useful Resources" cards={RESOURCES} linkText="Show me." />;
}

/** The floating round help button, bottom right: Cloud Manager's documentation in a new tab. */
export function FloatingHelpButton() {
  return (
    <a
      className="floating-help"
      href={`${DOCS}/implementing/cloud-manager/navigation`}
      target="_blank"
      rel="noreferrer"
      aria-label="Cloud Manager help (opens in a new tab)"
    >
      ?
    </a>
  );
}
