/** A GTFS colour ("EE352E" or "#EE352E") as CSS. */
export const cssColor = (c: string) => `#${c.replace(/^#/, "")}`;
