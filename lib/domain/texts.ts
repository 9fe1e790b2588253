// Plan content in the languages of the region. A content field (a title, a description, an agency's
// name) is stored as a map from language code to text, { en: "Prevention", ru: "Профилактика" }, so
// a tenant writes in the languages it works in without a migration per language. Each tenant names
// its content languages, the default first (Tenant.contentLanguages); the interface's own languages
// are a separate list (i18n/locales.ts), and a reader may read content in a language the interface
// does not speak yet.

/** Every language plan content may be written in: English, Russian, Turkmen, Kazakh, Kyrgyz, Uzbek. */
export const CONTENT_LANGUAGES = ["en", "ru", "tk", "kk", "ky", "uz"] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
export const DEFAULT_CONTENT_LANGUAGES: readonly ContentLanguage[] = ["en", "ru"];

/** Each language's own name for itself, as a language menu shows it to its speakers. */
export const CONTENT_LANGUAGE_NAMES: Record<ContentLanguage, string> = {
  en: "English",
  ru: "Русский",
  tk: "Türkmençe",
  kk: "Қазақ тілі",
  ky: "Кыргызча",
  uz: "Oʻzbekcha",
};

export function isContentLanguage(value: unknown): value is ContentLanguage {
  return typeof value === "string" && (CONTENT_LANGUAGES as readonly string[]).includes(value);
}

/** A content field: its text in each language it is written in. Empty texts are never stored. */
export type Texts = Partial<Record<ContentLanguage, string>>;

/** How a page reads content: in the reader's language, else in the tenant's languages in order. */
export interface Reading {
  locale: string;
  /** The tenant's content languages, its default first. */
  languages: readonly string[];
}

/** How a reader in `locale` (by default the tenant's own first language) reads a tenant's content. */
export const readingOf = (tenant: { contentLanguages: readonly string[] }, locale?: string): Reading => ({
  locale: locale ?? tenant.contentLanguages[0] ?? DEFAULT_CONTENT_LANGUAGES[0],
  languages: tenant.contentLanguages,
});

/** The text a reader is shown, in which language, and whether that is not the reader's own. */
export interface Shown {
  text: string;
  lang: string;
  fallback: boolean;
}

/** A stored or posted value as Texts: known languages only, trimmed, empty ones left out, in list order. */
export function toTexts(value: unknown): Texts {
  const out: Texts = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  const raw = value as Record<string, unknown>;
  for (const lang of CONTENT_LANGUAGES) {
    const text = raw[lang];
    if (typeof text === "string" && text.trim()) out[lang] = text.trim();
  }
  return out;
}

/** A single text in one language as Texts ({} when empty): for content that arrives as one string. */
export const textsOf = (lang: ContentLanguage, text: string | null | undefined): Texts =>
  text?.trim() ? { [lang]: text.trim() } : {};

export const hasText = (texts: Texts | null | undefined): boolean => Object.keys(toTexts(texts)).length > 0;

/**
 * The text to show: the reader's language, else the first of the tenant's languages that has one,
 * else any (content written in a language the tenant has since dropped is not hidden). Null when
 * the field is empty in every language.
 */
export function shownText(texts: Texts | null | undefined, reading: Reading): Shown | null {
  const all = toTexts(texts);
  const order = [reading.locale, ...reading.languages, ...CONTENT_LANGUAGES];
  for (const lang of order) {
    const text = all[lang as ContentLanguage];
    if (text) return { text, lang, fallback: lang !== reading.locale };
  }
  return null;
}

/** The text to show as a plain string ("" when empty): for options, titles, labels and sorting. */
export const textOf = (texts: Texts | null | undefined, reading: Reading): string =>
  shownText(texts, reading)?.text ?? "";

/** Languages a form shows a field for: the tenant's, then any other the record already has text in. */
export function formLanguages(
  languages: readonly string[],
  ...records: (Texts | null | undefined)[]
): ContentLanguage[] {
  const out = languages.filter(isContentLanguage);
  for (const texts of records)
    for (const lang of Object.keys(toTexts(texts)) as ContentLanguage[]) if (!out.includes(lang)) out.push(lang);
  return out.length ? out : [...DEFAULT_CONTENT_LANGUAGES];
}

/** Sorted by the text a reader sees, with the collation of the reader's language. */
export function byText<T>(items: readonly T[], text: (item: T) => Texts | null | undefined, reading: Reading): T[] {
  const collator = new Intl.Collator(reading.locale, { sensitivity: "base", numeric: true });
  return [...items].sort((a, b) => collator.compare(textOf(text(a), reading), textOf(text(b), reading)));
}
