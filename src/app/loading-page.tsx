import { Flex, ProgressCircle } from '@adobe/react-spectrum';

/** Shown while the first screen's code loads: plain markup, as it renders outside the Spectrum Provider. */
export function LoadingPage() {
  return (
    <Flex justifyContent="center" marginTop="size-1000">
      <ProgressCircle aria-label="Loading Cloud Manager…" isIndeterminate />
    </Flex>
  );
}
