/** Light / Dark / System colour scheme, kept in localStorage. */
import { ActionButton, Item, Menu, MenuTrigger, Text } from '@adobe/react-spectrum';
import Contrast from '@spectrum-icons/workflow/Contrast';
import Light from '@spectrum-icons/workflow/Light';
import Moon from '@spectrum-icons/workflow/Moon';
import { useColorScheme, type ColorSchemePreference } from './color-scheme';

const LABELS: Record<ColorSchemePreference, string> = { light: 'Light', dark: 'Dark', system: 'System' };

/** In the header's More menu its name shows beside the icon (app.css: .header-more-list). */
export function ThemeToggle() {
  const { preference, setPreference } = useColorScheme();
  const icon = preference === 'light' ? <Light /> : preference === 'dark' ? <Moon /> : <Contrast />;
  return (
    <MenuTrigger>
      <ActionButton isQuiet aria-label={`Colour scheme: ${LABELS[preference]}`}>
        {icon}
      </ActionButton>
      <Menu
        aria-label="Colour scheme"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[preference]}
        onSelectionChange={(keys) => {
          const [key] = [...(keys as Set<string>)];
          if (key === 'light' || key === 'dark' || key === 'system') setPreference(key);
        }}
      >
        {(['light', 'dark', 'system'] as const).map((key) => (
          <Item key={key} textValue={LABELS[key]}>
            <Text>{LABELS[key]}</Text>
          </Item>
        ))}
      </Menu>
    </MenuTrigger>
  );
}
