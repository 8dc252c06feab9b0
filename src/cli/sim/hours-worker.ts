import { parentPort, workerData } from 'node:worker_threads';
import { fitHours } from '../../core/calibrate/hours-fit.js';
import type { HourObservations } from '../../core/calibrate/rep-hours.js';
import { reviveRationals } from '../../core/money/revive.js';
import type { Scenario } from '../../core/scenario/types.js';
import type { Scheme } from '../../core/types.js';

/** calibrate's hours fit in a thread of its own, on a heap of its own (fit-hours-apart.ts): posts the fit back */
const job = workerData as { scenario: Scenario; scheme: Scheme; observed: HourObservations };
parentPort!.postMessage(fitHours(reviveRationals(job.scenario), reviveRationals(job.scheme), job.observed));
