import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const origin = "https://nap.example.gov";

describe("safeRedirectPath", () => {
  it("keeps paths of this site, with their query and fragment", () => {
    expect(safeRedirectPath("/turkmenistan/activities?status=DELAYED", origin)).toBe(
      "/turkmenistan/activities?status=DELAYED",
    );
    expect(safeRedirectPath("/a/b#c", origin)).toBe("/a/b#c");
    expect(safeRedirectPath("/plans/../activities", origin)).toBe("/activities");
    expect(safeRedirectPath("/search?q=%D0%B0", origin)).toBe("/search?q=%D0%B0");
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\127.0.0.1:3999/evil"],
    ["encoded backslash", "/%5C127.0.0.1:3999/evil"],
    ["encoded slash", "/%2F127.0.0.1:3999"],
    ["double-encoded", "/%252F%252Fevil.example"],
    ["tab", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["space", "/ /evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["same host, other scheme", "http://nap.example.gov/x"],
    ["javascript:", "javascript:alert(1)"],
    ["encoded javascript:", "javascript%3Aalert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["dot segments to protocol-relative", "/.//evil.example"],
    ["relative", "evil.example"],
    ["malformed escape", "/%E0%A4%A"],
    ["empty", ""],
  ])("refuses %s", (_name, value) => {
    expect(safeRedirectPath(value, origin)).toBe("/");
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirectPath(undefined, origin, "/tenants")).toBe("/tenants");
  });
});
