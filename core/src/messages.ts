export type Locale = 'zh-cn' | 'en';

const MESSAGES = {
  'placeholder': { 'zh-cn': '未填写的占位符“{0}”', en: 'Unfilled placeholder "{0}"' },
  'numbering-gap': { 'zh-cn': '编号不连续：“{0}”前缺少“{1}”', en: 'Numbering gap: "{1}" is missing before "{0}"' },
  'numbering-repeat': { 'zh-cn': '编号重复：“{0}”已出现过', en: 'Repeated number: "{0}" was used already' },
  'numbering-order': { 'zh-cn': '编号顺序颠倒：“{0}”出现在“{1}”之后', en: 'Numbering out of order: "{0}" comes after "{1}"' },
  'numbering-start': { 'zh-cn': '编号应从“{1}”开始，此处为“{0}”', en: 'Numbering should start at "{1}", not "{0}"' },
  'half-width-paren': { 'zh-cn': '序号“{0}”使用了半角括号，应为“{1}”', en: 'Marker "{0}" uses half-width parentheses; the standard form is "{1}"' },
  'arabic-dun': { 'zh-cn': '序号“{0}”应使用“{1}”（GB/T 9704）', en: 'Marker "{0}" should be "{1}" (GB/T 9704)' },
  'fix.renumber': { 'zh-cn': '重新编号此序列', en: 'Renumber this sequence' },
  'fix.normalise': { 'zh-cn': '改为“{0}”', en: 'Change to "{0}"' },
  'bad-ignore-pattern': { 'zh-cn': '占位符忽略规则“{0}”不是有效的正则表达式，已跳过', en: 'Placeholder ignore pattern "{0}" is not a valid regular expression and was skipped' },
} as const;

export type MessageId = keyof typeof MESSAGES;

export function localize(locale: Locale, id: MessageId, ...args: string[]): string {
  return MESSAGES[id][locale].replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
}

/** Maps an editor locale such as `zh-CN`, `zh-tw` or `en-US` to one we have. */
export function toLocale(editorLocale: string | undefined): Locale {
  return editorLocale && /^en\b/i.test(editorLocale) ? 'en' : 'zh-cn';
}
