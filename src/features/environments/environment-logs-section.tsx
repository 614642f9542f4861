/**
 * Logs of an environment: choose a service, one of its logs (the environment's
 * `availableLogOptions`) and a day (the `logs` link, last 7 days); Download saves the day's log
 * gunzipped (`author-aemerror-2026-11-30.log`); Follow shows today's log growing. A bad choice
 * (an unknown log, a day without a log) is the API's 400/404, shown in place with Retry.
 */
import { Flex, Heading, Item, Picker, ToggleButton, Text, View } from '@adobe/react-spectrum';
import { useState } from 'react';
import { downloadEnvironmentLog, environmentLogsHref, LOG_DAYS, logFileName, useEnvironmentLogs } from '../../api/environment-logs';
import { findLink, rel } from '../../api/links';
import type { Environment } from '../../api/types';
import { DownloadTextButton } from '../../components/download-text-button';
import { QueryState, readState } from '../../components/query-state';
import { logNames, logServiceLabel, logServices } from '../../domain/environments';
import { FollowedLog } from './followed-log';

export function EnvironmentLogsSection({ environment }: { environment: Environment }) {
  const options = environment.availableLogOptions;
  const services = logServices(options);
  const [service, setService] = useState(services[0] ?? '');
  const names = logNames(options, service);
  const [chosenName, setName] = useState<string>();
  const name = chosenName !== undefined && names.includes(chosenName) ? chosenName : (names[0] ?? '');
  const [chosenDate, setDate] = useState<string>();
  const [following, setFollowing] = useState(false);
  const option = service && name ? { service, name } : undefined;
  const days = useEnvironmentLogs(environmentLogsHref(environment, option, LOG_DAYS));
  const downloads = days.data?._embedded?.downloads ?? [];
  const day = downloads.find((d) => d.date === chosenDate) ?? downloads[0];
  const title = `${logServiceLabel(service)} ${name}`;

  if (!findLink(environment, rel.environmentLogs) || services.length === 0)
    return (
      <section aria-labelledby="environment-logs-title">
        <Heading level={2} id="environment-logs-title">
          Logs
        </Heading>
        <Text>The API offers no logs for this environment.</Text>
      </section>
    );

  return (
    <section aria-labelledby="environment-logs-title" className="environment-section">
      <Heading level={2} id="environment-logs-title">
        Logs
      </Heading>
      <Flex gap="size-200" alignItems="end" wrap>
        <Picker
          label="Service"
          selectedKey={service}
          onSelectionChange={(key) => {
            setService(String(key));
            setDate(undefined);
          }}
          width="size-2400"
        >
          {services.map((s) => (
            <Item key={s}>{logServiceLabel(s)}</Item>
          ))}
        </Picker>
        <Picker
          label="Log"
          selectedKey={name}
          onSelectionChange={(key) => {
            setName(String(key));
            setDate(undefined);
          }}
          width="size-2400"
        >
          {names.map((n) => (
            <Item key={n}>{n}</Item>
          ))}
        </Picker>
        <Picker
          label="Day"
          selectedKey={day?.date ?? null}
          onSelectionChange={(key) => setDate(String(key))}
          isDisabled={downloads.length === 0}
          width="size-2400"
        >
          {downloads.map((d) => (
            <Item key={d.date}>{findLink(d, rel.logsTail) ? `${d.date} (today, UTC)` : d.date}</Item>
          ))}
        </Picker>
        {day ? (
          <DownloadTextButton
            label="Download"
            filename={logFileName(day)}
            what={`the ${title} log of ${day.date}`}
            load={() => downloadEnvironmentLog(day)}
          />
        ) : null}
        <ToggleButton isSelected={following} onChange={setFollowing} isDisabled={!option}>
          Follow
        </ToggleButton>
      </Flex>
      <View marginTop="size-150">
        <QueryState what="the log’s days" {...readState(days)}>
          {downloads.length === 0 ? <Text>No days of this log are kept.</Text> : null}
        </QueryState>
      </View>
      {following && option ? (
        <View marginTop="size-150">
          <FollowedLog key={`${service}/${name}`} logsHref={environmentLogsHref(environment, option, 1) as string} title={title} />
        </View>
      ) : null}
    </section>
  );
}
