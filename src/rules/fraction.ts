/** A share written as a fraction "a/b" (shared by the rule schema and the compiler, without zod). */
export const FRACTION = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
