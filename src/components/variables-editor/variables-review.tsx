/** The review before saving: the variables added, changed and deleted — secret values masked. */
import { Heading, Text, View } from '@adobe/react-spectrum';
import { SECRET_MASK, VARIABLE_TYPE_LABELS, type VariableChanges } from '../../domain/variables';

const shown = (type: string, value: string | undefined) => (type === 'secretString' ? SECRET_MASK : (value ?? ''));

/** One kind of change ("Added", "Changed", "Deleted"), one line per variable; nothing when there is none. */
function ChangeList({ label, lines }: { label: string; lines: { name: string; text: string }[] }) {
  if (lines.length === 0) return null;
  return (
    <View marginTop="size-200">
      <Heading level={3}>{`${label} (${lines.length})`}</Heading>
      <ul aria-label={label}>
        {lines.map(({ name, text }) => (
          <li key={name}>{text}</li>
        ))}
      </ul>
    </View>
  );
}

export function VariablesReview({ changes }: { changes: VariableChanges }) {
  const typed = (name: string, type: keyof typeof VARIABLE_TYPE_LABELS) => `${name} (${VARIABLE_TYPE_LABELS[type]})`;
  return (
    <section aria-label="Changes to save" className="variables-review">
      <Text>Saving sends these changes in one request; nothing else changes.</Text>
      <ChangeList
        label="Added"
        lines={changes.added.map(({ name, type, value }) => ({ name, text: `${typed(name, type)} = ${shown(type, value)}` }))}
      />
      <ChangeList
        label="Changed"
        lines={changes.changed.map(({ name, type, value, savedValue }) => ({
          name,
          text: `${typed(name, type)}: ${shown(type, savedValue)} → ${shown(type, value)}`,
        }))}
      />
      <ChangeList label="Deleted" lines={changes.deleted.map(({ name, type }) => ({ name, text: typed(name, type) }))} />
    </section>
  );
}
