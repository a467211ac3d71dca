import { createHash } from "crypto";
import { answersFingerprint } from "../../../src/core/answers/fingerprint";
import { sampleAnswers } from "../../../src/core/answers/sample";
import { canonicalToolkit } from "../../../src/core/toolkit/canonical";
import { toolkitFingerprint } from "../../../src/core/toolkit/load";
import { sha256Hex } from "../../../src/core/util/sha256";

const nodeSha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("matches the published test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  const inputs: [string, string][] = [
    ["ASCII sentence", "The quick brown fox jumps over the lazy dog"],
    ["pound sign and curly quotes", "turnover of less than £50m; the term ‘SME’ shall refer to a council’s suppliers"],
    ["superscript footnote marker", "Social Value Certificate¹"],
    ["accents and Welsh", "Cyngor Sir Ynys Môn – café, naïve, Llywodraeth Cymru ŵ ŷ"],
    ["characters outside the BMP (surrogate pairs)", "emoji 📊✅ and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"],
    ["CJK", "国家采购战略"],
    ["tabs and new lines", "a\tb\nc\r\nd"],
  ];
  it.each(inputs)("matches Node's crypto for %s", (_label, text) => {
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it("matches Node's crypto at every length around the 64-byte block and 56-byte padding boundaries", () => {
    for (let length = 0; length <= 200; length++) {
      const text = "x".repeat(length);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
    // Multi-byte characters shift the byte length away from the character count.
    for (let length = 50; length <= 70; length++) {
      const text = "é".repeat(length);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it("matches Node's crypto for a large input (the size of the canonical toolkit JSON)", () => {
    const text = Array.from({ length: 4000 }, (_, i) => `descriptor ${i} – £${i}¹ `).join("");
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it("gives the fingerprints workbooks already hold: the toolkit's, and the answers' of a signed-off return", () => {
    // Both computed by the hand-written SHA-256 this replaced; a workbook signed off then must stay final.
    const toolkit = canonicalToolkit();
    expect(toolkitFingerprint(toolkit)).toBe("73a477eae1d98a42e18ea6c168b8711b27e2cf605670232989e9b50bcd9ac1df");
    const signOff = { by: "Sam Lead", on: "2026-11-20" };
    expect(answersFingerprint(sampleAnswers(toolkit, "2026-11-01"), signOff, toolkit)).toBe(
      "6e2cbb2c1e1359c4af94e8fe13f0016a0799b8f65775a72fb5098f46e9c31ca2",
    );
  });
});
