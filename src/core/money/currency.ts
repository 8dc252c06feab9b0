/**
 * Currencies: the number of minor-unit digits comes from the ISO 4217 code
 * (EUR 2, JPY 0, KWD 3) through the runtime's Intl data, unless the scheme
 * sets `minor_units` itself.
 */
export function minorDigitsOf(code: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(code)) return undefined;
  try {
    const options = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions();
    return options.maximumFractionDigits;
  } catch {
    return undefined;
  }
}

export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  if (supported) return supported('currency').includes(code);
  return minorDigitsOf(code) !== undefined;
}
