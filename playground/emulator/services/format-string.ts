/**
 * Utilities.formatString: "Performs sprintf-like string formatting using '%'-style format
 * strings" (https://developers.google.com/apps-script/reference/utilities/utilities#formatString(String,Object...)).
 * Supports flags (-+0 space #), width, precision and the s d i f e g x X o c b % conversions.
 */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(?:(\d+)\$)?([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeEgGxXocb%])/g,
    (
      _m,
      position: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return '%';
      const arg = position ? args[Number(position) - 1] : args[next++];
      const prec = precision === undefined ? undefined : Number(precision);
      let body: string;
      let numeric = true;
      const n = Number(arg);
      switch (conv) {
        case 's':
          numeric = false;
          body = String(arg);
          if (prec !== undefined) body = body.slice(0, prec);
          break;
        case 'c':
          numeric = false;
          body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        case 'b':
          numeric = false;
          body = String(Boolean(arg));
          break;
        case 'd':
        case 'i':
          body = String(Math.trunc(Math.abs(n)));
          break;
        case 'f':
          body = Math.abs(n).toFixed(prec ?? 6);
          break;
        case 'e':
        case 'E':
          body = Math.abs(n).toExponential(prec ?? 6);
          if (conv === 'E') body = body.toUpperCase();
          break;
        case 'g':
        case 'G':
          body = String(Number(Math.abs(n).toPrecision(prec || 6)));
          if (conv === 'G') body = body.toUpperCase();
          break;
        case 'x':
        case 'X':
          body = Math.trunc(Math.abs(n)).toString(16);
          if (flags.includes('#')) body = `0x${body}`;
          if (conv === 'X') body = body.toUpperCase();
          break;
        default:
          body = Math.trunc(Math.abs(n)).toString(8);
          if (flags.includes('#')) body = `0${body}`;
      }
      let sign = '';
      if (numeric) {
        if (n < 0 || Object.is(n, -0)) sign = '-';
        else if (flags.includes('+')) sign = '+';
        else if (flags.includes(' ')) sign = ' ';
        if (Number.isNaN(n)) {
          body = 'NaN';
          sign = '';
        }
      }
      const w = width === undefined ? 0 : Number(width);
      const len = sign.length + body.length;
      if (len >= w) return sign + body;
      if (flags.includes('-')) return sign + body + ' '.repeat(w - len);
      if (flags.includes('0') && numeric) return sign + '0'.repeat(w - len) + body;
      return ' '.repeat(w - len) + sign + body;
    },
  );
}
