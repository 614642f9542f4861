import { Flex, Heading, View } from '@adobe/react-spectrum';
import Alert from '@spectrum-icons/workflow/Alert';
import { useId } from 'react';

/** The red-bordered "Step errors" box with one bullet per message (text only). */
export function StepErrors({ errors }: { errors: string[] }) {
  const headingId = useId();
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="step-errors">
      <View borderWidth="thin" borderColor="negative" borderRadius="medium" padding="size-150" marginY="size-100">
        <Flex justifyContent="space-between" alignItems="start">
          <Heading level={4} id={headingId} margin={0}>
            Step errors
          </Heading>
          <Alert size="S" color="negative" aria-hidden />
        </Flex>
        <ul className="step-errors-list">
          {errors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      </View>
    </section>
  );
}
