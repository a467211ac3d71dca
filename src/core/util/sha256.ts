/**
 * SHA-256 over UTF-8 text, hex: the toolkit's and the answers' fingerprints. @noble/hashes (audited, pure
 * TypeScript, no dependencies) computes it synchronously in Node, in the task pane and in a plain browser, where
 * Web Crypto is async only. Checked against Node's crypto and known fingerprints in test/core/util/sha256.test.ts.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
