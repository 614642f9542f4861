/**
 * What My Programs shows around the program cards (cm-ui §1), loaded after the cards (its own
 * chunk, outside the first load): the statistics card — 90-day deployments, code quality issues and
 * builds, or the new-organisation welcome with View tutorials — and the Quick Links row.
 */
import { Button, Flex, Heading, ProgressCircle, Text, View } from '@adobe/react-spectrum';
import { useState } from 'react';
import type { EmbeddedProgram } from '../../api/types';
import { LinkCards } from '../../components/link-cards';
import { MAX_STATISTICS_PROGRAMS, STATISTICS_RUNS, useProgramStatistics } from './use-program-statistics';

const TUTORIALS = 'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/onboarding/home';

const QUICK_LINKS = [
  { title: 'Admin Console', text: 'Manage users, product profiles and permissions', href: 'https://adminconsole.adobe.com/' },
  {
    title: 'Cloud Manager documentation',
    text: 'Pipelines, environments and deployments, explained',
    href: 'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/cloud-manager/navigation',
  },
  { title: 'Adobe Learning Manager', text: 'Courses and learning paths', href: 'https://learningmanager.adobe.com/' },
];

function Statistic({ value, label }: { value: number; label: string }) {
  return (
    <div className="program-statistic">
      <span className="program-statistic-value">{value}</span>
      <Text UNSAFE_className="muted">{label}</Text>
    </div>
  );
}

/** The statistics card: read at once for a small organisation, on request for a large one. */
export function ProgramStatisticsCard({ programs }: { programs: EmbeddedProgram[] }) {
  const [asked, setAsked] = useState(false);
  const enabled = asked || programs.length <= MAX_STATISTICS_PROGRAMS;
  const stats = useProgramStatistics(programs, enabled);
  let body;
  if (!enabled)
    body = (
      <Flex alignItems="center" gap="size-200" wrap>
        <Text>See the last 90 days of your {MAX_STATISTICS_PROGRAMS} newest programs.</Text>
        <Button variant="secondary" style="outline" onPress={() => setAsked(true)}>
          Show statistics
        </Button>
      </Flex>
    );
  else if (stats.isPending) body = <ProgressCircle size="S" isIndeterminate aria-label="Reading the last 90 days…" />;
  else if (stats.error) body = <Text>The statistics could not be read: {stats.error.message}</Text>;
  else if (stats.executions === 0)
    body = (
      <Flex direction="column" gap="size-100" alignItems="start">
        <Text>Hello!</Text>
        <Heading level={3} margin={0} UNSAFE_className="program-statistics-welcome">
          Let’s get you started with Cloud Manager
        </Heading>
        <Text UNSAFE_className="muted">Set up a pipeline, then deploy your code to production from Program Overview.</Text>
        <Button variant="secondary" style="outline" elementType="a" href={TUTORIALS} target="_blank" rel="noopener noreferrer">
          View tutorials
        </Button>
      </Flex>
    );
  else
    body = (
      <Flex direction="column" gap="size-100">
        <Flex gap="size-400" wrap>
          <Statistic value={stats.deployments} label="Deployments" />
          <Statistic value={stats.qualityIssues} label="Code quality issues" />
          <Statistic value={stats.builds} label="Builds" />
        </Flex>
        <Text UNSAFE_className="muted">
          Last 90 days{stats.complete ? '' : `, your ${stats.programs} newest programs`} (the {STATISTICS_RUNS} newest runs of each
          pipeline).
        </Text>
      </Flex>
    );
  return (
    <section aria-labelledby="program-statistics-title" className="program-statistics">
      <View borderWidth="thin" borderColor="default" borderRadius="medium" padding="size-250" marginBottom="size-300">
        <Heading level={2} id="program-statistics-title" marginTop={0}>
          Your last 90 days
        </Heading>
        {body}
      </View>
    </section>
  );
}

/** Quick Links: three wide cards, each an external link opening in a new tab. */
export function QuickLinks() {
  return <LinkCards id="quick-links" title="Quick Links" cards={QUICK_LINKS} linkText="Open" />;
}

/** Loaded with this chunk: a program card's (i) and `...` menu. */
export { ProgramCardActions } from './program-card-actions';
