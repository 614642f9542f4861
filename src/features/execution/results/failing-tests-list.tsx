/** The failing tests of a test step, each as class › name and its message (all as text). */
import { Disclosure, DisclosurePanel, DisclosureTitle, Text } from '@adobe/react-spectrum';
import type { TestCase } from '../../../domain/test-results';

export function FailingTestsList({ tests }: { tests: TestCase[] }) {
  if (tests.length === 0) return null;
  return (
    <Disclosure isQuiet defaultExpanded={tests.length <= 5} UNSAFE_className="failing-tests">
      <DisclosureTitle level={4}>{`Failing tests (${tests.length})`}</DisclosureTitle>
      <DisclosurePanel>
        <ul
          className="failing-tests__list"
          aria-label="Failing tests"
          style={{ margin: 0, paddingInlineStart: 'var(--spectrum-global-dimension-size-250)' }}
        >
          {tests.map((test, index) => (
            <li key={`${test.className}#${test.name}#${index}`} className="failing-test">
              <Text UNSAFE_className="failing-test__name" UNSAFE_style={{ fontWeight: 'bold', overflowWrap: 'anywhere' }}>
                {test.className ? `${test.className} › ${test.name}` : test.name}
              </Text>
              {test.message ? (
                <pre
                  className="failing-test__message"
                  style={{ margin: '4px 0 8px', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: '0.8125rem' }}
                >
                  {test.message}
                </pre>
              ) : null}
            </li>
          ))}
        </ul>
      </DisclosurePanel>
    </Disclosure>
  );
}
