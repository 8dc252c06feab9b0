import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('motiv CLI', () => {
  it('prints its version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 on an unknown command', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });

  it("exits 2 on help for an unknown command, with the command it may mean (QA: the general help, exit 0); help for a command is that command's", async () => {
    const r = await runCli(['help', 'simulat']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'simulat'");
    expect(r.stderr).toContain('Did you mean simulate?');
    const known = await runCli(['help', 'simulate']);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^Usage: motiv simulate /);
  });

  it('prints the scheme JSON Schema', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.title).toBe('motiv scheme');
    // a component type's keys come from its own file: the formula component's, with what its language allows
    const formula = schema.properties.components.items.oneOf.find((t: { properties: { type: { const: string } } }) => t.properties.type.const === 'formula');
    expect(formula.required).toEqual(['id', 'type', 'formula']);
    expect(formula.properties.formula.description).toContain('clamp');
  });
});
