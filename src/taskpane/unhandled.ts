/**
 * Compile-time proof that a reducer's switch handled every action: called in its `default`, which only an action
 * without its case can reach, so such an action does not type-check.
 */
export function unhandled(action: never): never {
  throw new Error(`The pane has no handling for ${JSON.stringify(action)}`);
}
