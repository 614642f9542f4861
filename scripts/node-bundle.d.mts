export function bundleNodeProgram(entry: string, outfile: string, by: string): Promise<number>;
export function bundleNodeProgramSync(entry: string, outfile: string, by: string): number;
