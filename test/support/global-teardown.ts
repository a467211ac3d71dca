import { removeRunRoot } from "./temp-root";

export default function globalTeardown(): void {
  removeRunRoot();
}
