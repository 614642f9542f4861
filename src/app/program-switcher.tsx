/** The program switcher: lists the programs of the program list; choosing one opens its Overview. */
import { Item, Picker } from '@adobe/react-spectrum';
import { useNavigate } from 'react-router';
import { useProgramList } from '../api/queries';
import { paths } from '../lib/paths';

export function ProgramSwitcher({ programId }: { programId: string | undefined }) {
  const navigate = useNavigate();
  const list = useProgramList();
  const programs = list.data?._embedded?.programs ?? [];
  return (
    <Picker
      aria-label="Program"
      placeholder={list.isPending ? 'Loading programs…' : 'Select a program'}
      items={programs}
      selectedKey={programId ?? null}
      onSelectionChange={(key) => {
        if (key !== null && String(key) !== programId) navigate(paths.overview.href(String(key)));
      }}
      isQuiet
      width="size-3000"
      isDisabled={list.isError}
    >
      {(program) => <Item key={program.id}>{program.name}</Item>}
    </Picker>
  );
}
