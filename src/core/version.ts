/** The generator version stamped into every workbook; keep in step with package.json (a test checks). */
export const GENERATOR_VERSION = "0.1.0";
