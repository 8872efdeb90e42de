export const DEFAULT_CHARACTERS_PER_MINUTE = 220;

/**
 * Character counts the way Chinese offices count 字数: every character but whitespace and
 * heading markers, a run of Latin letters or digits counting as one.
 * Built once per analysis as prefix sums, so any section's count is a subtraction.
 */
export class CharacterCounter {
  private readonly prefix: Uint32Array;

  constructor(text: string, markers: ReadonlyArray<{ start: number; end: number }>) {
    const prefix = new Uint32Array(text.length + 1);
    let nextMarker = 0;
    let count = 0;
    let previousAlnum = false;
    for (let i = 0; i < text.length; i++) {
      while (nextMarker < markers.length && markers[nextMarker].end <= i) nextMarker++;
      const inMarker = nextMarker < markers.length && markers[nextMarker].start <= i;
      const code = text.charCodeAt(i);
      const alnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
      const space = code <= 32 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
      // A surrogate pair is one character: count its high half only.
      const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
      if (!inMarker && !space && !lowSurrogate && !(alnum && previousAlnum)) count++;
      previousAlnum = alnum && !inMarker;
      prefix[i + 1] = count;
    }
    this.prefix = prefix;
  }

  count(start = 0, end = this.prefix.length - 1): number {
    return this.prefix[end] - this.prefix[start];
  }
}

export function speakingMinutes(characters: number, charactersPerMinute = DEFAULT_CHARACTERS_PER_MINUTE): number {
  const rate = charactersPerMinute > 0 ? charactersPerMinute : DEFAULT_CHARACTERS_PER_MINUTE;
  return Math.round((characters / rate) * 10) / 10;
}
