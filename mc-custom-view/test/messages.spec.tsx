import en from '../src/i18n/data/en.json';
import messages from '../src/messages';
import { reasonCatalogue } from '../src/reasons';

it('the English messages file holds every message the panel shows, word for word', () => {
  const defined = Object.fromEntries(
    [...Object.values(messages), ...Object.values(reasonCatalogue)].map((m) => [
      m.id,
      m.defaultMessage,
    ]),
  );
  expect(en).toEqual(defined);
});
