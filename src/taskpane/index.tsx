/**
 * Starts the task pane. The page renders at once; meanwhile it finds out whether it runs inside
 * Excel. Only then is the Excel layer loaded (a separate chunk), so a plain browser never fetches it.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { downloadNewWorkbook } from "./download";
import { lazyFileChecker } from "./load-file-checker";
import { detectHost, errorDetail } from "./office-detect";
import { Root, type Started } from "./Root";

async function start(): Promise<Started> {
  const detection = await detectHost();
  if (detection.kind === "standalone") return detection;
  try {
    const { createExcelHost } = await import("../office/excel-host");
    return { kind: "excel", host: createExcelHost(), dark: detection.dark };
  } catch (error) {
    console.error("The Excel layer could not start", error);
    return { kind: "standalone", reason: "host-failed", detail: errorDetail(error) };
  }
}

// The reader, the checker and ExcelJS come in their own chunk, fetched when the user first chooses a file.
const fileChecker = lazyFileChecker(() => import("./file-checker").then((module) => module.fileChecker));

const container = document.getElementById("root");
if (!container) throw new Error("The task pane page has no #root element.");
createRoot(container).render(
  <StrictMode>
    <Root start={start} downloadWorkbook={downloadNewWorkbook} fileChecker={fileChecker} />
  </StrictMode>,
);
