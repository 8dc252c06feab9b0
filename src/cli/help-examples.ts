/**
 * Two real examples for each command's --help, as command lines that work
 * from the root of motiv's repository on the files it bundles (schemes/,
 * scenarios/, fixtures/). test/cli/help-examples.test.ts runs every one, and
 * fails for a command registered without two.
 */

export interface HelpExample {
  /** one motiv command line: no pipes, redirects or variables */
  command: string;
  /** what it does, in a line */
  comment: string;
  /** command lines to run first, in the same folder (the parts merge takes), shown before it */
  before?: readonly string[];
}

export const HELP_EXAMPLES: Readonly<Record<string, readonly [HelpExample, HelpExample]>> = {
  validate: [
    { command: 'motiv validate schemes/ scenarios/', comment: 'check every bundled scheme, test file and scenario at once' },
    { command: 'motiv validate fixtures/radio --strict', comment: 'check a dataset folder (every table, cell and cross reference), failing on warnings too' },
  ],
  payout: [
    { command: 'motiv payout schemes/radio-territory.yaml --data fixtures/radio --period 2026-03 --explain', comment: 'pay every rep for March 2026, with the arithmetic of every line' },
    { command: 'motiv payout schemes/freight-lifetime.yaml --data fixtures/freight --period 2026-Q1 --format csv --out pay.csv', comment: 'pay the first quarter month by month, as a CSV file for a spreadsheet' },
  ],
  test: [
    { command: 'motiv test schemes/', comment: "run every bundled scheme's test cases" },
    { command: 'motiv test schemes/leads-plan.test.yaml --reporter junit --out reports/motiv.xml', comment: "one scheme's cases, with a JUnit report for CI" },
  ],
  simulate: [
    { command: 'motiv simulate schemes/freight-lifetime.yaml --runs 200', comment: "play a scheme 200 times in the scenario it names: the reps' effort split, pay and revenue" },
    { command: 'motiv simulate schemes/leads-plan.yaml --scenario scenarios/leads.yaml --months 12 --runs 100 --html leads.html', comment: 'one year in a scenario given, with an HTML report of charts' },
  ],
  compare: [
    {
      command: 'motiv compare schemes/freight-lifetime.yaml schemes/freight-new-client.yaml --scenario scenarios/freight.yaml --runs 200',
      comment: 'two schemes on the same simulated luck, each difference with its 95 % interval',
    },
    { command: 'motiv compare schemes/radio-territory.yaml schemes/radio-pool.yaml --data fixtures/radio', comment: 'pay the real reps under both schemes on actual results: who gains, who loses' },
  ],
  sweep: [
    {
      command: 'motiv sweep schemes/freight-new-client.yaml --vary components.maintenance.rate=0.5%..10%:6 --runs 200',
      comment: 'six maintenance rates on the same runs: each point with its intervals, each step paired',
    },
    {
      command: 'motiv sweep schemes/freight-new-client.yaml --vary components.maintenance.rate=1%..5%:3 --vary components.salary.amount=1000..2000:3 --runs 100 --html sweep.html',
      comment: 'a grid of two values, with the curves and their bands in an HTML report',
    },
  ],
  optimise: [
    {
      command: 'motiv optimise schemes/freight-new-client.yaml --vary components.maintenance.rate=0.5%..10%:6 --maximise profit_after_pay --subject-to \'cost_of_sales <= 2.6%\' --out best.yaml',
      comment: 'the maintenance rate that earns most after pay with cost of sales at most 2.6 %, checked on fresh runs and written',
    },
    {
      command: 'motiv optimise schemes/freight-new-client.yaml --vary components.salary.amount=1500..3000:4 --minimise cost_of_sales --subject-to \'rep_pay.mean >= 1500\' --out salary.yaml --runs 100',
      comment: 'the salary from 1,500 to 3,000 with the lowest cost of sales, reps paid at least 1,500 a month on average',
    },
  ],
  merge: [
    {
      before: [
        'motiv simulate schemes/radio-territory.yaml --scenario scenarios/radio.yaml --runs 400 --seed 9 --shard 0/2 --out parts/0',
        'motiv simulate schemes/radio-territory.yaml --scenario scenarios/radio.yaml --runs 400 --seed 9 --shard 1/2 --out parts/1',
      ],
      command: 'motiv merge parts/0 parts/1 --format json',
      comment: 'play 400 runs as two shards (each could run on its own machine), then merge the parts: the bytes one machine prints',
    },
    {
      before: [
        'motiv compare schemes/freight-lifetime.yaml schemes/freight-new-client.yaml --runs 200 --shard 0/2 --out compare-0',
        'motiv compare schemes/freight-lifetime.yaml schemes/freight-new-client.yaml --runs 200 --shard 1/2 --out compare-1',
      ],
      command: 'motiv merge compare-1 compare-0 --html compare.html',
      comment: 'a comparison in two shards, merged in any order, with the HTML report',
    },
  ],
  generate: [
    { command: 'motiv generate --scenario scenarios/radio.yaml --out radio-history', comment: "a synthetic history of the radio scenario under the scheme it names, in the dataset layout" },
    { command: 'motiv generate --scenario scenarios/freight.yaml --scheme schemes/freight-new-client.yaml --months 12 --seed 7 --out freight-history', comment: 'one year under another scheme, with another seed' },
  ],
  calibrate: [
    {
      command: 'motiv calibrate --data fixtures/leads --scheme schemes/leads-plan.yaml --out leads-fit.yaml',
      comment: 'estimate a scenario from a history, effort costs matched under the scheme the reps were paid by (a short one: defaults kept, with warnings)',
    },
    { command: 'motiv calibrate --data fixtures/crm/amocrm --map fixtures/crm/amocrm.map.yaml --out amocrm-fit.yaml', comment: 'the same from a CRM export, read through a map' },
  ],
  init: [
    { command: 'motiv init', comment: 'a starter scheme, its test cases and a scenario in the current folder' },
    { command: 'motiv init my-pay', comment: 'the same in a new folder, my-pay' },
  ],
  schema: [
    { command: 'motiv schema --out scheme.schema.json', comment: 'the JSON Schema of schemes, for completion in an editor' },
    { command: 'motiv schema --kind tests --out tests.schema.json', comment: 'the JSON Schema of test files' },
  ],
};

/** the examples' part of a command's --help, to follow its options; nothing for a command without examples */
export function examplesHelp(command: string): string {
  const examples = HELP_EXAMPLES[command];
  if (!examples) return '';
  const bundled = examples.some((e) => /\b(schemes|scenarios|fixtures)\//.test(e.command));
  const lines = [bundled ? "\nExamples (from the root of motiv's repository, on the files it bundles):" : '\nExamples:'];
  for (const e of examples) lines.push(`  # ${e.comment}`, ...(e.before ?? []).map((b) => `  $ ${b}`), `  $ ${e.command}`, '');
  return lines.join('\n').trimEnd();
}
