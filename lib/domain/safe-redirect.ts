// Where a person may be sent after signing in: only a path of this very site. The value comes
// from the URL (?callbackUrl=...), so it is an attacker's to choose. It is resolved against the
// app's own origin the way a browser would resolve it, and refused unless it stays on that origin;
// backslashes (browsers read "/\evil" as "//evil"), control characters and whitespace (browsers
// strip tabs and newlines: "/<TAB>/evil" becomes "//evil") are refused before and after decoding.
const FORBIDDEN = /[\\\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

function decodedForms(value: string): string[] {
  const forms = [value];
  let current = value;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(current);
      if (next === current) break;
      forms.push(next);
      current = next;
    } catch {
      return [...forms, "\\"]; // malformed escapes: refuse
    }
  }
  return forms;
}

/** A same-origin path ("/x?y#z"), or the fallback. */
export function safeRedirectPath(value: string | null | undefined, origin: string, fallback = "/"): string {
  if (!value || value.length > 2000) return fallback;
  if (decodedForms(value).some((form) => FORBIDDEN.test(form) || form.startsWith("//"))) return fallback;
  if (!value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can fold "/./\/evil" style paths into "//evil" after parsing.
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}
