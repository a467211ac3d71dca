/** The request estimate's byte count of a string: UTF-8, as the string goes over the wire (JSON text is well formed). */
import { utf8Bytes } from "../../src/office/request-size";

test("counts a string's UTF-8 bytes as Node's encoder does, printable ASCII or not", () => {
  const texts = [
    "",
    '{"formulas":[["=SUM(A1:B2)","Mature"]]}',
    "tab\tand\nnew line",
    "\u007f delete",
    "£5 café",
    "‘quoted’ – dash €",
    "emoji 😀 and 𝔸",
  ];
  for (const text of texts) expect([text, utf8Bytes(text)]).toEqual([text, Buffer.byteLength(text, "utf8")]);
});
