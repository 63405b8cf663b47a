/** The `vitrine` program: runs the command line with the process's arguments and streams. */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
