import { parseChunkImport, type TMessageTranslations } from '@commercetools-frontend/i18n';

/** The panel's own messages per locale; components carry English defaults for any gap. */
const loadMessages = async (locale: string): Promise<TMessageTranslations> => {
  switch (locale.split('-')[0]) {
    default:
      return parseChunkImport(
        await import('./i18n/data/en.json' /* webpackChunkName: "i18n-en" */),
      );
  }
};

export default loadMessages;
