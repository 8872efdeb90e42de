import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { scratchFolder } from '../support/scratch';
import { analyze } from '../../core/src';
import { exportDocx } from '../../host/src';
import { GBT_9704_STYLE, houseStyle } from '../../core/src/export/houseStyle';
import { layoutSpeech } from '../../core/src/export/layout';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples/sample.speech'), 'utf8');

async function parts(docx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers = Object.keys(zip.files).filter(name => /^word\/footer\d+\.xml$/.test(name)).sort();
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    fontTable: await read('word/fontTable.xml'),
    footers: (await Promise.all(footers.map(read))).join('\n'),
  };
}

/** One `<w:style>` element of styles.xml by id. */
const styleXml = (styles: string, id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`).exec(styles)?.[0] ?? '';

describe('laying out a speech for Word', () => {
  it('styles the title, keeps the salutation and closing as body, and splits run-in headings', () => {
    const laid = layoutSpeech(analyze('在全市工作会议上的讲话\n同志们：\n一、提高站位\n（一）安全是底线。安全生产事关大局。一是压实责任。二是强化监管。\n同志们，让我们共同努力！\n'));
    assert.deepEqual(laid.map(p => [p.kind, p.runs.map(r => `${r.style}:${r.text}`)]), [
      ['title', ['title:在全市工作会议上的讲话']],
      ['salutation', ['body:同志们：']],
      ['body', ['heading1:一、提高站位']],
      ['body', ['heading2:（一）安全是底线。', 'body:安全生产事关大局。', 'heading3:一是压实责任。', 'heading3:二是强化监管。']],
      ['body', ['body:同志们，让我们共同努力！']],
    ]);
  });

  it('centres the date and the speaker under the title, and only the lines right under it', async () => {
    const laid = layoutSpeech(analyze('在全县安全生产会议上的讲话\n（20xx年x月x日）\n县长  ***\n同志们：\n今天召开会议。\n（2024年3月5日）\n'));
    assert.deepEqual(laid.map(p => p.kind), ['title', 'byline', 'byline', 'salutation', 'body', 'body']);
    const xml = await parts(await exportDocx(analyze('在会议上的讲话\n（2024年3月5日）\n今天召开会议，部署工作。\n'), GBT_9704_STYLE));
    const byline = styleXml(xml.styles, 'SpeechByline');
    assert.match(byline, /<w:jc w:val="center"\/>/);
    assert.match(byline, /w:firstLine="0"/);
    assert.match(xml.document, /<w:pStyle w:val="SpeechByline"\/>.*?2024年3月5日/);
    assert.doesNotMatch(xml.document, /<w:pStyle w:val="SpeechByline"\/><\/w:pPr><w:r><w:t[^>]*>今天/);
  });

  it('tags the text as Chinese, so that a viewer without the fonts falls back to Chinese glyph forms', async () => {
    const { styles } = await parts(await exportDocx(analyze('在会议上的讲话\n同志们：\n'), GBT_9704_STYLE));
    assert.match(styles, /<w:docDefaults>.*<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('drops control characters pasted from PDFs, which XML does not allow', async () => {
    const xml = (await parts(await exportDocx(analyze('一、标题\f\n正文\v内容\u0007。\n'), GBT_9704_STYLE))).document;
    // eslint-disable-next-line no-control-regex -- the characters XML cannot hold
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    assert.match(xml, /正文内容。/);
  });

  it('merges house-style overrides and ignores wrongly typed ones', () => {
    const style = houseStyle({ fonts: { body: '仿宋', title: 7 }, lineSpacing: 30, margins: { top: -1 } });
    assert.equal(style.fonts.body, '仿宋');
    assert.equal(style.fonts.title, GBT_9704_STYLE.fonts.title);
    assert.equal(style.lineSpacing, 30);
    assert.equal(style.margins.top, 37);
  });
});

describe('the exported .docx', () => {
  let xml: Record<string, string>;
  before(async () => {
    xml = await parts(await exportDocx(analyze(SAMPLE), GBT_9704_STYLE));
  });

  it('names the GB/T 9704 fonts and sizes in its styles', () => {
    const body = styleXml(xml.styles, 'SpeechBody');
    assert.match(body, /w:eastAsia="仿宋_GB2312"/);
    assert.match(body, /<w:sz w:val="32"\/>/, '3号 = 16 pt');
    assert.match(body, /<w:spacing w:line="560" w:lineRule="exact"/, 'fixed 28 pt');
    assert.match(body, /<w:ind w:firstLine="640"\/>/, 'two characters');
    assert.match(body, /<w:spacing w:val="-5"\/>/, 'condensed to fit 28 characters a line');
    const title = styleXml(xml.styles, 'SpeechTitle');
    assert.match(title, /w:eastAsia="方正小标宋简体"/);
    assert.match(title, /<w:sz w:val="44"\/>/, '2号 = 22 pt');
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.match(styleXml(xml.styles, 'SpeechHeading1'), /w:eastAsia="黑体"/);
    assert.match(styleXml(xml.styles, 'SpeechHeading2'), /w:eastAsia="楷体_GB2312"/);
    assert.match(styleXml(xml.styles, 'SpeechHeading3'), /w:eastAsia="仿宋_GB2312".*<w:b\/>/);
  });

  it('tells Word what to use where a _GB2312 face is missing', () => {
    assert.match(xml.fontTable, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    assert.match(xml.fontTable, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  });

  it('sets A4 with 37/35/28/26 mm margins and odd/even page numbers — 1 — at the outer side', () => {
    assert.match(xml.document, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml.document, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="\d+" w:footer="1307"/, 'the page number 7 mm below the text');
    assert.match(xml.settings, /<w:evenAndOddHeaders\/>/);
    assert.match(xml.document, /<w:footerReference w:type="default"[^>]*\/><w:footerReference w:type="even"/);
    assert.match(xml.footers, /<w:jc w:val="right"\/>.*— .*PAGE.* —/s);
    assert.match(xml.footers, /<w:jc w:val="left"\/>/);
    assert.match(xml.footers, /w:eastAsia="宋体".*<w:sz w:val="28"\/>/s, '4号宋体');
  });

  it('keeps markers as literal text, without Word numbering', () => {
    assert.doesNotMatch(xml.document, /<w:numPr>/);
    assert.match(xml.document, /<w:rStyle w:val="SpeechHeading2"\/><\/w:rPr><w:t xml:space="preserve">（一）安全生产是发展的底线。<\/w:t>/);
  });
});

describe('the exported .docx in LibreOffice', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-export-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const pdfInfo = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  /** Paragraphs of 20 characters: one line each, so pages hold exactly 22 of them. */
  const lines = (count: number) => Array.from({ length: count }, (_, i) => `第${String(i + 1).padStart(2, '0')}段落的文字内容需要足够长以填满一行。`).join('\n');
  /** Paragraphs that fill a line exactly: 26 characters after the two-character indent. */
  const fullLines = (count: number) => Array.from({ length: count }, (_, i) => `第${String(i + 1).padStart(2, '0')}段${'正文内容'.repeat(5)}啊。`).join('\n');

  before(async () => {
    const documents: Record<string, string> = { sample: SAMPLE, lines44: lines(44), lines45: lines(45), full22: fullLines(22) };
    for (const [name, text] of Object.entries(documents)) {
      fs.writeFileSync(path.join(folder, `${name}.docx`), await exportDocx(analyze(text), GBT_9704_STYLE));
    }
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder,
      ...Object.keys(documents).map(name => path.join(folder, `${name}.docx`))], { stdio: 'ignore', timeout: 120000 });
  });

  it('opens the sample speech and shows its page numbers', () => {
    const info = pdfInfo(path.join(folder, 'sample.pdf'));
    assert.match(info, /Pages:\s+2\n/);
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', path.join(folder, 'sample.pdf'), '-'], { encoding: 'utf8' });
    // pdftotext drops the space between a digit and the dash after it.
    assert.match(text, /— 1 ?—/);
    assert.match(text, /— 2 ?—/);
  });

  it('puts 28 characters on a line', () => {
    assert.equal(fullLines(1).length, 26);
    // With 27 a line, each paragraph would wrap and 22 of them would take two pages.
    assert.match(pdfInfo(path.join(folder, 'full22.pdf')), /Pages:\s+1\n/);
  });

  it('puts 22 lines on a page', () => {
    assert.match(pdfInfo(path.join(folder, 'lines44.pdf')), /Pages:\s+2\n/);
    assert.match(pdfInfo(path.join(folder, 'lines45.pdf')), /Pages:\s+3\n/);
  });
});

describe('the exported speech in LibreOffice on Linux, with the font substitutes installed', () => {
  const folder = scratchFolder('fonts-');
  const speech = '在全县安全生产工作会议上的讲话\n（2024年3月5日）\n同志们：\n一、提高认识\n（一）安全是底线\n今天召开会议，部署全年工作。\n';
  let fonts: string[];
  let bylineBox: { xMin: number; xMax: number };

  before(async () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'fonts', 'install', '--dir', path.join(folder, 'conf.d')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    fs.writeFileSync(path.join(folder, 'fonts.conf'), `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include>/etc/fonts/fonts.conf</include><include>${path.join(folder, 'conf.d')}</include><cachedir>${path.join(folder, 'cache')}</cachedir></fontconfig>`);
    fs.writeFileSync(path.join(folder, 'speech.docx'), await exportDocx(analyze(speech), GBT_9704_STYLE));
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, path.join(folder, 'speech.docx')],
      { stdio: 'ignore', timeout: 120000, env: { ...process.env, FONTCONFIG_FILE: path.join(folder, 'fonts.conf') } });
    const pdf = path.join(folder, 'speech.pdf');
    fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).map(line => line.split(/\s+/)[0]).filter(Boolean)
      .map(name => name.replace(/^[A-Z]{6}\+/, ''));
    const boxes = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
    const line = [...boxes.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].find(m => m[3].includes('2024'));
    assert.ok(line, 'the date line is in the PDF');
    bylineBox = { xMin: Number(line[1]), xMax: Number(line[2]) };
  });

  it('shows the title, body and first two heading levels in three families of their kind, none a Japanese face', () => {
    const chinese = fonts.filter(name => !/^Liberation/.test(name));
    assert.ok(new Set(chinese).size >= 3, chinese.join(', '));
    assert.ok(chinese.every(name => !/jp/i.test(name)), chinese.join(', '));
  });

  it('centres the date line under the title', () => {
    const textCentre = (GBT_9704_STYLE.margins.left + (210 - GBT_9704_STYLE.margins.right)) / 2 * 72 / 25.4;
    assert.ok(Math.abs((bylineBox.xMin + bylineBox.xMax) / 2 - textCentre) < 3, JSON.stringify(bylineBox));
  });
});
