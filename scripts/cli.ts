/**
 * Tandem's command line: `npm run -s cli -- <command> [options]`.
 * Every file in scripts/commands exports a `command`; this entry finds them,
 * so a new command is one new file.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand } from './commands/types';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

async function loadCommands(): Promise<CliCommand[]> {
  const files = readdirSync(commandsDir).filter(
    (f) => f.endsWith('.ts') && f !== 'types.ts' && !f.endsWith('.test.ts'),
  );
  const modules = await Promise.all(files.map((f) => import(pathToFileURL(join(commandsDir, f)).href)));
  return modules
    .map((m) => m.command as CliCommand | undefined)
    .filter((c): c is CliCommand => Boolean(c))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function printHelp(commands: CliCommand[]) {
  const width = Math.max(...commands.map((c) => c.name.length));
  console.log('Usage: npm run -s cli -- <command> [options]\n\nCommands:');
  for (const c of commands) console.log(`  ${c.name.padEnd(width)}  ${c.summary}`);
  console.log('\nRun `npm run -s cli -- <command> --help` for a command\'s options.');
}

async function main(argv: string[]): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp(commands);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".`);
    printHelp(commands);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: npm run -s cli -- ${command.name} ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  return command.run(rest);
}

// Exit only once stdout has drained: a pipe is asynchronous, and large JSON would be cut off.
main(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
