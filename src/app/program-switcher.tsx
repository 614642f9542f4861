/**
 * The program switcher: lists the programs of the program list, each after a thumbnail; choosing one
 * opens its Overview. The API has no program picture, so the thumbnail is the name's initials on a
 * colour chosen from the name (decorative: the name says it).
 */
import { Item, Picker, Text } from '@adobe/react-spectrum';
import { useNavigate } from 'react-router';
import { useProgramList } from '../api/queries';
import { initials } from '../lib/initials';
import { paths } from '../lib/paths';

const THUMBNAIL_COLOURS = 4;

/** A program's thumbnail: its initials on one of a few colours, the same one for the same name. */
function ProgramThumbnail({ name }: { name: string }) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) % 9973;
  return (
    <span className={`program-thumb program-thumb-${hash % THUMBNAIL_COLOURS}`} aria-hidden>
      {initials(name)}
    </span>
  );
}

/** As wide as its place in the header (app.css: .app-header-switcher). */
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
      UNSAFE_className="app-header-switcher"
      isDisabled={list.isError}
    >
      {(program) => (
        <Item key={program.id} textValue={program.name}>
          <ProgramThumbnail name={program.name} />
          <Text>{program.name}</Text>
        </Item>
      )}
    </Picker>
  );
}
