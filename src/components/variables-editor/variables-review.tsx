/** The review before saving: the variables added, changed and deleted — secret values masked. */
import { Heading, Text, View } from '@adobe/react-spectrum';
import { SECRET_MASK, serviceLabel, VARIABLE_TYPE_LABELS, variableKey, type VariableChanges } from '../../domain/variables';

const shown = (type: string, value: string | undefined) => (type === 'secretString' ? SECRET_MASK : (value ?? ''));

/** One kind of change ("Added", "Changed", "Deleted"), one line per variable; nothing when there is none. */
function ChangeList({ label, lines }: { label: string; lines: { key: string; text: string }[] }) {
  if (lines.length === 0) return null;
  return (
    <View marginTop="size-200">
      <Heading level={3}>{`${label} (${lines.length})`}</Heading>
      <ul aria-label={label}>
        {lines.map(({ key, text }) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
    </View>
  );
}

/** The changes; `withService`: an environment's variables, each named with its service ("API_KEY (Secret, Publish)"). */
export function VariablesReview({ changes, withService = false }: { changes: VariableChanges; withService?: boolean }) {
  const typed = ({ name, type, service }: { name: string; type: keyof typeof VARIABLE_TYPE_LABELS; service?: string }) =>
    `${name} (${VARIABLE_TYPE_LABELS[type]}${withService ? `, ${serviceLabel(service)}` : ''})`;
  return (
    <section aria-label="Changes to save" className="variables-review">
      <Text>Saving sends these changes in one request; nothing else changes.</Text>
      <ChangeList
        label="Added"
        lines={changes.added.map((v) => ({ key: variableKey(v), text: `${typed(v)} = ${shown(v.type, v.value)}` }))}
      />
      <ChangeList
        label="Changed"
        lines={changes.changed.map((v) => ({
          key: variableKey(v),
          text: `${typed(v)}: ${shown(v.type, v.savedValue)} → ${shown(v.type, v.value)}`,
        }))}
      />
      <ChangeList label="Deleted" lines={changes.deleted.map((v) => ({ key: variableKey(v), text: typed(v) }))} />
    </section>
  );
}
