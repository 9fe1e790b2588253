import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordProblem, passwordStrength } from "./password-policy";

describe("password policy", () => {
  it("asks for at least 12 characters", () => {
    expect(passwordProblem("short-pass1")).toBe("validation.passwordTooShort");
    expect(passwordProblem("x".repeat(201))).toBe("validation.tooLong");
  });

  it("refuses passwords from the breached list, also with digits or symbols around them", () => {
    for (const p of ["password1234", "PASSWORD1234", "qwertyuiop123", "iloveyou2026!", "123456789012"]) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(passwordProblem(p), p).toBe("validation.passwordCommon");
    }
  });

  it("accepts long passphrases of plain words and the demo password", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("demo-pass-2018")).toBeNull();
    expect(passwordStrength("correct horse battery staple")).toBe("strong");
  });

  it("hints that a guessable password is weak, without refusing it", () => {
    expect(passwordStrength("aaaaaaaaaaaaaaaa")).toBe("weak");
    expect(passwordStrength("abcabcabcabc")).toBe("weak");
    expect(passwordProblem("abcabcabcabc")).toBeNull();
  });
});

describe("strength hint and the person's own name", () => {
  it("sees a password built on one's name or email as weaker", () => {
    const plain = passwordStrength("aigerim12345");
    const named = passwordStrength("aigerim12345", ["Aigerim Testova", "aigerim.t@mfa.gov.tm"]);
    const order = ["weak", "fair", "good", "strong"];
    expect(order.indexOf(named)).toBeLessThanOrEqual(order.indexOf(plain));
    expect(named).toBe("weak");
  });
});
