/** Minor units as an amount in the currency's own digits ("9,000.00 USD"; 2 digits when unknown). */
export function formatMinor(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  const text = (minor / 10 ** digits).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return currency ? `${text} ${currency}` : text;
}

function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
