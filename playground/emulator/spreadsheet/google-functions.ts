/**
 * What HyperFormula needs to read Google Sheets formulas: the Google-only functions (and the
 * ones that must follow the emulator rather than the host), and Sheets syntax it reads
 * differently.
 */
import { CellValueDetailedType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import { instantToSerial } from './dates';
import { formatNumber } from './number-format';

/** What the plugin reads from the engine's `context` config. */
export interface EngineContext {
  now(): number;
  timeZone(): string;
  locale(): string;
}

/**
 * Google-only functions and the ones whose result must follow the emulator rather than the
 * host: SPARKLINE draws in the cell (its value is empty), NOW/TODAY read the simulated clock in
 * the spreadsheet's zone, TEXT formats with the same code as getDisplayValues.
 */
class GoogleSheetsPlugin extends FunctionPlugin {
  /** The (internal) AST and interpreter-state types HyperFormula hands to plugin methods. */
  declare private readonly argTypes: {
    ast: { args: Parameters<GoogleSheetsPlugin['runFunction']>[0] };
    state: Parameters<GoogleSheetsPlugin['runFunction']>[1];
  };

  static override implementedFunctions = {
    SPARKLINE: {
      method: 'sparkline',
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
      doesNotNeedArgumentsToBeComputed: true,
    },
    NOW: {
      method: 'now',
      parameters: [],
      isVolatile: true,
      returnNumberType: CellValueDetailedType.NUMBER_DATETIME,
    },
    TODAY: {
      method: 'today',
      parameters: [],
      isVolatile: true,
      returnNumberType: CellValueDetailedType.NUMBER_DATE,
    },
    TEXT: {
      method: 'text',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
  };

  private get host(): EngineContext {
    return this.config.context as EngineContext;
  }

  sparkline(_ast: GoogleSheetsPlugin['argTypes']['ast'], _state: GoogleSheetsPlugin['argTypes']['state']) {
    return '';
  }

  now(ast: GoogleSheetsPlugin['argTypes']['ast'], state: GoogleSheetsPlugin['argTypes']['state']) {
    return this.runFunction(ast.args, state, this.metadata('NOW'), () =>
      instantToSerial(this.host.now(), this.host.timeZone()),
    );
  }

  today(ast: GoogleSheetsPlugin['argTypes']['ast'], state: GoogleSheetsPlugin['argTypes']['state']) {
    return this.runFunction(ast.args, state, this.metadata('TODAY'), () =>
      Math.floor(instantToSerial(this.host.now(), this.host.timeZone())),
    );
  }

  text(ast: GoogleSheetsPlugin['argTypes']['ast'], state: GoogleSheetsPlugin['argTypes']['state']) {
    return this.runFunction(ast.args, state, this.metadata('TEXT'), (value: number, format: string) =>
      formatNumber(value, format, this.host.locale()),
    );
  }
}

let pluginRegistered = false;

export function registerGoogleFunctions(): void {
  if (pluginRegistered) return;
  const names = { SPARKLINE: 'SPARKLINE', NOW: 'NOW', TODAY: 'TODAY', TEXT: 'TEXT' };
  HyperFormula.registerFunctionPlugin(GoogleSheetsPlugin, { enGB: names, enUS: names });
  pluginRegistered = true;
}

/**
 * Google Sheets syntax HyperFormula reads differently: bare TRUE/FALSE are literals in Sheets
 * but functions (TRUE()) in HyperFormula.
 */
export function toHyperFormulaSyntax(formula: string): string {
  if (!/true|false/i.test(formula)) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(ch) && (i === 0 || !/[A-Za-z0-9_.$]/.test(formula[i - 1]))) {
      let j = i;
      while (j < formula.length && /[A-Za-z0-9_.]/.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula.slice(j).trimStart()[0];
      const upper = word.toUpperCase();
      out += (upper === 'TRUE' || upper === 'FALSE') && next !== '(' && next !== '!' ? `${upper}()` : word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
