/** One command of `npm run -s cli`. `run` returns the process exit code. */
export type CliCommand = {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
};
