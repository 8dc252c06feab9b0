/** the empty map a payer's states, earnings and clawbacks are until first written (RepPayer): never written to */
export const NO_MAP: Map<string, any> = new Map();
