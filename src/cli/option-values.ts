import type { Command } from 'commander';
import { SCENARIO_LIMITS } from '../core/scenario/limits.js';
import { UsageError } from './context.js';

/** the options that take a whole number, and the numbers each allows */
export const WHOLE_NUMBERS: Readonly<Record<string, { min: number; max: number }>> = {
  '--runs': { min: 1, max: 10_000_000 },
  '--workers': { min: 1, max: 256 },
  '--seed': { min: -2147483648, max: 2147483647 },
  '--months': { min: 1, max: SCENARIO_LIMITS.months },
  '--holdout-months': { min: 1, max: 120 },
};

/**
 * A whole-number option (WHOLE_NUMBERS): its fallback when not given, else
 * decimal digits (a sign allowed) within its range, or a usage error saying
 * what is allowed. Not Number(): it reads '' and ' ' as 0, '0x10' as 16 and
 * '1e2' as 100.
 */
export function integer(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : NaN;
  const { min, max } = WHOLE_NUMBERS[flag];
  if (!Number.isSafeInteger(n) || n < min || n > max) throw wholeNumberError(flag, text);
  return n;
}

function wholeNumberError(flag: string, text: string): UsageError {
  const { min, max } = WHOLE_NUMBERS[flag];
  const given = text.trim() === '' ? `not an empty value ('${text}'): give one, or leave ${flag} out` : `not '${text}'`;
  return new UsageError(`${flag} must be a whole number from ${min} to ${max}, written in digits, ${given}`);
}

/**
 * Every option value and argument of the command about to run, checked for
 * an empty one ('' or only spaces, as an unset shell variable gives) before
 * any work. Taken as given, '' read as no option at all (--period: every
 * month; --scenario: the default scenario), as the current folder (validate
 * "") or as 0 (--seed). A whole-number option says its range; any other, its
 * help.
 */
export function rejectEmptyValues(cmd: Command): void {
  for (const o of cmd.options) {
    // flags take no value; defaults are motiv's own
    if (!(o.required || o.optional) || cmd.getOptionValueSource(o.attributeName()) !== 'cli') continue;
    const value: unknown = cmd.getOptionValue(o.attributeName());
    const empty = (Array.isArray(value) ? value : [value]).find((v): v is string => typeof v === 'string' && v.trim() === '');
    if (empty === undefined) continue;
    const flag = o.long ?? o.flags;
    if (flag in WHOLE_NUMBERS) throw wholeNumberError(flag, empty);
    throw new UsageError(`${flag} is empty: give a value (${o.flags}: ${o.description})${o.mandatory ? '' : `, or leave ${flag} out`}`);
  }
  cmd.registeredArguments.forEach((a, i) => {
    const value: unknown = cmd.processedArgs[i];
    const empty = (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && v.trim() === '');
    if (empty) throw new UsageError(`<${a.name()}> is empty: give a value (${a.description})${a.required ? '' : ', or leave it out'}`);
  });
}
