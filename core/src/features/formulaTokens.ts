import { Analysis } from '../analyze';
import { TextRange } from '../text';

export interface FormulaToken extends TextRange {
  superseded: boolean;
}

/** What marks a formula in the text: its name, or the items of a formula written without its name. */
export function formulaTokens(analysis: Analysis): FormulaToken[] {
  return analysis.formulas.flatMap(formula => {
    const superseded = formula.entry?.status === 'superseded';
    const spans = formula.named ? [formula] : formula.expansion!.items;
    return spans.map(({ start, end }) => ({ start, end, superseded }));
  });
}
