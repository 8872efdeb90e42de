import { charSet } from './text';

/** What `\s` matches: ECMAScript's white space and line terminators, for tables read by character code. */
export const WHITE_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

const WHITE_SPACE_CODES = charSet(WHITE_SPACE);

/** Whether `\s` matches text[i] (false past the text's end), read by code: no string made of the character. */
export function isWhiteSpaceAt(text: string, i: number): boolean {
  return WHITE_SPACE_CODES[text.charCodeAt(i)] === 1;
}

/** Where text[start, end) ends without its trailing blanks, found from the end (a regex would read it all). */
export function endWithoutBlanks(text: string, start: number, end: number): number {
  while (end > start && isWhiteSpaceAt(text, end - 1)) end--;
  return end;
}
