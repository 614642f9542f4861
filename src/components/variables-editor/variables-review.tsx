/** The review before saving: the variables added, changed and deleted — secret values masked. */
import { Heading, Text, View } from '@adobe/react-spectrum';
import { SECRET_MASK, VARIABLE_TYPE_LABELS, type VariableChanges } from '../../domain/variables';

const shown = (type: string, value: string | undefined) => (type === 'secretString' ? SECRET_MASK : (value ?? ''));

export function VariablesReview({ changes }: { changes: VariableChanges }) {
  return (
    <section aria-label="Changes to save" className="variables-review">
      <Text>Saving sends these changes in one request; nothing else changes.</Text>
      {changes.added.length ? (
        <View marginTop="size-200">
          <Heading level={3}>Added ({changes.added.length})</Heading>
          <ul aria-label="Added">
            {changes.added.map(({ name, type, value }) => (
              <li key={name}>
                {name} ({VARIABLE_TYPE_LABELS[type]}) = {shown(type, value)}
              </li>
            ))}
          </ul>
        </View>
      ) : null}
      {changes.changed.length ? (
        <View marginTop="size-200">
          <Heading level={3}>Changed ({changes.changed.length})</Heading>
          <ul aria-label="Changed">
            {changes.changed.map(({ name, type, value, savedValue }) => (
              <li key={name}>
                {name} ({VARIABLE_TYPE_LABELS[type]}): {shown(type, savedValue)} → {shown(type, value)}
              </li>
            ))}
          </ul>
        </View>
      ) : null}
      {changes.deleted.length ? (
        <View marginTop="size-200">
          <Heading level={3}>Deleted ({changes.deleted.length})</Heading>
          <ul aria-label="Deleted">
            {changes.deleted.map(({ name, type }) => (
              <li key={name}>
                {name} ({VARIABLE_TYPE_LABELS[type]})
              </li>
            ))}
          </ul>
        </View>
      ) : null}
    </section>
  );
}
