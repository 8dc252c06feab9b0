import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { runCli, type CliRun } from '../helpers/cli.js';

const SCHEME = 'schemes/radio-territory.yaml';
const SIM = ['simulate', SCHEME, '--runs', '2', '--months', '2', '--workers', '1', '--quiet'];

/** a usage error (exit 2) on one line, before any work: nothing on stdout */
function expectUsage(r: CliRun, says: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(says);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('an empty option value is a usage error naming the option and what it takes', () => {
  it.each([
    ['payout --period "" (was: every month paid)', ['payout', SCHEME, '--data', 'fixtures/radio', '--period', ''], /^error: --period is empty: give a value \(--period <period>: a month \(2026-03\), quarter \(2026-Q1\) or year \(2026\)\), or leave --period out\n$/],
    ['simulate --scenario "" (was: the default scenario played)', [...SIM, '--scenario', ''], /^error: --scenario is empty: give a value \(--scenario <file>: scenario file .*\), or leave --scenario out\n$/],
    ['compare --data --scenario "" (was: simulated on the default scenario)', ['compare', SCHEME, 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--scenario', ''], /--scenario is empty/],
    ['payout --data "" (a required option: no "leave it out")', ['payout', SCHEME, '--data', ''], /^error: --data is empty: give a value \(--data <dir>: dataset folder[^\n]*\)\n$/],
    ['payout --rep "" among others', ['payout', SCHEME, '--data', 'fixtures/radio', '--rep', 'ana', '--rep', ''], /--rep is empty/],
    ['payout --period " " (only spaces)', ['payout', SCHEME, '--data', 'fixtures/radio', '--period', ' '], /--period is empty/],
    ['payout --period= (the = form)', ['payout', SCHEME, '--data', 'fixtures/radio', '--period='], /--period is empty/],
    ['validate "" (was: the current folder validated)', ['validate', ''], /^error: <files> is empty: give a value \(files or folders\)\n$/],
    ['payout "" as the scheme', ['payout', '', '--data', 'fixtures/radio'], /<scheme> is empty/],
  ])('%s', async (_name, args, says) => {
    expectUsage(await runCli(args), says);
  });
});

describe('a whole-number option takes decimal digits only, in its range', () => {
  it.each([
    ['--seed "" (was: seed 0)', [...SIM, '--seed', ''], /^error: --seed must be a whole number from -2147483648 to 2147483647, written in digits, not an empty value \(''\): give one, or leave --seed out\n$/],
    ['--seed 0x10 (was: seed 16)', [...SIM, '--seed', '0x10'], /--seed must be a whole number from -2147483648 to 2147483647, written in digits, not '0x10'/],
    ['--runs 1e2 (was: 100 runs)', ['simulate', SCHEME, '--runs', '1e2'], /--runs must be a whole number from 1 to 10000000, written in digits, not '1e2'/],
    ['--runs " " (was: 0, refused only by its range)', ['simulate', SCHEME, '--runs', ' '], /--runs must be a whole number .*not an empty value \(' '\)/],
    ['--workers 2.0', ['simulate', SCHEME, '--workers', '2.0'], /--workers must be a whole number from 1 to 256, written in digits, not '2\.0'/],
    ['--months ""', ['generate', '--scenario', 'scenarios/radio.yaml', '--out', 'never-written', '--months', ''], /--months must be a whole number from 1 to 240/],
    ['--holdout-months 0b11', ['calibrate', '--data', 'fixtures/leads', '--out', 'never-written.yaml', '--holdout-months', '0b11'], /--holdout-months must be a whole number from 1 to 120, written in digits, not '0b11'/],
  ])('%s', async (_name, args, says) => {
    expectUsage(await runCli(args), says);
  });

  it('a sign and leading zeros are still read as written: --seed -5, --seed 007', async () => {
    for (const [seed, read] of [['-5', -5], ['007', 7], ['+3', 3]] as const) {
      const r = await runCli([...SIM, '--seed', seed, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).seed).toBe(read);
    }
  });
});

describe('every option of every command that takes a value refuses an empty one', () => {
  // the program's own description of its commands: a new option is covered when it is added
  const program = buildProgram({ out() {}, err() {}, outIsTTY: false, errIsTTY: false, env: {}, cwd: '.' }, { code: 0 });
  const cases = program.commands.flatMap((cmd) =>
    cmd.options
      .filter((o) => (o.required || o.optional) && o.long !== undefined && !o.argChoices && o.long !== '--version')
      .map((o) => {
        // the command's required arguments and options given, so that only the empty one can stop it
        const args = cmd.registeredArguments.filter((a) => a.required).map(() => 'given');
        const mandatory = cmd.options.filter((m) => m.mandatory && m !== o).flatMap((m) => [m.long!, 'given']);
        return [`${cmd.name()} ${o.long} ""`, [cmd.name(), ...args, ...mandatory, o.long!, '']] as const;
      }),
  );

  it('finds the options', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s', async (_name, args) => {
    const r = await runCli([...args]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: (${args.at(-2)} is empty|${args.at(-2)} must be a whole number .*not an empty value)`));
  });
});
