"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { MessageRef } from "@/lib/domain/errors";
import {
  CONTENT_LANGUAGES,
  CONTENT_LANGUAGE_NAMES,
  formLanguages,
  type ContentLanguage,
  type Texts,
} from "@/lib/domain/texts";
import { useContentLanguages } from "./content-languages";
import { TextAreaField, TextField } from "./field";
import { useMessage } from "./message";

/** A field's starting text in each language: what a refused save gave back, else what is saved. */
export const typedOrSaved =
  (posted: Record<string, unknown> | undefined, name: string, saved: Texts | undefined) => (lang: ContentLanguage) =>
    (posted?.[`${name}.${lang}`] as string | undefined) ?? saved?.[lang] ?? "";

interface Props {
  label: string;
  /** Posted as `${name}.${lang}` for each language ("title.en", "title.ru"). */
  name: string;
  /**
   * The languages to offer, the tenant's default first. By default the tenant's (ContentLanguages),
   * then any other the field already has text in, so no text is hidden or lost on saving.
   */
  languages?: readonly ContentLanguage[];
  /** The text each language starts with. */
  value: (lang: ContentLanguage) => string;
  /** The form's field errors: the group's (`name`) and each language's (`name.lang`). */
  errors?: Record<string, MessageRef | undefined>;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  hint?: string;
  onChange?: (lang: ContentLanguage, text: string) => void;
}

/**
 * One content field in each of the tenant's languages: a group named by `label`, a field per
 * language labelled with the language's own name and marked with its `lang`, so spelling checks
 * and screen readers use the right language. Required means: in at least one language (a page
 * falls back to the others). With a single language it is one plain field.
 */
export function TextsField({
  label,
  name,
  languages: given,
  value,
  errors = {},
  required,
  multiline,
  rows,
  maxLength,
  hint,
  onChange,
}: Props) {
  const t = useTranslations("common");
  const message = useMessage();
  const id = useId();
  const tenantLanguages = useContentLanguages();
  const languages =
    given ?? formLanguages(tenantLanguages, Object.fromEntries(CONTENT_LANGUAGES.map((l) => [l, value(l)])));
  const groupError = errors[name];
  const single = languages.length === 1;
  const field = (lang: ContentLanguage) => {
    const props = {
      label: single ? label : CONTENT_LANGUAGE_NAMES[lang],
      // Each field's own name says which: "Title: English" (the group's legend says it once more).
      group: single ? undefined : label,
      name: `${name}.${lang}`,
      lang,
      defaultValue: value(lang),
      maxLength,
      required: single ? required : undefined,
      error: errors[`${name}.${lang}`] ?? (single ? groupError : undefined),
      hint: single ? hint : undefined,
      onChange: onChange ? (e: { target: { value: string } }) => onChange(lang, e.target.value) : undefined,
    };
    return multiline ? <TextAreaField key={lang} rows={rows} {...props} /> : <TextField key={lang} {...props} />;
  };
  if (single) return field(languages[0]);
  const hintText = [hint, required ? t("textsRequired") : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className="flex flex-col gap-2 rounded-md border border-slate-200 p-3"
      aria-describedby={
        [hintText ? `${id}-hint` : "", groupError ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
      }
      aria-invalid={groupError ? true : undefined}
      data-field={name}
    >
      <legend className="px-1 text-sm font-medium text-slate-800">{label}</legend>
      {hintText && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hintText}
        </p>
      )}
      {languages.map(field)}
      {groupError && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {message(groupError)}
        </p>
      )}
    </fieldset>
  );
}
