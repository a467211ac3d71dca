import { parseToolkit } from "../../src/core/toolkit/load";
import type { Theme, Toolkit } from "../../src/core/toolkit/schema";

/**
 * The toolkit with every key area repeated `factor` times (new IDs and sheet names), so sizes grow
 * while the shape stays real. Validated by the schema like the canonical toolkit.
 */
export function scaleToolkit(toolkit: Toolkit, factor: number): Toolkit {
  const themes: Theme[] = toolkit.themes.map((theme) => ({
    ...theme,
    keyAreas: Array.from({ length: factor }, (_, copy) =>
      theme.keyAreas.map((area) =>
        copy === 0
          ? area
          : {
              ...area,
              id: `${area.id}-X${copy}`,
              name: `${area.name} (copy ${copy})`,
              sheetName: `${area.sheetName.slice(0, 24).trimEnd()} #${copy}`,
              behaviours: area.behaviours.map((b) => ({ ...b, id: `${b.id}-X${copy}` })),
            },
      ),
    ).flat(),
  }));
  return parseToolkit({ ...toolkit, themes });
}
