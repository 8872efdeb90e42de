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
  'formula-count': { 'zh-cn': '“{0}”说是 {1} 项，这里列了 {2} 项', en: '"{0}" states {1} items but {2} are listed' },
  'formula-items': { 'zh-cn': '“{0}”应有 {1} 项，这里列了 {2} 项{3}{4}', en: '"{0}" has {1} items; {2} are listed{3}{4}' },
  'formula-missing': { 'zh-cn': '，缺少“{0}”', en: ', missing "{0}"' },
  'formula-extra': { 'zh-cn': '，多出“{0}”', en: ', with "{0}" not among them' },
  'formula-wording': { 'zh-cn': '“{0}”应为“{1}”（“{2}”）', en: '"{0}" should be "{1}" ("{2}")' },
  'formula-order': { 'zh-cn': '“{0}”的顺序应为：{1}', en: 'The order of "{0}" is: {1}' },
  'formula-superseded': { 'zh-cn': '“{0}”已于 {1} 调整：{2}', en: '"{0}" was superseded on {1}: {2}' },
  'formula-old-wording': { 'zh-cn': '“{0}”是 {2} 前“{1}”的提法，现为“{3}”（{4}）', en: '"{0}" is the wording of "{1}" before {2}; it is now "{3}" ({4})' },
  'announced-count': { 'zh-cn': '这里说讲“{0}”点，后面却有 {1} 个“{2}”级标题', en: 'This announces "{0}" points, but {1} headings of the "{2}" level follow' },
  'fix.formula-item': { 'zh-cn': '改为“{0}”', en: 'Change to "{0}"' },
  'fix.formula-canonical': { 'zh-cn': '改为规范表述：{0}', en: 'Use the canonical items: {0}' },
  'fix.formula-order': { 'zh-cn': '按规范顺序排列', en: 'Put the items in the canonical order' },
  'corpus-progress': { 'zh-cn': '讲稿助手：分析语料', en: 'Speech Draft: mining your speeches' },
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
