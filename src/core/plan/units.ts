/**
 * Excel renders a width of w characters (the .xlsx `width` the plan and the .xlsx writer use) as
 * about 7 pixels per character in the default Calibri 11; Office.js takes points (3/4 of a pixel).
 */
export const charactersToPoints = (characters: number): number => Math.round(characters * 7) * 0.75;
