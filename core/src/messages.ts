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
  'formula-heading-count': { 'zh-cn': '“{0}”说是 {1} 项，下面有 {2} 个“{3}”级标题', en: '"{0}" states {1} items, but {2} "{3}" headings follow' },
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
  'bad-custom-formula': { 'zh-cn': '设置 speechDraft.formulas.custom 中的条目 {0} 需要 name 和 items（字符串数组），已跳过', en: 'Entry {0} of speechDraft.formulas.custom needs a name and items (an array of strings); skipped' },
  'hover.current': { 'zh-cn': '现行提法', en: 'Current wording' },
  'hover.from-corpus': { 'zh-cn': '语料中的展开（非规范词典）', en: 'As a corpus spells it out (not the curated dictionary)' },
  'hover.superseded': { 'zh-cn': '已于 {0} 调整：{1}', en: 'Superseded on {0}: {1}' },
  'hover.previous': { 'zh-cn': '{0} 前的提法：{1}', en: 'Wording before {0}: {1}' },
  'hover.source': { 'zh-cn': '出处：{0}', en: 'Source: {0}' },
  'hover.source-dated': { 'zh-cn': '出处：{0}（{1}）', en: 'Source: {0} ({1})' },
  'hover.unverified': { 'zh-cn': '（条目尚未对照官方页面核实，仅对照了转载）', en: '(not yet checked against an official page, only against copies)' },
  'hover.dated': { 'zh-cn': '特定时期的提法：回顾时可用，部署新工作不宜再用', en: 'A formula of its time: fine in a retrospective, not for new work' },
  'hover.unknown': { 'zh-cn': '数字概括（词典中没有）', en: 'Numeric summary (not in the dictionary)' },
  'hover.unknown-count': { 'zh-cn': '数字概括，{0} 项（词典中没有）', en: 'Numeric summary of {0} items (not in the dictionary)' },
  'hover.in-text': { 'zh-cn': '本文列出：{0}', en: 'Listed here: {0}' },
  'hover.corpus': { 'zh-cn': '语料中出现 {0} 处：{1}', en: 'Used {0} times in the corpus: {1}' },
  'hover.place': { 'zh-cn': '《{0}》第 {1} 行', en: '"{0}" line {1}' },
  'completion.next': { 'zh-cn': '接续 {0}', en: 'After {0}' },
  'completion.child': { 'zh-cn': '{0} 的下一层', en: 'A level under {0}' },
  'completion.first': { 'zh-cn': '第一个标题', en: 'The first heading' },
  'completion.kind.sentence': { 'zh-cn': '语料续写', en: 'Continues a corpus sentence' },
  'completion.kind.formula': { 'zh-cn': '提法', en: 'Formula' },
  'completion.kind.formula-expansion': { 'zh-cn': '提法（含展开）', en: 'Formula, spelled out' },
  'completion.mine': { 'zh-cn': '我的讲话', en: 'my speeches' },
  'completion.shipped': { 'zh-cn': '内置语料', en: 'built-in corpus' },
  'completion.count': { 'zh-cn': '{0} 处', en: '{0} times' },
  'completion.from': { 'zh-cn': '来自《{0}》第 {1} 行：', en: 'From "{0}", line {1}:' },
  'problems-omitted': { 'zh-cn': '此处起还有 {0} 处问题未列出（最多列出 {1} 处，可在设置 speechDraft.maxNumberOfProblems 中调整）', en: '{0} more problems from here on are not listed (at most {1} are; see the speechDraft.maxNumberOfProblems setting)' },
  'too-large': { 'zh-cn': '文档超过 {0} 个字符，讲稿助手不再分析它（提纲、检查和补全均已停用）', en: 'The document has more than {0} characters; Speech Draft does not analyse it (outline, checks and completion are off)' },
  'bad-ignore-pattern': { 'zh-cn': '占位符忽略规则“{0}”不是有效的正则表达式（RE2 语法，不支持环视和反向引用），已跳过', en: 'Placeholder ignore pattern "{0}" is not a valid regular expression (RE2 syntax: no look-around or back-references) and was skipped' },
} as const;

export type MessageId = keyof typeof MESSAGES;

export function localize(locale: Locale, id: MessageId, ...args: string[]): string {
  return MESSAGES[id][locale].replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
}

/** Maps an editor locale such as `zh-CN`, `zh-tw` or `en-US` to one we have. */
export function toLocale(editorLocale: string | undefined): Locale {
  return editorLocale && /^en\b/i.test(editorLocale) ? 'en' : 'zh-cn';
}
