/**
 * Settings: which API the console talks to, and the credentials it sends. Saving reloads the page.
 * "Cloud Manager through the local proxy" is offered only on a page the proxy served; the
 * credentials then live in the proxy's environment, so their fields are not shown.
 */
import { Button, ButtonGroup, Content, Dialog, Divider, Flex, Heading, Radio, RadioGroup, Text, TextField } from '@adobe/react-spectrum';
import { useState } from 'react';
import { useSettingsForRequests as applySettingsForRequests } from '../../api/client';
import { DEFAULT_STANDALONE_URL, loadSettings, saveSettings, servedByProxy, type ApiSettings, type ApiTarget } from '../../api/settings';

/** Why the proxy choice is disabled on a page the proxy did not serve. */
export const PROXY_UNAVAILABLE = 'Cloud Manager through the local proxy: open the console from `npm run proxy` to use this.';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

interface SettingsDialogProps {
  close: () => void;
  /** Called after saving; reloads the page by default (switching the simulator on or off needs a reload). */
  onSaved?: () => void;
}

export function SettingsDialog({ close, onSaved = () => window.location.reload() }: SettingsDialogProps) {
  const [settings, setSettings] = useState<ApiSettings>(loadSettings);
  const set = <K extends keyof ApiSettings>(key: K, value: ApiSettings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const standaloneInvalid = settings.target === 'standalone' && !isHttpUrl(settings.standaloneUrl || DEFAULT_STANDALONE_URL);
  const customInvalid = settings.target === 'custom' && !isHttpUrl(settings.customUrl);
  const proxyAvailable = servedByProxy();

  const save = () => {
    if (standaloneInvalid || customInvalid) return;
    saveSettings(settings);
    applySettingsForRequests(settings);
    close();
    onSaved();
  };

  return (
    <Dialog size="M">
      <Heading>Settings</Heading>
      <Divider />
      <Content>
        <form
          aria-label="API settings"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Flex direction="column" gap="size-150">
            <RadioGroup
              label="Cloud Manager API"
              value={settings.target}
              onChange={(value) => set('target', value as ApiTarget)}
              description={proxyAvailable ? undefined : PROXY_UNAVAILABLE}
            >
              <Radio value="embedded">Embedded simulator (in this browser)</Radio>
              <Radio value="standalone">Standalone simulator server</Radio>
              <Radio value="custom">Another Cloud Manager API server</Radio>
              <Radio value="proxy" isDisabled={!proxyAvailable}>
                Cloud Manager through the local proxy
              </Radio>
            </RadioGroup>
            {settings.target === 'standalone' && (
              <TextField
                width="100%"
                label="Simulator server URL"
                type="url"
                value={settings.standaloneUrl}
                onChange={(value) => set('standaloneUrl', value)}
                validationState={standaloneInvalid ? 'invalid' : undefined}
                errorMessage="Enter an http(s) URL, e.g. http://localhost:8787"
              />
            )}
            {settings.target === 'custom' && (
              <TextField
                width="100%"
                label="API server URL"
                type="url"
                isRequired
                value={settings.customUrl}
                onChange={(value) => set('customUrl', value)}
                validationState={customInvalid ? 'invalid' : undefined}
                errorMessage="Enter an http(s) URL"
              />
            )}
            {settings.target === 'proxy' ? (
              <Text>
                The proxy that served this page adds the API key, organisation and access token from its own environment (CM_CLIENT_ID,
                CM_ORG_ID, CM_CLIENT_SECRET): this browser never sees them.
              </Text>
            ) : (
              <>
                <TextField width="100%" label="API key" value={settings.apiKey} onChange={(value) => set('apiKey', value)} />
                <TextField
                  width="100%"
                  label="IMS organisation id"
                  value={settings.imsOrgId}
                  onChange={(value) => set('imsOrgId', value)}
                />
                <TextField
                  width="100%"
                  label="Access token"
                  type="password"
                  value={settings.accessToken}
                  onChange={(value) => set('accessToken', value)}
                  description="Kept for this browser tab only (sessionStorage)."
                />
              </>
            )}
          </Flex>
        </form>
        <Text UNSAFE_className="muted">Saving reloads the console.</Text>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={close}>
          Cancel
        </Button>
        <Button variant="accent" onPress={save} isDisabled={standaloneInvalid || customInvalid}>
          Save
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}

/** "Open Settings": where a 401/403 from the gateway sends the user (the credentials live there). */
