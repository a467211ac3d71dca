import { createRunRoot } from "./temp-root";

export default function globalSetup(): void {
  createRunRoot();
}
