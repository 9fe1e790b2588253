"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { useCombobox } from "downshift";
import { useTranslations } from "next-intl";

export interface MultiSelectOption {
  id: string;
  label: string;
  /** Further text the filter matches: the name in every content language, short names. */
  keywords?: string;
}

interface Props {
  /** The form field each chosen id is posted under, once per id (as checkboxes would post it). */
  name: string;
  options: MultiSelectOption[];
  defaultSelected: string[];
  /** The label of the search input (the group's own name comes from the surrounding fieldset). */
  inputLabel: string;
  /** Ids of the hint and error texts of the field. */
  describedBy?: string;
  invalid?: boolean;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/**
 * A searchable multi-select (WAI-ARIA combobox with a listbox, from downshift): typing filters,
 * Enter (or Space once an option was reached with the arrows) picks, Escape closes, Backspace in
 * the empty input removes the last chip. Chosen items are chips with their own remove button.
 * Each chosen id is a hidden input, so the server-rendered form posts the same as before.
 */
export function MultiSelect({ name, options, defaultSelected, inputLabel, describedBy, invalid }: Props) {
  const t = useTranslations("ui.multiSelect");
  const [selected, setSelected] = useState<string[]>(() =>
    defaultSelected.filter((id) => options.some((o) => o.id === id)),
  );
  const [query, setQuery] = useState("");
  const [announcement, setAnnouncement] = useState("");
  // Whether the arrows (not typing) reached the highlighted option: then Space picks it.
  const [navigated, setNavigated] = useState(false);
  const inputId = useId();
  const chipsId = useId();
  const byId = new Map(options.map((o) => [o.id, o]));
  // An id whose option went away (the agency became the lead) is neither shown nor posted.
  const chosen = selected.filter((id) => byId.has(id));
  const needle = fold(query.trim());
  const items = options.filter(
    (o) => !chosen.includes(o.id) && (!needle || fold(`${o.label} ${o.keywords ?? ""}`).includes(needle)),
  );

  // A pick or a removal is a change of the form (the unsaved-changes guard listens for these).
  const changed = () => document.getElementById(inputId)?.dispatchEvent(new Event("change", { bubbles: true }));
  function add(option: MultiSelectOption) {
    setSelected((s) => (s.includes(option.id) ? s : [...s, option.id]));
    changed();
    setAnnouncement(t("added", { name: option.label }));
  }
  function remove(id: string) {
    setSelected((s) => s.filter((x) => x !== id));
    changed();
    setAnnouncement(t("removed", { name: byId.get(id)?.label ?? "" }));
    document.getElementById(inputId)?.focus();
  }

  const {
    isOpen,
    highlightedIndex,
    inputValue,
    setInputValue,
    getLabelProps,
    getMenuProps,
    getInputProps,
    getItemProps,
    getToggleButtonProps,
  } = useCombobox<MultiSelectOption>({
    items,
    inputId,
    itemToString: (item) => item?.label ?? "",
    itemToKey: (item) => item?.id,
    selectedItem: null,
    // Downshift keeps the typed text itself (a controlled value lags a render and drops keys);
    // the filter follows it.
    onInputValueChange: ({ inputValue }) => setQuery(inputValue ?? ""),
    defaultHighlightedIndex: 0,
    stateReducer(state, { type, changes }) {
      switch (type) {
        case useCombobox.stateChangeTypes.InputKeyDownEnter:
        case useCombobox.stateChangeTypes.ItemClick:
          // Stay open for the next pick, on the same row.
          return { ...changes, isOpen: true, highlightedIndex: state.highlightedIndex, inputValue: "" };
        case useCombobox.stateChangeTypes.InputBlur:
          // Leaving the field picks nothing.
          return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
        default:
          return changes;
      }
    },
    onStateChange({ type, selectedItem }) {
      if (
        (type === useCombobox.stateChangeTypes.InputKeyDownEnter || type === useCombobox.stateChangeTypes.ItemClick) &&
        selectedItem
      )
        add(selectedItem);
    },
  });

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (["ArrowDown", "ArrowUp", "Home", "End", "PageDown", "PageUp"].includes(e.key)) setNavigated(true);
    else if (e.key === " " && navigated && isOpen && items[highlightedIndex]) {
      // Space types a space while filtering; once the arrows reached an option, it picks it.
      e.preventDefault();
      add(items[highlightedIndex]);
      setInputValue("");
    } else if (e.key === "Backspace" && !inputValue && chosen.length) {
      remove(chosen[chosen.length - 1]);
    } else if (e.key !== "Enter" && navigated) setNavigated(false);
  }

  return (
    <div className="flex flex-col gap-2">
      {chosen.map((id) => (
        <input key={id} type="hidden" name={name} value={id} />
      ))}
      {chosen.length > 0 && (
        <ul id={chipsId} aria-label={t("chosen", { count: chosen.length })} className="flex flex-wrap gap-2">
          {chosen.map((id) => {
            const label = byId.get(id)?.label ?? id;
            return (
              <li
                key={id}
                className="inline-flex max-w-full items-center gap-1 rounded-full border border-brand-700 bg-brand-50 py-0.5 pl-3 pr-1 text-sm text-brand-800"
              >
                <span className="min-w-0 break-words">{label}</span>
                <button
                  type="button"
                  onClick={() => remove(id)}
                  aria-label={t("remove", { name: label })}
                  className="inline-flex size-6 shrink-0 items-center justify-center rounded-full text-brand-800 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-700"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="relative">
        <label {...getLabelProps()} className="mb-1 block text-sm text-slate-800">
          {inputLabel}
        </label>
        <div className="flex rounded-md border border-slate-400 bg-white focus-within:outline-3 focus-within:outline-brand-600 has-[input[aria-invalid=true]]:border-red-700">
          <input
            {...getInputProps({
              onKeyDown,
              "aria-describedby": [describedBy, chosen.length ? chipsId : ""].filter(Boolean).join(" ") || undefined,
              "aria-invalid": invalid || undefined,
            })}
            autoComplete="off"
            className="min-w-0 flex-1 rounded-md bg-transparent px-3 py-2 text-sm outline-none"
          />
          <button
            {...getToggleButtonProps()}
            type="button"
            aria-label={t("showAll")}
            className="px-3 text-slate-700 hover:bg-slate-100"
          >
            <span aria-hidden="true">{isOpen ? "▴" : "▾"}</span>
          </button>
        </div>
        <ul
          {...getMenuProps()}
          className={`absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg ${isOpen && items.length ? "" : "hidden"}`}
        >
          {isOpen &&
            items.map((item, index) => (
              <li
                key={item.id}
                {...getItemProps({ item, index })}
                className={`cursor-pointer px-3 py-1.5 ${highlightedIndex === index ? "bg-brand-100 text-brand-800" : "text-slate-900"}`}
              >
                {item.label}
              </li>
            ))}
        </ul>
        {isOpen && items.length === 0 && (
          <p className="absolute z-20 mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 shadow-lg">
            {t("noMatches")}
          </p>
        )}
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
