/**
 * Free text a station types about a worker (a follow-up's or a retention check's note) must not
 * carry the worker's resident ID or phone number: runs of 11 or more digits (a mobile number, an
 * ID number, which may end in X) are masked before the text is stored or shown, keeping the first
 * three and last two characters so a reader can still tell two numbers apart.
 */
const LONG_NUMBER = /\d[\d -]{9,}[\dXx]/g;

export function redactPersonalNumbers(text: string): string {
  return text.replace(LONG_NUMBER, (run) => {
    const compact = run.replace(/[ -]/g, '');
    if (compact.length < 11) return run;
    return compact.slice(0, 3) + '*'.repeat(compact.length - 5) + compact.slice(-2);
  });
}
