// The environment a test worker started with, taken once (this module stays loaded for the
// worker's life): ./each-file.ts restores it before every file.
export const workerEnvironment: Readonly<Record<string, string | undefined>> = { ...process.env };
