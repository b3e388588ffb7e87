/** A numeric column read as a number (PostgreSQL answers numeric as a string); amounts here have two decimals. */
export const numericColumn = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };
