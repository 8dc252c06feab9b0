import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { golden } from '../helpers/golden.js';

/** a copy of schemes/ and fixtures/ where one scheme can be edited like a user would */
function copyOfSchemes(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-test-'));
  cpSync(join(ROOT, 'schemes'), join(dir, 'schemes'), { recursive: true });
  cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
  return dir;
}

describe('motiv test', () => {
  it('passes every bundled scheme against its cases', async () => {
    const r = await runCli(['test', 'schemes/']);
    const files = readdirSync(join(ROOT, 'schemes')).filter((f) => f.endsWith('.test.yaml')).length;
    expect(files).toBeGreaterThanOrEqual(10);
    expect(r.stdout).toMatch(new RegExp(`\\d+ passed \\(\\d+ cases in ${files} files\\)`));
    expect(r.stdout).not.toContain('✗');
    expect(r.code).toBe(0);
  });

  it('passes the marginal tiers worked by hand: 30,000 on a first band from -1,000 pays 1,000, a refund nets at the band at 0', async () => {
    const r = await runCli(['test', 'fixtures/tiers/']);
    expect(r.stdout).toContain('4 passed (4 cases in 1 file)');
    expect(r.code).toBe(0);
  });

  it('passes the plans worked by hand: a mid-month switch from AE to SE, and an SE credited on the AE\'s deal', async () => {
    const r = await runCli(['test', 'fixtures/plans/']);
    expect(r.stdout).toContain('3 passed (3 cases in 1 file)');
    expect(r.code).toBe(0);
  });

  it('passes the fixed deduction worked by hand: 60 a month, prorated for a joiner, and a per-rep amount', async () => {
    const r = await runCli(['test', 'fixtures/deduction/']);
    expect(r.stdout).toContain('2 passed (2 cases in 1 file)');
    expect(r.code).toBe(0);
  });

  it('passes rep-level growth worked by hand: signed, floored at 0, against last year, beside an upsell', async () => {
    const r = await runCli(['test', 'fixtures/growth/']);
    expect(r.stdout).toContain('3 passed (3 cases in 1 file)');
    expect(r.code).toBe(0);
  });

  it('fails with a diff, exit 1, when a rate in a copy of a scheme changes', async () => {
    const dir = copyOfSchemes();
    const file = join(dir, 'schemes/freight-lifetime.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('rate: 10%', 'rate: 11%'));
    const r = await runCli(['test', 'schemes/freight-lifetime.test.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗');
    // the diff: rep, period, item, expected, actual, difference
    expect(r.stdout).toMatch(/rep\s+period\s+item\s+expected\s+actual\s+diff/);
    expect(r.stdout).toMatch(/profit_share\s+[\d,.]+\s+[\d,.]+\s+[+−][\d,.]+/);
    expect(r.stdout).toMatch(/\d+ failed/);
  });

  it('runs the cases against another scheme with --scheme', async () => {
    const dir = copyOfSchemes();
    const other = join(dir, 'changed.yaml');
    writeFileSync(other, readFileSync(join(ROOT, 'schemes/radio-territory.yaml'), 'utf8').replace('rate: 2%', 'rate: 3%'));
    const r = await runCli(['test', 'schemes/radio-territory.test.yaml', '--scheme', other], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('late_payment');
  });

  it('writes JUnit XML for CI with --reporter junit --out', async () => {
    const dir = copyOfSchemes();
    const file = join(dir, 'schemes/leads-plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('rate: 3%', 'rate: 4%'));
    const r = await runCli(['test', 'schemes/', '--reporter', 'junit', '--out', 'report.xml'], { cwd: dir });
    expect(r.code).toBe(1);
    const xml = readFileSync(join(dir, 'report.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="motiv" tests="\d+" failures="[1-9]\d*"/);
    expect(xml).toContain('<testsuite name="schemes/leads-plan.test.yaml"');
    expect(xml).toContain('<failure message=');
    expect(xml).not.toMatch(/\u001b\[/);
    // (QA: the file had no final newline; it has, as every text file motiv writes)
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });

  it('shows an expected amount with more decimals than the currency as written, and says why it cannot match', async () => {
    const r = await runCli(['test', 'fixtures/test-runner/wrong-decimals.test.yaml']);
    expect(r.code).toBe(1);
    golden('test-wrong-decimals.txt', r.stdout);
    const j = await runCli(['test', 'fixtures/test-runner/wrong-decimals.test.yaml', '--reporter', 'junit']);
    expect(j.stdout).toContain('ben 2026-02 salary: expected 928.571, actual 928.57 (928.571 has more decimals than EUR has (2), and pay is rounded to 2: write it as 928.57)');
  });

  it('shows the difference with its sign and a true minus, as compare does (+1.00, −100.50), and the amounts as payout does (-50.00)', async () => {
    // (the diff was ASCII '-100.50' where compare prints '−' and '+')
    const dir = mkdtempSync(join(tmpdir(), 'motiv-diff-sign-'));
    writeFileSync(
      join(dir, 'd.test.yaml'),
      [
        'scheme: {name: s, currency: EUR, components: [{id: salary, type: salary, amount: 2000}]}',
        'cases:',
        '  - name: salary',
        '    period: 2026-03',
        '    reps: [{id: ben}]',
        '    clients: []',
        '    transactions: []',
        '    expect:',
        '      - total: 1999',
        '        components: {salary: 2100.5, adjustments: -50}',
        '',
      ].join('\n'),
    );
    const r = await runCli(['test', 'd.test.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      [
        '      rep  period   item         expected    actual     diff',
        '      ben  2026-03  total        1,999.00  2,000.00    +1.00',
        '      ben  2026-03  salary       2,100.50  2,000.00  −100.50',
        '      ben  2026-03  adjustments    -50.00      0.00   +50.00',
      ].join('\n'),
    );
  });

  it("puts the case's file and line in a JUnit failure, as the readable report shows them", async () => {
    // (the readable report said '(fail.test.yaml:10)', the <failure> did not: a CI page showed no way to the case)
    const j = await runCli(['test', 'fixtures/test-runner/wrong-decimals.test.yaml', '--reporter', 'junit']);
    expect(j.code).toBe(1);
    expect(j.stdout).toContain('<failure message="fixtures/test-runner/wrong-decimals.test.yaml:10: ben 2026-02 salary: expected 928.571, actual 928.57 (');
    expect(j.stdout).toContain('\nfixtures/test-runner/wrong-decimals.test.yaml:10: cid 2026-02 salary: expected 714.30, actual 714.29</failure>');
  });

  it('validate says, at the value, that an expected amount with more decimals than the currency cannot match, as test does; not when the tolerance covers it', async () => {
    const fixture = 'fixtures/test-runner/wrong-decimals.test.yaml';
    const v = await runCli(['validate', fixture]);
    const t = await runCli(['test', fixture]);
    const why = '928.571 has more decimals than EUR has (2), and pay is rounded to 2: write it as 928.57';
    expect(v.stdout).toContain(`${fixture}:21:30: error: case 'a leaver's prorated salary, written with too many decimals', ben salary: ${why}`);
    expect(v.stdout).toContain('[bad-value]');
    expect(v.stdout).toContain('1 error in 1 of 1 file');
    expect(v.code).toBe(1);
    expect(t.stdout).toContain(why);
    expect(t.code).toBe(1);
    // 714.3 has the currency's decimals (it is merely wrong), and a tolerance of 0.001 lets 928.57 match 928.571
    const dir = mkdtempSync(join(tmpdir(), 'motiv-decimals-'));
    writeFileSync(join(dir, 'tol.test.yaml'), readFileSync(join(ROOT, fixture), 'utf8').replace('cases:', 'tolerance: 0.001\ncases:'));
    const within = await runCli(['validate', 'tol.test.yaml'], { cwd: dir });
    expect(within.stdout).toContain('✓ tol.test.yaml (tests)');
    expect(within.code).toBe(0);
  });

  it('suggests the plain number for an amount written with a thousands comma, a decimal comma or a currency sign, and fails each case of a file that cannot run', async () => {
    const r = await runCli(['test', 'fixtures/invalid/tests-grouped-amount.test.yaml']);
    expect(r.code).toBe(1);
    golden('test-grouped-amount.txt', r.stdout);
    const j = await runCli(['test', 'fixtures/invalid/tests-grouped-amount.test.yaml', '--reporter', 'junit']);
    expect(j.stdout).toContain('<testsuites name="motiv" tests="4" failures="4"');
    expect(j.stdout).toContain('<testcase name="thousands comma" classname="fixtures/invalid/tests-grouped-amount.test.yaml" time="0">');
  });

  it('counts a file that cannot run as a failure of its one case, however many problems keep it from running, in the summary and in JUnit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-broken-tests-'));
    writeFileSync(
      join(dir, 'broken.test.yaml'),
      'scheme: nothere.yaml\nsurprise: 1\ncases:\n  - name: one\n    period: 2026-03\n    oops: 2\n    expect:\n      - {rep: r1, totl: 0}\n',
    );
    const r = await runCli(['test', 'broken.test.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.match(/✗/g)!.length).toBeGreaterThan(1);
    expect(r.stdout).toContain('1 case not run');
    expect(r.stdout).toContain('1 failed, 0 passed (1 case in 1 file)');
    const j = await runCli(['test', 'broken.test.yaml', '--reporter', 'junit'], { cwd: dir });
    expect(j.stdout).toContain('<testsuites name="motiv" tests="1" failures="1"');
    expect(j.stdout.match(/<testcase /g)).toHaveLength(1);
  });

  it("says the problems of the scheme a test file names at the scheme file's own line and column, in the order written, in the report and in JUnit's failure message", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-broken-scheme-'));
    // (the plan's measure at line 6 is found after the commission's at line 10)
    writeFileSync(
      join(dir, 's.yaml'),
      'name: s\ncurrency: EUR\nplans:\n  quota:\n    monthly: 100\n    measure: revenu\ncomponents:\n  - id: commission\n    type: commission\n    measure: revenu\n    rate: 5%\n  - {id: bonus, type: bonus, plan: quota, threshold: 100%, amount: 10}\n',
    );
    writeFileSync(join(dir, 'broken.test.yaml'), 'scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n    reps: [{id: ana}]\n    clients: []\n    transactions: []\n    expect:\n      - total: 0\n');
    const v = await runCli(['validate', 's.yaml'], { cwd: dir });
    const located = v.stdout.split('\n').filter((l) => l.startsWith('s.yaml:'));
    expect(located.map((l) => l.slice(0, l.indexOf(': error'))), v.stdout).toEqual(['s.yaml:6:14', 's.yaml:10:14']);
    const r = await runCli(['test', 'broken.test.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`broken.test.yaml\n${located.map((l) => `  ✗ ${l}\n`).join('')}  ✗ 1 case not run\n\n1 failed, 0 passed (1 case in 1 file)\n`);
    const j = await runCli(['test', 'broken.test.yaml', '--reporter', 'junit'], { cwd: dir });
    const message = /<failure message="([^"]*)">/.exec(j.stdout)?.[1];
    expect(message).toBe(located[0].replace(/'/g, '&apos;'));
  });

  it("heads JUnit's failure message with the scheme's first error, not a warning written above it, and marks the warning as one in the report (review)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-warned-scheme-'));
    // (a negative rate at line 7 warns; the misspelt measure at line 10 is the error that keeps the file from running)
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\ncomponents:\n  - id: refund\n    type: commission\n    measure: revenue\n    rate: -5%\n  - id: commission\n    type: commission\n    measure: revenu\n    rate: 5%\n');
    writeFileSync(join(dir, 'b.test.yaml'), 'scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n    reps: [{id: ana}]\n    clients: []\n    transactions: []\n    expect:\n      - total: 0\n');
    const j = await runCli(['test', 'b.test.yaml', '--reporter', 'junit'], { cwd: dir });
    const message = /<failure message="([^"]*)">/.exec(j.stdout)?.[1] ?? '';
    expect(message, j.stdout).toMatch(/^s\.yaml:10:\d+: error: /);
    const r = await runCli(['test', 'b.test.yaml'], { cwd: dir });
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes('s.yaml:7:')), r.stdout).toMatch(/^ {2}! s\.yaml:7:\d+: warning: /);
    expect(lines.find((l) => l.includes('s.yaml:10:')), r.stdout).toMatch(/^ {2}✗ s\.yaml:10:\d+: error: /);
  });

  it("says a scheme under test that is not there at the test file's 'scheme:', with a did-you-mean, as validate says it (QA)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-missing-scheme-'));
    writeFileSync(join(dir, 'radio.yaml'), 'name: s\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n');
    writeFileSync(join(dir, 'b.test.yaml'), 'scheme: raido.yaml\ncases:\n  - name: one\n    period: 2026-03\n    reps: [{id: ana}]\n    clients: []\n    transactions: []\n    expect:\n      - total: 1500\n');
    const r = await runCli(['test', 'b.test.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  ✗ b.test.yaml:1:9: error: the scheme under test, 'raido.yaml', does not exist; did you mean 'radio.yaml'?");
    const v = await runCli(['validate', 'b.test.yaml'], { cwd: dir });
    expect(v.stdout).toContain("b.test.yaml:1:9: error: the scheme under test, 'raido.yaml', does not exist; did you mean 'radio.yaml'?");
  });

  it('places an unknown rep or component of an expectation where the expectation names it, with a did-you-mean or the components there are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-expect-names-'));
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: commission, type: commission, measure: revenue, rate: 5%}\n');
    writeFileSync(
      join(dir, 'names.test.yaml'),
      'scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n    reps: [{id: ana}]\n    clients: [{id: c1, owner: ana}]\n    transactions:\n      - {date: 2026-03-03, client_id: c1, revenue: 1000}\n    expect:\n      - rep: anna\n        total: 1550\n      - rep: ana\n        components: {salary: 1500, bonus: 3}\n',
    );
    const r = await runCli(['test', 'names.test.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("names.test.yaml:10:14: error: case 'one' expects pay for rep 'anna', who is not in the data; did you mean 'ana'? [unknown-reference]");
    expect(r.stdout).toContain("names.test.yaml:13:36: error: case 'one' expects a component 'bonus' the scheme does not have (its components are 'salary' and 'commission') [unknown-reference]");
  });

  it('says an unknown component of an expectation whose rep is unknown too, as validate does (QA: the misspelt rep hid the misspelt component)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-expect-both-'));
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: commission, type: commission, measure: revenue, rate: 5%}\n');
    writeFileSync(
      join(dir, 'both.test.yaml'),
      'scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n    reps: [{id: olga}]\n    clients: [{id: c1, owner: olga}]\n    transactions:\n      - {date: 2026-03-03, client_id: c1, revenue: 1000}\n    expect:\n      - rep: olgaa\n        components: {commision: 50}\n',
    );
    const said = [
      "both.test.yaml:10:14: error: case 'one' expects pay for rep 'olgaa', who is not in the data; did you mean 'olga'? [unknown-reference]",
      "both.test.yaml:11:22: error: case 'one' expects a component 'commision' the scheme does not have; did you mean 'commission'? [unknown-reference]",
    ];
    const t = await runCli(['test', 'both.test.yaml'], { cwd: dir });
    expect(t.code).toBe(1);
    for (const line of said) expect(t.stdout).toContain(line);
    const v = await runCli(['validate', 'both.test.yaml'], { cwd: dir });
    for (const line of said) expect(v.stdout).toContain(line);
  });

  it("says a map that is not there once, at the test file's 'map:', with a did-you-mean, in test and validate alike (QA: validate passed it, test failed every case at the case's line)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-missing-map-'));
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n');
    writeFileSync(join(dir, 'crm.map.yaml'), 'kind: map\n');
    cpSync(join(ROOT, 'fixtures/statuses/data'), join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'm.test.yaml'), 'scheme: s.yaml\ndata: data\nmap: crm.mapp.yaml\ncases:\n  - name: one\n    period: 2026-03\n    expect:\n      - {rep: ana, total: 1500}\n  - name: two\n    period: 2026-03\n    expect:\n      - {rep: ana, total: 1500}\n');
    const said = "m.test.yaml:3:6: error: the map the cases' data folders are read through, 'crm.mapp.yaml', does not exist; did you mean 'crm.map.yaml'?";
    const t = await runCli(['test', 'm.test.yaml'], { cwd: dir });
    expect(t.code).toBe(1);
    const lines = t.stdout.split('\n').filter((l) => l.includes('does not exist'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`  ✗ ${said}`);
    const v = await runCli(['validate', 'm.test.yaml'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(said);
    // in a folder of its own, both offer the path from the test file (review: validate offered the bare name)
    mkdirSync(join(dir, 'maps'));
    renameSync(join(dir, 'crm.map.yaml'), join(dir, 'maps', 'crm.map.yaml'));
    writeFileSync(join(dir, 'm.test.yaml'), readFileSync(join(dir, 'm.test.yaml'), 'utf8').replace('map: crm.mapp.yaml', 'map: maps/crm.mapp.yaml'));
    const inFolder = "did you mean 'maps/crm.map.yaml'?";
    expect((await runCli(['test', 'm.test.yaml'], { cwd: dir })).stdout).toContain(inFolder);
    expect((await runCli(['validate', 'm.test.yaml'], { cwd: dir })).stdout).toContain(inFolder);
  });

  it('validate reports an unknown rep or component of an expectation as test does, with rows inline or in a data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-validate-names-'));
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: commission, type: commission, measure: revenue, rate: 5%}\n');
    const inline = 'scheme: s.yaml\ncases:\n  - name: one\n    period: 2026-03\n    reps: [{id: ana}]\n    clients: [{id: c1, owner: ana}]\n    transactions:\n      - {date: 2026-03-03, client_id: c1, revenue: 1000}\n    expect:\n      - rep: anna\n        total: 1550\n      - rep: ana\n        components: {salary: 1500, comission: 3}\n';
    writeFileSync(join(dir, 'names.test.yaml'), inline);
    cpSync(join(ROOT, 'fixtures/statuses/data'), join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'folder.test.yaml'), 'scheme: s.yaml\ndata: data\ncases:\n  - name: two\n    period: 2026-03\n    expect:\n      - {rep: anna, total: 1}\n');
    const v = await runCli(['validate', 'names.test.yaml', 'folder.test.yaml'], { cwd: dir });
    const t = await runCli(['test', 'names.test.yaml', 'folder.test.yaml'], { cwd: dir });
    expect(v.code).toBe(1);
    const said = [
      "names.test.yaml:10:14: error: case 'one' expects pay for rep 'anna', who is not in the data; did you mean 'ana'? [unknown-reference]",
      "names.test.yaml:13:36: error: case 'one' expects a component 'comission' the scheme does not have; did you mean 'commission'? [unknown-reference]",
      "folder.test.yaml:7:15: error: case 'two' expects pay for rep 'anna', who is not in the data; did you mean 'ana'? [unknown-reference]",
    ];
    for (const line of said) {
      expect(v.stdout).toContain(line);
      expect(t.stdout).toContain(line);
    }
  });

  it('reads an empty list of rows as a table with its header alone, in test and in validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-empty-rows-'));
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: commission, type: commission, measure: revenue, rate: 5%}\n');
    writeFileSync(
      join(dir, 'empty.test.yaml'),
      'scheme: s.yaml\ncases:\n  - name: no clients, no sales\n    period: 2026-03\n    reps: [{id: ana}]\n    clients: []\n    transactions: []\n    activity: []\n    expect:\n      - {total: 1500, components: {commission: 0}}\n',
    );
    const t = await runCli(['test', 'empty.test.yaml'], { cwd: dir });
    expect(t.stdout).not.toContain('csv-missing-column');
    expect(t.stdout).toContain('1 passed (1 case in 1 file)');
    expect(t.code).toBe(0);
    const v = await runCli(['validate', 'empty.test.yaml'], { cwd: dir });
    expect(v.stdout).toContain('✓ empty.test.yaml (tests)');
    expect(v.code).toBe(0);
  });

  it('reads an unquoted year and the FY labels payout lines show as periods, as docs/testing.md says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-year-'));
    writeFileSync(join(dir, 's.yaml'), 'name: s\ncurrency: EUR\nfiscal_year_start: 4\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n');
    const rows = '    reps: [{id: ana}]\n    clients: [{id: c1, owner: ana}]\n    transactions:\n      - {date: 2026-05-03, client_id: c1, revenue: 1000}\n';
    writeFileSync(
      join(dir, 'y.test.yaml'),
      `scheme: s.yaml\ncases:\n  - name: year\n    period: 2026\n${rows}    expect:\n      - {total: 18000, period: 2026}\n  - name: fiscal labels\n    period: FY2026\n${rows}    expect:\n      - {total: 4500, period: FY2026-Q1}\n`,
    );
    // April 2026 to March 2027: 12 x 1,500; its first quarter April to June: 3 x 1,500
    const v = await runCli(['validate', 'y.test.yaml'], { cwd: dir });
    expect(v.code).toBe(0);
    const r = await runCli(['test', 'y.test.yaml'], { cwd: dir });
    expect(r.stdout).toContain('2 passed (2 cases in 1 file)');
    expect(r.code).toBe(0);
  });

  it('exits 2, before running anything, when a test path names nothing there, with a did-you-mean', async () => {
    // (a typo in a CI path read as a failed case, exit 1)
    const r = await runCli(['test', 'schemes/', 'schemes/leads-plan.tset.yaml', 'nothere']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("schemes/leads-plan.tset.yaml: error: no such file or folder 'schemes/leads-plan.tset.yaml'; did you mean 'schemes/leads-plan.test.yaml'?");
    expect(r.stderr).toContain("nothere: error: no such file or folder 'nothere' (give test files (*.test.yaml) or folders holding them; paths are relative to the current folder) [file-not-found]");
    expect(r.stderr).toMatch(/\n2 errors\n$/);
  });

  it('says a missing --scheme once, exit 1, before running anything, as a missing --map', async () => {
    // (it failed every case of every file: '6 failed ... 6 cases not run')
    const scheme = await runCli(['test', 'schemes/leads-plan.test.yaml', '--scheme', 'schemes/leads-plan-v2.yaml']);
    expect(scheme.code).toBe(1);
    expect(scheme.stdout).toBe('');
    expect(scheme.stderr).toBe(
      "schemes/leads-plan-v2.yaml: error: no such file 'schemes/leads-plan-v2.yaml'; did you mean 'schemes/leads-plan.yaml'? (give --scheme the path of a scheme file, relative to the current folder) [file-not-found]\n1 error\n",
    );
    const map = await runCli(['test', 'schemes/leads-plan.test.yaml', '--map', 'nothere.yaml']);
    expect(map.code).toBe(1);
    expect(map.stderr).toBe("nothere.yaml: error: no such file 'nothere.yaml' (give --map the path of a map file (motiv schema --kind map)) [file-not-found]\n1 error\n");
  });

  it('says once, before any case runs, that a --map is a folder or another kind of file (QA: passed over by cases with their data inline, or a failure of every case)', async () => {
    for (const given of ['fixtures', 'schemes/leads-plan.yaml']) {
      const r = await runCli(['test', 'schemes/leads-plan.test.yaml', '--map', given]);
      expect(r.code, given).toBe(1);
      expect(r.stdout, given).toBe('');
      expect(r.stderr.match(/ error: /g), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(given === 'fixtures' ? /is a folder/ : /this file is a scheme, not a CRM export map/);
    }
  });

  it('exits 2 when there is nothing to test', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-empty-'));
    const r = await runCli(['test', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no test files');
  });
});
