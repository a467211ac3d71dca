/**
 * Starts the task pane. The page renders at once; meanwhile it loads office.js without blocking and
 * finds out whether it runs inside Excel. Only then is the Excel layer loaded (a separate chunk), so a
 * plain browser never fetches it.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { realFeatures } from "./lazy-features";
import { detectHost, errorDetail, loadOfficeJs } from "./office-detect";
import { Root, type Started } from "./Root";

async function start(): Promise<Started> {
  const detection = await detectHost(await loadOfficeJs());
  if (detection.kind === "standalone") return detection;
  try {
    const { createExcelHost } = await import("../office/excel-host");
    return { kind: "excel", host: createExcelHost(), dark: detection.dark };
  } catch (error) {
    console.error("The Excel layer could not start", error);
    return { kind: "standalone", reason: "host-failed", detail: errorDetail(error) };
  }
}

const container = document.getElementById("root");
if (!container) throw new Error("The task pane page has no #root element.");
createRoot(container).render(
  <StrictMode>
    <Root start={start} features={realFeatures()} />
  </StrictMode>,
);
