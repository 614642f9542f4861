/** The Devices toggle of the per-page views: Mobile (Cloud Manager's default) or Desktop. */
import { Radio, RadioGroup } from '@adobe/react-spectrum';
import type { Device } from '../../../domain/experience-audit-results';

export function DevicePicker({ device, onChange }: { device: Device; onChange: (device: Device) => void }) {
  return (
    <RadioGroup
      label="Devices"
      orientation="horizontal"
      labelPosition="side"
      value={device}
      onChange={(value) => onChange(value === 'desktop' ? 'desktop' : 'mobile')}
    >
      <Radio value="mobile">Mobile</Radio>
      <Radio value="desktop">Desktop</Radio>
    </RadioGroup>
  );
}
