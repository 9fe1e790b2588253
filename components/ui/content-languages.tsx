"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_CONTENT_LANGUAGES, type ContentLanguage } from "@/lib/domain/texts";

// The tenant's content languages, default first, for every form field that takes text per
// language (TextsField): the tenant's layout provides them once.
const ContentLanguagesContext = createContext<readonly ContentLanguage[]>(DEFAULT_CONTENT_LANGUAGES);

export function ContentLanguages({
  languages,
  children,
}: {
  languages: readonly ContentLanguage[];
  children: ReactNode;
}) {
  return <ContentLanguagesContext.Provider value={languages}>{children}</ContentLanguagesContext.Provider>;
}

export const useContentLanguages = () => useContext(ContentLanguagesContext);
