import { conversionCounts } from "./conversion-cache";
import { removeRunRoot, runRoot } from "./temp-root";

export default function globalTeardown(): void {
  const root = runRoot();
  const counts = root ? conversionCounts(root) : undefined;
  // On stderr: with --json, stdout may be jest's results.
  if (counts) process.stderr.write(`LibreOffice: ${counts.converted} conversions run, ${counts.reused} reused\n`);
  removeRunRoot();
}
