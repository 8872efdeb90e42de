import type { AlignmentType, Footer, IRunOptions, Paragraph } from 'docx';
import { Analysis, FONT_ALTERNATIVES, HouseStyle, LaidParagraph, layoutSpeech, RunStyle } from '../../../core/src';

/** The Word library, loaded on the first export: the server starts without it (a bundle of its own, dist/lazy/docx.js). */
let docx: typeof import('docx');

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

const TWIPS_PER_MM = 1440 / 25.4;
const MM_PER_POINT = 25.4 / 72;
const A4_WIDTH_MM = 210;
const CHARACTERS_PER_LINE = 28;

/**
 * Spacing between body characters, in twentieths of a point, that fits 28 of them in the text
 * width (GB/T 9704-2012): 156 mm holds only 27 plain 3号 characters. Word templates use a
 * character grid for this, which LibreOffice lays out badly; a condensed spacing works in both.
 */
function characterSpacing(style: HouseStyle): number {
  const textWidth = (A4_WIDTH_MM - style.margins.left - style.margins.right) / MM_PER_POINT;
  return Math.min(0, Math.floor((textWidth / CHARACTERS_PER_LINE - style.sizes.body) * 20));
}
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** Word sizes are in half points. */
const halfPoints = (points: number) => Math.round(points * 2);

function font(style: HouseStyle, eastAsia: string) {
  return { ascii: style.fonts.latin, hAnsi: style.fonts.latin, eastAsia, hint: 'eastAsia' };
}

const STYLE_IDS: Record<RunStyle, string> = {
  title: 'SpeechTitle', body: 'SpeechBody', heading1: 'SpeechHeading1', heading2: 'SpeechHeading2', heading3: 'SpeechHeading3', heading4: 'SpeechHeading4',
};

function characterStyles(style: HouseStyle) {
  const heading = (id: string, name: string, eastAsia: string, bold = false) => ({
    id, name, basedOn: 'DefaultParagraphFont', run: { font: font(style, eastAsia), size: halfPoints(style.sizes.body), bold },
  });
  return [
    heading(STYLE_IDS.heading1, '讲话稿一级标题', style.fonts.heading1),
    heading(STYLE_IDS.heading2, '讲话稿二级标题', style.fonts.heading2),
    heading(STYLE_IDS.heading3, '讲话稿三级标题', style.fonts.heading3, true),
    heading(STYLE_IDS.heading4, '讲话稿四级标题', style.fonts.heading4),
  ];
}

function paragraphStyles(style: HouseStyle) {
  const spacing = { line: halfPoints(style.lineSpacing) * 10, lineRule: docx.LineRuleType.EXACT, before: 0, after: 0 };
  return [
    {
      id: STYLE_IDS.body, name: '讲话稿正文', basedOn: 'Normal', quickFormat: true,
      run: { font: font(style, style.fonts.body), size: halfPoints(style.sizes.body), characterSpacing: characterSpacing(style) },
      paragraph: { spacing, alignment: docx.AlignmentType.JUSTIFIED, indent: { firstLine: halfPoints(style.sizes.body) * 20 } },
    },
    {
      id: 'SpeechSalutation', name: '讲话稿称呼', basedOn: STYLE_IDS.body, quickFormat: true,
      paragraph: { indent: { firstLine: 0 } },
    },
    {
      id: 'SpeechByline', name: '讲话稿日期署名', basedOn: STYLE_IDS.body, quickFormat: true,
      paragraph: { indent: { firstLine: 0 }, alignment: docx.AlignmentType.CENTER },
    },
    {
      id: STYLE_IDS.title, name: '讲话稿标题', basedOn: 'Normal', quickFormat: true,
      run: { font: font(style, style.fonts.title), size: halfPoints(style.sizes.title) },
      // A 22 pt title needs more than the body's fixed line: it keeps two body lines' height.
      paragraph: { spacing: { ...spacing, line: spacing.line * 2 }, alignment: docx.AlignmentType.CENTER },
    },
  ];
}

/** — 1 — in the footer, at the outer side: right on odd pages, left on even ones. */
function pageNumberFooter(style: HouseStyle, alignment: Alignment): Footer {
  const run: IRunOptions = { font: font(style, style.fonts.pageNumber), size: halfPoints(style.sizes.pageNumber) };
  return new docx.Footer({
    children: [new docx.Paragraph({
      alignment,
      indent: alignment === docx.AlignmentType.RIGHT ? { right: halfPoints(style.sizes.pageNumber) * 10 } : { left: halfPoints(style.sizes.pageNumber) * 10 },
      children: [new docx.TextRun({ ...run, children: ['— ', docx.PageNumber.CURRENT, ' —'] })],
    })],
  });
}

function toParagraph(paragraph: LaidParagraph): Paragraph {
  const styleId = { title: STYLE_IDS.title, byline: 'SpeechByline', salutation: 'SpeechSalutation', body: STYLE_IDS.body }[paragraph.kind];
  return new docx.Paragraph({
    style: styleId,
    children: paragraph.runs.map(run => new docx.TextRun(run.style === 'body' || run.style === 'title' ? { text: run.text } : { text: run.text, style: STYLE_IDS[run.style] })),
  });
}

/** Names in the font table the face Word should take where a font is missing (仿宋_GB2312 → 仿宋). */
async function addFontAlternatives(document: Buffer, style: HouseStyle): Promise<Buffer> {
  const JSZip = require('jszip') as typeof import('jszip');
  const zip = await JSZip.loadAsync(document);
  const file = zip.file('word/fontTable.xml');
  if (!file) return document;
  const used = new Set(Object.values(style.fonts));
  const entries = [...used].filter(name => FONT_ALTERNATIVES[name]).map(name =>
    `<w:font w:name="${name}"><w:altName w:val="${FONT_ALTERNATIVES[name]}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`);
  const xml = (await file.async('string')).replace(/<\/w:fonts>$|(<w:fonts[^>]*)\/>$/, (_, selfClosing?: string) =>
    selfClosing ? `${selfClosing}>${entries.join('')}</w:fonts>` : `${entries.join('')}</w:fonts>`);
  zip.file('word/fontTable.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The .docx of a laid-out speech in the house style (A4, GB/T 9704-2012 by default). */
export async function speechToDocx(paragraphs: LaidParagraph[], style: HouseStyle, title: string): Promise<Buffer> {
  // require, not import(): Node would give a bundled CommonJS file's exports only as `default`.
  docx ??= require('docx') as typeof import('docx');
  const document = new docx.Document({
    title,
    creator: '讲稿助手 Speech Draft',
    evenAndOddHeaderAndFooters: true,
    styles: {
      // Tagged Chinese, a viewer without the named fonts falls back to Chinese (not Japanese) glyph forms.
      default: { document: { run: { language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } },
      paragraphStyles: paragraphStyles(style), characterStyles: characterStyles(style),
    },
    sections: [{
      properties: {
        page: {
          size: { width: twips(A4_WIDTH_MM), height: twips(297) },
          margin: {
            top: twips(style.margins.top), bottom: twips(style.margins.bottom), left: twips(style.margins.left), right: twips(style.margins.right),
            // The page number's line starts 7 mm below the text block (GB/T 9704-2012, 7.5).
            footer: twips(style.margins.bottom - 7 - style.sizes.pageNumber * MM_PER_POINT),
          },
        },
      },
      footers: { default: pageNumberFooter(style, docx.AlignmentType.RIGHT), even: pageNumberFooter(style, docx.AlignmentType.LEFT) },
      children: paragraphs.map(toParagraph),
    }],
  });
  return addFontAlternatives(await docx.Packer.toBuffer(document), style);
}

/** A speech's .docx: its analysis laid out, its title (first line) as the document's title. */
export function exportDocx(analysis: Analysis, style: HouseStyle): Promise<Buffer> {
  const paragraphs = layoutSpeech(analysis);
  const title = paragraphs.find(p => p.kind === 'title')?.runs[0].text ?? '';
  return speechToDocx(paragraphs, style, title);
}
