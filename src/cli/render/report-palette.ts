import type { Bucket, EffortSplit } from './report-model.js';

/** Okabe-Ito: eight colours told apart with every common colour-vision deficiency */
export const SCHEME_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export function schemeColour(index: number): string {
  return SCHEME_COLOURS[index % SCHEME_COLOURS.length];
}

export const ACTIVITY_COLOURS: Record<keyof EffortSplit, string> = {
  prospect: '#0072B2',
  signed: '#E69F00',
  active: '#009E73',
  leads: '#CC79A7',
  collect: '#D55E00',
};

/** gains green, losses vermillion, stronger past 5 % */
export const BUCKET_COLOURS: Record<Bucket, string> = {
  gain_over_5: '#007A5A',
  gain_up_to_5: '#66C2A5',
  unchanged: '#A0A0A0',
  lose_up_to_5: '#F0A070',
  lose_over_5: '#C04A00',
};

/** what happened (the data's months before a simulation): dark grey, apart from every scheme's colour */
export const ACTUAL_COLOUR = '#3b4148';

export const GAIN_COLOUR = '#009E73';
export const LOSS_COLOUR = '#D55E00';
export const NEUTRAL_COLOUR = '#A0A0A0';
