// Content in the reader's language (lib/domain/texts.ts): the text with its `lang`, and a small
// mark with the language's code when it is not the reader's (a fallback to the tenant's default).
// No hooks: server and client components both render it.
import {
  CONTENT_LANGUAGE_NAMES,
  shownText,
  toTexts,
  type ContentLanguage,
  type Reading,
  type Texts,
} from "@/lib/domain/texts";

export { readingOf, type Reading } from "@/lib/domain/texts";

export function Text({
  value,
  reading,
  empty = null,
  className,
}: {
  value: Texts | null | undefined;
  reading: Reading;
  /** What to show when the field is empty in every language. */
  empty?: React.ReactNode;
  className?: string;
}) {
  const shown = shownText(value, reading);
  if (!shown) return <>{empty}</>;
  return (
    <span lang={shown.lang} className={className}>
      {shown.text}
      {shown.fallback && <FallbackMark lang={shown.lang} />}
    </span>
  );
}

/** "EN" beside text shown in another language than the reader's; its name on hover and to screen readers. */
export function FallbackMark({ lang }: { lang: string }) {
  const name = CONTENT_LANGUAGE_NAMES[lang as ContentLanguage] ?? lang;
  return (
    <abbr
      title={name}
      aria-label={name}
      className="ml-1 rounded-sm bg-slate-100 px-1 align-middle text-[0.7rem] font-medium text-slate-700 no-underline"
    >
      {lang.toUpperCase()}
    </abbr>
  );
}

/** Every language version of a field, each marked with its language: for conflict views and histories. */
export function AllTexts({ value, empty = "—" }: { value: unknown; empty?: string }) {
  const entries = Object.entries(toTexts(value)) as [ContentLanguage, string][];
  if (entries.length === 0) return <>{empty}</>;
  return (
    <span className="flex flex-col">
      {entries.map(([lang, text]) => (
        <span key={lang}>
          <span className="text-slate-700">{CONTENT_LANGUAGE_NAMES[lang]}: </span>
          <span lang={lang}>{text}</span>
        </span>
      ))}
    </span>
  );
}
